#include "mcp/http_client.hpp"

#include <cmath>
#include <set>

#include "mcp/errors.hpp"
#include "mcp/jsonrpc.hpp"
#include "mcp/status.hpp"

namespace genai::mcp {

namespace {
SessionSettings sessionSettingsFor(McpClientOptions& options) {
    SessionSettings s;
    s.server = options.server;
    s.mcpToken = options.mcpToken;
    s.headers = options.headers;
    if (options.timeoutMs) s.timeoutMs = *options.timeoutMs;
    if (!options.protocolVersion.empty()) s.protocolVersion = options.protocolVersion;
    if (options.clientInfo.is_object()) s.clientInfo = options.clientInfo;
    s.onElicitation = std::move(options.onElicitation);
    return s;
}

CallContext named(CallContext context, const char* operation) {
    context.operation = operation;
    return context;
}

// A Task that fails with `error` when awaited: validation errors reach the caller the way every
// other failure does, without a coroutine per operation.
template <typename T>
Task<T> failWith(Error error) {
    throw error;
    co_return T();
}

// The ValidationError of a call, if its arguments are wrong.
template <typename Check>
std::optional<Error> invalid(Check check) {
    try {
        check();
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

// Failures a status call reports inside its result; the others (the caller's abort, bad input)
// are thrown.
bool reportable(const Error& error) {
    return error.kind() != ErrorKind::Abort && error.kind() != ErrorKind::Validation;
}
}  // namespace

HttpMcpClient::HttpMcpClient(std::shared_ptr<http::Transport> transport, std::shared_ptr<http::Runtime> runtime,
                             McpClientOptions options)
    : transport_(options.transport ? options.transport : std::move(transport)),
      runtime_(std::move(runtime)),
      sessionSettings_(sessionSettingsFor(options)),
      maxToolPages_(options.maxToolPages > 0 ? options.maxToolPages : 100),
      session_(McpSession::create(transport_, runtime_, sessionSettings_)) {
    if (!sessionSettings_.protocolVersion.empty() && !isSupportedProtocolVersion(sessionSettings_.protocolVersion))
        throwValidation("mcp", "createClient",
                        "protocolVersion must be one of 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05, got: " +
                            sessionSettings_.protocolVersion);
}

// The session's streams end with the client, even while calls still hold the session.
HttpMcpClient::~HttpMcpClient() { session_->abandon(); }

std::shared_ptr<McpSession> HttpMcpClient::freshSession() const {
    return McpSession::create(transport_, runtime_, sessionSettings_);
}

Task<Json> HttpMcpClient::listAllTools(std::shared_ptr<McpSession> session, CallContext context, int maxPages) {
    Json tools = Json::array();
    std::set<std::string> seenCursors;
    std::string cursor;
    for (int page = 0; page < maxPages; ++page) {
        Json params = Json::object();
        if (!cursor.empty()) params["cursor"] = cursor;
        Json result = co_await session->request("tools/list", std::move(params), context);
        if (!result.is_object() || !result.contains("tools") || !result["tools"].is_array())
            throw protocolError(context.operation, "the tools/list result has no tools array");
        for (auto& tool : result["tools"]) {
            if (!tool.is_object() || !tool.contains("name") || !tool["name"].is_string())
                throw protocolError(context.operation, "tools/list returned a tool without a name");
            tools.push_back(std::move(tool));
        }
        auto next = result.find("nextCursor");
        if (next == result.end() || !next->is_string() || next->get<std::string>().empty()) co_return tools;
        cursor = next->get<std::string>();
        if (!seenCursors.insert(cursor).second)
            throw protocolError(context.operation, "tools/list returned the same cursor twice");
    }
    throw protocolError(context.operation,
                        "tools/list has more than " + std::to_string(maxPages) + " pages (raise maxToolPages)");
}

Task<Json> HttpMcpClient::listTools(CallContext context) {
    context = named(std::move(context), "listTools");
    if (auto error = invalid([&] { validateServerUrl(sessionSettings_.server.url, context.operation); }))
        return failWith<Json>(*error);
    return listAllTools(session_, std::move(context), maxToolPages_);
}

Task<Json> HttpMcpClient::callTool(std::string name, Json arguments, CallContext context) {
    context = named(std::move(context), "callTool");
    if (arguments.is_null()) arguments = Json::object();
    if (auto error = invalid([&] {
            validateServerUrl(sessionSettings_.server.url, context.operation);
            if (name.empty()) throwValidation("mcp", context.operation, "tool name is required");
            if (!arguments.is_object()) throwValidation("mcp", context.operation, "tool arguments must be an object");
        }))
        return failWith<Json>(*error);
    Json params;
    params["name"] = std::move(name);
    params["arguments"] = std::move(arguments);
    return callToolOn(session_, std::move(params), std::move(context));
}

Task<Json> HttpMcpClient::callToolOn(std::shared_ptr<McpSession> session, Json params, CallContext context) {
    Json result = co_await session->request("tools/call", std::move(params), context);
    if (!result.is_object()) throw protocolError(context.operation, "the tools/call result is not an object");
    if (!result.contains("content") || !result["content"].is_array()) result["content"] = Json::array();
    if (!result.contains("isError") || !result["isError"].is_boolean()) result["isError"] = false;
    co_return result;
}

Task<Json> HttpMcpClient::getServerConfig(CallContext context) {
    context = named(std::move(context), "getServerConfig");
    if (auto error = invalid([&] { validateServerUrl(sessionSettings_.server.url, context.operation); }))
        return failWith<Json>(*error);
    return session_->initializeResult(std::move(context));
}

Task<Json> HttpMcpClient::request(std::string method, Json params, CallContext context) {
    context = named(std::move(context), "request");
    if (params.is_null()) params = Json::object();
    if (auto error = invalid([&] {
            validateServerUrl(sessionSettings_.server.url, context.operation);
            if (method.empty()) throwValidation("mcp", context.operation, "method is required");
            if (method == "initialize" || method.rfind("notifications/", 0) == 0)
                throwValidation("mcp", context.operation, "the client sends " + method + " itself");
            if (!params.is_object()) throwValidation("mcp", context.operation, "params must be an object");
        }))
        return failWith<Json>(*error);
    return session_->request(std::move(method), std::move(params), std::move(context));
}

Task<Json> HttpMcpClient::checkConnectionStatus(CallContext context) {
    return status(named(std::move(context), "checkConnectionStatus"), false);
}

Task<Json> HttpMcpClient::listToolsWithStatus(CallContext context) {
    return status(named(std::move(context), "listToolsWithStatus"), true);
}

Task<Json> HttpMcpClient::status(CallContext context, bool withTools) {
    validateServerUrl(sessionSettings_.server.url, context.operation);
    auto session = freshSession();
    StatusContext status{sessionSettings_.server, runtime_->unixSeconds(), std::nullopt};
    std::optional<Error> failure;
    long long pingMs = 0;
    Json tools;
    try {
        status.initializeResult = co_await session->initializeResult(context);
        if (withTools) {
            tools = co_await listAllTools(session, context, maxToolPages_);
        } else {
            const double started = runtime_->nowMs();
            co_await session->request("ping", Json::object(), context);
            pingMs = std::llround(runtime_->nowMs() - started);
        }
    } catch (const Error& e) {
        failure = e;
    }
    co_await session->close();
    if (failure && !reportable(*failure)) throw *failure;
    if (withTools) co_return failure ? toolsErrorStatus(status, *failure) : toolsStatus(status, tools);
    co_return failure ? connectionErrorStatus(status, *failure) : connectedStatus(status, pingMs);
}

void HttpMcpClient::abandon() { session_->abandon(); }

Task<void> HttpMcpClient::close() { return session_->close(); }

}  // namespace genai::mcp
