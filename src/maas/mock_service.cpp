#include "maas/mock_service.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <vector>

#include "core/duration.hpp"
#include "core/fixtures.hpp"
#include "core/json.hpp"

namespace genai::maas {

namespace {
using Json = nlohmann::json;
using http::FakeError;
using http::FakeRequest;
using http::FakeResponse;

Json fixture(const char* name) { return parseJson(fixtureText(name)); }

std::string rfc3339(double unixSeconds) {
    std::time_t t = static_cast<std::time_t>(unixSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

[[noreturn]] void fail(int status, const std::string& message, const std::string& type) {
    throw FakeError{status, {{"error", {{"message", message}, {"type", type}}}}};
}

// State shared by every Mock client of one factory.
struct MockState {
    std::shared_ptr<http::Runtime> runtime;
    Json service = fixture("maas/service.json");
    Json models = fixture("maas/models.json");
    Json subscriptions = fixture("maas/subscriptions.json");
    std::vector<Json> keys;  // ApiKey objects, newest last
    long nextKeyNumber = 1;

    std::string username() const { return service["username"]; }
    double now() const { return runtime->unixSeconds(); }

    std::string randomHex(size_t n) {
        static constexpr char digits[] = "0123456789abcdef";
        std::string out;
        for (size_t i = 0; i < n; ++i) out.push_back(digits[static_cast<size_t>(runtime->random() * 16) % 16]);
        return out;
    }

    // Expired keys report so; the mock has no background job.
    void refreshStatuses() {
        for (auto& key : keys) {
            if (key["status"] == "active" && key.contains("expiresAtUnix") && key["expiresAtUnix"].get<double>() <= now())
                key["status"] = "expired";
        }
    }

    static Json publicView(const Json& key) {
        Json view = key;
        view.erase("expiresAtUnix");
        view.erase("createdAtUnix");
        return view;
    }
};

void addTokenRoutes(http::Router& router, const std::shared_ptr<MockState>& state) {
    router.add("POST", "/v1/tokens", [state](const FakeRequest& req) {
        Json body = req.json();
        std::string expiration = body.is_object() ? body.value("expiration", std::string()) : std::string();
        if (expiration.empty()) expiration = "4h";
        // As the upstream mock: an unparseable TTL falls back to 4h.
        double ttl = parseGoDuration(expiration).value_or(4 * 3600.0);
        if (ttl <= 0) ttl = 4 * 3600.0;
        return FakeResponse::json(201, {{"token", state->service["token"]},
                                        {"expiresAt", static_cast<long long>(std::floor(state->now() + ttl))}});
    });
    router.add("DELETE", "/v1/tokens", [](const FakeRequest&) { return FakeResponse::empty(204); });
}

void addModelRoutes(http::Router& router, const std::shared_ptr<MockState>& state) {
    router.add("GET", "/v1/models", [state](const FakeRequest& req) {
        auto subscription = req.raw->headers.get("X-MaaS-Subscription");
        if (!subscription) return FakeResponse::json(200, state->models);
        for (const auto& sub : state->subscriptions) {
            if (sub["subscription_id_header"] != *subscription) continue;
            Json list = {{"object", "list"}, {"data", Json::array()}};
            for (const auto& model : state->models["data"]) {
                for (const auto& ref : sub["model_refs"])
                    if (ref["name"] == model["id"]) list["data"].push_back(model);
            }
            return FakeResponse::json(200, list);
        }
        fail(403, "subscription not found", "permission_error");
    });
    router.add("GET", "/v1/subscriptions", [state](const FakeRequest&) {
        return FakeResponse::json(200, state->subscriptions);
    });
    router.add("GET", "/v1/model/{model}/subscriptions", [state](const FakeRequest& req) {
        Json matching = Json::array();
        for (const auto& sub : state->subscriptions) {
            for (const auto& ref : sub["model_refs"])
                if (ref["name"] == req.params.at("model")) matching.push_back(sub);
        }
        return FakeResponse::json(200, matching);
    });
    router.add("GET", "/v1/tenants", [state](const FakeRequest&) { return FakeResponse::json(200, state->service["tenants"]); });
    router.add("GET", "/health", [](const FakeRequest&) { return FakeResponse::json(200, {{"status", "healthy"}}); });
}

Json& findKey(MockState& state, const std::string& id) {
    for (auto& key : state.keys)
        if (key["id"] == id) return key;
    fail(404, "API key not found", "not_found_error");
}

void addApiKeyRoutes(http::Router& router, const std::shared_ptr<MockState>& state) {
    router.add("POST", "/v1/api-keys", [state](const FakeRequest& req) {
        Json body = req.json();
        if (!body.is_object()) fail(400, "request body must be a JSON object", "invalid_request_error");
        const bool ephemeral = body.value("ephemeral", false);
        std::string name = body.value("name", std::string());
        if (name.empty() && !ephemeral) fail(400, "name is required", "invalid_request_error");
        if (name.empty()) name = "ephemeral-" + std::to_string(static_cast<long long>(state->now()));
        std::string expiresIn = body.value("expiresIn", std::string(ephemeral ? "1h" : "90d"));
        auto seconds = parseSimpleDuration(expiresIn);
        if (!seconds || *seconds <= 0) fail(400, "invalid expiresIn: " + expiresIn, "invalid_request_error");
        if (ephemeral && *seconds > 3600) fail(400, "ephemeral keys expire within 1h", "invalid_request_error");
        if (!ephemeral && *seconds > state->service["apiKeyConfig"]["max_expiration_days"].get<double>() * 86400)
            fail(400, "expiresIn exceeds the maximum of 90 days", "invalid_request_error");
        std::string subscription = body.value("subscription", state->service["defaultSubscription"].get<std::string>());
        bool known = std::any_of(state->subscriptions.begin(), state->subscriptions.end(),
                                 [&](const Json& s) { return s["subscription_id_header"] == subscription; });
        if (!known) fail(400, "invalid subscription", "invalid_subscription");

        const double now = state->now();
        const std::string id = "key_" + state->randomHex(12);
        const std::string secret = "sk-oai-" + state->randomHex(32);
        Json stored = {{"id", id},
                       {"name", name},
                       {"username", state->username()},
                       {"subscription", subscription},
                       {"groups", Json::array({"system:authenticated"})},
                       {"creationDate", rfc3339(now)},
                       {"expirationDate", rfc3339(now + *seconds)},
                       {"status", "active"},
                       {"ephemeral", ephemeral},
                       {"createdAtUnix", now + 1e-6 * static_cast<double>(state->nextKeyNumber++)},
                       {"expiresAtUnix", now + *seconds}};
        if (body.contains("description") && body["description"].is_string()) stored["description"] = body["description"];
        state->keys.push_back(stored);
        return FakeResponse::json(201, {{"key", secret},
                                        {"keyPrefix", secret.substr(0, 10)},
                                        {"id", id},
                                        {"name", name},
                                        {"subscription", subscription},
                                        {"createdAt", stored["creationDate"]},
                                        {"expiresAt", stored["expirationDate"]},
                                        {"ephemeral", ephemeral}});
    });

    router.add("POST", "/v1/api-keys/search", [state](const FakeRequest& req) {
        state->refreshStatuses();
        Json body = req.json();
        if (body.is_null()) body = Json::object();
        Json filters = body.value("filters", Json::object());
        std::vector<std::string> statuses = filters.value("status", std::vector<std::string>{"active"});
        const bool includeEphemeral = filters.value("includeEphemeral", false);
        const std::string username = filters.value("username", std::string());
        Json sort = body.value("sort", Json::object());
        const std::string by = sort.value("by", std::string("created_at"));
        const std::string order = sort.value("order", std::string("desc"));
        Json page = body.value("pagination", Json::object());
        const int limit = page.value("limit", 50);
        const int offset = page.value("offset", 0);
        if (limit < 1 || limit > 100 || offset < 0) fail(400, "invalid pagination", "invalid_request_error");

        std::vector<Json> found;
        for (const auto& key : state->keys) {
            if (!includeEphemeral && key["ephemeral"].get<bool>()) continue;
            if (!username.empty() && key["username"] != username) continue;
            if (std::find(statuses.begin(), statuses.end(), key["status"].get<std::string>()) == statuses.end()) continue;
            found.push_back(key);
        }
        auto field = [&](const Json& k) -> Json {
            if (by == "name") return k["name"];
            if (by == "expires_at") return k["expiresAtUnix"];
            if (by == "last_used_at") return k.value("lastUsedAt", std::string());
            return k["createdAtUnix"];
        };
        std::stable_sort(found.begin(), found.end(), [&](const Json& a, const Json& b) {
            return order == "asc" ? field(a) < field(b) : field(b) < field(a);
        });
        Json data = Json::array();
        for (size_t i = static_cast<size_t>(offset); i < found.size() && data.size() < static_cast<size_t>(limit); ++i)
            data.push_back(MockState::publicView(found[i]));
        const bool hasMore = static_cast<size_t>(offset) + data.size() < found.size();
        return FakeResponse::json(200, {{"object", "list"}, {"data", data}, {"has_more", hasMore}});
    });

    router.add("POST", "/v1/api-keys/bulk-revoke", [state](const FakeRequest& req) {
        state->refreshStatuses();
        Json body = req.json();
        if (!body.is_object()) fail(400, "request body must be a JSON object", "invalid_request_error");
        const std::string username = body.value("username", std::string());
        const std::string subscription = body.value("subscription", std::string());
        if (username.empty() && subscription.empty())
            fail(400, "at least one of username or subscription is required", "invalid_request_error");
        if (!username.empty() && username != state->username())
            fail(403, "admin privileges required to revoke another user's keys", "permission_error");
        const bool dryRun = body.value("dryRun", false);
        long count = 0;
        for (auto& key : state->keys) {
            if (key["status"] != "active") continue;
            if (!username.empty() && key["username"] != username) continue;
            if (!subscription.empty() && key["subscription"] != subscription) continue;
            ++count;
            if (!dryRun) key["status"] = "revoked";
        }
        std::string scope = !username.empty() ? "for user " + username : "for subscription " + subscription;
        Json out = {{"revokedCount", count},
                    {"message", dryRun ? "Dry run: " + std::to_string(count) + " active key(s) would be revoked " + scope
                                       : "Successfully revoked " + std::to_string(count) + " active API key(s) " + scope}};
        if (dryRun) out["dryRun"] = true;
        return FakeResponse::json(200, out);
    });

    router.add("GET", "/v1/api-keys/config", [state](const FakeRequest&) {
        return FakeResponse::json(200, state->service["apiKeyConfig"]);
    });

    router.add("GET", "/v1/api-keys/{id}", [state](const FakeRequest& req) {
        state->refreshStatuses();
        return FakeResponse::json(200, MockState::publicView(findKey(*state, req.params.at("id"))));
    });

    router.add("DELETE", "/v1/api-keys/{id}", [state](const FakeRequest& req) {
        Json& key = findKey(*state, req.params.at("id"));
        key["status"] = "revoked";
        return FakeResponse::json(200, MockState::publicView(key));
    });
}
}  // namespace

std::shared_ptr<http::Router> makeMockMaaSRouter(std::shared_ptr<http::Runtime> runtime) {
    auto state = std::make_shared<MockState>();
    state->runtime = std::move(runtime);
    auto router = std::make_shared<http::Router>();
    addTokenRoutes(*router, state);
    addModelRoutes(*router, state);
    addApiKeyRoutes(*router, state);
    return router;
}

}  // namespace genai::maas
