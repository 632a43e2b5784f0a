// Configuration of the four services (UPSTREAM.md §6.1, DESIGN.md decision 10): Real or Mock
// per service, base URLs, and how the token is read from request headers.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "core/identity.hpp"

namespace genai {

struct ServiceConfig {
    bool mock = false;
    std::string baseUrl;
};

struct GenAIConfig {
    ServiceConfig llamaStack, maas, mcp, kubernetes;
    IdentityOptions identity;
};

// Reads the upstream variable names: MOCK_LS_CLIENT, MOCK_MAAS_CLIENT, MOCK_MCP_CLIENT,
// MOCK_K8S_CLIENT (Go strconv.ParseBool syntax), LLAMA_STACK_URL, MAAS_URL, AUTH_TOKEN_HEADER,
// AUTH_TOKEN_PREFIX. Unknown names are ignored; a malformed boolean is a ValidationError.
GenAIConfig configFromEnv(const std::map<std::string, std::string>& env);

// The JS shape of a config: {llamaStack: {mock, baseURL}, maas: …, mcp: …, kubernetes: …,
// auth: {tokenHeader, tokenPrefix}}.
nlohmann::json configToJson(const GenAIConfig& config);

// Go's strconv.ParseBool.
bool parseGoBool(const std::string& name, const std::string& value);

}  // namespace genai
