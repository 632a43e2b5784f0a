#include "kubernetes/install_plan.hpp"

#include "kubernetes/aa_models.hpp"

namespace genai::kubernetes {

namespace {
constexpr const char* kLaunchCommand = "llama stack run /etc/llama-stack/run.yaml";

Json resources() {
    return {{"requests", {{"cpu", "250m"}, {"memory", "500Mi"}}}, {"limits", {{"cpu", "2"}, {"memory", "12Gi"}}}};
}

Json environment(const Json& tokenEnv) {
    Json env = Json::array({{{"name", "VLLM_TLS_VERIFY"}, {"value", "false"}},
                            {{"name", "MILVUS_DB_PATH"}, {"value", "~/.llama/milvus.db"}},
                            {{"name", "FMS_ORCHESTRATOR_URL"}, {"value", "http://localhost"}},
                            {{"name", "VLLM_MAX_TOKENS"}, {"value", "4096"}}});
    for (const auto& var : tokenEnv) env.push_back(var);
    env.push_back({{"name", "LLAMA_STACK_CONFIG_DIR"}, {"value", "/opt/app-root/src/.llama/distributions/rh/"}});
    return env;
}

// An image reference when the name has a registry path or a tag, else a distribution name.
Json distributionRef(const std::string& name) {
    bool image = name.find('/') != std::string::npos || name.find(':') != std::string::npos;
    return {{image ? "image" : "name", name}};
}
}  // namespace

Json tokenEnvVar(int index, const std::string& secretName) {
    const std::string name = "VLLM_API_TOKEN_" + std::to_string(index);
    if (secretName.empty()) return {{"name", name}, {"value", "fake"}};
    return {{"name", name}, {"valueFrom", {{"secretKeyRef", {{"name", secretName}, {"key", "token"}}}}}};
}

Json buildDistribution(const KubernetesSettings& settings, const std::string& ns, const Json& tokenEnv) {
    const DistributionApi& api = distributionApi(settings.distributionKind);
    Json object = {{"apiVersion", apiVersionOf(api.resource)},
                   {"kind", api.resource.kind},
                   {"metadata",
                    {{"name", kPlaygroundName},
                     {"namespace", ns},
                     {"annotations", {{"openshift.io/display-name", kPlaygroundName}}},
                     {"labels", {{kDashboardLabel, "true"}}}}}};
    const Json command = Json::array({"/bin/sh", "-c", kLaunchCommand});
    if (settings.distributionKind == DistributionKind::OGXServer) {
        object["spec"] = {{"distribution", distributionRef(settings.distributionName)},
                          {"overrideConfig", {{"name", kConfigMapName}, {"key", api.configKey}}},
                          {"workload",
                           {{"replicas", 1},
                            {"resources", resources()},
                            {"overrides", {{"command", command}, {"env", environment(tokenEnv)}}}}},
                          {"network", {{"port", 8321}}}};
    } else {
        object["spec"] = {{"replicas", 1},
                          {"server",
                           {{"containerSpec",
                             {{"name", "llama-stack"},
                              {"port", 8321},
                              {"command", command},
                              {"resources", resources()},
                              {"env", environment(tokenEnv)}}},
                            {"distribution", distributionRef(settings.distributionName)},
                            {"userConfig", {{"configMapName", kConfigMapName}}}}}};
    }
    return object;
}

Json buildConfigMap(DistributionKind kind, const std::string& ns, const std::string& configYaml) {
    const DistributionApi& api = distributionApi(kind);
    Json labels = {{kDashboardLabel, "true"}};
    if (kind == DistributionKind::OGXServer) {
        labels["ogx.io/server"] = kPlaygroundName;
        labels["ogx.io/watch"] = "true";
    } else {
        labels["llamastack.io/distribution"] = kPlaygroundName;
    }
    return {{"apiVersion", "v1"},
            {"kind", "ConfigMap"},
            {"metadata", {{"name", kConfigMapName}, {"namespace", ns}, {"labels", labels}}},
            {"data", {{std::string(api.configKey), configYaml}}}};
}

Json withOwnerReference(DistributionKind kind, Json configMap, const Json& distribution) {
    const DistributionApi& api = distributionApi(kind);
    configMap["metadata"]["ownerReferences"] = Json::array({{{"apiVersion", apiVersionOf(api.resource)},
                                                             {"kind", api.resource.kind},
                                                             {"name", stringAt(distribution, {"metadata", "name"})},
                                                             {"uid", stringAt(distribution, {"metadata", "uid"})},
                                                             {"controller", true},
                                                             {"blockOwnerDeletion", false}}});
    return configMap;
}

std::string configMapNameOf(DistributionKind kind, const Json& distribution) {
    std::string name = kind == DistributionKind::OGXServer
                           ? stringAt(distribution, {"spec", "overrideConfig", "name"})
                           : stringAt(distribution, {"spec", "server", "userConfig", "configMapName"});
    return name.empty() ? kConfigMapName : name;
}

}  // namespace genai::kubernetes
