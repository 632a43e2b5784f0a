#include "core/identity.hpp"

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/text.hpp"

namespace genai {

namespace {
const std::string* findHeader(const std::map<std::string, std::string>& headers,
                              std::string_view name) {
    for (const auto& [key, value] : headers) {
        if (equalsNoCase(key, name)) return &value;
    }
    return nullptr;
}
}  // namespace

RequestIdentity extractRequestIdentity(const std::map<std::string, std::string>& headers,
                                       const IdentityOptions& options) {
    RequestIdentity identity;
    const std::string* raw = findHeader(headers, options.tokenHeader);
    if (!raw || trim(*raw).empty()) {
        throwValidation("identity", "extractRequestIdentity",
                        "missing required Header: " + options.tokenHeader);
    }
    std::string_view value = *raw;
    if (!options.tokenPrefix.empty()) {
        if (value.substr(0, options.tokenPrefix.size()) != options.tokenPrefix) {
            throwValidation("identity", "extractRequestIdentity",
                            "expected token Header " + options.tokenHeader +
                                " to start with Prefix \"" + options.tokenPrefix + "\"");
        }
        value.remove_prefix(options.tokenPrefix.size());
    }
    identity.token = Secret(std::string(trim(value)));

    if (const std::string* mcp = findHeader(headers, options.mcpTokenHeader)) {
        std::string_view mcpValue = *mcp;
        constexpr std::string_view bearer = "Bearer ";
        if (mcpValue.substr(0, bearer.size()) != bearer) {
            throwValidation("identity", "extractRequestIdentity",
                            "malformed MCP token: expected " + options.mcpTokenHeader +
                                " header to start with 'Bearer '");
        }
        mcpValue.remove_prefix(bearer.size());
        identity.mcpToken = Secret(std::string(trim(mcpValue)));
    }
    return identity;
}

void validateRequestIdentity(const RequestIdentity& identity, IdentityPurpose purpose) {
    if (identity.token.empty()) {
        throwValidation("identity", "validateRequestIdentity",
                        purpose == IdentityPurpose::Mcp
                            ? "token is required for MCP client authentication"
                            : "token is required for token-based authentication");
    }
}

}  // namespace genai
