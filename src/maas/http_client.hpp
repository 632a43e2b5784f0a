// The one MaaS client implementation, over any Transport.
#pragma once

#include <memory>

#include "core/memory_store.hpp"
#include "http/api_client.hpp"
#include "http/client_options.hpp"
#include "maas/client.hpp"

namespace genai::maas {

class HttpMaaSClient final : public MaaSClient {
public:
    HttpMaaSClient(std::shared_ptr<http::Transport> transport, std::shared_ptr<http::Runtime> runtime,
                   const http::ClientOptions& options, std::shared_ptr<MemoryStore> tokenCache);

    Task<JsonResult> listModels(std::string subscription, CallOptions options) override;
    Task<JsonResult> issueToken(TokenRequest request, CallOptions options) override;
    Task<void> revokeAllTokens(CallOptions options) override;
    Task<Json> getModelToken(ModelTokenRequest request, CallOptions options) override;
    Task<JsonResult> createApiKey(CreateApiKeyRequest request, CallOptions options) override;
    Task<JsonResult> searchApiKeys(SearchApiKeysRequest request, CallOptions options) override;
    Task<JsonResult> getApiKey(std::string id, CallOptions options) override;
    Task<JsonResult> revokeApiKey(std::string id, CallOptions options) override;
    Task<JsonResult> bulkRevokeApiKeys(BulkRevokeRequest request, CallOptions options) override;
    Task<JsonResult> getApiKeyConfig(CallOptions options) override;
    Task<JsonResult> listSubscriptions(CallOptions options) override;
    Task<JsonResult> listModelSubscriptions(std::string modelRefName, CallOptions options) override;
    Task<JsonResult> getTenants(CallOptions options) override;
    Task<JsonResult> health(CallOptions options) override;

private:
    http::ApiRequest request(std::string operation, std::string method, std::string path) const;

    std::string baseUrl_;
    http::ApiClient api_;
    std::shared_ptr<MemoryStore> tokenCache_;
};

// The MaaS error mapping of UPSTREAM.md §3.3.
void adjustMaaSError(ErrorInfo& info, const http::FailureContext& context);

}  // namespace genai::maas
