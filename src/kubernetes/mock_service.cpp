#include "kubernetes/mock_service.hpp"

#include <ctime>
#include <map>
#include <set>
#include <vector>

#include "core/fixtures.hpp"
#include "core/json.hpp"
#include "kubernetes/aa_models.hpp"
#include "kubernetes/install_plan.hpp"
#include "kubernetes/run_config.hpp"

namespace genai::kubernetes {

namespace {
using http::FakeError;
using http::FakeRequest;
using http::FakeResponse;

Json fixture(const char* name) { return parseJson(fixtureText(name)); }

// Fills the "<ns>" (and other) placeholders of a fixture object.
Json instantiate(const Json& object, const std::map<std::string, std::string>& values) {
    std::string text = object.dump();
    for (const auto& [placeholder, value] : values) {
        for (size_t at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
            text.replace(at, placeholder.size(), value);
    }
    return parseJson(text);
}

// A Kubernetes Status error body.
[[noreturn]] void fail(int code, const std::string& reason, const std::string& message) {
    Json status = parseJson(R"({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure"})");
    status["message"] = message;
    status["reason"] = reason;
    status["code"] = code;
    throw FakeError{code, std::move(status)};
}

// Objects of the mock are written as JSON text: far less wasm than nlohmann initializer lists.
Json fromText(const char* text) { return parseJson(text); }

// Equality-based label selectors: `k=v`, `k==v`, `k!=v`, `k`, `!k`, comma-separated.
bool matchesSelector(const Json& object, const std::string& selector) {
    const Json labels = object["metadata"].value("labels", Json::object());
    size_t start = 0;
    while (start < selector.size()) {
        size_t comma = selector.find(',', start);
        if (comma == std::string::npos) comma = selector.size();
        std::string term = selector.substr(start, comma - start);
        start = comma + 1;
        if (term.empty()) continue;
        size_t op = term.find_first_of("!=");
        if (op == 0 && term[0] == '!') {
            if (labels.contains(term.substr(1))) return false;
            continue;
        }
        if (op == std::string::npos) {
            if (!labels.contains(term)) return false;
            continue;
        }
        const bool negate = term[op] == '!';
        const std::string key = term.substr(0, op);
        size_t valueStart = term.find_first_not_of("!=", op);
        const std::string value = valueStart == std::string::npos ? "" : term.substr(valueStart);
        const bool equal = labels.contains(key) && labels[key].is_string() && labels[key].get<std::string>() == value;
        if (equal == negate) return false;
    }
    return true;
}

class MockCluster {
public:
    explicit MockCluster(std::shared_ptr<http::Runtime> runtime) : runtime_(std::move(runtime)) { seed(); }

    // A collection is "<group>/<version>/<plural>" ("v1/<plural>" for the core group).
    Json list(const std::string& collection, const std::string& ns, const std::string& selector) const {
        const auto& objects = objectsOf(collection);
        Json items = Json::array();
        for (const auto& object : objects) {
            if (!ns.empty() && stringAt(object, {"metadata", "namespace"}) != ns) continue;
            if (!selector.empty() && !matchesSelector(object, selector)) continue;
            items.push_back(object);
        }
        Json out = fromText(R"({"kind": "List"})");
        out["apiVersion"] = apiVersionOf(collection);
        out["metadata"]["resourceVersion"] = std::to_string(resourceVersion_);
        out["items"] = std::move(items);
        return out;
    }

    Json get(const std::string& collection, const std::string& ns, const std::string& name) const {
        for (const auto& object : objectsOf(collection)) {
            if (stringAt(object, {"metadata", "name"}) == name && stringAt(object, {"metadata", "namespace"}) == ns)
                return object;
        }
        if (collection == "v1/configmaps" && name == cluster_["mcpConfigMap"]) return mcpConfigMap(ns);
        fail(404, "NotFound", resourceName(collection) + " \"" + name + "\" not found");
    }

    Json create(const std::string& collection, const std::string& ns, Json object) {
        auto& objects = objectsOf(collection);
        if (!object.is_object() || !object.contains("metadata") || !object["metadata"].is_object())
            fail(400, "BadRequest", "the body of the request was in an unknown format");
        const std::string name = stringAt(object, {"metadata", "name"});
        if (name.empty())
            fail(422, "Invalid", resourceName(collection) + " \"\" is invalid: metadata.name: Required value: name or generateName is required");
        for (const auto& existing : objects) {
            if (stringAt(existing, {"metadata", "name"}) == name && stringAt(existing, {"metadata", "namespace"}) == ns)
                fail(409, "AlreadyExists", resourceName(collection) + " \"" + name + "\" already exists");
        }
        Json& metadata = object["metadata"];
        metadata["namespace"] = ns;
        metadata["uid"] = nextUid();
        metadata["creationTimestamp"] = timestamp();
        metadata["resourceVersion"] = std::to_string(++resourceVersion_);
        if (isDistribution(collection)) object["status"] = runningStatus(object, ns);
        objects.push_back(object);
        return object;
    }

    Json replace(const std::string& collection, const std::string& ns, const std::string& name, Json object) {
        if (!object.is_object() || stringAt(object, {"metadata", "name"}) != name)
            fail(400, "BadRequest", "the name of the object (" + stringAt(object, {"metadata", "name"}) +
                                        ") does not match the name on the URL (" + name + ")");
        for (auto& existing : objectsOf(collection)) {
            if (stringAt(existing, {"metadata", "name"}) != name || stringAt(existing, {"metadata", "namespace"}) != ns)
                continue;
            object["metadata"]["namespace"] = ns;
            object["metadata"]["uid"] = existing["metadata"]["uid"];
            object["metadata"]["creationTimestamp"] = existing["metadata"]["creationTimestamp"];
            object["metadata"]["resourceVersion"] = std::to_string(++resourceVersion_);
            existing = object;
            return object;
        }
        fail(404, "NotFound", resourceName(collection) + " \"" + name + "\" not found");
    }

    Json remove(const std::string& collection, const std::string& ns, const std::string& name) {
        auto& objects = objectsOf(collection);
        for (auto it = objects.begin(); it != objects.end(); ++it) {
            if (stringAt(*it, {"metadata", "name"}) != name || stringAt(*it, {"metadata", "namespace"}) != ns) continue;
            Json removed = *it;
            objects.erase(it);
            // Owned objects go with their owner (the garbage collector's part).
            const std::string uid = stringAt(removed, {"metadata", "uid"});
            for (auto& [key, others] : store_) {
                std::vector<Json> kept;
                for (auto& other : others) {
                    bool owned = false;
                    for (const auto& owner : other["metadata"].value("ownerReferences", Json::array()))
                        owned = owned || owner.value("uid", std::string()) == uid;
                    if (!owned) kept.push_back(std::move(other));
                }
                others = std::move(kept);
            }
            return removed;
        }
        fail(404, "NotFound", resourceName(collection) + " \"" + name + "\" not found");
    }

    bool knows(const std::string& collection) const { return store_.count(collection) > 0; }

    Json accessReview(Json review) const {
        if (!review.is_object() || !review.contains("spec") || !review["spec"].is_object())
            fail(422, "Invalid", "SelfSubjectAccessReview.authorization.k8s.io \"\" is invalid: spec: Required value");
        const Json attributes = review["spec"].value("resourceAttributes", Json::object());
        // The mock user may do anything in its namespaces but is no cluster admin (§5.6).
        const bool allowed = attributes.value("verb", std::string()) != "*";
        review["apiVersion"] = "authorization.k8s.io/v1";
        review["kind"] = "SelfSubjectAccessReview";
        review["metadata"]["creationTimestamp"] = nullptr;
        review["status"]["allowed"] = allowed;
        if (!allowed) review["status"]["reason"] = "the mock user is not a cluster administrator";
        return review;
    }

    Json selfReview() const {
        Json review = fromText(R"({"apiVersion": "authentication.k8s.io/v1", "kind": "SelfSubjectReview",
                                 "metadata": {"creationTimestamp": null}})");
        review["status"]["userInfo"]["username"] = cluster_["username"];
        review["status"]["userInfo"]["groups"] = cluster_["groups"];
        return review;
    }

private:
    static std::string apiVersionOf(const std::string& collection) { return collection.substr(0, collection.rfind('/')); }
    static std::string resourceName(const std::string& collection) {
        // "serving.kserve.io/v1beta1/inferenceservices" → "inferenceservices.serving.kserve.io"
        const std::string plural = collection.substr(collection.rfind('/') + 1);
        const size_t slash = collection.find('/');
        const std::string group = collection.substr(0, slash);
        return group == "v1" ? plural : plural + "." + group;
    }
    static bool isDistribution(const std::string& collection) {
        return collection == "llamastack.io/v1alpha1/llamastackdistributions" || collection == "ogx.io/v1beta1/ogxservers";
    }

    std::vector<Json>& objectsOf(const std::string& collection) {
        auto it = store_.find(collection);
        if (it == store_.end()) fail(404, "NotFound", "the server could not find the requested resource");
        return it->second;
    }
    const std::vector<Json>& objectsOf(const std::string& collection) const {
        return const_cast<MockCluster*>(this)->objectsOf(collection);
    }

    std::string timestamp() const {
        std::time_t t = static_cast<std::time_t>(runtime_->unixSeconds());
        std::tm tm{};
        gmtime_r(&t, &tm);
        char buf[32];
        std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
        return buf;
    }
    std::string nextUid() {
        std::string n = std::to_string(++uidCounter_);
        return "00000000-0000-4000-8000-" + std::string(12 - n.size(), '0') + n;
    }

    // What the operator reports once a new server runs.
    Json runningStatus(const Json& object, const std::string& ns) const {
        Json status = fromText(R"({"phase": "Ready", "version": {"llamaStackServerVersion": "v0.2.0"},
            "distributionConfig": {"activeDistribution": "rh-dev", "providers": [], "availableDistributions": {}},
            "availableReplicas": 1})");
        status["serviceURL"] = "http://" + stringAt(object, {"metadata", "name"}) + "-service." + ns + ".svc.cluster.local:8321";
        return status;
    }

    Json mcpConfigMap(const std::string& ns) const {
        Json data = Json::object();
        for (const auto& [server, entry] : mcpServers_.items()) data[server] = entry.dump();
        Json configMap = fromText(R"({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {
            "uid": "00000000-0000-4000-8000-000000000mcp", "creationTimestamp": "2025-01-01T00:00:00Z", "resourceVersion": "1"}})");
        configMap["metadata"]["name"] = cluster_["mcpConfigMap"];
        configMap["metadata"]["namespace"] = ns;
        configMap["data"] = std::move(data);
        return configMap;
    }

    void add(const std::string& collection, Json object) {
        object["metadata"]["uid"] = nextUid();
        object["metadata"]["creationTimestamp"] = "2025-01-01T00:00:00Z";
        object["metadata"]["resourceVersion"] = std::to_string(++resourceVersion_);
        store_[collection].push_back(std::move(object));
    }

    void seed() {
        for (const auto& collection : cluster_["collections"]) store_[collection.get<std::string>()];
        for (const auto& name : cluster_["namespaces"]) {
            Json ns = fromText(R"({"apiVersion": "v1", "kind": "Namespace", "status": {"phase": "Active"}})");
            ns["metadata"]["name"] = name;
            add("v1/namespaces", ns);
            ns["apiVersion"] = "project.openshift.io/v1";
            ns["kind"] = "Project";
            add("project.openshift.io/v1/projects", ns);
        }
        Json ingress = fromText(R"({"apiVersion": "config.openshift.io/v1", "kind": "Ingress", "metadata": {"name": "cluster"}})");
        ingress["spec"]["domain"] = cluster_["domain"];
        add("config.openshift.io/v1/ingresses", ingress);
        seedServing();
        seedDistributions();
    }

    void seedServing() {
        const Json serving = fixture("kubernetes/serving.json");
        auto byName = [](const Json& objects, const std::string& name) -> const Json* {
            for (const auto& o : objects)
                if (o["metadata"]["name"] == name) return &o;
            return nullptr;
        };
        for (const auto& [ns, models] : serving["namespaces"].items()) {
            const std::map<std::string, std::string> values = {{"<ns>", ns}};
            std::set<std::string> runtimes;
            for (const auto& model : models) {
                const std::string name = model;
                if (const Json* isvc = byName(serving["inferenceServices"], name)) {
                    add("serving.kserve.io/v1beta1/inferenceservices", instantiate(*isvc, values));
                    runtimes.insert(stringAt(*isvc, {"spec", "predictor", "model", "runtime"}));
                } else if (const Json* llm = byName(serving["llmInferenceServices"], name)) {
                    add("serving.kserve.io/v1alpha1/llminferenceservices", instantiate(*llm, values));
                    for (const auto& service : serving["llmServices"])
                        if (service["metadata"]["labels"]["app.kubernetes.io/name"] == name)
                            add("v1/services", instantiate(service, values));
                }
            }
            for (const auto& runtime : serving["servingRuntimes"])
                if (runtimes.count(runtime["metadata"]["name"].get<std::string>()))
                    add("serving.kserve.io/v1alpha1/servingruntimes", instantiate(runtime, values));
            if (runtimes.count("ovms")) {
                for (const auto& sa : serving["serviceAccounts"]) add("v1/serviceaccounts", instantiate(sa, values));
                for (const auto& secret : serving["secrets"]) add("v1/secrets", instantiate(secret, values));
            }
        }
    }

    // mock-lsd in its phases, each with the run.yaml of the upstream test fixture.
    void seedDistributions() {
        const Json distributions = fixture("kubernetes/distributions.json");
        const std::string runYaml = renderRunYaml(fixture("kubernetes/run_config.json"));
        for (const auto& [ns, phase] : distributions["phases"].items()) {
            Json lsd = instantiate(distributions["distribution"], {{"<ns>", ns}, {"<phase>", phase.get<std::string>()}});
            add("llamastack.io/v1alpha1/llamastackdistributions", lsd);
            Json configMap = buildConfigMap(DistributionKind::LlamaStackDistribution, ns, runYaml);
            add("v1/configmaps", withOwnerReference(DistributionKind::LlamaStackDistribution, configMap,
                                                    store_["llamastack.io/v1alpha1/llamastackdistributions"].back()));
        }
    }

    std::shared_ptr<http::Runtime> runtime_;
    Json cluster_ = fixture("kubernetes/cluster.json");
    Json mcpServers_ = fixture("kubernetes/mcp_servers.json");
    std::map<std::string, std::vector<Json>> store_;
    long resourceVersion_ = 1000;
    long uidCounter_ = 0;
};

std::string collectionOf(const FakeRequest& req) {
    auto group = req.params.find("group");
    const std::string prefix = group == req.params.end() ? "v1" : group->second + "/" + req.params.at("version");
    return prefix + "/" + req.params.at("plural");
}

void addObjectRoutes(http::Router& router, const std::shared_ptr<MockCluster>& cluster) {
    auto listRoute = [cluster](const FakeRequest& req) {
        auto ns = req.params.find("ns");
        return FakeResponse::json(200, cluster->list(collectionOf(req), ns == req.params.end() ? "" : ns->second,
                                                     req.queryValue("labelSelector")));
    };
    auto getRoute = [cluster](const FakeRequest& req) {
        auto ns = req.params.find("ns");
        return FakeResponse::json(
            200, cluster->get(collectionOf(req), ns == req.params.end() ? "" : ns->second, req.params.at("name")));
    };
    auto createRoute = [cluster](const FakeRequest& req) {
        return FakeResponse::json(201, cluster->create(collectionOf(req), req.params.at("ns"), req.json()));
    };
    auto replaceRoute = [cluster](const FakeRequest& req) {
        return FakeResponse::json(200, cluster->replace(collectionOf(req), req.params.at("ns"), req.params.at("name"), req.json()));
    };
    auto deleteRoute = [cluster](const FakeRequest& req) {
        return FakeResponse::json(200, cluster->remove(collectionOf(req), req.params.at("ns"), req.params.at("name")));
    };
    for (const char* prefix : {"/api/{version}", "/apis/{group}/{version}"}) {
        const std::string p = prefix;
        router.add("GET", p + "/namespaces/{ns}/{plural}", listRoute);
        router.add("POST", p + "/namespaces/{ns}/{plural}", createRoute);
        router.add("GET", p + "/namespaces/{ns}/{plural}/{name}", getRoute);
        router.add("PUT", p + "/namespaces/{ns}/{plural}/{name}", replaceRoute);
        router.add("DELETE", p + "/namespaces/{ns}/{plural}/{name}", deleteRoute);
        router.add("GET", p + "/{plural}", listRoute);
        router.add("GET", p + "/{plural}/{name}", getRoute);
    }
}
}  // namespace

std::shared_ptr<http::Router> makeMockKubernetesRouter(std::shared_ptr<http::Runtime> runtime) {
    auto cluster = std::make_shared<MockCluster>(std::move(runtime));
    auto router = std::make_shared<http::Router>();
    router->add("POST", "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                [cluster](const FakeRequest& req) { return FakeResponse::json(201, cluster->accessReview(req.json())); });
    router->add("POST", "/apis/authentication.k8s.io/v1/selfsubjectreviews",
                [cluster](const FakeRequest&) { return FakeResponse::json(201, cluster->selfReview()); });
    addObjectRoutes(*router, cluster);
    return router;
}

}  // namespace genai::kubernetes
