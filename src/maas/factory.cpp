#include "maas/factory.hpp"

#include "http/fixture_transport.hpp"
#include "maas/http_client.hpp"
#include "maas/mock_service.hpp"

namespace genai::maas {

namespace {
std::shared_ptr<MemoryStore> makeCache(const std::shared_ptr<http::Runtime>& runtime) {
    return std::make_shared<MemoryStore>([runtime] { return runtime->unixSeconds(); });
}
}  // namespace

RealMaaSClientFactory::RealMaaSClientFactory(std::shared_ptr<http::Transport> transport,
                                             std::shared_ptr<http::Runtime> runtime)
    : transport_(std::move(transport)), runtime_(std::move(runtime)), cache_(makeCache(runtime_)) {}

std::unique_ptr<MaaSClient> RealMaaSClientFactory::createClient(const http::ClientOptions& options) {
    return std::make_unique<HttpMaaSClient>(options.transport ? options.transport : transport_, runtime_, options,
                                            cache_);
}

MockMaaSClientFactory::MockMaaSClientFactory(std::shared_ptr<http::Runtime> runtime)
    : runtime_(std::move(runtime)),
      transport_(std::make_shared<http::FixtureTransport>(makeMockMaaSRouter(runtime_))),
      cache_(makeCache(runtime_)) {}

MockMaaSClientFactory::~MockMaaSClientFactory() = default;

std::unique_ptr<MaaSClient> MockMaaSClientFactory::createClient(const http::ClientOptions& options) {
    http::ClientOptions mock = options;
    mock.baseUrl = kMockMaaSBaseUrl;
    mock.transport = transport_;
    return std::make_unique<HttpMaaSClient>(transport_, runtime_, mock, cache_);
}

}  // namespace genai::maas
