// Embind glue for the MaaS factories and client. Each method converts its arguments, starts the
// C++ coroutine with a shared_ptr to the client (so a disposed client cannot die mid-call), and
// returns a Promise.
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
        return jsonPromise(run([](auto c, std::string s, http::CallOptions o) -> Task<Json> {
            co_return co_await c->listModels(std::move(s), std::move(o));
        }, std::move(subscription), callOptions(options)));
    }
    val issueToken(std::string request, val options) {
        return guarded([&] {
            auto token = maas::TokenRequest::fromJson(parseRequest(request));
            return run([](auto c, maas::TokenRequest t, http::CallOptions o) -> Task<Json> {
                co_return co_await c->issueToken(std::move(t), std::move(o));
            }, std::move(token), callOptions(options));
        });
    }
    val revokeAllTokens(val options) {
        auto client = client_;
        return voidPromise([](auto c, http::CallOptions o) -> Task<void> {
            co_await c->revokeAllTokens(std::move(o));
        }(client, callOptions(options)));
    }
    val getModelToken(std::string request, val options) {
        return guarded([&] {
            auto wanted = maas::ModelTokenRequest::fromJson(parseRequest(request));
            return run([](auto c, maas::ModelTokenRequest r, http::CallOptions o) -> Task<Json> {
                co_return co_await c->getModelToken(std::move(r), std::move(o));
            }, std::move(wanted), callOptions(options));
        });
    }
    val createApiKey(std::string request, val options) {
        return guarded([&] {
            auto key = maas::CreateApiKeyRequest::fromJson(parseRequest(request));
            return run([](auto c, maas::CreateApiKeyRequest r, http::CallOptions o) -> Task<Json> {
                co_return co_await c->createApiKey(std::move(r), std::move(o));
            }, std::move(key), callOptions(options));
        });
    }
    val searchApiKeys(std::string request, val options) {
        return guarded([&] {
            auto search = maas::SearchApiKeysRequest::fromJson(parseRequest(request));
            return run([](auto c, maas::SearchApiKeysRequest r, http::CallOptions o) -> Task<Json> {
                co_return co_await c->searchApiKeys(std::move(r), std::move(o));
            }, std::move(search), callOptions(options));
        });
    }
    val getApiKey(std::string id, val options) {
        return jsonPromise(run([](auto c, std::string i, http::CallOptions o) -> Task<Json> {
            co_return co_await c->getApiKey(std::move(i), std::move(o));
        }, std::move(id), callOptions(options)));
    }
    val revokeApiKey(std::string id, val options) {
        return jsonPromise(run([](auto c, std::string i, http::CallOptions o) -> Task<Json> {
            co_return co_await c->revokeApiKey(std::move(i), std::move(o));
        }, std::move(id), callOptions(options)));
    }
    val bulkRevokeApiKeys(std::string request, val options) {
        return guarded([&] {
            auto bulk = maas::BulkRevokeRequest::fromJson(parseRequest(request));
            return run([](auto c, maas::BulkRevokeRequest r, http::CallOptions o) -> Task<Json> {
                co_return co_await c->bulkRevokeApiKeys(std::move(r), std::move(o));
            }, std::move(bulk), callOptions(options));
        });
    }
    val getApiKeyConfig(val options) { return simple(&MaaSClient::getApiKeyConfig, options); }
    val listSubscriptions(val options) { return simple(&MaaSClient::listSubscriptions, options); }
    val getTenants(val options) { return simple(&MaaSClient::getTenants, options); }
    val health(val options) { return simple(&MaaSClient::health, options); }
    val listModelSubscriptions(std::string modelRef, val options) {
        return jsonPromise(run([](auto c, std::string m, http::CallOptions o) -> Task<Json> {
            co_return co_await c->listModelSubscriptions(std::move(m), std::move(o));
        }, std::move(modelRef), callOptions(options)));
    }

private:
    template <typename Fn, typename... Args>
    Task<Json> run(Fn fn, Args&&... args) {
        return fn(client_, std::forward<Args>(args)...);
    }
    // A request that fails validation still answers with a rejected Promise, never a throw.
    template <typename Fn>
    val guarded(Fn fn) {
        try {
            return jsonPromise(fn());
        } catch (const Error& e) {
            web::Deferred d = web::makeDeferred();
            d.reject(web::errorToJs(e));
            return d.promise;
        }
    }
    val simple(Task<Json> (MaaSClient::*method)(http::CallOptions), val options) {
        return jsonPromise([](std::shared_ptr<MaaSClient> c, Task<Json> (MaaSClient::*m)(http::CallOptions),
                              http::CallOptions o) -> Task<Json> { co_return co_await ((*c).*m)(std::move(o)); }(
            client_, method, callOptions(options)));
    }

    std::shared_ptr<MaaSClient> client_;
};

class JsMaaSFactory {
public:
    JsMaaSFactory(bool mock, val fetchFn) {
        if (mock) factory_ = std::make_shared<maas::MockMaaSClientFactory>(webRuntime());
        else factory_ = std::make_shared<maas::RealMaaSClientFactory>(fetchTransport(fetchFn), webRuntime());
    }
    JsMaaSClient createClient(val options) {
        return JsMaaSClient(std::shared_ptr<MaaSClient>(factory_->createClient(clientOptions(options))));
    }
    bool isMock() const { return factory_->isMock(); }
    void clearTokenCache() { factory_->tokenCache().clear(); }
    int tokenCacheSize() { return static_cast<int>(factory_->tokenCache().stats().totalEntries); }

private:
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
        .constructor<bool, val>()
        .function("createClient", &JsMaaSFactory::createClient)
        .function("isMock", &JsMaaSFactory::isMock)
        .function("clearTokenCache", &JsMaaSFactory::clearTokenCache)
        .function("tokenCacheSize", &JsMaaSFactory::tokenCacheSize);
}

}  // namespace genai::bindings
