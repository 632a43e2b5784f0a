// Where the LlamaStack server reaches each model of an install, and how the model is registered
// in run.yaml (UPSTREAM.md §5.4, the table of model kinds). Pure functions; they throw
// std::invalid_argument with the upstream messages when a model cannot be used.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace genai::kubernetes {

using Json = nlohmann::json;

// The label selectors of the Services that serve a model.
std::string inferenceServiceSelector(const std::string& name);
std::string llmInferenceServiceSelector(const std::string& name);

// status.address.url (https → http unless security.opendatahub.io/enable-auth is "true"); a
// headless `service` (clusterIP None) adds its first targetPort (or 8080) to a URL without a
// port; `/v1` appended. `service` may be null.
std::string inferenceServiceUrl(const Json& isvc, const Json& service);
// <scheme>://<service>.<ns>.svc.cluster.local:<first targetPort or 8080>/v1.
std::string llmInferenceServiceUrl(const Json& llmisvc, const Json& service, const std::string& ns);
// The MaaS model's url, trailing '/' removed and `/v1` appended when missing.
std::string maasModelUrl(const Json& maasModel);

Json registeredInferenceServiceModel(const Json& isvc, const std::string& providerId);
Json registeredLLMInferenceServiceModel(const Json& llmisvc, const std::string& providerId);
Json registeredMaaSModel(const Json& maasModel, const std::string& providerId);

}  // namespace genai::kubernetes
