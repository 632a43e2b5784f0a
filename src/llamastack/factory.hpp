// LlamaStack factories (DESIGN.md decision 3): both build an HttpLlamaStackClient; the Real one
// over the platform transport (fetch), the Mock one over a FixtureTransport serving the fake
// LlamaStack service. A factory lives for the app; clients are created per request and are cheap.
#pragma once

#include <memory>
#include <optional>

#include "http/client_options.hpp"
#include "http/transport.hpp"
#include "llamastack/client.hpp"
#include "llamastack/options.hpp"

namespace genai::llamastack {

class LlamaStackClientFactory {
public:
    virtual ~LlamaStackClientFactory() = default;
    virtual std::unique_ptr<LlamaStackClient> createClient(const http::ClientOptions& options,
                                                           const LlamaStackOptions& settings) = 0;
    virtual bool isMock() const = 0;
};

class RealLlamaStackClientFactory final : public LlamaStackClientFactory {
public:
    RealLlamaStackClientFactory(std::shared_ptr<http::Transport> transport, std::shared_ptr<http::Runtime> runtime);
    std::unique_ptr<LlamaStackClient> createClient(const http::ClientOptions& options,
                                                   const LlamaStackOptions& settings) override;
    bool isMock() const override { return false; }

private:
    std::shared_ptr<http::Transport> transport_;
    std::shared_ptr<http::Runtime> runtime_;
};

struct MockSettings {
    // Delay between streamed events, in ms. nullopt: the upstream mock's own pacing (200 ms after
    // response.created, 300 ms per word, ...), lifelike for demos; 0 for tests.
    std::optional<double> streamDelayMs;
};

class MockLlamaStackClientFactory final : public LlamaStackClientFactory {
public:
    MockLlamaStackClientFactory(std::shared_ptr<http::Runtime> runtime, MockSettings settings = {});
    // Ignores baseUrl, token and transport, as the upstream mock does; keeps the rest (the API
    // path, the provider-data header) so the same requests are made.
    std::unique_ptr<LlamaStackClient> createClient(const http::ClientOptions& options,
                                                   const LlamaStackOptions& settings) override;
    bool isMock() const override { return true; }

private:
    std::shared_ptr<http::Runtime> runtime_;
    std::shared_ptr<http::Transport> transport_;
};

// The base URL Mock clients use; the fake service serves every API path below it.
inline constexpr const char* kMockLlamaStackBaseUrl = "http://llamastack.mock.invalid";

}  // namespace genai::llamastack
