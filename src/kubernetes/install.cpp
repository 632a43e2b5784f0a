// installLlamaStackDistribution and deleteLlamaStackDistribution: the sequences of UPSTREAM.md
// §5.4 (and §5.8 for OGXServer), all as the user.
#include "kubernetes/aa_models.hpp"
#include "kubernetes/errors.hpp"
#include "kubernetes/http_client.hpp"
#include "kubernetes/install_plan.hpp"
#include "kubernetes/model_endpoints.hpp"
#include "kubernetes/run_config.hpp"

namespace genai::kubernetes {

namespace {
constexpr const char* kInstall = "installLlamaStackDistribution";
constexpr const char* kDelete = "deleteLlamaStackDistribution";
constexpr double kInstallTimeoutMs = 60000;
constexpr double kDeleteTimeoutMs = 30000;

const Json* findByName(const Json& items, const std::string& name) {
    for (const auto& item : items)
        if (stringAt(item, {"metadata", "name"}) == name) return &item;
    return nullptr;
}

bool ownedBy(const Json& object, const std::string& kind, const std::string& name) {
    if (!object.contains("metadata") || !object["metadata"].contains("ownerReferences")) return false;
    const Json& owners = object["metadata"]["ownerReferences"];
    if (!owners.is_array()) return false;
    for (const auto& owner : owners) {
        if (owner.is_object() && owner.value("kind", std::string()) == kind && owner.value("name", std::string()) == name)
            return true;
    }
    return false;
}

// A failure of run.yaml generation, worded as upstream ("failed to generate Llama Stack
// configuration: MaaS model 'x' not found").
[[noreturn]] void configurationError(ErrorKind kind, const char* code, int mappedStatus, const std::string& message) {
    throwKubernetesError(kind, code, mappedStatus, kInstall, "failed to generate Llama Stack configuration: " + message);
}
}  // namespace

Task<HttpKubernetesClient::ModelSources> HttpKubernetesClient::findModelSources(const InstallRequest& request,
                                                                               CallOptions options) {
    ModelSources sources;
    bool anyLocal = false;
    for (const auto& model : request.models) anyLocal = anyLocal || !model.isMaaSModel;
    if (!anyLocal) co_return sources;
    sources.inferenceServices =
        itemsOf(co_await listObject(kInstall, url(kInferenceServices, request.ns), options));
    bool allFound = true;
    for (const auto& model : request.models) {
        if (!model.isMaaSModel && !findByName(sources.inferenceServices, model.modelName)) allFound = false;
    }
    if (allFound) co_return sources;
    try {
        sources.llmInferenceServices =
            itemsOf(co_await listObject(kInstall, url(kLLMInferenceServices, request.ns), options));
    } catch (const Error& e) {
        // A cluster without the LLMInferenceService CRD simply has none.
        if (e.kind() != ErrorKind::NotFound) throw;
    }
    co_return sources;
}

// The token Secret of the ServiceAccount that `ownerKind/ownerName` owns (else of `default`), or ""
// when there is none or it cannot be read: the model then gets the token `fake`.
Task<std::string> HttpKubernetesClient::tokenSecretFor(std::string ns, std::string ownerKind, std::string ownerName,
                                                       Json& accounts, Json& secrets, CallOptions options) {
    try {
        if (accounts.is_null())
            accounts = itemsOf(co_await listObject(kInstall, url(kServiceAccounts, ns), options));
        if (secrets.is_null()) secrets = itemsOf(co_await listObject(kInstall, url(kSecrets, ns), options));
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Abort) throw;
        // Without the right to list them the install goes on with `fake` tokens.
        accounts = Json::array();
        secrets = Json::array();
    }
    std::string account = "default";
    for (const auto& sa : accounts) {
        if (ownedBy(sa, ownerKind, ownerName)) {
            account = stringAt(sa, {"metadata", "name"});
            break;
        }
    }
    std::string secretName;
    for (const auto& secret : secrets) {
        if (secret.value("type", std::string()) == "kubernetes.io/service-account-token" &&
            stringAt(secret, {"metadata", "annotations", "kubernetes.io/service-account.name"}) == account) {
            secretName = stringAt(secret, {"metadata", "name"});
            break;
        }
    }
    if (secretName.empty()) co_return secretName;
    try {
        co_await getObject(kInstall, url(kSecrets, ns, secretName), options);
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Abort) throw;
        secretName.clear();
    }
    co_return secretName;
}

Task<Json> HttpKubernetesClient::tokenEnvironment(const InstallRequest& request, const ModelSources& sources,
                                                  CallOptions options) {
    Json env = Json::array();
    Json accounts, secrets;  // listed once, when the first model needs them
    int index = 0;
    for (const auto& model : request.models) {
        ++index;
        std::string secretName;
        if (!model.isMaaSModel) {
            const char* kind = findByName(sources.inferenceServices, model.modelName) ? "InferenceService"
                               : findByName(sources.llmInferenceServices, model.modelName) ? "LLMInferenceService"
                                                                                           : nullptr;
            if (kind)
                secretName = co_await tokenSecretFor(request.ns, kind, model.modelName, accounts, secrets, options);
        }
        env.push_back(tokenEnvVar(index, secretName));
    }
    co_return env;
}

Task<Json> HttpKubernetesClient::firstService(std::string ns, std::string selector, CallOptions options) {
    Json services = itemsOf(co_await listObject(kInstall, url(kServices, ns, {}, selector), options));
    co_return services.empty() ? Json() : services[0];
}

Task<Json> HttpKubernetesClient::generateRunConfig(const InstallRequest& request, const ModelSources& sources,
                                                   std::shared_ptr<maas::MaaSClient> maas, CallOptions options) {
    Json config = defaultRunConfig();
    Json maasModels = Json::array();
    if (request.anyMaaSModel()) maasModels = (co_await maas->listModels("", options)).parse();
    int index = 0;
    for (const auto& model : request.models) {
        ++index;
        const std::string& name = model.modelName;
        const std::string i = std::to_string(index);
        try {
            if (model.isMaaSModel) {
                const Json* found = nullptr;
                for (const auto& m : maasModels)
                    if (m.is_object() && m.value("id", std::string()) == name) found = &m;
                if (!found) configurationError(ErrorKind::NotFound, "NOT_FOUND", 404, "MaaS model '" + name + "' not found");
                if (!found->value("ready", false))
                    configurationError(ErrorKind::BadRequest, "INVALID_REQUEST", 400,
                                       "MaaS model '" + name + "' is not ready (status: false)");
                addVllmProvider(config, "maas-vllm-inference-" + i, maasModelUrl(*found), index);
                registerModel(config, registeredMaaSModel(*found, "maas-vllm-inference-" + i));
            } else if (const Json* isvc = findByName(sources.inferenceServices, name)) {
                Json service = co_await firstService(request.ns, inferenceServiceSelector(name), options);
                addVllmProvider(config, "vllm-inference-" + i, inferenceServiceUrl(*isvc, service), index);
                registerModel(config, registeredInferenceServiceModel(*isvc, "vllm-inference-" + i));
            } else if (const Json* llmisvc = findByName(sources.llmInferenceServices, name)) {
                Json service = co_await firstService(request.ns, llmInferenceServiceSelector(name), options);
                if (service.is_null())
                    configurationError(ErrorKind::NotFound, "NOT_FOUND", 404,
                                       "no Service found for LLMInferenceService '" + name + "'");
                addVllmProvider(config, "vllm-inference-" + i, llmInferenceServiceUrl(*llmisvc, service, request.ns),
                                index);
                registerModel(config, registeredLLMInferenceServiceModel(*llmisvc, "vllm-inference-" + i));
            } else {
                configurationError(ErrorKind::NotFound, "NOT_FOUND", 404,
                                   "model '" + name + "' is neither an InferenceService nor an LLMInferenceService in namespace " +
                                       request.ns);
            }
        } catch (const std::invalid_argument& e) {
            configurationError(ErrorKind::BadRequest, "INVALID_REQUEST", 400, e.what());
        }
    }
    co_return config;
}

// Creates ConfigMap llama-stack-config without its owner, and returns it as the caller will
// replace it once the custom resource exists: our object with the server's resourceVersion (so
// the update is conditional), not the server's copy with fields we never set.
Task<Json> HttpKubernetesClient::createConfigMap(const InstallRequest& request, const ModelSources& sources,
                                                 std::shared_ptr<maas::MaaSClient> maas, CallOptions options) {
    Json config = co_await generateRunConfig(request, sources, std::move(maas), options);
    Json configMap = buildConfigMap(settings_.distributionKind, request.ns, renderRunYaml(config));
    Json created = co_await create(kInstall, url(kConfigMaps, request.ns), configMap, options);
    const std::string version = stringAt(created, {"metadata", "resourceVersion"});
    if (!version.empty()) configMap["metadata"]["resourceVersion"] = version;
    co_return configMap;
}

Task<Json> HttpKubernetesClient::installLlamaStackDistribution(InstallRequest request,
                                                               std::shared_ptr<maas::MaaSClient> maas,
                                                               CallOptions options) {
    if (request.anyMaaSModel() && !maas)
        throwValidation("kubernetes", kInstall,
                        "MaaS client not available but MaaS models were requested. Ensure MaaS is enabled and configured");
    options = timed(std::move(options), kInstallTimeoutMs);
    const DistributionKind kind = settings_.distributionKind;
    const Resource& resource = distributionApi(kind).resource;
    const std::string kindName(resource.kind);

    Json existing = co_await distributionItems(kInstall, request.ns, options);
    if (!existing.empty())
        throwKubernetesError(ErrorKind::Conflict, "ALREADY_EXISTS", 400, kInstall,
                             kindName + " already exists in namespace " + request.ns);

    ModelSources sources = co_await findModelSources(request, options);
    Json tokenEnv = co_await tokenEnvironment(request, sources, options);
    Json distribution = buildDistribution(settings_, request.ns, tokenEnv);

    Json created, configMap;
    try {
        // OGXServer: the ConfigMap comes first, the server reads it when it starts.
        if (kind == DistributionKind::OGXServer) configMap = co_await createConfigMap(request, sources, maas, options);
    } catch (const Error& e) {
        throw withContext(e, "failed to create ConfigMap");
    }
    created = co_await create(kInstall, url(resource, request.ns), std::move(distribution), options);
    try {
        // LlamaStackDistribution: run.yaml only now, after the resource exists; a failure from
        // here on leaves the resource in place (as upstream).
        if (kind == DistributionKind::LlamaStackDistribution)
            configMap = co_await createConfigMap(request, sources, maas, options);
        co_await replace(kInstall, url(kConfigMaps, request.ns, kConfigMapName),
                         withOwnerReference(kind, std::move(configMap), created), options);
    } catch (const Error& e) {
        throw withContext(e, "failed to create ConfigMap");
    }
    co_return created;
}

Task<Json> HttpKubernetesClient::deleteLlamaStackDistribution(std::string ns, std::string name, CallOptions options) {
    validateNamespace(kDelete, ns);
    validateName(kDelete, "name", name);
    options = timed(std::move(options), kDeleteTimeoutMs);
    const Resource& resource = distributionApi(settings_.distributionKind).resource;
    const std::string kindName(resource.kind);
    Json items = co_await distributionItems(kDelete, ns, options);
    if (items.empty())
        throwKubernetesError(ErrorKind::NotFound, "NOT_FOUND", 404, kDelete,
                             "no " + kindName + " found in namespace " + ns + " with OpenDataHubDashboardLabelKey annotation");
    const Json* found = findByName(items, name);
    if (!found)
        throwKubernetesError(ErrorKind::NotFound, "NOT_FOUND", 404, kDelete,
                             kindName + " with name '" + name + "' not found in namespace " + ns);
    Json deleted = *found;
    http::ApiRequest r;
    r.operation = kDelete;
    r.method = "DELETE";
    r.url = url(resource, ns, name);
    co_await api_.sendJson(r, options);
    co_return deleted;
}

}  // namespace genai::kubernetes
