#include <doctest/doctest.h>

#include "http/api_client.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::expectError;
using genai::testing::jsonReply;
using genai::testing::runSync;

namespace {
struct Fixture {
    std::shared_ptr<testing::ScriptedTransport> transport = std::make_shared<testing::ScriptedTransport>();
    std::shared_ptr<testing::ManualRuntime> runtime = std::make_shared<testing::ManualRuntime>();
    http::ApiClient client(http::ApiClientSettings settings = {}) {
        if (settings.service.empty()) settings.service = "test";
        return http::ApiClient(transport, runtime, std::move(settings));
    }
};

http::ApiRequest get(std::string url = "http://api.test/v1/things") {
    http::ApiRequest r;
    r.operation = "listThings";
    r.url = std::move(url);
    return r;
}
}  // namespace

TEST_CASE("ApiClient: sends the bearer token, JSON body and extra headers") {
    Fixture f;
    http::ApiClientSettings settings;
    settings.token = Secret("tok-123");
    auto client = f.client(settings);
    f.transport->replies.push_back(jsonReply(200, R"({"ok":true})"));
    auto r = get();
    r.method = "POST";
    r.jsonBody = nlohmann::json{{"a", 1}};
    http::CallOptions options;
    options.headers.set("X-Extra", "1");
    auto body = runSync(client.sendJson(r, options));
    CHECK(body["ok"] == true);
    REQUIRE(f.transport->requests.size() == 1);
    const auto& sent = f.transport->requests[0];
    CHECK(sent.headers.get("authorization") == "Bearer tok-123");
    CHECK(sent.headers.get("content-type") == "application/json");
    CHECK(sent.headers.get("x-extra") == "1");
    CHECK(sent.body == R"({"a":1})");
    CHECK(sent.timeoutMs == 60000);
}

TEST_CASE("ApiClient: no Authorization header without a token") {
    Fixture f;
    auto client = f.client();
    f.transport->replies.push_back(jsonReply(200, "{}"));
    runSync(client.sendJson(get(), {}));
    CHECK_FALSE(f.transport->requests[0].headers.has("Authorization"));
}

TEST_CASE("ApiClient: retries idempotent requests on 503 and honours Retry-After") {
    Fixture f;
    auto client = f.client();
    auto busy = jsonReply(503, R"({"error":{"message":"busy"}})");
    busy.headers.push_back({"retry-after", "2"});
    f.transport->replies.push_back(busy);
    f.transport->replies.push_back(jsonReply(500, "{}"));
    f.transport->replies.push_back(jsonReply(200, R"([1])"));
    auto body = runSync(client.sendJson(get(), {}));
    CHECK(body == nlohmann::json::array({1}));
    CHECK(f.transport->requests.size() == 3);
    REQUIRE(f.runtime->sleeps.size() == 2);
    CHECK(f.runtime->sleeps[0] == doctest::Approx(2000));
    // Second retry: 500 ms * 2^1 minus 25 % * 0.5 jitter.
    CHECK(f.runtime->sleeps[1] == doctest::Approx(1000 * (1 - 0.125)));
}

TEST_CASE("ApiClient: gives up after maxRetries and reports the last error") {
    Fixture f;
    auto client = f.client();
    for (int i = 0; i < 3; ++i) f.transport->replies.push_back(jsonReply(502, R"({"error":{"message":"bad gateway"}})"));
    auto error = expectError(client.sendJson(get(), {}));
    CHECK(error.kind() == ErrorKind::Server);
    CHECK(error.status() == 502);
    CHECK(error.info().serverMessage == "bad gateway");
    CHECK(error.info().service == "test");
    CHECK(error.info().operation == "listThings");
    CHECK(f.transport->requests.size() == 3);
}

TEST_CASE("ApiClient: POST is not retried unless the call opts in; neverRetry wins") {
    Fixture f;
    auto client = f.client();
    auto post = get();
    post.method = "POST";
    f.transport->replies.push_back(jsonReply(503, "{}"));
    expectError(client.sendJson(post, {}));
    CHECK(f.transport->requests.size() == 1);

    f.transport->requests.clear();
    f.transport->replies.push_back(jsonReply(503, "{}"));
    f.transport->replies.push_back(jsonReply(200, "{}"));
    http::CallOptions optIn;
    optIn.retryNonIdempotent = true;
    runSync(client.sendJson(post, optIn));
    CHECK(f.transport->requests.size() == 2);

    f.transport->requests.clear();
    post.neverRetry = true;
    f.transport->replies.push_back(jsonReply(503, "{}"));
    expectError(client.sendJson(post, optIn));
    CHECK(f.transport->requests.size() == 1);
}

TEST_CASE("ApiClient: connection failures are retried, then typed") {
    Fixture f;
    auto client = f.client();
    testing::ScriptedReply down;
    down.failure = ErrorKind::Connection;
    f.transport->replies = {down, down, down};
    auto error = expectError(client.sendJson(get(), {}));
    CHECK(error.kind() == ErrorKind::Connection);
    CHECK(f.transport->requests.size() == 3);
}

TEST_CASE("ApiClient: x-should-retry false stops a retry; 4xx are not retried") {
    Fixture f;
    auto client = f.client();
    auto reply = jsonReply(503, "{}");
    reply.headers.push_back({"x-should-retry", "false"});
    f.transport->replies.push_back(reply);
    expectError(client.sendJson(get(), {}));
    CHECK(f.transport->requests.size() == 1);

    f.transport->requests.clear();
    f.transport->replies.push_back(jsonReply(404, R"({"error":{"message":"no such thing","type":"not_found"}})"));
    auto error = expectError(client.sendJson(get(), {}));
    CHECK(error.kind() == ErrorKind::NotFound);
    CHECK(error.info().serverType == "not_found");
    CHECK(f.transport->requests.size() == 1);
}

TEST_CASE("ApiClient: an aborted signal stops before sending and between retries") {
    Fixture f;
    auto client = f.client();
    auto signal = std::make_shared<http::ManualCancelSignal>();
    signal->abort();
    http::CallOptions options;
    options.signal = signal;
    auto error = expectError(client.sendJson(get(), options));
    CHECK(error.kind() == ErrorKind::Abort);
    CHECK(f.transport->requests.empty());
}

TEST_CASE("ApiClient: a body that is not JSON is a ProtocolError") {
    Fixture f;
    auto client = f.client();
    f.transport->replies.push_back(jsonReply(200, "<html>"));
    auto error = expectError(client.sendJson(get(), {}));
    CHECK(error.kind() == ErrorKind::Protocol);
    CHECK(error.code() == "INVALID_RESPONSE");
}

TEST_CASE("ApiClient: the token never appears in an error, even when the server echoes it") {
    Fixture f;
    http::ApiClientSettings settings;
    settings.token = Secret("sk-secret-token-1234567890");
    auto client = f.client(settings);
    f.transport->replies.push_back(
        jsonReply(401, R"({"error":{"message":"bad token Bearer sk-secret-token-1234567890"}})"));
    auto error = expectError(client.sendJson(get(), {}));
    CHECK(error.kind() == ErrorKind::Authentication);
    CHECK(std::string(error.what()).find("sk-secret") == std::string::npos);
    CHECK(error.info().serverMessage.find("sk-secret") == std::string::npos);
}

TEST_CASE("ApiClient: expectedStatus turns another 2xx into an error") {
    Fixture f;
    auto client = f.client();
    f.transport->replies.push_back(jsonReply(200, "{}"));
    auto r = get();
    r.expectedStatus = 201;
    auto error = expectError(client.sendJson(r, {}));
    CHECK(error.status() == 200);
}

TEST_CASE("ApiClient: the request id and retry-after reach the error") {
    Fixture f;
    auto client = f.client();
    auto reply = jsonReply(429, R"({"error":{"message":"slow down"}})");
    reply.headers.push_back({"x-request-id", "req-42"});
    reply.headers.push_back({"retry-after", "7"});
    http::CallOptions options;
    options.maxRetries = 0;
    f.transport->replies.push_back(reply);
    auto error = expectError(client.sendJson(get(), options));
    CHECK(error.kind() == ErrorKind::RateLimit);
    CHECK(error.info().requestId == "req-42");
    REQUIRE(error.info().retryAfterSeconds.has_value());
    CHECK(*error.info().retryAfterSeconds == doctest::Approx(7));
}
