// The Kubernetes API resources the client uses, and how their REST paths are built
// (UPSTREAM.md §5.3): `/api/v1/...` for the core group, `/apis/<group>/<version>/...` otherwise.
#pragma once

#include <string>
#include <string_view>

namespace genai::kubernetes {

struct Resource {
    std::string_view group;    // "" for the core group
    std::string_view version;
    std::string_view plural;
    std::string_view kind;
};

inline constexpr Resource kNamespaces{"", "v1", "namespaces", "Namespace"};
inline constexpr Resource kConfigMaps{"", "v1", "configmaps", "ConfigMap"};
inline constexpr Resource kSecrets{"", "v1", "secrets", "Secret"};
inline constexpr Resource kServiceAccounts{"", "v1", "serviceaccounts", "ServiceAccount"};
inline constexpr Resource kServices{"", "v1", "services", "Service"};
inline constexpr Resource kProjects{"project.openshift.io", "v1", "projects", "Project"};
inline constexpr Resource kIngresses{"config.openshift.io", "v1", "ingresses", "Ingress"};
inline constexpr Resource kSelfSubjectAccessReviews{"authorization.k8s.io", "v1", "selfsubjectaccessreviews",
                                                     "SelfSubjectAccessReview"};
inline constexpr Resource kSelfSubjectReviews{"authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview"};
inline constexpr Resource kInferenceServices{"serving.kserve.io", "v1beta1", "inferenceservices", "InferenceService"};
inline constexpr Resource kServingRuntimes{"serving.kserve.io", "v1alpha1", "servingruntimes", "ServingRuntime"};
inline constexpr Resource kLLMInferenceServices{"serving.kserve.io", "v1alpha1", "llminferenceservices",
                                                "LLMInferenceService"};

// `<group>/<version>`, or `v1` for the core group.
std::string apiVersionOf(const Resource& resource);

// `<base>/api/v1/<plural>[/<name>]` or `<base>/apis/<group>/<version>/<plural>[/<name>]`, with
// `namespaces/<ns>/` before the plural when `ns` is given. `ns` and `name` are encoded as path
// segments; `labelSelector` (if any) is encoded as a query parameter.
std::string resourceUrl(std::string_view base, const Resource& resource, std::string_view ns = {},
                        std::string_view name = {}, std::string_view labelSelector = {});

}  // namespace genai::kubernetes
