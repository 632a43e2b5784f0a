// The one Kubernetes client implementation, over any Transport: the Real factory gives it
// fetch, the Mock factory the fake API server of mock_service.hpp.
#pragma once

#include <memory>
#include <optional>

#include "http/api_client.hpp"
#include "http/client_options.hpp"
#include "kubernetes/client.hpp"

namespace genai::kubernetes {

class HttpKubernetesClient final : public KubernetesClient {
public:
    HttpKubernetesClient(std::shared_ptr<http::Transport> transport, std::shared_ptr<http::Runtime> runtime,
                         const http::ClientOptions& options, KubernetesSettings settings);

    Task<Json> getNamespaces(NamespaceQuery query, CallOptions options) override;
    Task<bool> canListNamespaces(CallOptions options) override;
    Task<bool> canListLlamaStackDistributions(std::string ns, CallOptions options) override;
    Task<bool> isClusterAdmin(CallOptions options) override;
    Task<std::string> getUser(CallOptions options) override;
    Task<Json> getLlamaStackDistributions(std::string ns, CallOptions options) override;
    Task<Json> installLlamaStackDistribution(InstallRequest request, std::shared_ptr<maas::MaaSClient> maas,
                                             CallOptions options) override;
    Task<Json> deleteLlamaStackDistribution(std::string ns, std::string name, CallOptions options) override;
    Task<Json> getAAModels(std::string ns, CallOptions options) override;
    Task<Json> getModelProviderInfo(std::string ns, std::string modelId, CallOptions options) override;
    Task<Json> getConfigMap(std::string ns, std::string name, CallOptions options) override;
    const Secret& bearerToken() const override { return token_; }
    Task<std::string> discoverClusterDomain(CallOptions options) override;

private:
    // The InferenceServices and LLMInferenceServices an install's models may refer to.
    struct ModelSources {
        Json inferenceServices = Json::array();
        Json llmInferenceServices = Json::array();
    };

    std::string url(const Resource& resource, std::string_view ns = {}, std::string_view name = {},
                    std::string_view labelSelector = {}) const;
    // The caller's timeout, else the client's, else the upstream one of the operation.
    CallOptions timed(CallOptions options, double upstreamMs) const;
    // GET (no body), POST or PUT of one object; the answer must be an object. A list answer
    // (`list`) must have an `items` array of objects (a null `items` becomes []).
    Task<Json> sendObject(std::string operation, std::string method, std::string url, std::optional<Json> body,
                          CallOptions options, bool list = false);
    Task<Json> getObject(std::string operation, std::string url, CallOptions options) {
        return sendObject(std::move(operation), "GET", std::move(url), std::nullopt, std::move(options));
    }
    Task<Json> listObject(std::string operation, std::string url, CallOptions options) {
        return sendObject(std::move(operation), "GET", std::move(url), std::nullopt, std::move(options), true);
    }
    // The `items` of a list object.
    static Json itemsOf(Json list) { return std::move(list["items"]); }
    Task<Json> create(std::string operation, std::string url, Json object, CallOptions options) {
        return sendObject(std::move(operation), "POST", std::move(url), std::move(object), std::move(options));
    }
    Task<Json> replace(std::string operation, std::string url, Json object, CallOptions options) {
        return sendObject(std::move(operation), "PUT", std::move(url), std::move(object), std::move(options));
    }
    Task<bool> accessReview(std::string operation, Json review, CallOptions options);
    Task<Json> namespacesFromProjects(Error primary, CallOptions options);
    Task<Json> distributionItems(std::string operation, std::string ns, CallOptions options);

    // Install steps (install.cpp).
    Task<ModelSources> findModelSources(const InstallRequest& request, CallOptions options);
    Task<Json> tokenEnvironment(const InstallRequest& request, const ModelSources& sources, CallOptions options);
    Task<std::string> tokenSecretFor(std::string ns, std::string ownerKind, std::string ownerName, Json& accounts,
                                     Json& secrets, CallOptions options);
    Task<Json> generateRunConfig(const InstallRequest& request, const ModelSources& sources,
                                 std::shared_ptr<maas::MaaSClient> maas, CallOptions options);
    Task<Json> firstService(std::string ns, std::string selector, CallOptions options);
    // Returns the ConfigMap to replace with an owner reference.
    Task<Json> createConfigMap(const InstallRequest& request, const ModelSources& sources,
                               std::shared_ptr<maas::MaaSClient> maas, CallOptions options);

    std::string baseUrl_;
    Secret token_;
    std::optional<double> clientTimeoutMs_;
    KubernetesSettings settings_;
    http::ApiClient api_;
};

}  // namespace genai::kubernetes
