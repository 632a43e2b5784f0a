#include "mcp/factory.hpp"

#include "core/fixtures.hpp"
#include "core/json.hpp"
#include "mcp/http_client.hpp"
#include "mcp/mock_service.hpp"

namespace genai::mcp {

RealMcpClientFactory::RealMcpClientFactory(std::shared_ptr<http::Transport> transport,
                                           std::shared_ptr<http::Runtime> runtime)
    : transport_(std::move(transport)), runtime_(std::move(runtime)) {}

std::unique_ptr<McpClient> RealMcpClientFactory::createClient(McpClientOptions options) {
    return std::make_unique<HttpMcpClient>(transport_, runtime_, std::move(options));
}

MockMcpClientFactory::MockMcpClientFactory(std::shared_ptr<http::Runtime> runtime)
    : runtime_(std::move(runtime)), servers_(makeMockMcpServers(runtime_)) {}

std::unique_ptr<McpClient> MockMcpClientFactory::createClient(McpClientOptions options) {
    options.transport = servers_;
    return std::make_unique<HttpMcpClient>(servers_, runtime_, std::move(options));
}

Json mockServerConfigMapData() { return parseJson(fixtureText("mcp/mcp_servers.json")); }

}  // namespace genai::mcp
