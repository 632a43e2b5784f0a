// InferenceServices and LLMInferenceServices as the "AI asset" models of the playground
// (UPSTREAM.md §5.3, the AAModel table). Pure functions over the API objects.
#pragma once

#include <nlohmann/json.hpp>

namespace genai::kubernetes {

using Json = nlohmann::json;

// An InferenceService (serving.kserve.io/v1beta1) with its ServingRuntime (null when the
// runtime is unknown or could not be read).
Json aaModelFromInferenceService(const Json& isvc, const Json& servingRuntime);
// An LLMInferenceService (serving.kserve.io/v1alpha1): llm-d, REST.
Json aaModelFromLLMInferenceService(const Json& llmisvc);

// `Running` if a condition `Ready` is `True`, else `Stop`.
std::string readinessOf(const Json& object);
// A string at a dotted path of `object` ("metadata.annotations.x" cannot hold dots in keys, so
// keys are given one by one); "" when absent or not a string.
std::string stringAt(const Json& object, std::initializer_list<const char*> keys);

}  // namespace genai::kubernetes
