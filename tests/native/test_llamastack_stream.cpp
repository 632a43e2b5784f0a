// Streamed Responses: the JSON scanner, JsonEventStream's batches (one per network chunk) and the
// LlamaStack rules (UPSTREAM.md §2.5): [DONE], an error payload or error event thrown exactly
// once, a body cut short, and the SSE cases a parser must get right across chunk boundaries.
#include <doctest/doctest.h>

#include "http/json_scan.hpp"
#include "llamastack/factory.hpp"
#include "support/test_support.hpp"

using namespace genai;
using genai::testing::expectError;
using genai::testing::runSync;
using nlohmann::json;

namespace {
// A body handed out in the given pieces; optionally failing like a dropped connection after them.
class PiecesBody final : public http::BodyStream {
public:
    PiecesBody(std::vector<std::string> pieces, bool failAtEnd) : pieces_(std::move(pieces)), failAtEnd_(failAtEnd) {}
    Task<std::optional<std::string>> next() override {
        if (cancelled) co_return std::nullopt;
        if (index_ < pieces_.size()) co_return pieces_[index_++];
        if (failAtEnd_) {
            ErrorInfo info;
            info.kind = ErrorKind::Connection;
            info.code = "CONNECTION_FAILED";
            info.message = "terminated";
            throw Error(std::move(info));
        }
        co_return std::nullopt;
    }
    void cancel() override { cancelled = true; }
    bool cancelled = false;

private:
    std::vector<std::string> pieces_;
    size_t index_ = 0;
    bool failAtEnd_;
};

class PiecesTransport final : public http::Transport {
public:
    std::vector<std::string> pieces;
    bool failAtEnd = false;
    int status = 200;
    std::string contentType = "text/event-stream";
    std::vector<http::Request> requests;
    PiecesBody* body = nullptr;

    Task<http::Response> send(http::Request request) override {
        requests.push_back(request);
        http::Response response;
        response.status = status;
        response.headers.set("content-type", contentType);
        auto b = std::make_unique<PiecesBody>(pieces, failAtEnd);
        body = b.get();
        response.body = std::move(b);
        co_return response;
    }
};

struct StreamFixture {
    std::shared_ptr<PiecesTransport> transport = std::make_shared<PiecesTransport>();
    std::shared_ptr<testing::ManualRuntime> runtime = std::make_shared<testing::ManualRuntime>();
    llamastack::RealLlamaStackClientFactory factory{transport, runtime};

    std::shared_ptr<http::JsonEventStream> open() {
        http::ClientOptions options;
        options.baseUrl = "http://127.0.0.1:8321";
        auto client = factory.createClient(options, {});
        return client->createResponseStream(
            llamastack::CreateResponseRequest::fromJson({{"input", "hi"}, {"model", "m"}}), {});
    }
};

// Reads batches until "[]"; returns them, so tests can see the batching too.
std::vector<json> batches(http::JsonEventStream& stream) {
    std::vector<json> out;
    for (int i = 0; i < 100000; ++i) {
        json batch = json::parse(runSync(stream.next()));
        REQUIRE(batch.is_array());
        if (batch.empty()) return out;
        out.push_back(std::move(batch));
    }
    FAIL("the stream did not end");
    return out;
}

std::vector<json> events(http::JsonEventStream& stream) {
    std::vector<json> all;
    for (auto& batch : batches(stream))
        for (auto& event : batch) all.push_back(event);
    return all;
}

std::string sse(const json& event) { return "data: " + event.dump() + "\n\n"; }

std::string delta(const std::string& text) {
    return sse({{"type", "response.output_text.delta"}, {"delta", text}, {"item_id", "msg_1"}, {"output_index", 0}});
}

std::string completed(const std::string& text = "done") {
    return sse({{"type", "response.completed"},
                {"response", {{"id", "resp_1"}, {"status", "completed"}, {"output", json::array({{{"type", "message"},
                    {"content", json::array({{{"type", "output_text"}, {"text", text}}})}}})}}}});
}

std::string joinedDeltas(const std::vector<json>& all) {
    std::string text;
    for (const auto& e : all)
        if (e["type"] == "response.output_text.delta") text += e["delta"].get<std::string>();
    return text;
}

std::vector<std::string> splitEvery(const std::string& text, size_t n) {
    std::vector<std::string> out;
    for (size_t at = 0; at < text.size(); at += n) out.push_back(text.substr(at, n));
    return out;
}
}  // namespace

TEST_CASE("json scan: validates JSON in one pass and reads top-level fields") {
    using http::JsonField;
    using http::scanJson;
    for (const char* good : {"{}", "[]", "0", "-1.5e+3", "\"a\\u00e9\\n\"", "true", " null ", "{\"a\":[1,{\"b\":null}]}",
                             "\"\xC3\xA9\""}) {
        CAPTURE(good);
        CHECK(scanJson(good));
    }
    for (const char* bad : {"", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "\"a\nb\"", "\"\\x\"", "{a:1}", "tru",
                            "{} {}", "[1 2]", "\"\\u12G4\"", "nul"}) {
        CAPTURE(bad);
        CHECK_FALSE(scanJson(bad));
    }
    std::vector<JsonField> fields = {{"type", {}}, {"error", {}}};
    CHECK(scanJson(R"({"error":{"message":"x"},"nested":{"type":"no"},"type":"error"})", &fields));
    CHECK(fields[0].raw == "\"error\"");
    CHECK(fields[1].raw == R"({"message":"x"})");
    CHECK(scanJson(R"({"typ\u0065":"response.created"})", &fields));  // an escaped key still counts
    CHECK(fields[0].raw == "\"response.created\"");
    CHECK(fields[1].raw.empty());
    CHECK(scanJson(R"([{"type":"error"}])", &fields));
    CHECK(fields[0].raw.empty());  // only a top-level object has fields
    CHECK(scanJson(std::string(512, '[') + std::string(512, ']')));
    CHECK_FALSE(scanJson(std::string(513, '[') + std::string(513, ']')));
    CHECK(http::jsonStringValue(R"("a\"b\u00e9\ud83d\ude00")") == "a\"b\xC3\xA9\xF0\x9F\x98\x80");
    CHECK_FALSE(http::jsonStringValue("abc"));
}

TEST_CASE("sse parser: midEvent tells a stream cut inside an event") {
    http::SseParser parser;
    std::vector<http::SseEvent> out;
    CHECK_FALSE(parser.midEvent());
    parser.feed("data: {\"a\"", out);
    CHECK(parser.midEvent());
    parser.feed(":1}\n", out);
    CHECK(parser.midEvent());  // data waiting for its blank line
    parser.feed("\n", out);
    CHECK_FALSE(parser.midEvent());
    CHECK(out.size() == 1);
}

TEST_CASE("response stream: one batch per network chunk, nothing sent before the first read") {
    StreamFixture f;
    f.transport->pieces = {delta("Hel") + delta("lo"), delta(", w"), delta("orld") + completed("Hello, world")};
    auto stream = f.open();
    CHECK(f.transport->requests.empty());
    auto all = batches(*stream);
    REQUIRE(f.transport->requests.size() == 1);
    const auto& sent = f.transport->requests[0];
    CHECK(sent.streaming);
    CHECK(sent.headers.get("Accept") == "text/event-stream");
    CHECK(json::parse(sent.body)["stream"] == true);
    REQUIRE(all.size() == 3);
    CHECK(all[0].size() == 2);
    CHECK(all[1].size() == 1);
    CHECK(all[2].size() == 2);
    CHECK(all[2][1]["type"] == "response.completed");
    CHECK(stream->finished());
    CHECK(runSync(stream->next()) == "[]");
}

TEST_CASE("response stream: every event type passes through, unknown ones too; [DONE] ends the stream") {
    StreamFixture f;
    f.transport->pieces = {sse({{"type", "response.created"}}) + sse({{"type", "mcp_list_tools"}, {"server_label", "gh"}}) +
                           sse({{"type", "response.some_future_event"}, {"x", 1}}) + "data: [DONE]\n\n" +
                           sse({{"type", "after.done"}})};
    auto stream = f.open();
    auto all = events(*stream);
    REQUIRE(all.size() == 3);
    CHECK(all[1]["type"] == "mcp_list_tools");
    CHECK(all[2]["type"] == "response.some_future_event");
    CHECK(f.transport->body->cancelled);  // the rest is not read
}

TEST_CASE("response stream: a data {\"error\"} payload is thrown once, after the events before it") {
    StreamFixture f;
    f.transport->pieces = {delta("partial") + R"(data: {"error": {"message": "vLLM backend failed", "status_code": 503}})" +
                           "\n\n" + delta("never")};
    auto stream = f.open();
    json first = json::parse(runSync(stream->next()));
    REQUIRE(first.size() == 1);
    CHECK(first[0]["delta"] == "partial");
    auto error = expectError(stream->next());
    CHECK(error.code() == "SERVER_UNAVAILABLE");
    CHECK(error.info().mappedStatus == 503);
    CHECK(error.info().serverMessage == "vLLM backend failed");
    CHECK(std::string(error.what()) == "LlamaStack error on operation CreateResponseStream: vLLM backend failed");
    CHECK(f.transport->body->cancelled);
    CHECK(runSync(stream->next()) == "[]");  // exactly once
    CHECK(runSync(stream->next()) == "[]");
}

TEST_CASE("response stream: a type:error event is thrown; without status it is INTERNAL_ERROR") {
    StreamFixture f;
    f.transport->pieces = {sse({{"type", "error"}, {"code", "server_error"}, {"message", "model crashed"}, {"sequence_number", 3}})};
    auto stream = f.open();
    auto error = expectError(stream->next());
    CHECK(error.kind() == ErrorKind::Server);
    CHECK(error.code() == "INTERNAL_ERROR");
    CHECK(error.info().serverMessage == "model crashed");
    CHECK(runSync(stream->next()) == "[]");
}

TEST_CASE("response stream: a body cut mid-event, a dropped connection, or no final event is a typed error") {
    {
        StreamFixture f;
        f.transport->pieces = {delta("a") + "data: {\"type\":\"response.output_te"};
        auto stream = f.open();
        CHECK(json::parse(runSync(stream->next())).size() == 1);
        auto error = expectError(stream->next());
        CHECK(error.kind() == ErrorKind::Connection);
        CHECK(error.code() == "CONNECTION_FAILED");
        CHECK(error.info().mappedStatus == 502);
        CHECK(std::string(error.what()).find("in the middle of an event") != std::string::npos);
    }
    {
        StreamFixture f;
        f.transport->pieces = {delta("a"), delta("b")};
        f.transport->failAtEnd = true;
        auto stream = f.open();
        runSync(stream->next());
        runSync(stream->next());
        auto error = expectError(stream->next());
        CHECK(error.code() == "CONNECTION_FAILED");
        CHECK(std::string(error.what()).rfind("lost the connection to the LlamaStack server during operation "
                                              "CreateResponseStream: ", 0) == 0);
        CHECK(runSync(stream->next()) == "[]");
    }
    {
        StreamFixture f;
        f.transport->pieces = {delta("a") + delta("b")};  // ends cleanly, but never completes
        auto stream = f.open();
        runSync(stream->next());
        auto error = expectError(stream->next());
        CHECK(error.code() == "CONNECTION_FAILED");
        CHECK(std::string(error.what()).find("no response.completed") != std::string::npos);
    }
}

TEST_CASE("response stream: malformed event JSON is a ProtocolError") {
    StreamFixture f;
    f.transport->pieces = {"data: {not json}\n\n"};
    auto error = expectError(f.open()->next());
    CHECK(error.kind() == ErrorKind::Protocol);
    CHECK(error.code() == "INTERNAL_ERROR");
}

TEST_CASE("response stream: an HTTP error or a JSON answer fails the first read, once") {
    StreamFixture f;
    f.transport->status = 404;
    f.transport->contentType = "application/json";
    f.transport->pieces = {R"({"error":{"message":"model 'x' not found"}})"};
    auto stream = f.open();
    auto error = expectError(stream->next());
    CHECK(error.code() == "NOT_FOUND");
    CHECK(std::string(error.what()) == "LlamaStack error on operation CreateResponseStream: model 'x' not found");
    CHECK(runSync(stream->next()) == "[]");

    StreamFixture json200;
    json200.transport->contentType = "application/json";
    json200.transport->pieces = {R"({"id":"resp_1"})"};
    auto notStreamed = expectError(json200.open()->next());
    CHECK(notStreamed.kind() == ErrorKind::Protocol);
    CHECK(std::string(notStreamed.what()).find("\"stream\": true") != std::string::npos);
}

TEST_CASE("response stream: cancel stops the transfer; later reads end quietly") {
    StreamFixture f;
    f.transport->pieces = {delta("a"), delta("b"), completed()};
    auto stream = f.open();
    runSync(stream->next());
    stream->cancel();
    CHECK(f.transport->body->cancelled);
    CHECK(runSync(stream->next()) == "[]");
}

TEST_CASE("response stream parsing: multi-byte characters split at every byte give the same text") {
    const std::string text = "Grüße, 世界! 🦙 done";
    std::string body;
    for (const std::string word : {"Grüße,", " 世界!", " 🦙", " done"}) body += delta(word);
    body += completed(text);
    for (size_t size = 1; size <= 9; ++size) {
        CAPTURE(size);
        StreamFixture f;
        f.transport->pieces = splitEvery(body, size);
        auto all = events(*f.open());
        CHECK(joinedDeltas(all) == text);
        CHECK(all.back()["response"]["output"][0]["content"][0]["text"] == text);
    }
}

TEST_CASE("response stream parsing: CRLF, multi-line data, comments, event: lines and ids") {
    StreamFixture f;
    f.transport->pieces = {
        ": keep-alive\r\n\r\n"
        "event: response.output_text.delta\r\nid: 7\r\n"
        "data: {\"type\":\"response.output_text.delta\",\r\n"
        "data:  \"delta\":\"two\\nlines\"}\r\n\r\n",
        ":comment between events\n"
        "data:" + completed().substr(6)};
    auto all = events(*f.open());
    REQUIRE(all.size() == 2);
    CHECK(all[0]["delta"] == "two\nlines");
    CHECK(all[1]["type"] == "response.completed");
}

TEST_CASE("response stream parsing: an event larger than a chunk, and 5000 events in many chunks") {
    const std::string big(200000, 'x');
    StreamFixture f;
    f.transport->pieces = splitEvery(delta(big) + completed(), 16384);
    auto all = events(*f.open());
    REQUIRE(all.size() == 2);
    CHECK(all[0]["delta"].get<std::string>().size() == big.size());

    std::string body;
    std::string text;
    for (int i = 0; i < 5000; ++i) {
        const std::string piece = "t" + std::to_string(i % 10);
        text += piece;
        body += delta(piece);
    }
    body += completed(text);
    StreamFixture many;
    many.transport->pieces = splitEvery(body, 16384);
    auto stream = many.open();
    auto chunks = batches(*stream);
    CHECK(chunks.size() <= many.transport->pieces.size());  // never more crossings than chunks
    size_t count = 0;
    for (const auto& b : chunks) count += b.size();
    CHECK(count == 5001);
}
