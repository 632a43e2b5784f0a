// The MaaS client interface (UPSTREAM.md §3 and the current MaaS API in
// specs/maas-api-openapi3.yaml). Real and Mock factories both hand out this interface.
#pragma once

#include <string>

#include "core/task.hpp"
#include "http/api_client.hpp"
#include "maas/types.hpp"

namespace genai::maas {

using http::CallOptions;
using http::JsonResult;  // the server's JSON text, shape-checked, parsed once by the caller

class MaaSClient {
public:
    virtual ~MaaSClient() = default;

    // --- the upstream client (§3.1) ---
    // GET /v1/models → the `data` array. `subscription` (optional) scopes it (X-MaaS-Subscription).
    virtual Task<JsonResult> listModels(std::string subscription, CallOptions options) = 0;
    // POST /v1/tokens → {token, expiresAt}. Never retried automatically.
    virtual Task<JsonResult> issueToken(TokenRequest request, CallOptions options) = 0;
    // DELETE /v1/tokens (204). Also empties the factory's token cache.
    virtual Task<void> revokeAllTokens(CallOptions options) = 0;

    // --- the token cache of ADR-0008 ---
    // A cached token for (namespace, user, model), else a new one from issueToken, cached for the
    // expiration it was issued with. → {token, expiresAt, cached}
    virtual Task<Json> getModelToken(ModelTokenRequest request, CallOptions options) = 0;

    // --- API keys (current MaaS API) ---
    virtual Task<JsonResult> createApiKey(CreateApiKeyRequest request, CallOptions options) = 0;  // never retried
    virtual Task<JsonResult> searchApiKeys(SearchApiKeysRequest request, CallOptions options) = 0; // one page
    virtual Task<JsonResult> getApiKey(std::string id, CallOptions options) = 0;
    virtual Task<JsonResult> revokeApiKey(std::string id, CallOptions options) = 0;
    virtual Task<JsonResult> bulkRevokeApiKeys(BulkRevokeRequest request, CallOptions options) = 0;
    virtual Task<JsonResult> getApiKeyConfig(CallOptions options) = 0;

    // --- subscriptions, tenants, health ---
    virtual Task<JsonResult> listSubscriptions(CallOptions options) = 0;
    virtual Task<JsonResult> listModelSubscriptions(std::string modelRefName, CallOptions options) = 0;
    virtual Task<JsonResult> getTenants(CallOptions options) = 0;
    virtual Task<JsonResult> health(CallOptions options) = 0;
};

}  // namespace genai::maas
