#include "llamastack/factory.hpp"

#include "http/fixture_transport.hpp"
#include "llamastack/http_client.hpp"
#include "llamastack/mock_service.hpp"

namespace genai::llamastack {

RealLlamaStackClientFactory::RealLlamaStackClientFactory(std::shared_ptr<http::Transport> transport,
                                                         std::shared_ptr<http::Runtime> runtime)
    : transport_(std::move(transport)), runtime_(std::move(runtime)) {}

std::unique_ptr<LlamaStackClient> RealLlamaStackClientFactory::createClient(const http::ClientOptions& options,
                                                                           const LlamaStackOptions& settings) {
    return std::make_unique<HttpLlamaStackClient>(options.transport ? options.transport : transport_, runtime_,
                                                  options, settings);
}

MockLlamaStackClientFactory::MockLlamaStackClientFactory(std::shared_ptr<http::Runtime> runtime, MockSettings settings)
    : runtime_(std::move(runtime)),
      transport_(std::make_shared<http::FixtureTransport>(makeMockLlamaStackRouter(runtime_, settings))) {}

std::unique_ptr<LlamaStackClient> MockLlamaStackClientFactory::createClient(const http::ClientOptions& options,
                                                                           const LlamaStackOptions& settings) {
    http::ClientOptions mock = options;
    mock.baseUrl = kMockLlamaStackBaseUrl;
    mock.transport = transport_;
    mock.token = Secret();
    return std::make_unique<HttpLlamaStackClient>(transport_, runtime_, mock, settings);
}

}  // namespace genai::llamastack
