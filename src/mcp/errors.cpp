#include "mcp/errors.hpp"

#include <nlohmann/json.hpp>

#include "core/json.hpp"
#include "core/text.hpp"

namespace genai::mcp {

namespace {
bool has(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

void applyMapping(ErrorInfo& info) {
    McpFailure mapped = mapMcpError(Error(info));
    info.code = mapped.code;
    info.mappedStatus = mapped.status;
}
}  // namespace

McpFailure mapMcpErrorText(std::string_view text) {
    if (has(text, "connection refused")) return {"CONNECTION_FAILED", 503, "Server is not reachable"};
    if (has(text, "timeout")) return {"TIMEOUT", 408, "Request timed out"};
    if (has(text, "HTTP 401") || has(text, "401")) return {"unauthorized", 401, "Authentication failed"};
    if (has(text, "HTTP 403") || has(text, "403")) return {"forbidden", 403, "Access denied"};
    if (has(text, "HTTP 404") || has(text, "404")) return {"not_found", 404, "Server endpoint not found"};
    if (has(text, "HTTP 400") || has(text, "400")) return {"bad_request", 400, "Invalid request format or parameters"};
    if (has(text, "HTTP 5") || has(text, "internal server error")) return {"server_error", 500, "MCP server internal error"};
    if (has(text, "unauthorized")) return {"unauthorized", 401, "Authentication failed"};
    if (has(text, "forbidden")) return {"forbidden", 403, "Access denied"};
    if (has(text, "not found")) return {"not_found", 404, "Server endpoint not found"};
    if (has(text, "bad request")) return {"bad_request", 400, "Invalid request format or parameters"};
    return {"internal_error", 500, nullptr};
}

McpFailure mapMcpError(const Error& error) {
    switch (error.kind()) {
        case ErrorKind::Connection: return {"CONNECTION_FAILED", 503, "Server is not reachable"};
        case ErrorKind::Timeout: return {"TIMEOUT", 408, "Request timed out"};
        default: return mapMcpErrorText(error.info().message);
    }
}

std::string httpFailureText(int status, std::string_view body) {
    std::string text;
    auto parsed = parseJsonOrDiscarded(body);
    if (parsed.is_object()) {
        for (const char* field : {"error", "message", "detail"}) {
            auto it = parsed.find(field);
            if (it != parsed.end() && it->is_string()) {
                text = it->get<std::string>();
                break;
            }
        }
        auto error = parsed.find("error");
        if (text.empty() && error != parsed.end() && error->is_object() && error->contains("message") &&
            (*error)["message"].is_string())
            text = (*error)["message"].get<std::string>();
    }
    if (text.empty()) text = std::string(trim(body));
    if (text.empty()) text = "(empty body)";
    return "HTTP " + std::to_string(status) + ": " + truncateUtf8(redactSecrets(text), 1000);
}

Error httpError(int status, std::string_view body, std::string_view operation) {
    ErrorInfo info;
    info.kind = errorKindForStatus(status);
    info.status = status;
    info.service = "mcp";
    info.operation = operation;
    info.message = httpFailureText(status, body);
    info.serverMessage = info.message.substr(info.message.find(':') + 2);
    applyMapping(info);
    return Error(std::move(info));
}

Error protocolError(std::string_view operation, std::string message) {
    ErrorInfo info;
    info.kind = ErrorKind::Protocol;
    info.service = "mcp";
    info.operation = operation;
    info.message = redactSecrets(message);
    applyMapping(info);
    return Error(std::move(info));
}

Error abortedCall(std::string_view operation, std::string message) {
    Error error = abortError(std::move(message));
    ErrorInfo info = error.info();
    info.service = "mcp";
    info.operation = operation;
    return Error(std::move(info));
}

Error connectionError(std::string_view operation, std::string message) {
    ErrorInfo info;
    info.kind = ErrorKind::Connection;
    info.message = std::move(message);
    return relabel(Error(std::move(info)), operation);
}

Error relabel(const Error& error, std::string_view operation) {
    if (error.info().service == "mcp") return error;  // already shaped by this service
    ErrorInfo info = error.info();
    info.service = "mcp";
    if (info.operation.empty()) info.operation = operation;
    if (info.kind == ErrorKind::Abort) info.code = "ABORTED";
    else if (info.kind != ErrorKind::Validation) applyMapping(info);
    return Error(std::move(info));
}

}  // namespace genai::mcp
