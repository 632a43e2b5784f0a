#include "kubernetes/factory.hpp"

#include "http/fixture_transport.hpp"
#include "kubernetes/http_client.hpp"
#include "kubernetes/mock_service.hpp"

namespace genai::kubernetes {

RealKubernetesClientFactory::RealKubernetesClientFactory(std::shared_ptr<http::Transport> transport,
                                                         std::shared_ptr<http::Runtime> runtime)
    : transport_(std::move(transport)), runtime_(std::move(runtime)) {}

std::unique_ptr<KubernetesClient> RealKubernetesClientFactory::createClient(const http::ClientOptions& options,
                                                                            const KubernetesSettings& settings) {
    return std::make_unique<HttpKubernetesClient>(options.transport ? options.transport : transport_, runtime_, options,
                                                  settings);
}

MockKubernetesClientFactory::MockKubernetesClientFactory(std::shared_ptr<http::Runtime> runtime)
    : runtime_(std::move(runtime)),
      transport_(std::make_shared<http::FixtureTransport>(makeMockKubernetesRouter(runtime_))) {}

std::unique_ptr<KubernetesClient> MockKubernetesClientFactory::createClient(const http::ClientOptions& options,
                                                                            const KubernetesSettings& settings) {
    http::ClientOptions mock = options;
    mock.baseUrl = kMockKubernetesBaseUrl;
    mock.transport = transport_;
    if (mock.token.empty()) mock.token = Secret(kMockBearerToken);
    return std::make_unique<HttpKubernetesClient>(transport_, runtime_, mock, settings);
}

}  // namespace genai::kubernetes
