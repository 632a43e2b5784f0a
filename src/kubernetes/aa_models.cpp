#include "kubernetes/aa_models.hpp"

#include "core/json.hpp"

namespace genai::kubernetes {

std::string stringAt(const Json& object, std::initializer_list<const char*> keys) {
    const Json* node = &object;
    for (const char* key : keys) {
        if (!node->is_object()) return {};
        auto it = node->find(key);
        if (it == node->end()) return {};
        node = &*it;
    }
    return node->is_string() ? node->get<std::string>() : std::string();
}

std::string readinessOf(const Json& object) {
    const Json* conditions = nullptr;
    if (object.contains("status") && object["status"].is_object() && object["status"].contains("conditions"))
        conditions = &object["status"]["conditions"];
    if (conditions && conditions->is_array()) {
        for (const auto& c : *conditions) {
            if (c.is_object() && c.value("type", std::string()) == "Ready" && c.value("status", std::string()) == "True")
                return "Running";
        }
    }
    return "Stop";
}

namespace {
std::string annotation(const Json& object, const char* key) { return stringAt(object, {"metadata", "annotations", key}); }

Json endpointsOf(const Json& object) {
    Json endpoints = Json::array();
    const std::string internal = stringAt(object, {"status", "address", "url"});
    const std::string external = stringAt(object, {"status", "url"});
    if (!internal.empty()) endpoints.push_back("internal: " + internal);
    if (!external.empty() && external.find(".svc.cluster.local") == std::string::npos && external != internal)
        endpoints.push_back("external: " + external);
    return endpoints;
}

// The fields both kinds fill the same way (assigned one by one: an initializer list of this size
// costs kilobytes of wasm).
Json commonFields(const Json& object) {
    const std::string name = stringAt(object, {"metadata", "name"});
    const std::string displayName = annotation(object, "openshift.io/display-name");
    Json model = parseJson(R"({"sa_token": {"name": "", "token_name": "", "token": ""}})");
    model["model_name"] = name;
    model["description"] = annotation(object, "openshift.io/description");
    model["usecase"] = annotation(object, "opendatahub.io/genai-use-case");
    model["display_name"] = displayName.empty() ? name : displayName;
    model["endpoints"] = endpointsOf(object);
    model["status"] = readinessOf(object);
    return model;
}
}  // namespace

Json aaModelFromInferenceService(const Json& isvc, const Json& servingRuntime) {
    Json model = commonFields(isvc);
    model["model_id"] = model["model_name"];
    model["serving_runtime"] = annotation(servingRuntime, "opendatahub.io/template-display-name");
    model["api_protocol"] = annotation(servingRuntime, "opendatahub.io/apiProtocol");
    model["version"] = annotation(servingRuntime, "opendatahub.io/runtime-version");
    return model;
}

Json aaModelFromLLMInferenceService(const Json& llmisvc) {
    Json model = commonFields(llmisvc);
    // Upstream dereferences spec.model.name unchecked; a missing one falls back to the name here.
    std::string modelId = stringAt(llmisvc, {"spec", "model", "name"});
    model["model_id"] = modelId.empty() ? model["model_name"].get<std::string>() : modelId;
    model["serving_runtime"] = "Distributed inference with llm-d";
    model["api_protocol"] = "REST";
    model["version"] = "";
    return model;
}

}  // namespace genai::kubernetes
