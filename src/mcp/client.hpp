// The MCP client interface. Upstream (UPSTREAM.md §4.1) it has CheckConnectionStatus and
// ListToolsWithStatus, which report failures inside the status objects they return; ADR-0006
// also names ListTools, GetServerConfig and CallTool, which throw typed errors instead. A client
// talks to one server; Real and Mock factories both hand out this interface.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/secret.hpp"
#include "core/task.hpp"
#include "http/transport.hpp"
#include "mcp/server_config.hpp"
#include "mcp/session.hpp"

namespace genai::mcp {

struct McpClientOptions {
    ServerConfig server;                         // which server, over which transport
    Secret mcpToken;                             // sent as `Authorization: Bearer …` when set
    std::optional<double> timeoutMs;             // per call, restarting on progress; default 60 s
    http::Headers headers;                       // sent with every request
    std::shared_ptr<http::Transport> transport;  // replaces the factory's (another fetch)
    std::string protocolVersion;                 // offered at initialize; "" → the newest supported
    Json clientInfo;                             // {name, version}; null → the upstream BFF's
    ElicitationHandler onElicitation;            // answers elicitation/create when set
    int maxToolPages = 100;                      // listTools stops with an error past this
};

class McpClient {
public:
    virtual ~McpClient() = default;

    // tools/list, following nextCursor to the last page → every Tool object.
    virtual Task<Json> listTools(CallContext context) = 0;
    // tools/call → {content[], structuredContent?, isError}. A tool's own failure is a result
    // with isError: true; an unknown method or bad params are JSON-RPC errors (thrown).
    virtual Task<Json> callTool(std::string name, Json arguments, CallContext context) = 0;
    // The initialize result: {protocolVersion, capabilities, serverInfo, instructions?}.
    virtual Task<Json> getServerConfig(CallContext context) = 0;
    // Any other MCP request (resources/list, prompts/get, ping, …) → its raw result.
    virtual Task<Json> request(std::string method, Json params, CallContext context) = 0;

    // A fresh session, initialize + ping → ConnectionStatus (failures inside it).
    virtual Task<Json> checkConnectionStatus(CallContext context) = 0;
    // A fresh session, initialize + tools/list → ToolsStatus (failures inside it).
    virtual Task<Json> listToolsWithStatus(CallContext context) = 0;

    // Ends the client's session (DELETE / end of the SSE stream). A later call opens a new one.
    virtual Task<void> close() = 0;
    // The same at once, without waiting for the DELETE (a client being disposed).
    virtual void abandon() = 0;
};

// The JSON part of the options a JS caller gives: {server: {name?, url, transport?, description?,
// logo?}, timeout?, protocolVersion?, clientInfo?: {name, version}, maxToolPages?, headers?}.
// A ValidationError names the first field that is wrong. Tokens, fetch and callbacks are not JSON
// and are set by the caller.
McpClientOptions parseClientOptions(const Json& options);

}  // namespace genai::mcp
