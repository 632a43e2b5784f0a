// MCP factories (DESIGN.md decision 3): both build an HttpMcpClient; the Real one over the
// platform transport (fetch), the Mock one over the in-process mock MCP servers of UPSTREAM.md
// §4.6. A factory lives for the app; clients are created per request and are cheap.
#pragma once

#include <memory>

#include "http/transport.hpp"
#include "mcp/client.hpp"
#include "mcp/server_config.hpp"

namespace genai::mcp {

class McpClientFactory {
public:
    virtual ~McpClientFactory() = default;
    virtual std::unique_ptr<McpClient> createClient(McpClientOptions options) = 0;
    virtual bool isMock() const = 0;
};

class RealMcpClientFactory final : public McpClientFactory {
public:
    RealMcpClientFactory(std::shared_ptr<http::Transport> transport, std::shared_ptr<http::Runtime> runtime);
    std::unique_ptr<McpClient> createClient(McpClientOptions options) override;
    bool isMock() const override { return false; }

private:
    std::shared_ptr<http::Transport> transport_;
    std::shared_ptr<http::Runtime> runtime_;
};

class MockMcpClientFactory final : public McpClientFactory {
public:
    explicit MockMcpClientFactory(std::shared_ptr<http::Runtime> runtime);
    // The client's own transport (fetch) is ignored: every URL is answered by a mock server.
    std::unique_ptr<McpClient> createClient(McpClientOptions options) override;
    bool isMock() const override { return true; }

private:
    std::shared_ptr<http::Runtime> runtime_;
    std::shared_ptr<http::Transport> servers_;
};

// The data of the ConfigMap gen-ai-aa-mcp-servers that the Kubernetes mock serves (the eight
// servers of §4.6), for Mock setups.
Json mockServerConfigMapData();

}  // namespace genai::mcp
