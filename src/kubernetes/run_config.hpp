// LlamaStack's server configuration (run.yaml) as the playground writes and reads it
// (UPSTREAM.md §5.4 and GetModelProviderInfo of §5.3). The document is JSON here; yaml.hpp turns
// it into YAML text and back.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace genai::kubernetes {

using Json = nlohmann::json;

// NewDefaultLlamaStackConfig: `version: "2"`, image `rh`, the inline providers, milvus, sqlite
// stores and the granite embedding model.
Json defaultRunConfig();

// One `remote::vllm` inference provider (`vllm-inference-<i>` or `maas-vllm-inference-<i>`) whose
// api_token is `${env.VLLM_API_TOKEN_<i>:=fake}`.
void addVllmProvider(Json& config, const std::string& providerId, const std::string& url, int index);
// Appends to registered_resources.models.
void registerModel(Json& config, Json model);

// "# Llama Stack Configuration\n" followed by the YAML of `config`.
std::string renderRunYaml(const Json& config);

// {model_id, provider_id, provider_type, url} of the model registered as `modelId` or as
// `<provider_id>/<model_id>`; the url has `${env.X:=default}` reduced to `default`.
// Throws std::invalid_argument with the upstream messages (`provider not found for model <id>`,
// `provider configuration not found for provider_id <id>`).
Json findModelProvider(const Json& config, std::string_view modelId);

// `${env.NAME:=default}` → `default`; `${env.NAME}` → ""; anything else unchanged.
std::string reduceEnvDefault(std::string_view value);

}  // namespace genai::kubernetes
