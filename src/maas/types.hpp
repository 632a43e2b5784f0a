// Request types of the MaaS client, parsed and validated from the JSON the caller gives.
// Results are returned as the server's JSON (validated in shape), so fields that newer servers add
// reach the caller unchanged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace genai::maas {

using Json = nlohmann::json;

// POST /v1/tokens (UPSTREAM.md §3.2). `expiration` is a Go duration; default "4h".
struct TokenRequest {
    std::string expiration = "4h";
    static TokenRequest fromJson(const Json& input);
};

// POST /v1/api-keys.
struct CreateApiKeyRequest {
    std::optional<std::string> name, description, expiresIn, subscription;
    bool ephemeral = false;
    static CreateApiKeyRequest fromJson(const Json& input);
    Json toJson() const;
};

// POST /v1/api-keys/search.
struct SearchApiKeysRequest {
    std::optional<std::string> username;
    std::vector<std::string> status;  // empty: the server's default (active)
    std::optional<bool> includeEphemeral;
    std::optional<std::string> sortBy, sortOrder;
    int limit = 50;
    int offset = 0;
    static SearchApiKeysRequest fromJson(const Json& input);
    Json toJson() const;
};

// POST /v1/api-keys/bulk-revoke.
struct BulkRevokeRequest {
    std::optional<std::string> username, subscription;
    bool dryRun = false;
    static BulkRevokeRequest fromJson(const Json& input);
    Json toJson() const;
};

// The token cache of ADR-0008: one MaaS token per namespace, user and model.
struct ModelTokenRequest {
    std::string ns, username, modelId;
    std::string expiration = "30m";
    static ModelTokenRequest fromJson(const Json& input);
};

}  // namespace genai::maas
