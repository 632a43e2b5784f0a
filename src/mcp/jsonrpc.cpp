#include "mcp/jsonrpc.hpp"

#include "core/text.hpp"

namespace genai::mcp {

bool isSupportedProtocolVersion(std::string_view version) {
    for (auto v : kSupportedProtocolVersions)
        if (v == version) return true;
    return false;
}

// Messages are filled field by field: nlohmann's initializer lists cost far more wasm code.
namespace {
Json envelope(const Json* id) {
    Json m;
    m["jsonrpc"] = "2.0";
    if (id) m["id"] = *id;
    return m;
}
}  // namespace

Json makeRequest(long long id, std::string_view method, Json params) {
    Json m = envelope(nullptr);
    m["id"] = id;
    m["method"] = method;
    if (!params.is_null()) m["params"] = std::move(params);
    return m;
}

Json makeNotification(std::string_view method, Json params) {
    Json m = envelope(nullptr);
    m["method"] = method;
    if (!params.is_null()) m["params"] = std::move(params);
    return m;
}

Json makeResult(const Json& id, Json result) {
    Json m = envelope(&id);
    m["result"] = std::move(result);
    return m;
}

Json makeErrorReply(const Json& id, int code, std::string_view message) {
    Json m = envelope(&id);
    m["error"]["code"] = code;
    m["error"]["message"] = message;
    return m;
}

MessageKind classify(const Json& message) {
    if (!message.is_object()) return MessageKind::Invalid;
    auto method = message.find("method");
    auto id = message.find("id");
    const bool hasId = id != message.end() && (id->is_number_integer() || id->is_string());
    if (method != message.end()) {
        if (!method->is_string()) return MessageKind::Invalid;
        return hasId ? MessageKind::Request : MessageKind::Notification;
    }
    if (message.contains("result") || (message.contains("error") && message["error"].is_object()))
        return MessageKind::Response;
    return MessageKind::Invalid;
}

std::optional<long long> responseId(const Json& message) {
    if (classify(message) != MessageKind::Response) return std::nullopt;
    auto id = message.find("id");
    if (id == message.end() || !id->is_number_integer()) return std::nullopt;
    return id->get<long long>();
}

bool isResponseTo(const Json& message, long long id) { return responseId(message) == id; }

Error rpcError(const Json& error, std::string_view operation) {
    ErrorInfo info;
    info.service = "mcp";
    info.operation = operation;
    const int code = error.contains("code") && error["code"].is_number_integer() ? error["code"].get<int>() : 0;
    const std::string text = error.contains("message") && error["message"].is_string()
                                 ? truncateUtf8(redactSecrets(error["message"].get<std::string>()), 1000)
                                 : std::string("(no message)");
    info.serverType = std::to_string(code);
    info.serverMessage = text;
    info.message = "MCP error " + std::to_string(code) + ": " + text;
    switch (code) {
        case kParseError: info.kind = ErrorKind::BadRequest; info.code = "PARSE_ERROR"; info.mappedStatus = 400; break;
        case kInvalidRequest: info.kind = ErrorKind::BadRequest; info.code = "INVALID_REQUEST"; info.mappedStatus = 400; break;
        case kMethodNotFound: info.kind = ErrorKind::NotFound; info.code = "METHOD_NOT_FOUND"; info.mappedStatus = 404; break;
        case kInvalidParams: info.kind = ErrorKind::BadRequest; info.code = "INVALID_PARAMS"; info.mappedStatus = 400; break;
        case kInternalError: info.kind = ErrorKind::Server; info.code = "INTERNAL_ERROR"; info.mappedStatus = 500; break;
        default: info.kind = ErrorKind::Api; info.code = "JSONRPC_ERROR"; info.mappedStatus = 502; break;
    }
    return Error(std::move(info));
}

}  // namespace genai::mcp
