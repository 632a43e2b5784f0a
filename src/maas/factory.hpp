// MaaS factories (DESIGN.md decision 3): both build an HttpMaaSClient; the Real one over the
// platform transport (fetch), the Mock one over a FixtureTransport serving the MaaS fixtures.
// A factory lives for the app; clients are created per request and are cheap.
#pragma once

#include <memory>

#include "core/memory_store.hpp"
#include "http/client_options.hpp"
#include "http/transport.hpp"
#include "maas/client.hpp"

namespace genai::maas {

class MaaSClientFactory {
public:
    virtual ~MaaSClientFactory() = default;
    virtual std::unique_ptr<MaaSClient> createClient(const http::ClientOptions& options) = 0;
    virtual bool isMock() const = 0;
    // The ADR-0008 token cache shared by every client of this factory.
    virtual MemoryStore& tokenCache() = 0;
};

class RealMaaSClientFactory final : public MaaSClientFactory {
public:
    RealMaaSClientFactory(std::shared_ptr<http::Transport> transport, std::shared_ptr<http::Runtime> runtime);
    std::unique_ptr<MaaSClient> createClient(const http::ClientOptions& options) override;
    bool isMock() const override { return false; }
    MemoryStore& tokenCache() override { return *cache_; }

private:
    std::shared_ptr<http::Transport> transport_;
    std::shared_ptr<http::Runtime> runtime_;
    std::shared_ptr<MemoryStore> cache_;
};

class MockMaaSState;

class MockMaaSClientFactory final : public MaaSClientFactory {
public:
    explicit MockMaaSClientFactory(std::shared_ptr<http::Runtime> runtime);
    ~MockMaaSClientFactory() override;
    // Ignores baseUrl and token, as the upstream mock does.
    std::unique_ptr<MaaSClient> createClient(const http::ClientOptions& options) override;
    bool isMock() const override { return true; }
    MemoryStore& tokenCache() override { return *cache_; }

private:
    std::shared_ptr<http::Runtime> runtime_;
    std::shared_ptr<http::Transport> transport_;
    std::shared_ptr<MemoryStore> cache_;
};

// The base URL Mock clients use; FixtureTransport serves every path below it.
inline constexpr const char* kMockMaaSBaseUrl = "http://maas.mock.invalid";

}  // namespace genai::maas
