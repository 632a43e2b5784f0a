// Kubernetes factories (DESIGN.md decision 3): both build an HttpKubernetesClient; the Real one
// over the platform transport (fetch) to the API server or a same-origin proxy in front of it,
// the Mock one over a FixtureTransport serving the fake cluster of mock_service.hpp.
// A factory lives for the app; clients are created per request, each with the user's token.
#pragma once

#include <memory>

#include "http/client_options.hpp"
#include "http/transport.hpp"
#include "kubernetes/client.hpp"

namespace genai::kubernetes {

class KubernetesClientFactory {
public:
    virtual ~KubernetesClientFactory() = default;
    virtual std::unique_ptr<KubernetesClient> createClient(const http::ClientOptions& options,
                                                           const KubernetesSettings& settings) = 0;
    virtual bool isMock() const = 0;
};

class RealKubernetesClientFactory final : public KubernetesClientFactory {
public:
    RealKubernetesClientFactory(std::shared_ptr<http::Transport> transport, std::shared_ptr<http::Runtime> runtime);
    std::unique_ptr<KubernetesClient> createClient(const http::ClientOptions& options,
                                                   const KubernetesSettings& settings) override;
    bool isMock() const override { return false; }

private:
    std::shared_ptr<http::Transport> transport_;
    std::shared_ptr<http::Runtime> runtime_;
};

// One fake cluster per factory: what a client installs, the next client of the factory sees.
class MockKubernetesClientFactory final : public KubernetesClientFactory {
public:
    explicit MockKubernetesClientFactory(std::shared_ptr<http::Runtime> runtime);
    // Ignores baseUrl and transport; a client without a token gets FAKE_BEARER_TOKEN, as the
    // upstream mock factory's DefaultTestUsers.
    std::unique_ptr<KubernetesClient> createClient(const http::ClientOptions& options,
                                                   const KubernetesSettings& settings) override;
    bool isMock() const override { return true; }

private:
    std::shared_ptr<http::Runtime> runtime_;
    std::shared_ptr<http::Transport> transport_;
};

// The base URL Mock clients use; FixtureTransport serves every path below it.
inline constexpr const char* kMockKubernetesBaseUrl = "http://kubernetes.mock.invalid";
inline constexpr const char* kMockBearerToken = "FAKE_BEARER_TOKEN";

}  // namespace genai::kubernetes
