// The Kubernetes client over a scripted transport: the requests it builds, how it reads answers,
// how failures become errors, and the install sequence of UPSTREAM.md §5.4.
#include <doctest/doctest.h>

#include "kubernetes/factory.hpp"
#include "kubernetes/yaml.hpp"
#include "maas/factory.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::expectError;
using genai::testing::jsonReply;
using genai::testing::runSync;
using nlohmann::json;

namespace {
constexpr const char* kBase = "https://api.cluster.example.com:6443";

struct Fixture : testing::ScriptedFactory<kubernetes::RealKubernetesClientFactory> {
    std::unique_ptr<kubernetes::KubernetesClient> client(kubernetes::KubernetesSettings settings = {},
                                                         std::string token = "user-token") {
        return factory.createClient(options(kBase, std::move(token)), settings);
    }
    json body(size_t i) const { return json::parse(sent(i).body); }
};

std::string url(const std::string& path) { return std::string(kBase) + path; }

std::string status(int code, const std::string& reason, const std::string& message) {
    return json{{"kind", "Status"}, {"apiVersion", "v1"}, {"status", "Failure"},
                {"message", message}, {"reason", reason}, {"code", code}}.dump();
}

std::string list(json items) { return json{{"kind", "List"}, {"apiVersion", "v1"}, {"items", items}}.dump(); }
}  // namespace

TEST_CASE("Kubernetes client: every request carries the bearer token and asks for JSON") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(200, list({{{"metadata", {{"name", "a"}}}}})));
    auto namespaces = runSync(f.client()->getNamespaces({}, {}));
    CHECK(namespaces.size() == 1);
    CHECK(f.sent(0).method == "GET");
    CHECK(f.sent(0).url == url("/api/v1/namespaces"));
    CHECK(f.sent(0).headers.get("Authorization") == "Bearer user-token");
    CHECK(f.sent(0).headers.get("Accept") == "application/json");
    CHECK(f.sent(0).timeoutMs == 30000);
}

TEST_CASE("Kubernetes client: getNamespaces falls back to OpenShift projects") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(403, status(403, "Forbidden", "namespaces is forbidden")));
    f.transport->replies.push_back(jsonReply(200, list({{{"metadata", {{"name", "p1"}, {"annotations", {{"openshift.io/display-name", "P1"}}}}}},
                                                        {{"metadata", {{"name", "p2"}}}}})));
    f.transport->replies.push_back(jsonReply(200, json{{"kind", "Namespace"}, {"metadata", {{"name", "p1"}, {"uid", "u1"}}}}.dump()));
    f.transport->replies.push_back(jsonReply(403, status(403, "Forbidden", "namespaces \"p2\" is forbidden")));
    auto namespaces = runSync(f.client()->getNamespaces({}, {}));
    CHECK(f.sent(1).url == url("/apis/project.openshift.io/v1/projects"));
    CHECK(f.sent(2).url == url("/api/v1/namespaces/p1"));
    CHECK(f.sent(3).url == url("/api/v1/namespaces/p2"));
    CHECK(namespaces[0]["metadata"]["uid"] == "u1");
    CHECK(namespaces[1] == json{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", "p2"}}}});

    // Not OpenShift: the namespaces error is reported.
    f.transport->replies.push_back(jsonReply(403, status(403, "Forbidden", "namespaces is forbidden")));
    f.transport->replies.push_back(jsonReply(404, status(404, "NotFound", "the server could not find the requested resource")));
    auto error = expectError(f.client()->getNamespaces({}, {}));
    CHECK(error.kind() == ErrorKind::PermissionDenied);
    CHECK(error.code() == "FORBIDDEN");
    CHECK(std::string(error.what()) == "failed to list namespaces: forbidden: namespaces is forbidden");

    // The dashboard view filters and reshapes.
    f.transport->replies.push_back(jsonReply(200, list({{{"metadata", {{"name", "kube-system"}}}}, {{"metadata", {{"name", "team"}}}}})));
    kubernetes::NamespaceQuery dashboard;
    dashboard.dashboard = true;
    CHECK(runSync(f.client()->getNamespaces(dashboard, {})) == json::array({{{"name", "team"}, {"displayName", "team"}}}));
}

TEST_CASE("Kubernetes client: access reviews send the upstream bodies") {
    Fixture f;
    f.transport->handler = [](const http::Request&) {
        return jsonReply(201, R"({"kind":"SelfSubjectAccessReview","status":{"allowed":true}})");
    };
    CHECK(runSync(f.client()->canListNamespaces({})));
    CHECK(f.sent(0).method == "POST");
    CHECK(f.sent(0).url == url("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews"));
    CHECK(f.sent(0).headers.get("Content-Type") == "application/json");
    CHECK(f.sent(0).timeoutMs == 10000);
    CHECK(f.sent(0).body ==
          R"({"spec":{"resourceAttributes":{"group":"","namespace":"","resource":"namespaces","verb":"list"}}})");

    CHECK(runSync(f.client()->canListLlamaStackDistributions("team-a", {})));
    CHECK(f.body(1) == json{{"kind", "SelfSubjectAccessReview"},
                            {"apiVersion", "authorization.k8s.io/v1"},
                            {"spec", {{"resourceAttributes", {{"verb", "list"}, {"group", "llamastack.io"},
                                                               {"resource", "llamastackdistributions"}, {"namespace", "team-a"}}}}}});
    kubernetes::KubernetesSettings ogx;
    ogx.distributionKind = kubernetes::DistributionKind::OGXServer;
    runSync(f.client(ogx)->canListLlamaStackDistributions("team-a", {}));
    CHECK(f.body(2)["spec"]["resourceAttributes"]["group"] == "ogx.io");
    CHECK(f.body(2)["spec"]["resourceAttributes"]["resource"] == "ogxservers");

    runSync(f.client()->isClusterAdmin({}));
    CHECK(f.body(3)["spec"] == json{{"resourceAttributes", {{"verb", "*"}, {"resource", "*"}}}});

    f.transport->handler = {};
    f.transport->replies.push_back(jsonReply(201, R"({"status":{"allowed":false,"reason":"no"}})"));
    CHECK_FALSE(runSync(f.client()->canListNamespaces({})));
    f.transport->replies.push_back(jsonReply(201, R"({"kind":"SelfSubjectAccessReview"})"));
    CHECK(expectError(f.client()->canListNamespaces({})).code() == "INVALID_RESPONSE");
}

TEST_CASE("Kubernetes client: canListLlamaStackDistributions maps errors as §5.5") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(401, status(401, "Unauthorized", "Unauthorized")));
    auto unauthorized = expectError(f.client()->canListLlamaStackDistributions("ns", {}));
    CHECK(unauthorized.kind() == ErrorKind::Authentication);
    CHECK(unauthorized.code() == "UNAUTHORIZED");
    CHECK(unauthorized.info().mappedStatus == 401);
    CHECK(std::string(unauthorized.what()) ==
          "Kubernetes error [UNAUTHORIZED] in namespace ns: authentication failed: invalid or expired token");

    f.transport->replies.push_back(jsonReply(403, status(403, "Forbidden", "forbidden")));
    auto forbidden = expectError(f.client()->canListLlamaStackDistributions("ns", {}));
    CHECK(forbidden.code() == "PERMISSION_DENIED");
    CHECK(std::string(forbidden.what()) ==
          "Kubernetes error [PERMISSION_DENIED] in namespace ns: insufficient permissions to access services in this namespace");

    f.transport->replies.push_back(jsonReply(500, status(500, "InternalError", "etcd down")));
    f.transport->replies.push_back(jsonReply(500, status(500, "InternalError", "etcd down")));
    f.transport->replies.push_back(jsonReply(500, status(500, "InternalError", "etcd down")));
    auto internal = expectError(f.client()->canListLlamaStackDistributions("ns", {}));
    CHECK(internal.code() == "INTERNAL_ERROR");
    CHECK(internal.info().mappedStatus == 500);
    CHECK(std::string(internal.what()) == "Kubernetes error [INTERNAL_ERROR] in namespace ns: failed to verify user "
                                          "permissions: Kubernetes API error 500: etcd down");
    CHECK(f.transport->requests.size() == 5);  // the review is retried like a read
}

TEST_CASE("Kubernetes client: getUser reads the SelfSubjectReview and shortens service accounts") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(201, R"({"status":{"userInfo":{"username":"alice@example.com"}}})"));
    CHECK(runSync(f.client()->getUser({})) == "alice@example.com");
    CHECK(f.sent(0).url == url("/apis/authentication.k8s.io/v1/selfsubjectreviews"));
    CHECK(f.body(0) == json{{"kind", "SelfSubjectReview"}, {"apiVersion", "authentication.k8s.io/v1"}});
    f.transport->replies.push_back(jsonReply(201, R"({"status":{"userInfo":{"username":"system:serviceaccount:ns:builder"}}})"));
    CHECK(runSync(f.client()->getUser({})) == "builder");
    f.transport->replies.push_back(jsonReply(201, R"({"status":{"userInfo":{}}})"));
    auto error = expectError(f.client()->getUser({}));
    CHECK(std::string(error.what()) == "no username found in token");
    CHECK(error.kind() == ErrorKind::Protocol);
}

TEST_CASE("Kubernetes client: getConfigMap, errors with the Kubernetes Status message") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(200, R"({"kind":"ConfigMap","metadata":{"name":"cm"},"data":{"a":"b"}})"));
    CHECK(runSync(f.client()->getConfigMap("ns", "cm", {}))["data"]["a"] == "b");
    CHECK(f.sent(0).url == url("/api/v1/namespaces/ns/configmaps/cm"));

    f.transport->replies.push_back(jsonReply(404, status(404, "NotFound", "configmaps \"cm\" not found")));
    auto missing = expectError(f.client()->getConfigMap("ns", "cm", {}));
    CHECK(missing.kind() == ErrorKind::NotFound);
    CHECK(missing.code() == "NOT_FOUND");
    CHECK(missing.info().serverType == "NotFound");
    CHECK(missing.info().serverMessage == "configmaps \"cm\" not found");
    CHECK(std::string(missing.what()) == "failed to get ConfigMap: configmaps \"cm\" not found");

    f.transport->replies.push_back(jsonReply(401, status(401, "Unauthorized", "Unauthorized")));
    auto unauthorized = expectError(f.client()->getConfigMap("ns", "cm", {}));
    CHECK(unauthorized.code() == "UNAUTHORIZED");
    CHECK(std::string(unauthorized.what()) == "failed to get ConfigMap: authentication failed: invalid or expired token");

    f.transport->replies.push_back(jsonReply(200, "not json"));
    CHECK(expectError(f.client()->getConfigMap("ns", "cm", {})).code() == "INVALID_RESPONSE");
    f.transport->replies.push_back(jsonReply(200, "[1]"));
    CHECK(expectError(f.client()->getConfigMap("ns", "cm", {})).kind() == ErrorKind::Protocol);

    testing::ScriptedReply down;
    down.failure = ErrorKind::Connection;
    f.transport->replies = {down, down, down};
    auto connection = expectError(f.client()->getConfigMap("ns", "cm", {}));
    CHECK(connection.code() == "CONNECTION_FAILED");
    CHECK(connection.kind() == ErrorKind::Connection);

    // Validation runs before any request.
    f.transport->requests.clear();
    CHECK(expectError(f.client()->getConfigMap("NS", "cm", {})).kind() == ErrorKind::Validation);
    CHECK(expectError(f.client()->getConfigMap("ns", "../x", {})).kind() == ErrorKind::Validation);
    CHECK(expectError(f.client()->getAAModels("", {})).kind() == ErrorKind::Validation);
    CHECK(f.transport->requests.empty());
}

TEST_CASE("Kubernetes client: causes of an Invalid status reach the message; no token leaks") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(
        422, R"({"kind":"Status","message":"bad","reason":"Invalid","code":422,
                 "details":{"causes":[{"field":"spec.x","message":"Bearer user-token is not allowed"}]}})"));
    auto error = expectError(f.client()->getConfigMap("ns", "cm", {}));
    CHECK(error.kind() == ErrorKind::BadRequest);
    CHECK(error.code() == "INTERNAL_ERROR");
    CHECK(error.info().serverMessage == "bad; spec.x: Bearer [REDACTED] is not allowed");
    CHECK(std::string(error.what()).find("user-token") == std::string::npos);
}

TEST_CASE("Kubernetes client: abort stops before the request") {
    Fixture f;
    auto signal = std::make_shared<http::ManualCancelSignal>();
    signal->abort();
    http::CallOptions options;
    options.signal = signal;
    auto error = expectError(f.client()->getNamespaces({}, options));
    CHECK(error.kind() == ErrorKind::Abort);
    CHECK(f.transport->requests.empty());  // no projects fallback after an abort either
}

TEST_CASE("Kubernetes client: getLlamaStackDistributions and deleteLlamaStackDistribution") {
    Fixture f;
    const std::string lsd = R"({"metadata":{"name":"lsd-genai-playground","namespace":"ns"},"status":{"phase":"Ready"}})";
    f.transport->replies.push_back(jsonReply(200, "{\"kind\":\"LlamaStackDistributionList\",\"items\":[" + lsd + "]}"));
    auto list = runSync(f.client()->getLlamaStackDistributions("ns", {}));
    CHECK(list["items"].size() == 1);
    CHECK(f.sent(0).url ==
          url("/apis/llamastack.io/v1alpha1/namespaces/ns/llamastackdistributions?labelSelector=opendatahub.io%2Fdashboard%3Dtrue"));

    f.transport->replies.push_back(jsonReply(200, "{\"items\":[" + lsd + "]}"));
    f.transport->replies.push_back(jsonReply(200, lsd));
    auto deleted = runSync(f.client()->deleteLlamaStackDistribution("ns", "lsd-genai-playground", {}));
    CHECK(deleted["metadata"]["name"] == "lsd-genai-playground");
    CHECK(f.sent(2).method == "DELETE");
    CHECK(f.sent(2).url == url("/apis/llamastack.io/v1alpha1/namespaces/ns/llamastackdistributions/lsd-genai-playground"));

    f.transport->replies.push_back(jsonReply(200, "{\"items\":[" + lsd + "]}"));
    auto other = expectError(f.client()->deleteLlamaStackDistribution("ns", "other", {}));
    CHECK(std::string(other.what()) == "LlamaStackDistribution with name 'other' not found in namespace ns");
    f.transport->replies.push_back(jsonReply(200, R"({"items":null})"));
    auto none = expectError(f.client()->deleteLlamaStackDistribution("ns", "x", {}));
    CHECK(std::string(none.what()) ==
          "no LlamaStackDistribution found in namespace ns with OpenDataHubDashboardLabelKey annotation");
    CHECK(none.kind() == ErrorKind::NotFound);
}

TEST_CASE("Kubernetes client: getAAModels lists InferenceServices, their runtimes, LLMInferenceServices") {
    Fixture f;
    f.transport->handler = [](const http::Request& r) {
        if (r.url.find("/inferenceservices") != std::string::npos)
            return jsonReply(200, list({{{"metadata", {{"name", "m1"}}}, {"spec", {{"predictor", {{"model", {{"runtime", "rt"}}}}}}}},
                                        {{"metadata", {{"name", "m2"}}}, {"spec", {{"predictor", {{"model", {{"runtime", "gone"}}}}}}}}}));
        if (r.url.find("/servingruntimes/rt") != std::string::npos)
            return jsonReply(200, R"({"metadata":{"name":"rt","annotations":{"opendatahub.io/template-display-name":"vLLM"}}})");
        if (r.url.find("/servingruntimes/gone") != std::string::npos)
            return jsonReply(404, status(404, "NotFound", "not found"));
        return jsonReply(200, list({{{"metadata", {{"name", "l1"}}}, {"spec", {{"model", {{"name", "org/l1"}}}}}}}));
    };
    auto models = runSync(f.client()->getAAModels("ns", {}));
    REQUIRE(models.size() == 3);
    CHECK(models[0]["serving_runtime"] == "vLLM");
    CHECK(models[1]["serving_runtime"] == "");
    CHECK(models[2]["model_id"] == "org/l1");
    CHECK(f.sent(0).url == url("/apis/serving.kserve.io/v1beta1/namespaces/ns/inferenceservices?labelSelector=opendatahub.io%2Fgenai-asset%3Dtrue"));
    CHECK(f.sent(1).url == url("/apis/serving.kserve.io/v1alpha1/namespaces/ns/servingruntimes/rt"));
    CHECK(f.sent(3).url == url("/apis/serving.kserve.io/v1alpha1/namespaces/ns/llminferenceservices?labelSelector=opendatahub.io%2Fgenai-asset%3Dtrue"));

    f.transport->handler = [](const http::Request&) { return jsonReply(403, status(403, "Forbidden", "no")); };
    CHECK(std::string(expectError(f.client()->getAAModels("ns", {})).what()) == "failed to list InferenceServices: forbidden: no");
}

TEST_CASE("Kubernetes client: getModelProviderInfo reads run.yaml of the distribution's ConfigMap") {
    Fixture f;
    const std::string runYaml =
        "version: '2'\nproviders:\n  inference:\n  - provider_id: vllm-inference-1\n    provider_type: remote::vllm\n"
        "    config:\n      url: ${env.URL:=http://m.ns.svc/v1}\nregistered_resources:\n  models:\n"
        "  - model_id: m\n    provider_id: vllm-inference-1\n";
    f.transport->handler = [&](const http::Request& r) {
        if (r.url.find("llamastackdistributions") != std::string::npos)
            return jsonReply(200, R"({"items":[{"metadata":{"name":"d"},"spec":{"server":{"userConfig":{"configMapName":"custom"}}}}]})");
        return jsonReply(200, json{{"metadata", {{"name", "custom"}}}, {"data", {{"run.yaml", runYaml}}}}.dump());
    };
    auto info = runSync(f.client()->getModelProviderInfo("ns", "vllm-inference-1/m", {}));
    CHECK(info == json{{"model_id", "m"}, {"provider_id", "vllm-inference-1"}, {"provider_type", "remote::vllm"}, {"url", "http://m.ns.svc/v1"}});
    CHECK(f.sent(1).url == url("/api/v1/namespaces/ns/configmaps/custom"));
    CHECK(std::string(expectError(f.client()->getModelProviderInfo("ns", "zzz", {})).what()) == "provider not found for model zzz");

    f.transport->handler = [&](const http::Request& r) {
        if (r.url.find("llamastackdistributions") != std::string::npos) return jsonReply(200, R"({"items":[{"metadata":{"name":"d"}}]})");
        return jsonReply(200, R"({"metadata":{"name":"llama-stack-config"},"data":{"run.yaml":"a: [1"}})");
    };
    auto bad = expectError(f.client()->getModelProviderInfo("ns", "m", {}));
    CHECK(bad.kind() == ErrorKind::Protocol);
    CHECK(std::string(bad.what()).rfind("failed to parse run.yaml: line ", 0) == 0);

    f.transport->handler = [&](const http::Request&) { return jsonReply(200, R"({"items":[]})"); };
    CHECK(std::string(expectError(f.client()->getModelProviderInfo("ns", "m", {})).what()) ==
          "no LlamaStackDistribution found in namespace ns");
}

TEST_CASE("Kubernetes client: discoverClusterDomain reads the cluster ingress") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(200, R"({"spec":{"domain":"apps.example.com"}})"));
    CHECK(runSync(f.client()->discoverClusterDomain({})) == "apps.example.com");
    CHECK(f.sent(0).url == url("/apis/config.openshift.io/v1/ingresses/cluster"));
    f.transport->replies.push_back(jsonReply(200, R"({"metadata":{}})"));
    CHECK(std::string(expectError(f.client()->discoverClusterDomain({})).what()) == "invalid ingress config: missing spec");
    f.transport->replies.push_back(jsonReply(200, R"({"spec":{}})"));
    CHECK(std::string(expectError(f.client()->discoverClusterDomain({})).what()) == "invalid ingress config: missing domain");
}

TEST_CASE("Kubernetes client: bearerToken is the client's token") {
    Fixture f;
    CHECK(f.client({}, "tok-123")->bearerToken().reveal() == "tok-123");
}

namespace {
// A cluster with one InferenceService (with a token Secret) and one LLMInferenceService.
testing::ScriptedReply clusterReply(const http::Request& r, std::vector<std::string>& log) {
    const std::string path = r.url.substr(std::string(kBase).size());
    log.push_back(r.method + " " + path);
    auto is = [&](const char* method, const char* prefix) { return r.method == method && path.rfind(prefix, 0) == 0; };
    const std::string lsdPath = "/apis/llamastack.io/v1alpha1/namespaces/ns/llamastackdistributions";
    if (is("GET", lsdPath.c_str())) return jsonReply(200, list(json::array()));
    if (is("GET", "/apis/serving.kserve.io/v1beta1/namespaces/ns/inferenceservices"))
        return jsonReply(200, list({{{"metadata", {{"name", "isvc-a"}}},
                                     {"status", {{"address", {{"url", "https://isvc-a.ns.svc.cluster.local"}}}}}}}));
    if (is("GET", "/apis/serving.kserve.io/v1alpha1/namespaces/ns/llminferenceservices"))
        return jsonReply(200, list({{{"metadata", {{"name", "llm-b"}}}, {"spec", {{"model", {{"name", "org/b"}}}}}}}));
    if (is("GET", "/api/v1/namespaces/ns/serviceaccounts"))
        return jsonReply(200, list({{{"metadata", {{"name", "isvc-a-sa"}, {"ownerReferences", {{{"kind", "InferenceService"}, {"name", "isvc-a"}}}}}}}}));
    if (is("GET", "/api/v1/namespaces/ns/secrets/"))
        return jsonReply(200, R"({"metadata":{"name":"isvc-a-sa-token"}})");
    if (is("GET", "/api/v1/namespaces/ns/secrets"))
        return jsonReply(200, list({{{"type", "kubernetes.io/service-account-token"},
                                     {"metadata", {{"name", "isvc-a-sa-token"}, {"annotations", {{"kubernetes.io/service-account.name", "isvc-a-sa"}}}}}}}));
    if (is("GET", "/api/v1/namespaces/ns/services?labelSelector=serving.kserve.io"))
        return jsonReply(200, list({{{"metadata", {{"name", "isvc-a"}}}, {"spec", {{"clusterIP", "None"}, {"ports", {{{"targetPort", 8080}}}}}}}}));
    if (is("GET", "/api/v1/namespaces/ns/services"))
        return jsonReply(200, list({{{"metadata", {{"name", "llm-b-svc"}}}, {"spec", {{"ports", {{{"targetPort", 8000}}}}}}}}));
    if (is("POST", lsdPath.c_str())) {
        json created = json::parse(r.body);
        created["metadata"]["uid"] = "uid-42";
        return jsonReply(201, created.dump());
    }
    if (is("POST", "/api/v1/namespaces/ns/configmaps")) {
        json created = json::parse(r.body);
        created["metadata"]["resourceVersion"] = "7";
        return jsonReply(201, created.dump());
    }
    if (is("PUT", "/api/v1/namespaces/ns/configmaps/llama-stack-config")) return jsonReply(200, r.body);
    return jsonReply(404, status(404, "NotFound", "no route " + path));
}
}  // namespace

TEST_CASE("Kubernetes client: install runs the §5.4 sequence") {
    Fixture f;
    std::vector<std::string> log;
    f.transport->handler = [&](const http::Request& r) { return clusterReply(r, log); };
    auto maasTransport = std::make_shared<testing::ScriptedTransport>();
    maasTransport->replies.push_back(jsonReply(200, R"({"object":"list","data":[{"id":"maas-m","ready":true,"url":"http://maas.example.com/llm/maas-m/"}]})"));
    maas::RealMaaSClientFactory maasFactory(maasTransport, f.runtime);
    http::ClientOptions maasOptions;
    maasOptions.baseUrl = "https://maas.example.com/maas-api";
    std::shared_ptr<maas::MaaSClient> maasClient = maasFactory.createClient(maasOptions);

    auto request = kubernetes::InstallRequest::fromJson(
        "ns", json::parse(R"([{"model_name":"isvc-a"},{"model_name":"llm-b"},{"model_name":"maas-m","is_maas_model":true}])"));
    json created = runSync(f.client()->installLlamaStackDistribution(request, maasClient, {}));
    CHECK(created["metadata"]["uid"] == "uid-42");

    const std::string lsdPath = "/apis/llamastack.io/v1alpha1/namespaces/ns/llamastackdistributions";
    std::vector<std::string> expected = {
        "GET " + lsdPath + "?labelSelector=opendatahub.io%2Fdashboard%3Dtrue",
        "GET /apis/serving.kserve.io/v1beta1/namespaces/ns/inferenceservices",
        "GET /apis/serving.kserve.io/v1alpha1/namespaces/ns/llminferenceservices",
        "GET /api/v1/namespaces/ns/serviceaccounts",
        "GET /api/v1/namespaces/ns/secrets",
        "GET /api/v1/namespaces/ns/secrets/isvc-a-sa-token",
        "POST " + lsdPath,
        "GET /api/v1/namespaces/ns/services?labelSelector=serving.kserve.io%2Finferenceservice%3Disvc-a",
        "GET /api/v1/namespaces/ns/services?labelSelector=app.kubernetes.io%2Fname%3Dllm-b%2Capp.kubernetes.io%2Fcomponent%3Dllminferenceservice-workload",
        "POST /api/v1/namespaces/ns/configmaps",
        "PUT /api/v1/namespaces/ns/configmaps/llama-stack-config"};
    CHECK(log == expected);
    CHECK(maasTransport->requests.size() == 1);
    CHECK(maasTransport->requests[0].url == "https://maas.example.com/maas-api/v1/models");

    json cr = json::parse(f.transport->requests[6].body);
    const json& env = cr["spec"]["server"]["containerSpec"]["env"];
    CHECK(env[4]["valueFrom"]["secretKeyRef"]["name"] == "isvc-a-sa-token");
    CHECK(env[5] == json{{"name", "VLLM_API_TOKEN_2"}, {"value", "fake"}});
    CHECK(env[6] == json{{"name", "VLLM_API_TOKEN_3"}, {"value", "fake"}});

    json configMap = json::parse(f.transport->requests[10].body);
    CHECK(configMap["metadata"]["resourceVersion"] == "7");
    CHECK(configMap["metadata"]["ownerReferences"][0]["uid"] == "uid-42");
    json run = kubernetes::parseYaml(configMap["data"]["run.yaml"].get<std::string>());
    const json& providers = run["providers"]["inference"];
    REQUIRE(providers.size() == 4);
    CHECK(providers[1]["provider_id"] == "vllm-inference-1");
    CHECK(providers[1]["config"]["url"] == "http://isvc-a.ns.svc.cluster.local:8080/v1");
    CHECK(providers[2]["provider_id"] == "vllm-inference-2");
    CHECK(providers[2]["config"]["url"] == "http://llm-b-svc.ns.svc.cluster.local:8000/v1");
    CHECK(providers[3]["provider_id"] == "maas-vllm-inference-3");
    CHECK(providers[3]["config"]["url"] == "http://maas.example.com/llm/maas-m/v1");
    CHECK(providers[3]["config"]["api_token"] == "${env.VLLM_API_TOKEN_3:=fake}");
    const json& models = run["registered_resources"]["models"];
    CHECK(models[1]["model_id"] == "isvc-a");
    CHECK(models[2]["model_id"] == "org/b");
    CHECK(models[3] == json{{"model_id", "maas-m"}, {"provider_id", "maas-vllm-inference-3"}, {"model_type", "llm"},
                            {"metadata", {{"display_name", "maas-m"}}}});
}

TEST_CASE("Kubernetes client: install refuses a second distribution and unready MaaS models") {
    Fixture f;
    f.transport->replies.push_back(jsonReply(200, list({{{"metadata", {{"name", "lsd-genai-playground"}}}}})));
    auto request = kubernetes::InstallRequest::fromJson("ns", json::parse(R"([{"model_name":"m","is_maas_model":true}])"));
    auto maasTransport = std::make_shared<testing::ScriptedTransport>();
    maas::RealMaaSClientFactory maasFactory(maasTransport, f.runtime);
    std::shared_ptr<maas::MaaSClient> maasClient = maasFactory.createClient({});
    auto exists = expectError(f.client()->installLlamaStackDistribution(request, maasClient, {}));
    CHECK(std::string(exists.what()) == "LlamaStackDistribution already exists in namespace ns");
    CHECK(exists.kind() == ErrorKind::Conflict);

    auto noMaaS = expectError(f.client()->installLlamaStackDistribution(request, nullptr, {}));
    CHECK(noMaaS.kind() == ErrorKind::Validation);
    CHECK(std::string(noMaaS.what()) ==
          "MaaS client not available but MaaS models were requested. Ensure MaaS is enabled and configured");

    // Not ready: the resource stays, the ConfigMap is not created.
    f.transport->requests.clear();
    f.transport->handler = [](const http::Request& r) {
        if (r.method == "POST") return jsonReply(201, r.body);
        return jsonReply(200, list(json::array()));
    };
    maasTransport->replies.push_back(jsonReply(200, R"({"data":[{"id":"m","ready":false,"url":"http://x"}]})"));
    auto notReady = expectError(f.client()->installLlamaStackDistribution(request, maasClient, {}));
    CHECK(std::string(notReady.what()) == "failed to create ConfigMap: failed to generate Llama Stack configuration: "
                                          "MaaS model 'm' is not ready (status: false)");
    CHECK(f.transport->requests.size() == 2);  // list, POST of the resource
    maasTransport->replies.push_back(jsonReply(200, R"({"data":[]})"));
    CHECK(std::string(expectError(f.client()->installLlamaStackDistribution(request, maasClient, {})).what()) ==
          "failed to create ConfigMap: failed to generate Llama Stack configuration: MaaS model 'm' not found");
}

TEST_CASE("Kubernetes client: install requests are validated") {
    CHECK_THROWS_AS(kubernetes::InstallRequest::fromJson("ns", json::array()), Error);
    CHECK_THROWS_AS(kubernetes::InstallRequest::fromJson("ns", json::parse(R"([{"is_maas_model":true}])")), Error);
    CHECK_THROWS_AS(kubernetes::InstallRequest::fromJson("ns", json::parse(R"([{"model_name":"m","is_maas_model":"yes"}])")), Error);
    CHECK_THROWS_AS(kubernetes::InstallRequest::fromJson("Bad_NS", json::parse(R"([{"model_name":"m"}])")), Error);
    CHECK_THROWS_AS(kubernetes::InstallRequest::fromJson("ns", json{{"model_name", "m"}}), Error);
}

TEST_CASE("Kubernetes client: an OGXServer install creates the ConfigMap first") {
    Fixture f;
    std::vector<std::string> log;
    f.transport->handler = [&](const http::Request& r) {
        log.push_back(r.method + " " + r.url.substr(std::string(kBase).size(), 60));
        if (r.method == "POST") {
            json created = json::parse(r.body);
            created["metadata"]["uid"] = "ogx-uid";
            return jsonReply(201, created.dump());
        }
        if (r.method == "PUT") return jsonReply(200, r.body);
        if (r.url.find("inferenceservices") != std::string::npos)
            return jsonReply(200, list({{{"metadata", {{"name", "m"}}}, {"status", {{"address", {{"url", "http://m.ns.svc"}}}}}}}));
        return jsonReply(200, list(json::array()));
    };
    kubernetes::KubernetesSettings ogx;
    ogx.distributionKind = kubernetes::DistributionKind::OGXServer;
    auto request = kubernetes::InstallRequest::fromJson("ns", json::parse(R"([{"model_name":"m"}])"));
    auto created = runSync(f.client(ogx)->installLlamaStackDistribution(request, nullptr, {}));
    CHECK(created["kind"] == "OGXServer");
    std::vector<std::string> posts;
    for (const auto& line : log)
        if (line.rfind("POST", 0) == 0 || line.rfind("PUT", 0) == 0) posts.push_back(line);
    REQUIRE(posts.size() == 3);
    CHECK(posts[0] == "POST /api/v1/namespaces/ns/configmaps");
    CHECK(posts[1] == "POST /apis/ogx.io/v1beta1/namespaces/ns/ogxservers");
    CHECK(posts[2] == "PUT /api/v1/namespaces/ns/configmaps/llama-stack-config");
    json configMap = json::parse(f.transport->requests.back().body);
    CHECK(configMap["metadata"]["ownerReferences"][0]["kind"] == "OGXServer");
    CHECK(kubernetes::parseYaml(configMap["data"]["config.yaml"].get<std::string>())["version"] == "2");
}
