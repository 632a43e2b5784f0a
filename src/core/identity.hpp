// RequestIdentity of the upstream BFF (UPSTREAM.md §1.2): the user's bearer token and an optional
// MCP token, taken from request headers.
#pragma once

#include <map>
#include <string>

#include "core/secret.hpp"

namespace genai {

struct RequestIdentity {
    Secret token;     // the user's Kubernetes / OpenShift token
    Secret mcpToken;  // optional token for MCP servers (header X-MCP-Bearer)
};

struct IdentityOptions {
    std::string tokenHeader = "Authorization";
    std::string tokenPrefix = "Bearer ";
    std::string mcpTokenHeader = "X-MCP-Bearer";
};

// Header names are matched case-insensitively. Throws a ValidationError with the upstream
// messages: `missing required Header: <h>`, `expected token Header <h> to start with Prefix "<p>"`,
// `malformed MCP token: expected X-MCP-Bearer header to start with 'Bearer '`.
RequestIdentity extractRequestIdentity(const std::map<std::string, std::string>& headers,
                                       const IdentityOptions& options = {});

enum class IdentityPurpose { Kubernetes, Mcp };

// `missing identity` is the JS-side check for a null identity; here: the token must be set.
// Messages: `token is required for token-based authentication`, or for MCP
// `token is required for MCP client authentication`.
void validateRequestIdentity(const RequestIdentity& identity,
                             IdentityPurpose purpose = IdentityPurpose::Kubernetes);

}  // namespace genai
