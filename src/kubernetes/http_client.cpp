#include "kubernetes/http_client.hpp"

#include "core/json.hpp"
#include "kubernetes/aa_models.hpp"
#include "kubernetes/errors.hpp"
#include "kubernetes/install_plan.hpp"
#include "kubernetes/namespaces.hpp"
#include "kubernetes/run_config.hpp"
#include "kubernetes/yaml.hpp"

namespace genai::kubernetes {

namespace {
// Upstream timeouts of §5.3 (context deadlines there, per attempt here).
constexpr double kListTimeoutMs = 30000;
constexpr double kReviewTimeoutMs = 10000;

http::ApiClientSettings settingsFor(const http::ClientOptions& options) {
    http::ApiClientSettings settings;
    settings.service = "kubernetes";
    settings.token = options.token;
    settings.timeoutMs = options.timeoutMs.value_or(kListTimeoutMs);
    if (options.maxRetries) settings.retry.maxRetries = *options.maxRetries;
    settings.defaultHeaders.set("Accept", "application/json");
    for (const auto& [name, value] : options.defaultHeaders.entries()) settings.defaultHeaders.set(name, value);
    settings.adjustError = adjustKubernetesError;
    return settings;
}

std::string distributionKindName(DistributionKind kind) { return std::string(distributionApi(kind).resource.kind); }

[[noreturn]] void rethrowInContext(const Error& error, std::string_view context) { throw withContext(error, context); }
}  // namespace

HttpKubernetesClient::HttpKubernetesClient(std::shared_ptr<http::Transport> transport,
                                           std::shared_ptr<http::Runtime> runtime, const http::ClientOptions& options,
                                           KubernetesSettings settings)
    : baseUrl_(options.baseUrl),
      token_(options.token),
      clientTimeoutMs_(options.timeoutMs),
      settings_(std::move(settings)),
      api_(std::move(transport), std::move(runtime), settingsFor(options)) {}

std::string HttpKubernetesClient::url(const Resource& resource, std::string_view ns, std::string_view name,
                                      std::string_view labelSelector) const {
    return resourceUrl(baseUrl_, resource, ns, name, labelSelector);
}

CallOptions HttpKubernetesClient::timed(CallOptions options, double upstreamMs) const {
    if (!options.timeoutMs) options.timeoutMs = clientTimeoutMs_.value_or(upstreamMs);
    return options;
}

Task<Json> HttpKubernetesClient::sendObject(std::string operation, std::string method, std::string url,
                                            std::optional<Json> body, CallOptions options, bool list) {
    http::ApiRequest r;
    r.operation = std::move(operation);
    r.method = std::move(method);
    r.url = std::move(url);
    r.jsonBody = std::move(body);
    Json answer = co_await api_.sendJson(r, options);
    if (!answer.is_object()) api_.throwBadBody(r, "failed to decode the Kubernetes API response: expected an object");
    if (list) {
        if (!answer.contains("items") || answer["items"].is_null()) answer["items"] = Json::array();
        if (!answer["items"].is_array())
            api_.throwBadBody(r, "failed to decode the Kubernetes API response: items is not an array");
        for (const auto& item : answer["items"]) {
            if (!item.is_object())
                api_.throwBadBody(r, "failed to decode the Kubernetes API response: an item is not an object");
        }
    }
    co_return answer;
}

Task<bool> HttpKubernetesClient::accessReview(std::string operation, Json review, CallOptions options) {
    http::ApiRequest r;
    r.operation = std::move(operation);
    r.method = "POST";
    r.url = url(kSelfSubjectAccessReviews);
    r.jsonBody = std::move(review);
    options.retryNonIdempotent = true;  // a review asks; it creates nothing
    Json body = co_await api_.sendJson(r, timed(std::move(options), kReviewTimeoutMs));
    if (!body.is_object() || !body.contains("status") || !body["status"].is_object())
        api_.throwBadBody(r, "failed to decode the SelfSubjectAccessReview: no status");
    const Json& allowed = body["status"].value("allowed", Json(false));
    if (!allowed.is_boolean()) api_.throwBadBody(r, "failed to decode the SelfSubjectAccessReview: status.allowed is not a boolean");
    co_return allowed.get<bool>();
}

Task<Json> HttpKubernetesClient::getNamespaces(NamespaceQuery query, CallOptions options) {
    options = timed(std::move(options), kListTimeoutMs);
    Json namespaces;
    std::optional<Error> failure;
    try {
        namespaces = itemsOf(co_await listObject("getNamespaces", url(kNamespaces), options));
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Abort) throw;
        failure = e;
    }
    if (failure) namespaces = co_await namespacesFromProjects(*failure, options);
    co_return query.dashboard ? dashboardNamespaces(namespaces) : namespaces;
}

// OpenShift lets a user list the projects they can see even when listing namespaces is forbidden.
Task<Json> HttpKubernetesClient::namespacesFromProjects(Error primary, CallOptions options) {
    Json projects;
    std::optional<Error> failure;
    try {
        projects = itemsOf(co_await listObject("getNamespaces", url(kProjects), options));
    } catch (const Error& e) {
        failure = e;
    }
    if (failure) {
        // No projects API: not OpenShift, so the namespaces error is the one that matters.
        if (failure->kind() == ErrorKind::NotFound) rethrowInContext(primary, "failed to list namespaces");
        rethrowInContext(*failure, "failed to list namespaces or projects");
    }
    Json namespaces = Json::array();
    for (const auto& project : projects) {
        const std::string name = stringAt(project, {"metadata", "name"});
        if (name.empty()) continue;
        std::optional<Json> ns;
        try {
            ns = co_await getObject("getNamespaces", url(kNamespaces, {}, name), options);
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Abort) throw;
        }
        namespaces.push_back(ns ? std::move(*ns) : namespaceFromProject(project));
    }
    co_return namespaces;
}

Task<bool> HttpKubernetesClient::canListNamespaces(CallOptions options) {
    // The body exactly as upstream sends it (no kind / apiVersion).
    Json review = parseJson(R"({"spec":{"resourceAttributes":{"verb":"list","group":"","resource":"namespaces","namespace":""}}})");
    co_return co_await accessReview("canListNamespaces", std::move(review), std::move(options));
}

Task<bool> HttpKubernetesClient::canListLlamaStackDistributions(std::string ns, CallOptions options) {
    constexpr const char* op = "canListLlamaStackDistributions";
    validateNamespace(op, ns);
    const Resource& resource = distributionApi(settings_.distributionKind).resource;
    Json review = parseJson(
        R"({"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","spec":{"resourceAttributes":{"verb":"list"}}})");
    Json& attributes = review["spec"]["resourceAttributes"];
    attributes["group"] = resource.group;
    attributes["resource"] = resource.plural;
    attributes["namespace"] = ns;
    try {
        co_return co_await accessReview(op, std::move(review), std::move(options));
    } catch (const Error& e) {
        // wrapK8sSubjectAccessReviewError (§5.5): K8sError text with the namespace.
        ErrorInfo info = e.info();
        if (info.kind == ErrorKind::Abort || info.kind == ErrorKind::Validation) throw;
        if (info.status == 401) {
            info.code = "UNAUTHORIZED";
            info.mappedStatus = 401;
            info.message = "authentication failed: invalid or expired token";
        } else if (info.status == 403) {
            info.code = "PERMISSION_DENIED";
            info.mappedStatus = 403;
            info.message = "insufficient permissions to access services in this namespace";
        } else {
            info.code = "INTERNAL_ERROR";
            info.mappedStatus = 500;
            info.message = "failed to verify user permissions: " + info.message;
        }
        info.message = "Kubernetes error [" + info.code + "] in namespace " + ns + ": " + info.message;
        throw Error(std::move(info));
    }
}

Task<bool> HttpKubernetesClient::isClusterAdmin(CallOptions options) {
    Json review = parseJson(
        R"({"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","spec":{"resourceAttributes":{"verb":"*","resource":"*"}}})");
    co_return co_await accessReview("isClusterAdmin", std::move(review), std::move(options));
}

Task<std::string> HttpKubernetesClient::getUser(CallOptions options) {
    http::ApiRequest r;
    r.operation = "getUser";
    r.method = "POST";
    r.url = url(kSelfSubjectReviews);
    r.jsonBody = parseJson(R"({"kind":"SelfSubjectReview","apiVersion":"authentication.k8s.io/v1"})");
    options.retryNonIdempotent = true;  // a review asks; it creates nothing
    Json body = co_await api_.sendJson(r, timed(std::move(options), kReviewTimeoutMs));
    std::string username = body.is_object() ? stringAt(body, {"status", "userInfo", "username"}) : std::string();
    if (username.empty())
        throwKubernetesError(ErrorKind::Protocol, "INVALID_RESPONSE", 502, "getUser", "no username found in token");
    constexpr std::string_view serviceAccount = "system:serviceaccount:";
    if (username.rfind(serviceAccount, 0) == 0) {
        // system:serviceaccount:<namespace>:<name> → <name>
        if (auto colon = username.find(':', serviceAccount.size()); colon != std::string::npos)
            username = username.substr(colon + 1);
    }
    co_return username;
}

Task<Json> HttpKubernetesClient::distributionItems(std::string operation, std::string ns, CallOptions options) {
    const Resource& resource = distributionApi(settings_.distributionKind).resource;
    Json list = co_await listObject(std::move(operation), url(resource, ns, {}, std::string(kDashboardLabel) + "=true"),
                                    std::move(options));
    co_return std::move(list["items"]);
}

Task<Json> HttpKubernetesClient::getLlamaStackDistributions(std::string ns, CallOptions options) {
    constexpr const char* op = "getLlamaStackDistributions";
    validateNamespace(op, ns);
    const Resource& resource = distributionApi(settings_.distributionKind).resource;
    co_return co_await listObject(op, url(resource, ns, {}, std::string(kDashboardLabel) + "=true"),
                                  timed(std::move(options), kListTimeoutMs));
}

Task<Json> HttpKubernetesClient::getAAModels(std::string ns, CallOptions options) {
    constexpr const char* op = "getAAModels";
    constexpr const char* genAiAsset = "opendatahub.io/genai-asset=true";
    validateNamespace(op, ns);
    options = timed(std::move(options), kListTimeoutMs);
    Json inferenceServices;
    try {
        inferenceServices =
            itemsOf(co_await listObject(op, url(kInferenceServices, ns, {}, genAiAsset), options));
    } catch (const Error& e) {
        rethrowInContext(e, "failed to list InferenceServices");
    }
    Json models = Json::array();
    for (const auto& isvc : inferenceServices) {
        const std::string runtime = stringAt(isvc, {"spec", "predictor", "model", "runtime"});
        Json servingRuntime = Json::object();
        if (!runtime.empty()) {
            try {
                servingRuntime = co_await getObject(op, url(kServingRuntimes, ns, runtime), options);
            } catch (const Error& e) {
                // Upstream only logs this: the model is listed without runtime details.
                if (e.kind() == ErrorKind::Abort) throw;
            }
        }
        models.push_back(aaModelFromInferenceService(isvc, servingRuntime));
    }
    Json llmInferenceServices;
    try {
        llmInferenceServices =
            itemsOf(co_await listObject(op, url(kLLMInferenceServices, ns, {}, genAiAsset), options));
    } catch (const Error& e) {
        rethrowInContext(e, "failed to list LLMInferenceServices");
    }
    for (const auto& llmisvc : llmInferenceServices) models.push_back(aaModelFromLLMInferenceService(llmisvc));
    co_return models;
}

Task<Json> HttpKubernetesClient::getConfigMap(std::string ns, std::string name, CallOptions options) {
    constexpr const char* op = "getConfigMap";
    validateNamespace(op, ns);
    validateName(op, "ConfigMap name", name);
    try {
        co_return co_await getObject(op, url(kConfigMaps, ns, name), timed(std::move(options), kListTimeoutMs));
    } catch (const Error& e) {
        rethrowInContext(e, "failed to get ConfigMap");
    }
}

Task<Json> HttpKubernetesClient::getModelProviderInfo(std::string ns, std::string modelId, CallOptions options) {
    constexpr const char* op = "getModelProviderInfo";
    validateNamespace(op, ns);
    if (modelId.empty()) throwValidation("kubernetes", op, "model ID is required");
    options = timed(std::move(options), kListTimeoutMs);
    const DistributionKind kind = settings_.distributionKind;
    Json distributions = co_await distributionItems(op, ns, options);
    if (distributions.empty())
        throwKubernetesError(ErrorKind::NotFound, "NOT_FOUND", 404, op,
                             "no " + distributionKindName(kind) + " found in namespace " + ns);
    Json configMap = co_await getConfigMap(ns, configMapNameOf(kind, distributions[0]), options);
    const std::string key(distributionApi(kind).configKey);
    const std::string yamlText = stringAt(configMap, {"data", key.c_str()});
    if (yamlText.empty()) throwKubernetesError(ErrorKind::NotFound, "NOT_FOUND", 404, op, key + " not found in configmap");
    Json config;
    try {
        config = parseYaml(yamlText);
    } catch (const YamlError& e) {
        throwKubernetesError(ErrorKind::Protocol, "INVALID_RESPONSE", 502, op,
                             "failed to parse " + key + ": " + std::string(e.what()));
    }
    try {
        co_return findModelProvider(config, modelId);
    } catch (const std::invalid_argument& e) {
        throwKubernetesError(ErrorKind::NotFound, "NOT_FOUND", 404, op, e.what());
    }
}

Task<std::string> HttpKubernetesClient::discoverClusterDomain(CallOptions options) {
    constexpr const char* op = "discoverClusterDomain";
    Json ingress = co_await getObject(op, url(kIngresses, {}, "cluster"), timed(std::move(options), kListTimeoutMs));
    if (!ingress.contains("spec") || !ingress["spec"].is_object())
        throwKubernetesError(ErrorKind::Protocol, "INVALID_RESPONSE", 502, op, "invalid ingress config: missing spec");
    std::string domain = stringAt(ingress, {"spec", "domain"});
    if (domain.empty())
        throwKubernetesError(ErrorKind::Protocol, "INVALID_RESPONSE", 502, op, "invalid ingress config: missing domain");
    co_return domain;
}

}  // namespace genai::kubernetes
