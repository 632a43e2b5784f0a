#include "core/config.hpp"

#include "core/error.hpp"

namespace genai {

bool parseGoBool(const std::string& name, const std::string& value) {
    if (value == "1" || value == "t" || value == "T" || value == "TRUE" || value == "true" || value == "True")
        return true;
    if (value == "0" || value == "f" || value == "F" || value == "FALSE" || value == "false" || value == "False")
        return false;
    throwValidation("config", "configFromEnv", "invalid boolean value for " + name + ": \"" + value + "\"");
}

GenAIConfig configFromEnv(const std::map<std::string, std::string>& env) {
    GenAIConfig config;
    auto flag = [&](const char* name, bool& target) {
        if (auto it = env.find(name); it != env.end() && !it->second.empty()) target = parseGoBool(name, it->second);
    };
    auto text = [&](const char* name, std::string& target) {
        if (auto it = env.find(name); it != env.end() && !it->second.empty()) target = it->second;
    };
    flag("MOCK_LS_CLIENT", config.llamaStack.mock);
    flag("MOCK_MAAS_CLIENT", config.maas.mock);
    flag("MOCK_MCP_CLIENT", config.mcp.mock);
    flag("MOCK_K8S_CLIENT", config.kubernetes.mock);
    text("LLAMA_STACK_URL", config.llamaStack.baseUrl);
    text("MAAS_URL", config.maas.baseUrl);
    text("AUTH_TOKEN_HEADER", config.identity.tokenHeader);
    // The prefix may legitimately be empty (HEAD default), so presence alone counts.
    if (auto it = env.find("AUTH_TOKEN_PREFIX"); it != env.end()) config.identity.tokenPrefix = it->second;
    return config;
}

nlohmann::json configToJson(const GenAIConfig& config) {
    auto service = [](const ServiceConfig& s) {
        nlohmann::json out = {{"mock", s.mock}};
        if (!s.baseUrl.empty()) out["baseURL"] = s.baseUrl;
        return out;
    };
    return {{"llamaStack", service(config.llamaStack)},
            {"maas", service(config.maas)},
            {"mcp", service(config.mcp)},
            {"kubernetes", service(config.kubernetes)},
            {"auth", {{"tokenHeader", config.identity.tokenHeader}, {"tokenPrefix", config.identity.tokenPrefix}}}};
}

}  // namespace genai
