#include "mcp/server_config.hpp"

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/text.hpp"

namespace genai::mcp {

namespace {
// Reads an optional string field; a present non-string value is an error (as a Go struct decode).
bool readString(const Json& object, const char* field, std::string& out, std::string& problem) {
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) return true;
    if (!it->is_string()) {
        problem = std::string("field \"") + field + "\" must be a string";
        return false;
    }
    out = it->get<std::string>();
    return true;
}

// Fills `config` from an object; returns the problem, or "" when none.
std::string readConfig(const Json& value, ServerConfig& config) {
    if (!value.is_object()) return "the entry is not a JSON object";
    std::string problem;
    for (auto [field, target] : {std::pair{"name", &config.name}, std::pair{"url", &config.url},
                                 std::pair{"transport", &config.transport},
                                 std::pair{"description", &config.description}, std::pair{"logo", &config.logo}}) {
        if (!readString(value, field, *target, problem)) return problem;
    }
    return {};
}
}  // namespace

ServerConfig ServerConfig::fromJson(const Json& value, std::string_view operation) {
    ServerConfig config;
    std::string problem = readConfig(value, config);
    if (!problem.empty()) throwValidation("mcp", operation, "invalid server config: " + problem);
    return config;
}

Json ServerConfig::toJson() const {
    Json out;
    out["name"] = name;
    out["url"] = url;
    if (!transport.empty()) out["transport"] = transport;
    if (!description.empty()) out["description"] = description;
    if (!logo.empty()) out["logo"] = logo;
    return out;
}

void validateServerUrl(std::string_view url, std::string_view operation) {
    if (trim(url).empty()) throwValidation("mcp", operation, "server url is required");
    const std::string lower = toLower(url);
    size_t hostStart = startsWith(lower, "http://") ? 7 : startsWith(lower, "https://") ? 8 : 0;
    const bool hasHost = hostStart && hostStart < url.size() && url[hostStart] != '/' && url[hostStart] != '?' &&
                         url[hostStart] != '#';
    bool clean = true;
    for (char c : url) {
        if (static_cast<unsigned char>(c) <= 0x20) clean = false;
    }
    if (!hasHost || !clean)
        throwValidation("mcp", operation,
                        "server url must be an absolute http or https URL, got: " + truncateUtf8(url, 200));
}

Json ServerList::toJson() const {
    Json list = Json::array();
    for (const auto& s : servers) {
        Json& entry = list.emplace_back();
        entry["name"] = s.name;
        entry["url"] = s.url;
        entry["transport"] = s.transport.empty() ? "streamable-http" : s.transport;
        entry["description"] = s.description;
        entry["logo"] = s.logo.empty() ? Json(nullptr) : Json(s.logo);
        entry["status"] = s.url.empty() ? "error" : "healthy";
    }
    Json skippedList = Json::array();
    for (const auto& s : skipped) {
        Json& entry = skippedList.emplace_back();
        entry["name"] = s.name;
        entry["reason"] = s.reason;
    }
    Json out;
    out["servers"] = std::move(list);
    out["total_count"] = servers.size();
    out["skipped"] = std::move(skippedList);
    return out;
}

ServerList parseServerConfigMap(const Json& data) {
    ServerList out;
    if (data.is_null()) return out;
    if (!data.is_object()) {
        out.skipped.push_back({"", "the ConfigMap data is not an object"});
        return out;
    }
    for (const auto& [name, value] : data.items()) {  // nlohmann keeps keys sorted
        Json entry = value;
        if (value.is_string()) {
            entry = parseJsonOrDiscarded(value.get<std::string>());
            if (entry.is_discarded()) {
                out.skipped.push_back({name, "the entry is not valid JSON"});
                continue;
            }
        }
        ServerConfig config;
        std::string problem = readConfig(entry, config);
        if (!problem.empty()) {
            out.skipped.push_back({name, problem});
            continue;
        }
        config.name = name;  // the key names the server, whatever the value says
        out.servers.push_back(std::move(config));
    }
    return out;
}

}  // namespace genai::mcp
