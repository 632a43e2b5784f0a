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

Json common(const StatusContext& context, const char* status, std::string message) {
    return {{"server_url", context.server.url},
            {"status", status},
            {"message", std::move(message)},
            {"last_checked", static_cast<long long>(std::floor(context.checkedAtUnixSeconds))},
            {"server_info", serverInfo(context)}};
}

Json errorDetails(const Error& error, McpFailure& mapped) {
    mapped = mapMcpError(error);
    return {{"code", mapped.code}, {"status_code", mapped.status}, {"raw_error", error.info().message}};
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
    return {{"name", stringOr(tool, "name", "")},
            {"description", stringOr(tool, "description", "")},
            {"input_schema", reduceSchema(tool.value("inputSchema", Json()))}};
}

Json serverInfo(const StatusContext& context) {
    if (!context.initializeResult) return {{"name", context.server.name}, {"version", "N/A"}, {"protocol_version", ""}};
    const Json& result = *context.initializeResult;
    Json info = result.value("serverInfo", Json::object());
    if (!info.is_object()) info = Json::object();
    return {{"name", stringOr(info, "name", context.server.name.c_str())},
            {"version", stringOr(info, "version", "N/A")},
            {"protocol_version", stringOr(result, "protocolVersion", "")}};
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
    Json out = common(context, "error", mapped.message);
    out["error_details"] = std::move(details);
    return out;
}

Json toolsErrorStatus(const StatusContext& context, const Error& error) {
    Json out = connectionErrorStatus(context, error);
    out["tools"] = Json::array();
    return out;
}

}  // namespace genai::mcp
