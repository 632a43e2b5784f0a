#include <doctest/doctest.h>

#include "http/recording.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::runSync;
using nlohmann::json;

namespace {
http::Request get(std::string url) {
    http::Request r;
    r.url = std::move(url);
    r.headers.set("Authorization", "Bearer secret-user-token");
    return r;
}

std::string readAll(http::Response& response) { return runSync(response.text()); }
}  // namespace

TEST_CASE("RecordingTransport: records exchanges without credentials") {
    auto inner = std::make_shared<testing::ScriptedTransport>();
    auto recording = std::make_shared<http::Recording>();
    http::RecordingTransport transport(inner, recording);

    inner->replies.push_back(testing::jsonReply(201, R"({"token":"eyJhbGciOiJSUzI1NiJ9.payload.sig","expiresAt":5,"usage":{"input_tokens":3}})"));
    auto post = get("https://maas.example.com/maas-api/v1/tokens?x=1");
    post.method = "POST";
    post.body = R"({"expiration":"4h","api_key":"sk-abcdefghijklmnop"})";
    post.hasBody = true;
    auto response = runSync(transport.send(post));
    CHECK(readAll(response).find("payload") != std::string::npos);  // the caller still gets the real answer

    json bundle = recording->toJson();
    CHECK(bundle["format"] == "genai-clients/recording");
    const json& entry = bundle["entries"][0];
    CHECK(entry["request"]["method"] == "POST");
    CHECK(entry["request"]["path"] == "/maas-api/v1/tokens");
    CHECK(entry["request"]["query"] == "x=1");
    CHECK(entry["request"]["body"]["expiration"] == "4h");
    CHECK(entry["request"]["body"]["api_key"] == "[REDACTED]");
    CHECK(entry["response"]["status"] == 201);
    CHECK(entry["response"]["headers"]["content-type"] == "application/json");
    const std::string text = bundle.dump();
    CHECK(text.find("secret-user-token") == std::string::npos);
    CHECK(text.find("payload.sig") == std::string::npos);
    CHECK(text.find("sk-abcdefghijklmnop") == std::string::npos);
    CHECK(json::parse(entry["response"]["chunks"][0].get<std::string>())["usage"]["input_tokens"] == 3);
}

TEST_CASE("RecordingTransport: a streamed body is kept chunk by chunk") {
    auto inner = std::make_shared<testing::ScriptedTransport>();
    auto recording = std::make_shared<http::Recording>();
    http::RecordingTransport transport(inner, recording);
    testing::ScriptedReply stream{200, {{"content-type", "text/event-stream"}}, "data: {\"a\":1}\n\ndata: [DONE]\n\n", 14, std::nullopt};
    inner->replies.push_back(stream);
    auto response = runSync(transport.send(get("http://ls/v1/responses")));
    int chunks = 0;
    while (runSync(response.body->next())) ++chunks;
    CHECK(recording->toJson()["entries"][0]["response"]["chunks"].size() == static_cast<size_t>(chunks));
    CHECK(chunks > 1);
}

TEST_CASE("ReplayTransport: answers in order, repeats the last, 404 for the unknown") {
    json bundle = {{"format", "genai-clients/recording"},
                   {"version", 1},
                   {"entries",
                    {{{"request", {{"method", "GET"}, {"path", "/maas-api/v1/models"}, {"query", ""}}},
                      {"response", {{"status", 200}, {"headers", {{"content-type", "application/json"}}}, {"chunks", {"[1]"}}}}},
                     {{"request", {{"method", "GET"}, {"path", "/maas-api/v1/models"}, {"query", ""}}},
                      {"response", {{"status", 200}, {"headers", json::object()}, {"chunks", {"[2", "]"}}}}}}}};
    http::ReplayTransport replay(bundle);
    auto first = runSync(replay.send(get("http://replay.invalid/v1/models")));
    CHECK(first.headers.get("content-type") == "application/json");
    CHECK(readAll(first) == "[1]");
    auto second = runSync(replay.send(get("http://replay.invalid/v1/models")));
    CHECK(readAll(second) == "[2]");
    auto third = runSync(replay.send(get("http://other/maas-api/v1/models")));
    CHECK(readAll(third) == "[2]");
    auto unknown = runSync(replay.send(get("http://replay.invalid/v1/tokens")));
    CHECK(unknown.status == 404);
    CHECK(readAll(unknown).find("no recorded answer for GET /v1/tokens") != std::string::npos);
    // "/models" must not match "/v1/xmodels": a match ends at a '/'.
    auto partial = runSync(replay.send(get("http://replay.invalid/odels")));
    CHECK(partial.status == 404);
}

TEST_CASE("ReplayTransport: rejects what is not a recording") {
    const json notRecording = json::object();
    const json malformed = {{"format", "genai-clients/recording"}, {"entries", {{{"request", 1}}}}};
    CHECK_THROWS_AS(http::ReplayTransport{notRecording}, Error);
    CHECK_THROWS_AS(http::ReplayTransport{malformed}, Error);
}
