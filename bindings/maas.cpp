// Embind glue for the MaaS factories and client: argument conversion and nothing else.
#include <emscripten/bind.h>

#include "bindings/js_values.hpp"
#include "bindings/maas_handle.hpp"
#include "maas/factory.hpp"

namespace genai::bindings {

using maas::MaaSClient;

class JsMaaSClient {
public:
    explicit JsMaaSClient(std::shared_ptr<MaaSClient> client) : client_(std::move(client)) {}
    const std::shared_ptr<MaaSClient>& shared() const { return client_; }

    val listModels(std::string subscription, val options) {
        return callAsync(client_, &MaaSClient::listModels, std::move(subscription), callOptions(options));
    }
    val issueToken(std::string request, val options) {
        return callWithRequest<maas::TokenRequest>(client_, &MaaSClient::issueToken, request, options);
    }
    val revokeAllTokens(val options) { return callAsync(client_, &MaaSClient::revokeAllTokens, callOptions(options)); }
    val getModelToken(std::string request, val options) {
        return callWithRequest<maas::ModelTokenRequest>(client_, &MaaSClient::getModelToken, request, options);
    }
    val createApiKey(std::string request, val options) {
        return callWithRequest<maas::CreateApiKeyRequest>(client_, &MaaSClient::createApiKey, request, options);
    }
    val searchApiKeys(std::string request, val options) {
        return callWithRequest<maas::SearchApiKeysRequest>(client_, &MaaSClient::searchApiKeys, request, options);
    }
    val getApiKey(std::string id, val options) {
        return callAsync(client_, &MaaSClient::getApiKey, std::move(id), callOptions(options));
    }
    val revokeApiKey(std::string id, val options) {
        return callAsync(client_, &MaaSClient::revokeApiKey, std::move(id), callOptions(options));
    }
    val bulkRevokeApiKeys(std::string request, val options) {
        return callWithRequest<maas::BulkRevokeRequest>(client_, &MaaSClient::bulkRevokeApiKeys, request, options);
    }
    val getApiKeyConfig(val options) { return callAsync(client_, &MaaSClient::getApiKeyConfig, callOptions(options)); }
    val listSubscriptions(val options) { return callAsync(client_, &MaaSClient::listSubscriptions, callOptions(options)); }
    val listModelSubscriptions(std::string modelRef, val options) {
        return callAsync(client_, &MaaSClient::listModelSubscriptions, std::move(modelRef), callOptions(options));
    }
    val getTenants(val options) { return callAsync(client_, &MaaSClient::getTenants, callOptions(options)); }
    val health(val options) { return callAsync(client_, &MaaSClient::health, callOptions(options)); }

private:
    std::shared_ptr<MaaSClient> client_;
};

class JsMaaSFactory {
public:
    explicit JsMaaSFactory(val config) : setup_(factorySetup(config)) {
        if (setup_.mock) factory_ = std::make_shared<maas::MockMaaSClientFactory>(webRuntime());
        else factory_ = std::make_shared<maas::RealMaaSClientFactory>(setup_.transport, webRuntime());
    }
    JsMaaSClient createClient(std::string baseUrl, std::string token, val extra) {
        http::ClientOptions client = forSetup(setup_, clientOptions(std::move(baseUrl), std::move(token), extra));
        return JsMaaSClient(std::shared_ptr<MaaSClient>(factory_->createClient(client)));
    }
    bool isMock() const { return setup_.mock || setup_.replay; }
    val recording() const { return recordingToJs(setup_); }
    void clearTokenCache() { factory_->tokenCache().clear(); }
    int tokenCacheSize() { return static_cast<int>(factory_->tokenCache().stats().totalEntries); }

private:
    FactorySetup setup_;
    std::shared_ptr<maas::MaaSClientFactory> factory_;
};

std::shared_ptr<MaaSClient> maasClientOf(const val& native) {
    if (!native.instanceof(val::module_property("MaaSClient")))
        throwValidation("maas", "maasClient", "expected a MaaS client created by a MaaS factory of this SDK");
    return native.as<JsMaaSClient>().shared();
}

EMSCRIPTEN_BINDINGS(genai_maas) {
    emscripten::class_<JsMaaSClient>("MaaSClient")
        .function("listModels", &JsMaaSClient::listModels)
        .function("issueToken", &JsMaaSClient::issueToken)
        .function("revokeAllTokens", &JsMaaSClient::revokeAllTokens)
        .function("getModelToken", &JsMaaSClient::getModelToken)
        .function("createApiKey", &JsMaaSClient::createApiKey)
        .function("searchApiKeys", &JsMaaSClient::searchApiKeys)
        .function("getApiKey", &JsMaaSClient::getApiKey)
        .function("revokeApiKey", &JsMaaSClient::revokeApiKey)
        .function("bulkRevokeApiKeys", &JsMaaSClient::bulkRevokeApiKeys)
        .function("getApiKeyConfig", &JsMaaSClient::getApiKeyConfig)
        .function("listSubscriptions", &JsMaaSClient::listSubscriptions)
        .function("listModelSubscriptions", &JsMaaSClient::listModelSubscriptions)
        .function("getTenants", &JsMaaSClient::getTenants)
        .function("health", &JsMaaSClient::health);
    emscripten::class_<JsMaaSFactory>("MaaSFactory")
        .constructor<val>()
        .function("createClient", &JsMaaSFactory::createClient)
        .function("isMock", &JsMaaSFactory::isMock)
        .function("recording", &JsMaaSFactory::recording)
        .function("clearTokenCache", &JsMaaSFactory::clearTokenCache)
        .function("tokenCacheSize", &JsMaaSFactory::tokenCacheSize);
}

}  // namespace genai::bindings
