// The Kubernetes client interface (UPSTREAM.md §5.1–§5.4, §5.7): the twelve operations of the
// upstream KubernetesClientInterface plus cluster-domain discovery. Every call runs as the user
// whose token the client was created with. Real and Mock factories both hand out this interface.
#pragma once

#include <memory>
#include <string>

#include "core/secret.hpp"
#include "core/task.hpp"
#include "http/api_client.hpp"
#include "kubernetes/types.hpp"
#include "maas/client.hpp"

namespace genai::kubernetes {

using http::CallOptions;

class KubernetesClient {
public:
    virtual ~KubernetesClient() = default;

    // Namespace objects (GET /api/v1/namespaces, else the OpenShift projects), or the dashboard's
    // {name, displayName} list with query.dashboard.
    virtual Task<Json> getNamespaces(NamespaceQuery query, CallOptions options) = 0;
    // SelfSubjectAccessReviews → status.allowed.
    virtual Task<bool> canListNamespaces(CallOptions options) = 0;
    virtual Task<bool> canListLlamaStackDistributions(std::string ns, CallOptions options) = 0;
    virtual Task<bool> isClusterAdmin(CallOptions options) = 0;
    // SelfSubjectReview → the username (a service account's own name without its prefix).
    virtual Task<std::string> getUser(CallOptions options) = 0;
    // The list object of the dashboard's distributions in `ns` ({items: [...]}).
    virtual Task<Json> getLlamaStackDistributions(std::string ns, CallOptions options) = 0;
    // The install sequence of §5.4; returns the created custom resource. `maas` resolves MaaS
    // models and may be null when no model is one.
    virtual Task<Json> installLlamaStackDistribution(InstallRequest request, std::shared_ptr<maas::MaaSClient> maas,
                                                     CallOptions options) = 0;
    // Returns the deleted custom resource.
    virtual Task<Json> deleteLlamaStackDistribution(std::string ns, std::string name, CallOptions options) = 0;
    // The AAModel list of `ns` (InferenceServices then LLMInferenceServices).
    virtual Task<Json> getAAModels(std::string ns, CallOptions options) = 0;
    // {model_id, provider_id, provider_type, url} from the distribution's run.yaml.
    virtual Task<Json> getModelProviderInfo(std::string ns, std::string modelId, CallOptions options) = 0;
    virtual Task<Json> getConfigMap(std::string ns, std::string name, CallOptions options) = 0;
    // The user's token the client calls with.
    virtual const Secret& bearerToken() const = 0;
    // spec.domain of the OpenShift cluster ingress config (ADR-0009: MaaS is at
    // https://maas.<domain>/maas-api).
    virtual Task<std::string> discoverClusterDomain(CallOptions options) = 0;
};

}  // namespace genai::kubernetes
