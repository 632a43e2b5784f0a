// The Mock factory: the same client over the fake cluster of UPSTREAM.md §5.6.
#include <doctest/doctest.h>

#include "kubernetes/factory.hpp"
#include "maas/factory.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::expectError;
using genai::testing::runSync;
using nlohmann::json;

namespace {
struct MockFixture {
    std::shared_ptr<testing::ManualRuntime> runtime = std::make_shared<testing::ManualRuntime>();
    kubernetes::MockKubernetesClientFactory factory{runtime};
    std::unique_ptr<kubernetes::KubernetesClient> client(kubernetes::KubernetesSettings settings = {}) {
        return factory.createClient({}, settings);
    }
};

std::vector<std::string> names(const json& items, const char* field = nullptr) {
    std::vector<std::string> out;
    for (const auto& item : items) out.push_back(field ? item[field].get<std::string>() : item["metadata"]["name"].get<std::string>());
    return out;
}
}  // namespace

TEST_CASE("Kubernetes mock: namespaces, reviews, user, token, domain") {
    MockFixture f;
    auto c = f.client();
    CHECK(names(runSync(c->getNamespaces({}, {}))) ==
          std::vector<std::string>{"mock-test-namespace-1", "mock-test-namespace-2", "mock-test-namespace-3", "mock-test-namespace-4"});
    CHECK(runSync(c->canListNamespaces({})));
    CHECK(runSync(c->canListLlamaStackDistributions("mock-test-namespace-1", {})));
    CHECK_FALSE(runSync(c->isClusterAdmin({})));
    CHECK(runSync(c->getUser({})) == "mockUser");
    CHECK(c->bearerToken().reveal() == "FAKE_BEARER_TOKEN");
    CHECK(runSync(c->discoverClusterDomain({})) == "apps.example.com");
}

TEST_CASE("Kubernetes mock: AA models per namespace as §5.6") {
    MockFixture f;
    auto c = f.client();
    auto first = runSync(c->getAAModels("mock-test-namespace-1", {}));
    CHECK(names(first, "model_id") == std::vector<std::string>{"llm-d-codestral-22b", "llm-d-deepseek-coder-33b"});
    CHECK(first[0]["endpoints"] ==
          json::array({"internal: http://llm-d-codestral-22b.mock-test-namespace-1.svc.cluster.local:80",
                       "external: https://llm-d-codestral-22b-mock-test-namespace-1.example.com"}));
    CHECK(first[1]["endpoints"].size() == 1);
    auto second = runSync(c->getAAModels("mock-test-namespace-2", {}));
    CHECK(names(second, "model_id") ==
          std::vector<std::string>{"granite-7b-code", "llama-3.1-8b-instruct", "mistral-7b-instruct", "ollama/llama3.2:3b",
                                   "ollama/all-minilm:l6-v2", "llm-d-llama-3.1-70b", "llm-d-mixtral-8x7b", "llm-d-qwen2.5-72b"});
    const json& granite = second[0];
    CHECK(granite["display_name"] == "Granite 7B code");
    CHECK(granite["serving_runtime"] == "OpenVINO Model Server");
    CHECK(granite["api_protocol"] == "v2");
    CHECK(granite["version"] == "v2025.1");
    CHECK(granite["usecase"] == "Code generation");
    CHECK(granite["status"] == "Running");
    CHECK(second[2]["status"] == "Stop");
    CHECK(second[3]["serving_runtime"] == "Ollama");
    CHECK(runSync(c->getAAModels("mock-test-namespace-3", {})).size() == 8);
    CHECK(runSync(c->getAAModels("mock-test-namespace-4", {})).empty());
    CHECK(runSync(c->getAAModels("elsewhere", {})).empty());
}

TEST_CASE("Kubernetes mock: mock-lsd in its phases") {
    MockFixture f;
    auto c = f.client();
    auto phase = [&](const char* ns) {
        json items = runSync(c->getLlamaStackDistributions(ns, {}))["items"];
        return items.empty() ? std::string("none") : items[0]["status"]["phase"].get<std::string>();
    };
    CHECK(phase("mock-test-namespace-1") == "none");
    CHECK(phase("mock-test-namespace-2") == "Ready");
    CHECK(phase("mock-test-namespace-3") == "none");
    CHECK(phase("mock-test-namespace-4") == "Failed");
    CHECK(phase("test-namespace") == "Ready");
    json lsd = runSync(c->getLlamaStackDistributions("mock-test-namespace-2", {}))["items"][0];
    CHECK(lsd["metadata"]["name"] == "mock-lsd");
    CHECK(lsd["status"]["version"]["llamaStackServerVersion"] == "v0.2.0");
    CHECK(lsd["status"]["serviceURL"] == "http://mock-lsd.test-namespace.svc.cluster.local:8321");
}

TEST_CASE("Kubernetes mock: provider info from mock-lsd's run.yaml; the MCP ConfigMap everywhere") {
    MockFixture f;
    auto c = f.client();
    auto info = runSync(c->getModelProviderInfo("mock-test-namespace-2", "granite-3.1-8b-instruct", {}));
    CHECK(info == json{{"model_id", "granite-3.1-8b-instruct"}, {"provider_id", "maas-watsonx"},
                       {"provider_type", "remote::watsonx"}, {"url", "https://us-south.ml.cloud.ibm.com/ml/v1"}});
    CHECK(runSync(c->getModelProviderInfo("mock-test-namespace-2", "vllm-inference-1/llama-32-3b-instruct", {}))["url"] ==
          "http://llama-32-3b-instruct-predictor.crimson-show.svc.cluster.local/v1");
    CHECK(expectError(c->getModelProviderInfo("mock-test-namespace-1", "x", {})).kind() == ErrorKind::NotFound);

    json mcp = runSync(c->getConfigMap("opendatahub", "gen-ai-aa-mcp-servers", {}));
    CHECK(mcp["data"].size() == 8);
    CHECK(json::parse(mcp["data"]["brave"].get<std::string>())["url"] == "http://localhost:9090/sse");
    auto missing = expectError(c->getConfigMap("mock-test-namespace-1", "nope", {}));
    CHECK(missing.kind() == ErrorKind::NotFound);
    CHECK(std::string(missing.what()) == "failed to get ConfigMap: configmaps \"nope\" not found");
}

TEST_CASE("Kubernetes mock: install and delete change the state") {
    MockFixture f;
    auto maasFactory = std::make_shared<maas::MockMaaSClientFactory>(f.runtime);
    std::shared_ptr<maas::MaaSClient> maasClient = maasFactory->createClient({});
    auto request = kubernetes::InstallRequest::fromJson(
        "mock-test-namespace-3",
        json::parse(R"([{"model_name":"granite-7b-code"},{"model_name":"llm-d-mixtral-8x7b"},{"model_name":"llama-2-7b-chat","is_maas_model":true}])"));
    json created = runSync(f.client()->installLlamaStackDistribution(request, maasClient, {}));
    CHECK(created["metadata"]["name"] == "lsd-genai-playground");
    CHECK(created["metadata"]["uid"].get<std::string>().size() == 36);
    const json& env = created["spec"]["server"]["containerSpec"]["env"];
    CHECK(env[4]["valueFrom"]["secretKeyRef"]["name"] == "granite-7b-code-sa-token");
    CHECK(env[5]["value"] == "fake");

    auto other = f.client();  // another request of the same factory sees the change
    json items = runSync(other->getLlamaStackDistributions("mock-test-namespace-3", {}))["items"];
    REQUIRE(items.size() == 1);
    CHECK(items[0]["status"]["phase"] == "Ready");
    json configMap = runSync(other->getConfigMap("mock-test-namespace-3", "llama-stack-config", {}));
    CHECK(configMap["metadata"]["ownerReferences"][0]["uid"] == created["metadata"]["uid"]);
    CHECK(runSync(other->getModelProviderInfo("mock-test-namespace-3", "granite-7b-code", {}))["url"] ==
          "http://granite-7b-code.mock-test-namespace-3.svc.cluster.local:8080/v1");
    CHECK(runSync(other->getModelProviderInfo("mock-test-namespace-3", "llama-2-7b-chat", {}))["url"] ==
          "http://llama-2-7b-chat.openshift-ai-inference-tier-premium.svc.cluster.local/v1");
    CHECK(runSync(other->getModelProviderInfo("mock-test-namespace-3", "llm-d-mixtral-8x7b", {}))["url"] ==
          "http://llm-d-mixtral-8x7b-kserve-workload-svc.mock-test-namespace-3.svc.cluster.local:8000/v1");

    auto again = expectError(other->installLlamaStackDistribution(request, maasClient, {}));
    CHECK(std::string(again.what()) == "LlamaStackDistribution already exists in namespace mock-test-namespace-3");

    json deleted = runSync(other->deleteLlamaStackDistribution("mock-test-namespace-3", "lsd-genai-playground", {}));
    CHECK(deleted["metadata"]["name"] == "lsd-genai-playground");
    CHECK(runSync(other->getLlamaStackDistributions("mock-test-namespace-3", {}))["items"].empty());
    // The owned ConfigMap went with it.
    CHECK(expectError(other->getConfigMap("mock-test-namespace-3", "llama-stack-config", {})).kind() == ErrorKind::NotFound);

    json removed = runSync(other->deleteLlamaStackDistribution("mock-test-namespace-2", "mock-lsd", {}));
    CHECK(removed["status"]["phase"] == "Ready");
    CHECK(runSync(other->getLlamaStackDistributions("mock-test-namespace-2", {}))["items"].empty());

    // A fresh factory starts from the fixtures again.
    MockFixture fresh;
    CHECK(runSync(fresh.client()->getLlamaStackDistributions("mock-test-namespace-2", {}))["items"].size() == 1);
}

TEST_CASE("Kubernetes mock: an unready MaaS model fails after the resource exists, as upstream") {
    MockFixture f;
    auto maasFactory = std::make_shared<maas::MockMaaSClientFactory>(f.runtime);
    std::shared_ptr<maas::MaaSClient> maasClient = maasFactory->createClient({});
    auto request = kubernetes::InstallRequest::fromJson(
        "mock-test-namespace-1", json::parse(R"([{"model_name":"mistral-7b-instruct","is_maas_model":true}])"));
    auto error = expectError(f.client()->installLlamaStackDistribution(request, maasClient, {}));
    CHECK(std::string(error.what()) ==
          "failed to create ConfigMap: failed to generate Llama Stack configuration: MaaS model 'mistral-7b-instruct' is "
          "not ready (status: false)");
    CHECK(runSync(f.client()->getLlamaStackDistributions("mock-test-namespace-1", {}))["items"].size() == 1);
}

TEST_CASE("Kubernetes mock: OGXServer installs beside the LlamaStackDistributions") {
    MockFixture f;
    kubernetes::KubernetesSettings ogx;
    ogx.distributionKind = kubernetes::DistributionKind::OGXServer;
    auto c = f.client(ogx);
    CHECK(runSync(c->getLlamaStackDistributions("mock-test-namespace-2", {}))["items"].empty());
    auto request = kubernetes::InstallRequest::fromJson("mock-test-namespace-3", json::parse(R"([{"model_name":"granite-7b-code"}])"));
    json created = runSync(c->installLlamaStackDistribution(request, nullptr, {}));
    CHECK(created["kind"] == "OGXServer");
    CHECK(runSync(c->getModelProviderInfo("mock-test-namespace-3", "granite-7b-code", {}))["provider_id"] == "vllm-inference-1");
    CHECK(runSync(f.client()->getLlamaStackDistributions("mock-test-namespace-3", {}))["items"].empty());
}
