#include "kubernetes/install_plan.hpp"

#include "core/json.hpp"
#include "kubernetes/aa_models.hpp"

namespace genai::kubernetes {

namespace {
// The objects are written as JSON text and parsed: far less wasm than the same objects built from
// nlohmann initializer lists.
constexpr const char* kLlamaStackTemplate = R"json({
  "apiVersion": "llamastack.io/v1alpha1", "kind": "LlamaStackDistribution",
  "metadata": {"name": "lsd-genai-playground", "annotations": {"openshift.io/display-name": "lsd-genai-playground"},
               "labels": {"opendatahub.io/dashboard": "true"}},
  "spec": {"replicas": 1, "server": {
    "containerSpec": {"name": "llama-stack", "port": 8321,
                      "command": ["/bin/sh", "-c", "llama stack run /etc/llama-stack/run.yaml"]},
    "userConfig": {"configMapName": "llama-stack-config"}}}})json";

constexpr const char* kOgxTemplate = R"json({
  "apiVersion": "ogx.io/v1beta1", "kind": "OGXServer",
  "metadata": {"name": "lsd-genai-playground", "annotations": {"openshift.io/display-name": "lsd-genai-playground"},
               "labels": {"opendatahub.io/dashboard": "true"}},
  "spec": {"overrideConfig": {"name": "llama-stack-config", "key": "config.yaml"},
           "workload": {"replicas": 1, "overrides": {"command": ["/bin/sh", "-c", "llama stack run /etc/llama-stack/run.yaml"]}},
           "network": {"port": 8321}}})json";

constexpr const char* kResources = R"json({"requests": {"cpu": "250m", "memory": "500Mi"}, "limits": {"cpu": "2", "memory": "12Gi"}})json";

constexpr const char* kEnvironment = R"json([
  {"name": "VLLM_TLS_VERIFY", "value": "false"}, {"name": "MILVUS_DB_PATH", "value": "~/.llama/milvus.db"},
  {"name": "FMS_ORCHESTRATOR_URL", "value": "http://localhost"}, {"name": "VLLM_MAX_TOKENS", "value": "4096"}])json";

constexpr const char* kConfigDirVar = R"json({"name": "LLAMA_STACK_CONFIG_DIR", "value": "/opt/app-root/src/.llama/distributions/rh/"})json";

constexpr const char* kConfigMapTemplate = R"json({"apiVersion": "v1", "kind": "ConfigMap",
  "metadata": {"name": "llama-stack-config", "labels": {"opendatahub.io/dashboard": "true"}}, "data": {}})json";

constexpr const char* kOwnerTemplate = R"json({"controller": true, "blockOwnerDeletion": false})json";

Json environment(const Json& tokenEnv) {
    Json env = parseJson(kEnvironment);
    for (const auto& var : tokenEnv) env.push_back(var);
    env.push_back(parseJson(kConfigDirVar));
    return env;
}

// An image reference when the name has a registry path or a tag, else a distribution name.
Json distributionRef(const std::string& name) {
    bool image = name.find('/') != std::string::npos || name.find(':') != std::string::npos;
    Json ref = Json::object();
    ref[image ? "image" : "name"] = name;
    return ref;
}
}  // namespace

Json tokenEnvVar(int index, const std::string& secretName) {
    Json var = Json::object();
    var["name"] = "VLLM_API_TOKEN_" + std::to_string(index);
    if (secretName.empty()) {
        var["value"] = "fake";
    } else {
        Json& ref = var["valueFrom"]["secretKeyRef"];
        ref["name"] = secretName;
        ref["key"] = "token";
    }
    return var;
}

Json buildDistribution(const KubernetesSettings& settings, const std::string& ns, const Json& tokenEnv) {
    const bool ogx = settings.distributionKind == DistributionKind::OGXServer;
    Json object = parseJson(ogx ? kOgxTemplate : kLlamaStackTemplate);
    object["metadata"]["namespace"] = ns;
    if (ogx) {
        Json& workload = object["spec"]["workload"];
        object["spec"]["distribution"] = distributionRef(settings.distributionName);
        workload["resources"] = parseJson(kResources);
        workload["overrides"]["env"] = environment(tokenEnv);
    } else {
        Json& server = object["spec"]["server"];
        server["distribution"] = distributionRef(settings.distributionName);
        server["containerSpec"]["resources"] = parseJson(kResources);
        server["containerSpec"]["env"] = environment(tokenEnv);
    }
    return object;
}

Json buildConfigMap(DistributionKind kind, const std::string& ns, const std::string& configYaml) {
    Json configMap = parseJson(kConfigMapTemplate);
    Json& metadata = configMap["metadata"];
    metadata["namespace"] = ns;
    if (kind == DistributionKind::OGXServer) {
        metadata["labels"]["ogx.io/server"] = kPlaygroundName;
        metadata["labels"]["ogx.io/watch"] = "true";
    } else {
        metadata["labels"]["llamastack.io/distribution"] = kPlaygroundName;
    }
    configMap["data"][std::string(distributionApi(kind).configKey)] = configYaml;
    return configMap;
}

Json withOwnerReference(DistributionKind kind, Json configMap, const Json& distribution) {
    const DistributionApi& api = distributionApi(kind);
    Json owner = parseJson(kOwnerTemplate);
    owner["apiVersion"] = apiVersionOf(api.resource);
    owner["kind"] = api.resource.kind;
    owner["name"] = stringAt(distribution, {"metadata", "name"});
    owner["uid"] = stringAt(distribution, {"metadata", "uid"});
    configMap["metadata"]["ownerReferences"] = Json::array();
    configMap["metadata"]["ownerReferences"].push_back(std::move(owner));
    return configMap;
}

std::string configMapNameOf(DistributionKind kind, const Json& distribution) {
    std::string name = kind == DistributionKind::OGXServer
                           ? stringAt(distribution, {"spec", "overrideConfig", "name"})
                           : stringAt(distribution, {"spec", "server", "userConfig", "configMapName"});
    return name.empty() ? kConfigMapName : name;
}

}  // namespace genai::kubernetes
