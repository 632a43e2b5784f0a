#include "mcp/status.hpp"

#include <cmath>

#include "mcp/errors.hpp"

namespace genai::mcp {

namespace {
Json stringOr(const Json& object, const char* field, const char* fallback) {
    auto it = object.find(field);
    if (it != object.end() && it->is_string() && !it->get<std::string>().empty()) return *it;
    return fallback;
}

// Objects are filled field by field: nlohmann's initializer lists cost far more wasm code.
Json common(const StatusContext& context, const char* status, std::string message) {
    Json out;
    out["server_url"] = context.server.url;
    out["status"] = status;
    out["message"] = std::move(message);
    out["last_checked"] = static_cast<long long>(std::floor(context.checkedAtUnixSeconds));
    out["server_info"] = serverInfo(context);
    return out;
}

Json errorDetails(const Error& error, McpFailure& mapped) {
    mapped = mapMcpError(error);
    Json details;
    details["code"] = mapped.code;
    details["status_code"] = mapped.status;
    details["raw_error"] = error.info().message;
    return details;
}
}  // namespace

Json reduceSchema(const Json& schema) {
    Json out = Json::object();
    if (!schema.is_object()) return out;
    if (auto it = schema.find("type"); it != schema.end() && it->is_string()) out["type"] = *it;
    for (const char* field : {"title", "description"}) {
        if (auto it = schema.find(field); it != schema.end() && it->is_string()) out[field] = *it;
    }
    if (auto it = schema.find("properties"); it != schema.end() && it->is_object()) {
        Json properties = Json::object();
        for (const auto& [name, property] : it->items()) properties[name] = reduceSchema(property);
        out["properties"] = std::move(properties);
    }
    if (auto it = schema.find("required"); it != schema.end() && it->is_array()) {
        Json required = Json::array();
        for (const auto& name : *it) {
            if (name.is_string()) required.push_back(name);
        }
        out["required"] = std::move(required);
    }
    if (auto it = schema.find("enum"); it != schema.end() && it->is_array()) out["enum"] = *it;
    return out;
}

Json reduceTool(const Json& tool) {
    Json out;
    out["name"] = stringOr(tool, "name", "");
    out["description"] = stringOr(tool, "description", "");
    out["input_schema"] = reduceSchema(tool.value("inputSchema", Json()));
    return out;
}

Json serverInfo(const StatusContext& context) {
    Json out;
    const Json* result = context.initializeResult ? &*context.initializeResult : nullptr;
    const Json* info = result && result->contains("serverInfo") ? &(*result)["serverInfo"] : nullptr;
    const Json empty = Json::object();
    if (!info || !info->is_object()) info = &empty;
    out["name"] = stringOr(*info, "name", context.server.name.c_str());
    out["version"] = stringOr(*info, "version", "N/A");
    out["protocol_version"] = result ? stringOr(*result, "protocolVersion", "") : Json("");
    return out;
}

Json connectedStatus(const StatusContext& context, long long pingMs) {
    Json out = common(context, "connected", "Connection successful");
    out["ping_response_time_ms"] = pingMs;
    return out;
}

Json toolsStatus(const StatusContext& context, const Json& tools) {
    Json reduced = Json::array();
    for (const auto& tool : tools) reduced.push_back(reduceTool(tool));
    Json out = common(context, "success", "Successfully retrieved " + std::to_string(reduced.size()) + " tools");
    out["tools_count"] = reduced.size();
    out["tools"] = std::move(reduced);
    return out;
}

Json connectionErrorStatus(const StatusContext& context, const Error& error) {
    McpFailure mapped;
    Json details = errorDetails(error, mapped);
    Json out = common(context, "error", mapped.describe(error.info().message));
    out["error_details"] = std::move(details);
    return out;
}

Json toolsErrorStatus(const StatusContext& context, const Error& error) {
    Json out = connectionErrorStatus(context, error);
    out["tools"] = Json::array();
    return out;
}

}  // namespace genai::mcp
