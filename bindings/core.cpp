// Embind glue for what is not a service: configuration and request identity.
#include <emscripten/bind.h>

#include "bindings/js_values.hpp"
#include "core/config.hpp"
#include "core/identity.hpp"

namespace genai::bindings {

namespace {
std::map<std::string, std::string> stringMap(const Json& object) {
    std::map<std::string, std::string> out;
    if (!object.is_object()) return out;
    for (const auto& [key, value] : object.items()) {
        if (value.is_string()) out[key] = value.get<std::string>();
    }
    return out;
}

}  // namespace

val configFromEnvJson(std::string envJson) {
    return rethrowAsJs([&] {
        return web::jsonToJs(configToJson(configFromEnv(stringMap(parseRequest(envJson)))).dump());
    });
}

// Returns {token, mcpToken}; the facade wraps the values so they never print.
val extractRequestIdentityJson(std::string headersJson, std::string optionsJson) {
    return rethrowAsJs([&] {
        Json options = parseRequest(optionsJson);
        IdentityOptions identityOptions;
        for (auto [field, target] : {std::pair{"tokenHeader", &identityOptions.tokenHeader},
                                     std::pair{"tokenPrefix", &identityOptions.tokenPrefix}}) {
            if (!options.contains(field) || options[field].is_null()) continue;
            if (!options[field].is_string())
                throwValidation("identity", "extractRequestIdentity", std::string(field) + " must be a string");
            *target = options[field].get<std::string>();
        }
        RequestIdentity identity = extractRequestIdentity(stringMap(parseRequest(headersJson)), identityOptions);
        val out = val::object();
        out.set("token", identity.token.reveal());
        out.set("mcpToken", identity.mcpToken.empty() ? val::null() : val(identity.mcpToken.reveal()));
        return out;
    });
}

val validateRequestIdentityJson(std::string token, bool forMcp) {
    return rethrowAsJs([&] {
        RequestIdentity identity;
        identity.token = Secret(token);
        validateRequestIdentity(identity, forMcp ? IdentityPurpose::Mcp : IdentityPurpose::Kubernetes);
        return val::undefined();
    });
}

EMSCRIPTEN_BINDINGS(genai_core) {
    emscripten::function("configFromEnv", &configFromEnvJson);
    emscripten::function("extractRequestIdentity", &extractRequestIdentityJson);
    emscripten::function("validateRequestIdentity", &validateRequestIdentityJson);
}

}  // namespace genai::bindings
