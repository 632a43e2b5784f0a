#include <doctest/doctest.h>

#include "maas/factory.hpp"
#include "maas/http_client.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::expectError;
using genai::testing::jsonReply;
using genai::testing::runSync;
using nlohmann::json;

namespace {
struct RealFixture : testing::ScriptedFactory<maas::RealMaaSClientFactory> {
    std::unique_ptr<maas::MaaSClient> client(std::string token = "user-token") {
        return factory.createClient(options("https://maas.apps.example.com/maas-api/", std::move(token)));
    }
};

struct MockFixture {
    std::shared_ptr<testing::ManualRuntime> runtime = std::make_shared<testing::ManualRuntime>();
    maas::MockMaaSClientFactory factory{runtime};
    std::unique_ptr<maas::MaaSClient> client() { return factory.createClient({}); }
};
}  // namespace

TEST_CASE("MaaS real: listModels sends GET <base>/v1/models with the bearer token") {
    RealFixture f;
    f.transport->replies.push_back(jsonReply(200, R"({"object":"list","data":[{"id":"m1","ready":true}]})"));
    auto models = runSync(f.client()->listModels("", {})).parse();
    CHECK(models.size() == 1);
    CHECK(models[0]["id"] == "m1");
    const auto& sent = f.transport->requests.at(0);
    CHECK(sent.method == "GET");
    CHECK(sent.url == "https://maas.apps.example.com/maas-api/v1/models");
    CHECK(sent.headers.get("Authorization") == "Bearer user-token");
    CHECK(sent.timeoutMs == 30000);
}

TEST_CASE("MaaS real: listModels scopes by subscription with X-MaaS-Subscription") {
    RealFixture f;
    f.transport->replies.push_back(jsonReply(200, R"({"object":"list","data":[]})"));
    runSync(f.client()->listModels("premium", {})).parse();
    CHECK(f.transport->requests.at(0).headers.get("X-MaaS-Subscription") == "premium");
}

TEST_CASE("MaaS real: issueToken posts the expiration, default 4h, expects 201, never retries") {
    RealFixture f;
    f.transport->replies.push_back(jsonReply(201, R"({"token":"tok","expiresAt":1735406400})"));
    auto token = runSync(f.client()->issueToken(maas::TokenRequest::fromJson(json::object()), {})).parse();
    CHECK(token["token"] == "tok");
    CHECK(json::parse(f.transport->requests.at(0).body) == json{{"expiration", "4h"}});
    CHECK(f.transport->requests.at(0).method == "POST");

    f.transport->requests.clear();
    f.transport->replies.push_back(jsonReply(503, "{}"));
    http::CallOptions optIn;
    optIn.retryNonIdempotent = true;
    auto error = expectError(f.client()->issueToken(maas::TokenRequest::fromJson({{"expiration", "2h"}}), optIn));
    CHECK(f.transport->requests.size() == 1);
    CHECK(error.code() == "SERVER_UNAVAILABLE");
    CHECK(error.info().mappedStatus == 503);
    CHECK(std::string(error.what()).rfind("MaaS service is not available", 0) == 0);
}

TEST_CASE("MaaS real: revokeAllTokens is DELETE /v1/tokens with 204 and empties the token cache") {
    RealFixture f;
    f.transport->replies.push_back(jsonReply(201, R"({"token":"t1","expiresAt":1})"));
    auto first = runSync(f.client()->getModelToken(
        maas::ModelTokenRequest::fromJson({{"namespace", "ns"}, {"username", "alice"}, {"modelId", "maas-m"}}), {}));
    CHECK(first["cached"] == false);
    auto second = runSync(f.client()->getModelToken(
        maas::ModelTokenRequest::fromJson({{"namespace", "ns"}, {"username", "alice"}, {"modelId", "maas-m"}}), {}));
    CHECK(second["cached"] == true);
    CHECK(second["token"] == "t1");
    CHECK(f.transport->requests.size() == 1);
    CHECK(json::parse(f.transport->requests.at(0).body) == json{{"expiration", "30m"}});

    f.transport->replies.push_back({204, {}, "", 0, std::nullopt});
    runSync(f.client()->revokeAllTokens({}));
    CHECK(f.transport->requests.back().method == "DELETE");
    CHECK(f.transport->requests.back().url == "https://maas.apps.example.com/maas-api/v1/tokens");
    CHECK(f.factory.tokenCache().stats().totalEntries == 0);
}

TEST_CASE("MaaS real: the token cache expires after the TTL") {
    RealFixture f;
    f.transport->handler = [](const http::Request&) { return jsonReply(201, R"({"token":"t","expiresAt":1})"); };
    auto request = maas::ModelTokenRequest::fromJson({{"namespace", "ns"}, {"username", "u"}, {"modelId", "m"}});
    runSync(f.client()->getModelToken(request, {}));
    f.runtime->clockMs += 31 * 60 * 1000.0;
    auto again = runSync(f.client()->getModelToken(request, {}));
    CHECK(again["cached"] == false);
    CHECK(f.transport->requests.size() == 2);
}

TEST_CASE("MaaS real: errors carry the upstream codes of §3.3") {
    RealFixture f;
    f.transport->replies.push_back(jsonReply(404, R"({"error":{"message":"not here","type":"not_found"}})"));
    auto notFound = expectError(f.client()->listModels("", {}));
    CHECK(notFound.kind() == ErrorKind::NotFound);
    CHECK(notFound.code() == "INVALID_RESPONSE");
    CHECK(notFound.info().mappedStatus == 502);
    CHECK(std::string(notFound.what()) == "API request failed with status 404: not here");

    f.transport->replies.push_back(jsonReply(401, R"({"error":{"message":"Authorization required","type":"authentication_error"}})"));
    auto unauthorized = expectError(f.client()->listModels("", {}));
    CHECK(unauthorized.kind() == ErrorKind::Authentication);
    CHECK(unauthorized.status() == 401);

    testing::ScriptedReply down;
    down.failure = ErrorKind::Connection;
    f.transport->replies = {down, down, down};
    auto connection = expectError(f.client()->listModels("", {}));
    CHECK(connection.code() == "CONNECTION_FAILED");
    CHECK(connection.info().mappedStatus == 503);
    CHECK(std::string(connection.what()).rfind("failed to connect to MaaS service: ", 0) == 0);

    f.transport->replies.push_back(jsonReply(200, R"({"object":"list","data":"oops"})"));
    auto bad = expectError(f.client()->listModels("", {}));
    CHECK(bad.kind() == ErrorKind::Protocol);
    CHECK(bad.code() == "INVALID_RESPONSE");
    CHECK(std::string(bad.what()).rfind("failed to unmarshal response", 0) == 0);
}

TEST_CASE("MaaS real: createApiKey is never retried") {
    RealFixture f;
    f.transport->replies.push_back(jsonReply(500, "{}"));
    http::CallOptions optIn;
    optIn.retryNonIdempotent = true;
    expectError(f.client()->createApiKey(maas::CreateApiKeyRequest::fromJson({{"name", "k"}}), optIn));
    CHECK(f.transport->requests.size() == 1);
}

TEST_CASE("MaaS real: API key requests have the spec's paths and bodies") {
    RealFixture f;
    f.transport->handler = [](const http::Request& r) {
        if (r.url.find("/search") != std::string::npos) return jsonReply(200, R"({"object":"list","data":[],"has_more":false})");
        if (r.url.find("bulk-revoke") != std::string::npos) return jsonReply(200, R"({"revokedCount":2})");
        return jsonReply(200, R"({"id":"key/1","name":"n","status":"revoked"})");
    };
    auto client = f.client();
    runSync(client->searchApiKeys(maas::SearchApiKeysRequest::fromJson(
                                      {{"status", {"active", "revoked"}}, {"sortBy", "name"}, {"sortOrder", "asc"}, {"limit", 20}, {"offset", 40}}),
                                  {})).parse();
    CHECK(json::parse(f.transport->requests.back().body) ==
          json::parse(R"({"filters":{"status":["active","revoked"]},"sort":{"by":"name","order":"asc"},"pagination":{"limit":20,"offset":40}})"));
    runSync(client->getApiKey("key/1", {})).parse();
    CHECK(f.transport->requests.back().url == "https://maas.apps.example.com/maas-api/v1/api-keys/key%2F1");
    runSync(client->revokeApiKey("key/1", {})).parse();
    CHECK(f.transport->requests.back().method == "DELETE");
    runSync(client->bulkRevokeApiKeys(maas::BulkRevokeRequest::fromJson({{"username", "alice"}, {"dryRun", true}}), {})).parse();
    CHECK(json::parse(f.transport->requests.back().body) == json{{"username", "alice"}, {"dryRun", true}});
}

TEST_CASE("MaaS: validation happens before any request") {
    RealFixture f;
    auto message = [](auto fn) {
        try {
            fn();
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Validation);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message([] { maas::TokenRequest::fromJson({{"expiration", "4 hours"}}); }) ==
          "expiration must be a positive duration such as \"4h\" or \"30m\", got: 4 hours");
    CHECK(message([] { maas::TokenRequest::fromJson({{"expiration", 4}}); }) == "expiration must be a string");
    CHECK(message([] { maas::CreateApiKeyRequest::fromJson(json::object()); }) ==
          "name is required for a non-ephemeral API key");
    CHECK_NOTHROW(maas::CreateApiKeyRequest::fromJson({{"ephemeral", true}}));
    CHECK(message([] { maas::SearchApiKeysRequest::fromJson({{"limit", 0}}); }) == "limit must be between 1 and 100, got: 0");
    CHECK(message([] { maas::SearchApiKeysRequest::fromJson({{"status", {"gone"}}}); }) ==
          "status must be one of [active revoked expired], got: gone");
    CHECK(message([] { maas::BulkRevokeRequest::fromJson(json::object()); }) ==
          "at least one of username or subscription is required");
    auto error = expectError(f.client()->getApiKey("", {}));
    CHECK(error.kind() == ErrorKind::Validation);
    CHECK(f.transport->requests.empty());
}

TEST_CASE("MaaS mock: the four fixture models, one not ready") {
    MockFixture f;
    auto models = runSync(f.client()->listModels("", {})).parse();
    REQUIRE(models.size() == 4);
    CHECK(models[0]["id"] == "llama-2-7b-chat");
    CHECK(models[2]["id"] == "mistral-7b-instruct");
    CHECK(models[2]["ready"] == false);
    CHECK(models[3]["created"] == 1672531200);
    CHECK(models[1]["url"] == "http://llama-2-13b-chat.openshift-ai-inference-tier-premium.svc.cluster.local");
}

TEST_CASE("MaaS mock: issueToken expires at now + TTL") {
    MockFixture f;
    auto token = runSync(f.client()->issueToken(maas::TokenRequest::fromJson({{"expiration", "2h"}}), {})).parse();
    CHECK(token["token"].get<std::string>().rfind("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.", 0) == 0);
    CHECK(token["expiresAt"] == static_cast<long long>(f.runtime->unixSeconds() + 7200));
    CHECK_NOTHROW(runSync(f.client()->revokeAllTokens({})));
}

TEST_CASE("MaaS mock: API keys are kept in state across clients of one factory") {
    MockFixture f;
    auto created = runSync(f.client()->createApiKey(
        maas::CreateApiKeyRequest::fromJson({{"name", "ci-key"}, {"description", "for CI"}, {"expiresIn", "30d"}}), {})).parse();
    CHECK(created["key"].get<std::string>().rfind("sk-oai-", 0) == 0);
    const std::string id = created["id"];
    f.runtime->clockMs += 1000;
    runSync(f.client()->createApiKey(maas::CreateApiKeyRequest::fromJson({{"name", "second"}}), {})).parse();
    runSync(f.client()->createApiKey(maas::CreateApiKeyRequest::fromJson({{"ephemeral", true}}), {})).parse();

    auto page = runSync(f.client()->searchApiKeys(maas::SearchApiKeysRequest::fromJson(json::object()), {})).parse();
    REQUIRE(page["data"].size() == 2);  // ephemeral keys excluded by default
    CHECK(page["data"][0]["name"] == "second");  // newest first
    CHECK(page["has_more"] == false);
    CHECK_FALSE(page["data"][0].contains("key"));  // the secret is shown once only

    auto small = runSync(f.client()->searchApiKeys(maas::SearchApiKeysRequest::fromJson({{"limit", 1}}), {})).parse();
    CHECK(small["has_more"] == true);

    auto fetched = runSync(f.client()->getApiKey(id, {})).parse();
    CHECK(fetched["description"] == "for CI");
    auto revoked = runSync(f.client()->revokeApiKey(id, {})).parse();
    CHECK(revoked["status"] == "revoked");
    auto active = runSync(f.client()->searchApiKeys(maas::SearchApiKeysRequest::fromJson(json::object()), {})).parse();
    CHECK(active["data"].size() == 1);

    auto dry = runSync(f.client()->bulkRevokeApiKeys(maas::BulkRevokeRequest::fromJson({{"username", "mock-user"}, {"dryRun", true}}), {})).parse();
    CHECK(dry["revokedCount"] == 2);  // "second" and the ephemeral key
    CHECK(dry["dryRun"] == true);
    auto bulk = runSync(f.client()->bulkRevokeApiKeys(maas::BulkRevokeRequest::fromJson({{"username", "mock-user"}}), {})).parse();
    CHECK(bulk["revokedCount"] == 2);

    auto missing = expectError(f.client()->getApiKey("key_nope", {}));
    CHECK(missing.kind() == ErrorKind::NotFound);
}

TEST_CASE("MaaS mock: subscriptions, tenants, config, health") {
    MockFixture f;
    auto client = f.client();
    CHECK(runSync(client->listSubscriptions({})).parse().size() == 2);
    CHECK(runSync(client->listModelSubscriptions("llama-2-13b-chat", {})).parse().size() == 1);
    CHECK(runSync(client->getTenants({})).parse()["tenants"][0]["name"] == "default-tenant");
    CHECK(runSync(client->getApiKeyConfig({})).parse()["max_expiration_days"] == 90);
    CHECK(runSync(client->health({})).parse()["status"] == "healthy");
    CHECK(runSync(client->listModels("basic-subscription", {})).parse().size() == 2);
    auto unknown = expectError(client->listModels("nope", {}));
    CHECK(unknown.kind() == ErrorKind::PermissionDenied);
}
