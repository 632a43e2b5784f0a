// The one MCP client implementation, over any http::Transport (fetch, or the mock servers).
// Its own session is opened on first use and reused; the status operations use a session of
// their own each time, as upstream does, so they report on the server as it is now. The Tasks it
// returns use the client and its session: callers keep the client alive until they finish.
#pragma once

#include "mcp/client.hpp"

namespace genai::mcp {

class HttpMcpClient final : public McpClient {
public:
    HttpMcpClient(std::shared_ptr<http::Transport> transport, std::shared_ptr<http::Runtime> runtime,
                  McpClientOptions options);
    ~HttpMcpClient() override;

    Task<Json> listTools(CallContext context) override;
    Task<Json> callTool(std::string name, Json arguments, CallContext context) override;
    Task<Json> getServerConfig(CallContext context) override;
    Task<Json> request(std::string method, Json params, CallContext context) override;
    Task<Json> checkConnectionStatus(CallContext context) override;
    Task<Json> listToolsWithStatus(CallContext context) override;
    Task<void> close() override;
    void abandon() override;

private:
    std::shared_ptr<McpSession> freshSession() const;
    static Task<Json> listAllTools(std::shared_ptr<McpSession> session, CallContext context, int maxPages);
    static Task<Json> callToolOn(std::shared_ptr<McpSession> session, Json params, CallContext context);
    // A fresh session: initialize, then ping (→ ConnectionStatus) or tools/list (→ ToolsStatus).
    Task<Json> status(CallContext context, bool withTools);

    std::shared_ptr<http::Transport> transport_;
    std::shared_ptr<http::Runtime> runtime_;
    SessionSettings sessionSettings_;
    int maxToolPages_;
    std::shared_ptr<McpSession> session_;
};

}  // namespace genai::mcp
