// The objects an install creates (UPSTREAM.md §5.4, and §5.8 for OGXServer): the custom
// resource, its ConfigMap and the owner reference that ties them. Pure functions.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kubernetes/types.hpp"

namespace genai::kubernetes {

inline constexpr const char* kPlaygroundName = "lsd-genai-playground";
inline constexpr const char* kConfigMapName = "llama-stack-config";
inline constexpr const char* kDashboardLabel = "opendatahub.io/dashboard";

// `VLLM_API_TOKEN_<index>`: a secretKeyRef to `secretName` (key `token`), or the literal `fake`
// when `secretName` is empty.
Json tokenEnvVar(int index, const std::string& secretName);

// The LlamaStackDistribution or OGXServer named lsd-genai-playground.
Json buildDistribution(const KubernetesSettings& settings, const std::string& ns, const Json& tokenEnv);

// ConfigMap llama-stack-config holding `configYaml` under run.yaml (or config.yaml for OGX).
Json buildConfigMap(DistributionKind kind, const std::string& ns, const std::string& configYaml);

// `configMap` with a controller owner reference to the created `distribution` (its uid).
Json withOwnerReference(DistributionKind kind, Json configMap, const Json& distribution);

// The ConfigMap that holds a distribution's server configuration.
std::string configMapNameOf(DistributionKind kind, const Json& distribution);

}  // namespace genai::kubernetes
