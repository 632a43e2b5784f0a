// Pure parts of the Kubernetes client: name validation, URLs, error bodies, the AAModel mapping,
// the install objects and run.yaml generation and lookup.
#include <doctest/doctest.h>

#include "kubernetes/aa_models.hpp"
#include "kubernetes/errors.hpp"
#include "kubernetes/install_plan.hpp"
#include "kubernetes/model_endpoints.hpp"
#include "kubernetes/namespaces.hpp"
#include "kubernetes/resources.hpp"
#include "kubernetes/run_config.hpp"
#include "kubernetes/types.hpp"
#include "kubernetes/yaml.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::validationMessage;
using namespace genai::kubernetes;
using nlohmann::json;


TEST_CASE("Kubernetes: namespaces are RFC 1123 labels, names RFC 1123 subdomains") {
    CHECK_NOTHROW(validateNamespace("op", "mock-test-namespace-1"));
    CHECK_NOTHROW(validateNamespace("op", std::string(63, 'a')));
    CHECK(validationMessage([] { validateNamespace("op", ""); }) == "namespace is required");
    CHECK(validationMessage([] { validateNamespace("op", std::string(64, 'a')); }) ==
          "invalid namespace \"" + std::string(64, 'a') + "\": must be no more than 63 characters");
    for (const char* bad : {"Upper", "-lead", "trail-", "a.b", "a/b", "..", "a b", "ns%2F"}) {
        CHECK(validationMessage([&] { validateNamespace("op", bad); }).find("a lowercase RFC 1123 label must consist") !=
              std::string::npos);
    }
    CHECK_NOTHROW(validateName("op", "name", "gen-ai-aa-mcp-servers"));
    CHECK_NOTHROW(validateName("op", "name", "a.b-c.d"));
    for (const char* bad : {"a..b", ".a", "a.", "A", "a_b", "../etc"}) {
        CHECK(validationMessage([&] { validateName("op", "name", bad); }).find("RFC 1123 subdomain") != std::string::npos);
    }
    CHECK(validationMessage([] { validateName("op", "ConfigMap name", ""); }) == "ConfigMap name is required");
}

TEST_CASE("Kubernetes: resource URLs, with encoded label selectors") {
    CHECK(resourceUrl("https://k8s.example.com:6443", kNamespaces) == "https://k8s.example.com:6443/api/v1/namespaces");
    CHECK(resourceUrl("/api/k8s/", kConfigMaps, "ns-1", "cm") == "/api/k8s/api/v1/namespaces/ns-1/configmaps/cm");
    CHECK(resourceUrl("http://h", kInferenceServices, "ns", {}, "opendatahub.io/genai-asset=true") ==
          "http://h/apis/serving.kserve.io/v1beta1/namespaces/ns/inferenceservices?labelSelector=opendatahub.io%2Fgenai-asset%3Dtrue");
    CHECK(resourceUrl("http://h", kIngresses, {}, "cluster") == "http://h/apis/config.openshift.io/v1/ingresses/cluster");
    CHECK(resourceUrl("http://h", kServices, "ns", {}, "a=b,c=d") ==
          "http://h/api/v1/namespaces/ns/services?labelSelector=a%3Db%2Cc%3Dd");
    CHECK(apiVersionOf(kServingRuntimes) == "serving.kserve.io/v1alpha1");
    CHECK(apiVersionOf(kSecrets) == "v1");
}

TEST_CASE("Kubernetes: Status bodies are parsed with their causes") {
    auto status = parseStatus(R"({"kind":"Status","apiVersion":"v1","status":"Failure",
        "message":"ConfigMap \"x\" is invalid","reason":"Invalid","code":422,
        "details":{"causes":[{"field":"metadata.name","message":"Invalid value: \"X\"","reason":"FieldValueInvalid"},{"reason":"FieldValueRequired"}]}})");
    REQUIRE(status);
    CHECK(status->message == "ConfigMap \"x\" is invalid");
    CHECK(status->reason == "Invalid");
    CHECK(status->code == 422);
    CHECK(status->causes == std::vector<std::string>{"metadata.name: Invalid value: \"X\"", "FieldValueRequired"});
    CHECK_FALSE(parseStatus(R"({"error":"x"})"));
    CHECK_FALSE(parseStatus("not json"));
}

TEST_CASE("Kubernetes: the AAModel mapping of InferenceServices") {
    json isvc = {{"metadata",
                  {{"name", "granite"},
                   {"annotations",
                    {{"openshift.io/display-name", "Granite"},
                     {"openshift.io/description", "desc"},
                     {"opendatahub.io/genai-use-case", "chat"}}}}},
                 {"spec", {{"predictor", {{"model", {{"runtime", "vllm"}}}}}}},
                 {"status",
                  {{"address", {{"url", "http://granite.ns.svc.cluster.local"}}},
                   {"url", "https://granite-ns.apps.example.com"},
                   {"conditions", {{{"type", "Ready"}, {"status", "True"}}}}}}};
    json runtime = {{"metadata",
                     {{"annotations",
                       {{"opendatahub.io/template-display-name", "vLLM"},
                        {"opendatahub.io/apiProtocol", "REST"},
                        {"opendatahub.io/runtime-version", "v0.9"}}}}}};
    json model = aaModelFromInferenceService(isvc, runtime);
    CHECK(model["model_name"] == "granite");
    CHECK(model["model_id"] == "granite");
    CHECK(model["display_name"] == "Granite");
    CHECK(model["description"] == "desc");
    CHECK(model["usecase"] == "chat");
    CHECK(model["serving_runtime"] == "vLLM");
    CHECK(model["api_protocol"] == "REST");
    CHECK(model["version"] == "v0.9");
    CHECK(model["status"] == "Running");
    CHECK(model["endpoints"] ==
          json::array({"internal: http://granite.ns.svc.cluster.local", "external: https://granite-ns.apps.example.com"}));
    CHECK(model["sa_token"] == json{{"name", ""}, {"token_name", ""}, {"token", ""}});

    // No runtime, not ready, no display name, an external URL inside the cluster.
    isvc["metadata"]["annotations"].erase("openshift.io/display-name");
    isvc["status"]["conditions"][0]["status"] = "False";
    isvc["status"]["url"] = "http://granite.ns.svc.cluster.local:8080";
    model = aaModelFromInferenceService(isvc, json::object());
    CHECK(model["display_name"] == "granite");
    CHECK(model["status"] == "Stop");
    CHECK(model["serving_runtime"] == "");
    CHECK(model["endpoints"] == json::array({"internal: http://granite.ns.svc.cluster.local"}));
}

TEST_CASE("Kubernetes: the AAModel mapping of LLMInferenceServices") {
    json llm = {{"metadata", {{"name", "llm-d-x"}}},
                {"spec", {{"model", {{"name", "Qwen/Qwen2.5-7B"}}}}},
                {"status", {{"address", {{"url", "http://a"}}}, {"url", "http://a"}}}};
    json model = aaModelFromLLMInferenceService(llm);
    CHECK(model["model_name"] == "llm-d-x");
    CHECK(model["model_id"] == "Qwen/Qwen2.5-7B");
    CHECK(model["serving_runtime"] == "Distributed inference with llm-d");
    CHECK(model["api_protocol"] == "REST");
    CHECK(model["version"] == "");
    CHECK(model["status"] == "Stop");
    CHECK(model["endpoints"] == json::array({"internal: http://a"}));
    llm["spec"].erase("model");
    CHECK(aaModelFromLLMInferenceService(llm)["model_id"] == "llm-d-x");
}

TEST_CASE("Kubernetes: the dashboard's namespace filter and the projects fallback") {
    json namespaces = json::array();
    for (const char* n : {"default", "system", "openshift", "opendatahub", "openshift-monitoring", "kube-system", "team-a",
                          "kubeflow"})
        namespaces.push_back({{"metadata", {{"name", n}}}});
    namespaces.push_back({{"metadata", {{"name", "team-b"}, {"annotations", {{"openshift.io/display-name", "Team B"}}}}}});
    CHECK(dashboardNamespaces(namespaces) == json::array({{{"name", "team-a"}, {"displayName", "team-a"}},
                                                          {{"name", "kubeflow"}, {"displayName", "kubeflow"}},
                                                          {{"name", "team-b"}, {"displayName", "Team B"}}}));
    json project = {{"metadata", {{"name", "p"}, {"labels", {{"a", "b"}}}, {"uid", "x"}}}};
    CHECK(namespaceFromProject(project) ==
          json{{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", "p"}, {"labels", {{"a", "b"}}}}}});
}

TEST_CASE("Kubernetes: model URLs for run.yaml") {
    json isvc = {{"metadata", {{"name", "m"}}}, {"status", {{"address", {{"url", "https://m.ns.svc.cluster.local"}}}}}};
    CHECK(inferenceServiceUrl(isvc, nullptr) == "http://m.ns.svc.cluster.local/v1");
    json headless = {{"spec", {{"clusterIP", "None"}, {"ports", {{{"port", 80}, {"targetPort", 8000}}}}}}};
    CHECK(inferenceServiceUrl(isvc, headless) == "http://m.ns.svc.cluster.local:8000/v1");
    headless["spec"]["ports"][0]["targetPort"] = "http";
    CHECK(inferenceServiceUrl(isvc, headless) == "http://m.ns.svc.cluster.local:8080/v1");
    isvc["status"]["address"]["url"] = "https://m.ns.svc.cluster.local:8443/";
    isvc["metadata"]["annotations"] = {{"security.opendatahub.io/enable-auth", "true"}};
    CHECK(inferenceServiceUrl(isvc, headless) == "https://m.ns.svc.cluster.local:8443/v1");
    isvc["status"].erase("address");
    CHECK_THROWS_AS(inferenceServiceUrl(isvc, nullptr), std::invalid_argument);

    json llm = {{"metadata", {{"name", "l"}}}};
    json service = {{"metadata", {{"name", "l-svc"}}}, {"spec", {{"ports", {{{"targetPort", 8000}}}}}}};
    CHECK(llmInferenceServiceUrl(llm, service, "ns") == "http://l-svc.ns.svc.cluster.local:8000/v1");
    CHECK(maasModelUrl({{"url", "http://maas.example.com/llm/x/"}}) == "http://maas.example.com/llm/x/v1");
    CHECK(maasModelUrl({{"url", "http://maas.example.com/llm/x/v1"}}) == "http://maas.example.com/llm/x/v1");
    CHECK(registeredInferenceServiceModel({{"metadata", {{"name", "a:b"}}}}, "p")["model_id"] == "a-b");
    CHECK(inferenceServiceSelector("m") == "serving.kserve.io/inferenceservice=m");
    CHECK(llmInferenceServiceSelector("l") ==
          "app.kubernetes.io/name=l,app.kubernetes.io/component=llminferenceservice-workload");
}

TEST_CASE("Kubernetes: the LlamaStackDistribution and its ConfigMap") {
    KubernetesSettings settings;
    json env = json::array({tokenEnvVar(1, "sa-token"), tokenEnvVar(2, "")});
    json cr = buildDistribution(settings, "ns", env);
    CHECK(cr["apiVersion"] == "llamastack.io/v1alpha1");
    CHECK(cr["kind"] == "LlamaStackDistribution");
    CHECK(cr["metadata"]["name"] == "lsd-genai-playground");
    CHECK(cr["metadata"]["labels"]["opendatahub.io/dashboard"] == "true");
    CHECK(cr["metadata"]["annotations"]["openshift.io/display-name"] == "lsd-genai-playground");
    CHECK(cr["spec"]["replicas"] == 1);
    const json& container = cr["spec"]["server"]["containerSpec"];
    CHECK(container["name"] == "llama-stack");
    CHECK(container["port"] == 8321);
    CHECK(container["command"] == json::array({"/bin/sh", "-c", "llama stack run /etc/llama-stack/run.yaml"}));
    CHECK(container["resources"]["limits"]["memory"] == "12Gi");
    CHECK(container["env"][4] == json{{"name", "VLLM_API_TOKEN_1"},
                                      {"valueFrom", {{"secretKeyRef", {{"name", "sa-token"}, {"key", "token"}}}}}});
    CHECK(container["env"][5] == json{{"name", "VLLM_API_TOKEN_2"}, {"value", "fake"}});
    CHECK(container["env"].back()["name"] == "LLAMA_STACK_CONFIG_DIR");
    CHECK(cr["spec"]["server"]["distribution"] == json{{"name", "rh-dev"}});
    CHECK(cr["spec"]["server"]["userConfig"]["configMapName"] == "llama-stack-config");
    settings.distributionName = "quay.io/org/image:tag";
    CHECK(buildDistribution(settings, "ns", env)["spec"]["server"]["distribution"] ==
          json{{"image", "quay.io/org/image:tag"}});

    json created = cr;
    created["metadata"]["uid"] = "uid-1";
    json cm = withOwnerReference(DistributionKind::LlamaStackDistribution,
                                 buildConfigMap(DistributionKind::LlamaStackDistribution, "ns", "x: 1\n"), created);
    CHECK(cm["metadata"]["labels"] == json{{"opendatahub.io/dashboard", "true"}, {"llamastack.io/distribution", "lsd-genai-playground"}});
    CHECK(cm["data"] == json{{"run.yaml", "x: 1\n"}});
    CHECK(cm["metadata"]["ownerReferences"] == json::array({{{"apiVersion", "llamastack.io/v1alpha1"},
                                                             {"kind", "LlamaStackDistribution"},
                                                             {"name", "lsd-genai-playground"},
                                                             {"uid", "uid-1"},
                                                             {"controller", true},
                                                             {"blockOwnerDeletion", false}}}));
    CHECK(configMapNameOf(DistributionKind::LlamaStackDistribution, created) == "llama-stack-config");
}

TEST_CASE("Kubernetes: the OGXServer form (§5.8)") {
    KubernetesSettings settings;
    settings.distributionKind = DistributionKind::OGXServer;
    json cr = buildDistribution(settings, "ns", json::array());
    CHECK(cr["apiVersion"] == "ogx.io/v1beta1");
    CHECK(cr["kind"] == "OGXServer");
    CHECK(cr["spec"]["overrideConfig"] == json{{"name", "llama-stack-config"}, {"key", "config.yaml"}});
    CHECK(cr["spec"]["workload"]["replicas"] == 1);
    CHECK(cr["spec"]["network"]["port"] == 8321);
    CHECK(cr["spec"]["workload"]["overrides"]["env"].size() == 5);
    json cm = buildConfigMap(DistributionKind::OGXServer, "ns", "x: 1\n");
    CHECK(cm["metadata"]["labels"]["ogx.io/server"] == "lsd-genai-playground");
    CHECK(cm["metadata"]["labels"]["ogx.io/watch"] == "true");
    CHECK(cm["data"].contains("config.yaml"));
    CHECK(parseDistributionKind("OGXServer") == DistributionKind::OGXServer);
    CHECK_THROWS_AS(parseDistributionKind("Deployment"), Error);
}

TEST_CASE("Kubernetes: run.yaml generation and provider lookup") {
    json config = defaultRunConfig();
    CHECK(config["version"] == "2");
    CHECK(config["registered_resources"]["models"][0]["model_id"] == "granite-embedding-125m");
    addVllmProvider(config, "vllm-inference-1", "http://m.ns.svc.cluster.local/v1", 1);
    registerModel(config, {{"model_id", "m"}, {"provider_id", "vllm-inference-1"}, {"model_type", "llm"}});
    const json& provider = config["providers"]["inference"].back();
    CHECK(provider["config"]["api_token"] == "${env.VLLM_API_TOKEN_1:=fake}");
    CHECK(provider["config"]["max_tokens"] == "${env.VLLM_MAX_TOKENS:=4096}");

    json reread = parseYaml(renderRunYaml(config));
    CHECK(reread == config);
    CHECK(findModelProvider(reread, "m") == json{{"model_id", "m"},
                                                 {"provider_id", "vllm-inference-1"},
                                                 {"provider_type", "remote::vllm"},
                                                 {"url", "http://m.ns.svc.cluster.local/v1"}});
    CHECK(findModelProvider(reread, "vllm-inference-1/m")["model_id"] == "m");
    CHECK_THROWS_WITH_AS(findModelProvider(reread, "nope"), "provider not found for model nope", std::invalid_argument);
    registerModel(config, {{"model_id", "orphan"}, {"provider_id", "gone"}});
    CHECK_THROWS_WITH_AS(findModelProvider(config, "orphan"), "provider configuration not found for provider_id gone",
                         std::invalid_argument);
    // Older run.yaml files list models at the top level.
    json old = {{"models", {{{"model_id", "x"}, {"provider_id", "p"}}}},
                {"providers", {{"inference", {{{"provider_id", "p"}, {"provider_type", "remote::vllm"},
                                               {"config", {{"url", "${env.URL:=http://d/v1}"}}}}}}}}};
    CHECK(findModelProvider(old, "x")["url"] == "http://d/v1");
    CHECK(reduceEnvDefault("${env.X:=a:=b}") == "a:=b");
    CHECK(reduceEnvDefault("${env.X}") == "");
    CHECK(reduceEnvDefault("plain") == "plain");
}
