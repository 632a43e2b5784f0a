#include <doctest/doctest.h>

#include <sstream>

#include "core/duration.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/memory_store.hpp"
#include "core/secret.hpp"
#include "http/error_body.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::validationMessage;


TEST_CASE("Secret: prints as [REDACTED]") {
    Secret s("abc");
    std::ostringstream out;
    out << s;
    CHECK(out.str() == "[REDACTED]");
    CHECK(s.reveal() == "abc");
}

TEST_CASE("redactSecrets: bearer tokens, sk- keys and JWTs") {
    CHECK(redactSecrets("Authorization: Bearer abc.def-123") == "Authorization: Bearer [REDACTED]");
    CHECK(redactSecrets("key sk-oai-0123456789abcdef here") == "key [REDACTED] here");
    CHECK(redactSecrets("jwt eyJhbGciOiJSUzI1NiJ9.e30.sig end") == "jwt [REDACTED] end");
    CHECK(redactSecrets(R"({"token":"t0ps3cret"})") == R"({"token":"[REDACTED]"})");
    CHECK(redactSecrets("nothing secret") == "nothing secret");
    CHECK(redactSecrets("ask-me") == "ask-me");
}

TEST_CASE("extractRequestIdentity: upstream defaults and messages") {
    auto id = extractRequestIdentity({{"authorization", "Bearer  user-token "}, {"X-MCP-Bearer", "Bearer mcp-1"}});
    CHECK(id.token.reveal() == "user-token");
    CHECK(id.mcpToken.reveal() == "mcp-1");

    CHECK(validationMessage([] { extractRequestIdentity({}); }) == "missing required Header: Authorization");
    CHECK(validationMessage([] { extractRequestIdentity({{"Authorization", "Basic x"}}); }) ==
          "expected token Header Authorization to start with Prefix \"Bearer \"");
    CHECK(validationMessage([] {
              extractRequestIdentity({{"Authorization", "Bearer x"}, {"X-MCP-Bearer", "token"}});
          }) == "malformed MCP token: expected X-MCP-Bearer header to start with 'Bearer '");

    IdentityOptions forwarded;
    forwarded.tokenHeader = "x-forwarded-access-token";
    forwarded.tokenPrefix = "";
    CHECK(extractRequestIdentity({{"X-Forwarded-Access-Token", "raw"}}, forwarded).token.reveal() == "raw");
}

TEST_CASE("validateRequestIdentity: messages per purpose") {
    RequestIdentity empty;
    CHECK(validationMessage([&] { validateRequestIdentity(empty); }) ==
          "token is required for token-based authentication");
    CHECK(validationMessage([&] { validateRequestIdentity(empty, IdentityPurpose::Mcp); }) ==
          "token is required for MCP client authentication");
    RequestIdentity ok;
    ok.token = Secret("t");
    CHECK_NOTHROW(validateRequestIdentity(ok));
}

TEST_CASE("parseGoDuration") {
    CHECK(parseGoDuration("4h") == 14400.0);
    CHECK(parseGoDuration("30m") == 1800.0);
    CHECK(parseGoDuration("1h30m") == 5400.0);
    CHECK(parseGoDuration("1.5h") == 5400.0);
    CHECK(*parseGoDuration("300ms") == doctest::Approx(0.3));
    CHECK(parseGoDuration("0") == 0.0);
    CHECK(parseGoDuration("-2m") == -120.0);
    CHECK_FALSE(parseGoDuration("").has_value());
    CHECK_FALSE(parseGoDuration("4").has_value());
    CHECK_FALSE(parseGoDuration("4d").has_value());
    CHECK_FALSE(parseGoDuration("h").has_value());
    CHECK_FALSE(parseGoDuration("1h 2m").has_value());
}

TEST_CASE("parseSimpleDuration") {
    CHECK(parseSimpleDuration("30d") == 30 * 86400.0);
    CHECK(parseSimpleDuration("1h") == 3600.0);
    CHECK_FALSE(parseSimpleDuration("1.5h").has_value());
    CHECK_FALSE(parseSimpleDuration("d").has_value());
    CHECK_FALSE(parseSimpleDuration("10w").has_value());
}

TEST_CASE("MemoryStore: hierarchy, TTL, deletes and stats") {
    double now = 1000;
    MemoryStore store([&] { return now; });
    store.set("ns1", "alice", "access_tokens", "model-a", "t1", 60);
    store.set("ns1", "alice", "access_tokens", "model-b", "t2", 0);
    store.set("ns1", "bob", "access_tokens", "model-a", "t3", 60);
    store.set("ns2", "alice", "other", "k", "t4", 60);
    CHECK(store.get("ns1", "alice", "access_tokens", "model-a") == nlohmann::json("t1"));
    auto stats = store.stats();
    CHECK(stats.totalNamespaces == 2);
    CHECK(stats.totalUsers == 3);
    CHECK(stats.totalCategories == 3);
    CHECK(stats.totalEntries == 4);

    now += 61;
    CHECK_FALSE(store.get("ns1", "alice", "access_tokens", "model-a").has_value());
    CHECK(store.get("ns1", "alice", "access_tokens", "model-b").has_value());  // no expiry
    CHECK(store.getCategory("ns1", "alice", "access_tokens").size() == 1);

    store.set("ns1", "bob", "access_tokens", "model-a", "t5", 60);
    store.deleteUser("ns1", "bob");
    CHECK_FALSE(store.get("ns1", "bob", "access_tokens", "model-a").has_value());
    store.deleteCategoryEverywhere("access_tokens");
    CHECK(store.stats().totalEntries == 0);

    CHECK(validationMessage([&] { store.set("", "u", "c", "k", 1, 1); }) == "namespace cannot be empty");
    CHECK(validationMessage([&] { store.set("n", "", "c", "k", 1, 1); }) == "username cannot be empty");
    CHECK(validationMessage([&] { store.set("n", "u", "", "k", 1, 1); }) == "category cannot be empty");
    CHECK(validationMessage([&] { store.set("n", "u", "c", "", 1, 1); }) == "key cannot be empty");
}

TEST_CASE("parseErrorBody: every shape the services use") {
    using http::parseErrorBody;
    CHECK(parseErrorBody(R"({"error":{"message":"m1","type":"t1"}})").message == "m1");
    CHECK(parseErrorBody(R"({"error":{"message":"m1","type":"t1"}})").type == "t1");
    CHECK(parseErrorBody(R"({"error":"plain"})").message == "plain");
    CHECK(parseErrorBody(R"({"kind":"Status","message":"ns not found","reason":"NotFound","code":404})").type ==
          "NotFound");
    CHECK(parseErrorBody(R"({"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"Method not found"}})").message ==
          "Method not found");
    CHECK(parseErrorBody(R"({"detail":[{"msg":"field required"}]})").message == "field required");
    CHECK(parseErrorBody(R"({"detail":"nope"})").message == "nope");
    CHECK(parseErrorBody("  upstream connect error  ").message == "upstream connect error");
    CHECK(parseErrorBody(std::string(5000, 'x')).message.size() <= 1003);
}

#include "core/config.hpp"

TEST_CASE("configFromEnv: upstream names, Go booleans, defaults") {
    auto config = configFromEnv({{"MOCK_LS_CLIENT", "true"},
                                 {"MOCK_MAAS_CLIENT", "1"},
                                 {"MOCK_MCP_CLIENT", "F"},
                                 {"LLAMA_STACK_URL", "http://ls:8321"},
                                 {"MAAS_URL", "https://maas.example.com/maas-api"},
                                 {"AUTH_TOKEN_HEADER", "x-forwarded-access-token"},
                                 {"AUTH_TOKEN_PREFIX", ""},
                                 {"UNRELATED", "x"}});
    CHECK(config.llamaStack.mock);
    CHECK(config.maas.mock);
    CHECK_FALSE(config.mcp.mock);
    CHECK_FALSE(config.kubernetes.mock);
    CHECK(config.llamaStack.baseUrl == "http://ls:8321");
    CHECK(config.maas.baseUrl == "https://maas.example.com/maas-api");
    CHECK(config.identity.tokenHeader == "x-forwarded-access-token");
    CHECK(config.identity.tokenPrefix == "");

    auto defaults = configFromEnv({});
    CHECK(defaults.identity.tokenHeader == "Authorization");
    CHECK(defaults.identity.tokenPrefix == "Bearer ");
    auto json = configToJson(config);
    CHECK(json["maas"]["baseURL"] == "https://maas.example.com/maas-api");
    CHECK(json["auth"]["tokenPrefix"] == "");
    CHECK(validationMessage([] { configFromEnv({{"MOCK_K8S_CLIENT", "yes"}}); }) ==
          "invalid boolean value for MOCK_K8S_CLIENT: \"yes\"");
}
