// Request types and settings of the Kubernetes client, parsed and validated from the JSON the
// caller gives; the checks of Kubernetes object names (RFC 1123) that run before any request.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kubernetes/resources.hpp"

namespace genai::kubernetes {

using Json = nlohmann::json;

// The custom resource that runs the playground's LlamaStack server: the ADR-era
// `llamastack.io/v1alpha1` LlamaStackDistribution, or its successor `ogx.io/v1beta1` OGXServer
// (UPSTREAM.md §5.8). Chosen once per factory or client.
enum class DistributionKind { LlamaStackDistribution, OGXServer };

struct DistributionApi {
    Resource resource;
    std::string_view configKey;  // the ConfigMap key holding the server configuration
};

const DistributionApi& distributionApi(DistributionKind kind);
// "LlamaStackDistribution" or "OGXServer"; anything else is a ValidationError.
DistributionKind parseDistributionKind(std::string_view text);

// Per-client settings beyond the generic ClientOptions.
struct KubernetesSettings {
    DistributionKind distributionKind = DistributionKind::LlamaStackDistribution;
    // The upstream DISTRIBUTION_NAME: a distribution name, or an image when it contains '/' or ':'.
    std::string distributionName = "rh-dev";
};

// What getNamespaces returns.
struct NamespaceQuery {
    // The dashboard's post-processing (UPSTREAM.md §5.5): system namespaces dropped, and
    // `{name, displayName}` instead of Namespace objects.
    bool dashboard = false;
};

// One model of an install request (the BFF's JSON names).
struct InstallModel {
    std::string modelName;
    bool isMaaSModel = false;
};

struct InstallRequest {
    std::string ns;
    std::vector<InstallModel> models;
    // `models`: [{model_name, is_maas_model?}], at least one.
    static InstallRequest fromJson(std::string ns, const Json& models);
    bool anyMaaSModel() const;
};

// A namespace is an RFC 1123 label; other object names are RFC 1123 subdomains. Both throw a
// ValidationError with the Kubernetes API server's own wording.
void validateNamespace(std::string_view operation, std::string_view ns);
void validateName(std::string_view operation, std::string_view what, std::string_view name);

}  // namespace genai::kubernetes
