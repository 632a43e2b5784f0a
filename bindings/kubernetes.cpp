// Embind glue for the Kubernetes factories and client. Each method converts its arguments,
// starts the C++ coroutine with a shared_ptr to the client (so a disposed client cannot die
// mid-call), and returns a Promise; a request that fails validation is a rejected Promise.
#include <emscripten/bind.h>

#include "bindings/js_values.hpp"
#include "bindings/maas_handle.hpp"
#include "kubernetes/factory.hpp"

namespace genai::bindings {

using kubernetes::KubernetesClient;

namespace {
val boolPromise(Task<bool> task) {
    return web::toPromise(std::move(task), [](bool value) { return val(value); });
}

val stringPromise(Task<std::string> task) {
    return web::toPromise(std::move(task), [](std::string value) { return val(value); });
}

kubernetes::KubernetesSettings settingsOf(const val& options) {
    kubernetes::KubernetesSettings settings;
    if (options.isUndefined() || options.isNull()) return settings;
    if (val kind = options["distributionKind"]; kind.isString())
        settings.distributionKind = kubernetes::parseDistributionKind(kind.as<std::string>());
    if (val name = options["distributionName"]; name.isString() && !name.as<std::string>().empty())
        settings.distributionName = name.as<std::string>();
    return settings;
}
}  // namespace

class JsKubernetesClient {
public:
    explicit JsKubernetesClient(std::shared_ptr<KubernetesClient> client) : client_(std::move(client)) {}

    val getNamespaces(bool dashboard, val options) {
        kubernetes::NamespaceQuery query;
        query.dashboard = dashboard;
        return promiseOf(whileAlive(client_, client_->getNamespaces(query, callOptions(options))));
    }
    val canListNamespaces(val options) {
        return boolPromise(whileAlive(client_, client_->canListNamespaces(callOptions(options))));
    }
    val canListLlamaStackDistributions(std::string ns, val options) {
        return boolPromise(whileAlive(client_, client_->canListLlamaStackDistributions(std::move(ns), callOptions(options))));
    }
    val isClusterAdmin(val options) {
        return boolPromise(whileAlive(client_, client_->isClusterAdmin(callOptions(options))));
    }
    val getUser(val options) { return stringPromise(whileAlive(client_, client_->getUser(callOptions(options)))); }
    val getLlamaStackDistributions(std::string ns, val options) {
        return promiseOf(whileAlive(client_, client_->getLlamaStackDistributions(std::move(ns), callOptions(options))));
    }
    val installLlamaStackDistribution(std::string ns, std::string modelsJson, val maasNative, val options) {
        return guarded([&] {
            auto request = kubernetes::InstallRequest::fromJson(std::move(ns), parseRequest(modelsJson));
            std::shared_ptr<maas::MaaSClient> maas;
            if (!maasNative.isUndefined() && !maasNative.isNull()) maas = maasClientOf(maasNative);
            return promiseOf(whileAlive(client_, client_->installLlamaStackDistribution(
                                                       std::move(request), std::move(maas), callOptions(options))));
        });
    }
    val deleteLlamaStackDistribution(std::string ns, std::string name, val options) {
        return promiseOf(whileAlive(
            client_, client_->deleteLlamaStackDistribution(std::move(ns), std::move(name), callOptions(options))));
    }
    val getAAModels(std::string ns, val options) {
        return promiseOf(whileAlive(client_, client_->getAAModels(std::move(ns), callOptions(options))));
    }
    val getModelProviderInfo(std::string ns, std::string modelId, val options) {
        return promiseOf(
            whileAlive(client_, client_->getModelProviderInfo(std::move(ns), std::move(modelId), callOptions(options))));
    }
    val getConfigMap(std::string ns, std::string name, val options) {
        return promiseOf(whileAlive(client_, client_->getConfigMap(std::move(ns), std::move(name), callOptions(options))));
    }
    val discoverClusterDomain(val options) {
        return stringPromise(whileAlive(client_, client_->discoverClusterDomain(callOptions(options))));
    }
    // The facade wraps it in a SecretToken at once.
    std::string bearerToken() const { return client_->bearerToken().reveal(); }

private:
    std::shared_ptr<KubernetesClient> client_;
};

class JsKubernetesFactory {
public:
    // `config`: the facade's {mock, fetch, record, replay}.
    explicit JsKubernetesFactory(val config) : setup_(factorySetup(config)) {
        if (setup_.mock) factory_ = std::make_shared<kubernetes::MockKubernetesClientFactory>(webRuntime());
        else factory_ = std::make_shared<kubernetes::RealKubernetesClientFactory>(setup_.transport, webRuntime());
    }
    // Invalid settings (an unknown distributionKind) throw a ValidationError.
    JsKubernetesClient createClient(val options) {
        return rethrowAsJs([&] {
            return JsKubernetesClient(
                std::shared_ptr<KubernetesClient>(factory_->createClient(forSetup(setup_, clientOptions(options)), settingsOf(options))));
        });
    }
    bool isMock() const { return setup_.mock || setup_.replay; }
    val recording() const { return recordingToJs(setup_); }

private:
    FactorySetup setup_;
    std::shared_ptr<kubernetes::KubernetesClientFactory> factory_;
};

EMSCRIPTEN_BINDINGS(genai_kubernetes) {
    emscripten::class_<JsKubernetesClient>("KubernetesClient")
        .function("getNamespaces", &JsKubernetesClient::getNamespaces)
        .function("canListNamespaces", &JsKubernetesClient::canListNamespaces)
        .function("canListLlamaStackDistributions", &JsKubernetesClient::canListLlamaStackDistributions)
        .function("isClusterAdmin", &JsKubernetesClient::isClusterAdmin)
        .function("getUser", &JsKubernetesClient::getUser)
        .function("getLlamaStackDistributions", &JsKubernetesClient::getLlamaStackDistributions)
        .function("installLlamaStackDistribution", &JsKubernetesClient::installLlamaStackDistribution)
        .function("deleteLlamaStackDistribution", &JsKubernetesClient::deleteLlamaStackDistribution)
        .function("getAAModels", &JsKubernetesClient::getAAModels)
        .function("getModelProviderInfo", &JsKubernetesClient::getModelProviderInfo)
        .function("getConfigMap", &JsKubernetesClient::getConfigMap)
        .function("discoverClusterDomain", &JsKubernetesClient::discoverClusterDomain)
        .function("bearerToken", &JsKubernetesClient::bearerToken);
    emscripten::class_<JsKubernetesFactory>("KubernetesFactory")
        .constructor<val>()
        .function("createClient", &JsKubernetesFactory::createClient)
        .function("isMock", &JsKubernetesFactory::isMock)
        .function("recording", &JsKubernetesFactory::recording);
}

}  // namespace genai::bindings
