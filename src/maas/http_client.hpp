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

    Task<Json> listModels(std::string subscription, CallOptions options) override;
    Task<Json> issueToken(TokenRequest request, CallOptions options) override;
    Task<void> revokeAllTokens(CallOptions options) override;
    Task<Json> getModelToken(ModelTokenRequest request, CallOptions options) override;
    Task<Json> createApiKey(CreateApiKeyRequest request, CallOptions options) override;
    Task<Json> searchApiKeys(SearchApiKeysRequest request, CallOptions options) override;
    Task<Json> getApiKey(std::string id, CallOptions options) override;
    Task<Json> revokeApiKey(std::string id, CallOptions options) override;
    Task<Json> bulkRevokeApiKeys(BulkRevokeRequest request, CallOptions options) override;
    Task<Json> getApiKeyConfig(CallOptions options) override;
    Task<Json> listSubscriptions(CallOptions options) override;
    Task<Json> listModelSubscriptions(std::string modelRefName, CallOptions options) override;
    Task<Json> getTenants(CallOptions options) override;
    Task<Json> health(CallOptions options) override;

private:
    http::ApiRequest request(std::string operation, std::string method, std::string path) const;
    // The body must be an object with these fields; each type is one of
    // 's' string, 'i' integer, 'b' boolean, 'a' array, 'o' object.
    void expectObject(const http::ApiRequest& request, const Json& body,
                      std::initializer_list<std::pair<const char*, char>> required) const;
    void expectArray(const http::ApiRequest& request, const Json& body) const;

    std::string baseUrl_;
    http::ApiClient api_;
    std::shared_ptr<MemoryStore> tokenCache_;
};

// The MaaS error mapping of UPSTREAM.md §3.3.
void adjustMaaSError(ErrorInfo& info, const http::FailureContext& context);

}  // namespace genai::maas
