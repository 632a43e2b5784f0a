// MCP over the legacy HTTP+SSE transport, against a scripted server that keeps its GET stream
// open: the endpoint event, POSTs, replies matched by id on the stream, replies that never come,
// the stream ending, and closing the client ending the stream.
#include <doctest/doctest.h>

#include "mcp/http_client.hpp"
#include "test_mcp_support.hpp"

using namespace genai;
using namespace genai::mcp;
using namespace genai::testing;
using nlohmann::json;

namespace {
constexpr const char* kUrl = "http://mcp.example.com:9090/v1/sse";

struct LegacyServer {
    std::shared_ptr<McpTestServer> transport = std::make_shared<McpTestServer>();
    std::shared_ptr<http::Pipe> stream;
    std::string endpointEvent = "event: endpoint\ndata: messages?sessionId=abc\n\n";
    bool answerTools = true;
    int gets = 0;

    LegacyServer() {
        transport->handler = [this](const http::Request& r, const json& body) -> TestReply {
            if (r.method == "GET") {
                ++gets;
                stream = http::Pipe::create();
                stream->write(endpointEvent);
                TestReply reply = TestReply::live(stream);
                return reply;
            }
            if (!body.contains("id") || !body.contains("method")) return TestReply::empty(202);
            json result;
            const std::string method = body["method"];
            if (method == "initialize")
                result = {{"protocolVersion", "2024-11-05"}, {"capabilities", json::object()}, {"serverInfo", {{"name", "legacy"}, {"version", "1"}}}};
            else if (method == "tools/list" && answerTools)
                result = {{"tools", {{{"name", "echo"}}}}};
            else if (method == "ping")
                result = json::object();
            else
                return TestReply::empty(202);  // accepted, never answered
            stream->write(sseMessage({{"jsonrpc", "2.0"}, {"id", body["id"]}, {"result", result}}));
            return TestReply::empty(202);
        };
    }
};

struct Fixture {
    LegacyServer server;
    std::shared_ptr<LoopRuntime> loop = std::make_shared<LoopRuntime>();
    std::unique_ptr<McpClient> client(double timeoutMs = 60000) {
        McpClientOptions options;
        options.server = ServerConfig{"legacy", kUrl, "sse", "", ""};
        options.timeoutMs = timeoutMs;
        options.mcpToken = Secret("mcp-token");
        return std::make_unique<HttpMcpClient>(server.transport, loop, std::move(options));
    }
    template <typename T>
    auto run(Task<T> task) {
        auto outcome = start(std::move(task));
        loop->runUntilIdle();
        return *outcome;
    }
};
}  // namespace

TEST_CASE("MCP SSE: GET, the endpoint resolved against the server URL, POSTs, replies matched on the stream") {
    Fixture f;
    auto client = f.client();
    auto tools = f.run(client->listTools({})).get();
    CHECK(tools[0]["name"] == "echo");
    const auto& requests = f.server.transport->requests;
    REQUIRE(requests.size() == 4);
    CHECK(requests[0].method == "GET");
    CHECK(requests[0].url == kUrl);
    CHECK(requests[0].headers.get("Accept") == "text/event-stream");
    CHECK(requests[0].headers.get("Authorization") == "Bearer mcp-token");
    for (size_t i = 1; i < 4; ++i) {
        CHECK(requests[i].method == "POST");
        CHECK(requests[i].url == "http://mcp.example.com:9090/v1/messages?sessionId=abc");
        CHECK(requests[i].headers.get("Content-Type") == "application/json");
        CHECK(requests[i].headers.get("Authorization") == "Bearer mcp-token");
        CHECK_FALSE(requests[i].headers.has("Mcp-Session-Id"));
    }
    CHECK(f.server.transport->methods() == std::vector<std::string>{"initialize", "notifications/initialized", "tools/list"});
    CHECK(f.run(client->getServerConfig({})).get()["serverInfo"]["name"] == "legacy");
    CHECK(f.server.gets == 1);

    // Closing the client ends the long-lived GET.
    REQUIRE_FALSE(f.server.stream->readerGone());
    f.run(client->close()).get();
    CHECK(f.server.stream->readerGone());
    CHECK(f.loop->pendingTimers() == 0);
}

TEST_CASE("MCP SSE: destroying the client ends the GET stream too") {
    Fixture f;
    auto client = f.client();
    f.run(client->listTools({})).get();
    auto stream = f.server.stream;
    client.reset();
    CHECK(stream->readerGone());
}

TEST_CASE("MCP SSE: a reply that never comes ends in a TimeoutError, not a hang") {
    Fixture f;
    auto client = f.client(300);
    Error e = f.run(client->callTool("never", {}, {})).failure();
    CHECK(e.kind() == ErrorKind::Timeout);
    CHECK(f.server.transport->methods().back() == "notifications/cancelled");
    // The stream is still up: other calls still work.
    CHECK(f.run(client->listTools({})).get().size() == 1);
    f.run(client->close()).get();
}

TEST_CASE("MCP SSE: a caller's abort while the reply is awaited on the stream") {
    Fixture f;
    auto client = f.client();
    auto signal = http::CancelSource::create();
    CallContext context;
    context.signal = signal;
    auto outcome = start(client->callTool("never", {}, context));
    f.loop->advance(50);
    REQUIRE_FALSE(outcome->done);
    signal->cancel();
    f.loop->runUntilIdle();
    CHECK(outcome->failure().kind() == ErrorKind::Abort);
    f.run(client->close()).get();
}

TEST_CASE("MCP SSE: the stream ending fails pending calls with ConnectionError; the next call reconnects") {
    Fixture f;
    auto client = f.client();
    auto outcome = start(client->callTool("never", {}, {}));
    f.loop->advance(10);
    REQUIRE_FALSE(outcome->done);
    f.server.stream->close();
    f.loop->runUntilIdle();
    Error e = outcome->failure();
    CHECK(e.kind() == ErrorKind::Connection);
    CHECK(e.info().message == "the server closed the SSE stream");
    CHECK(f.run(client->listTools({})).get().size() == 1);
    CHECK(f.server.gets == 2);
    f.run(client->close()).get();
}

TEST_CASE("MCP SSE: a bad endpoint event is a ProtocolError") {
    SUBCASE("not first") {
        Fixture f;
        f.server.endpointEvent = "event: message\ndata: {}\n\n";
        Error e = f.run(f.client()->listTools({})).failure();
        CHECK(e.kind() == ErrorKind::Protocol);
        CHECK(e.info().message == "missing endpoint: first event is \"message\", want \"endpoint\"");
        CHECK(f.server.stream->readerGone());
    }
    SUBCASE("another origin (the token must not go there)") {
        Fixture f;
        f.server.endpointEvent = "event: endpoint\ndata: https://evil.example.net/messages\n\n";
        Error e = f.run(f.client()->listTools({})).failure();
        CHECK(e.kind() == ErrorKind::Protocol);
        CHECK(f.server.transport->requests.size() == 1);
    }
    SUBCASE("the stream ends first") {
        Fixture f;
        f.server.endpointEvent = ": hello\n\n";
        auto client = f.client();
        auto outcome = start(client->listTools({}));
        f.loop->advance(10);
        REQUIRE_FALSE(outcome->done);
        f.server.stream->close();
        f.loop->runUntilIdle();
        CHECK(outcome->failure().info().message == "the SSE stream ended before its endpoint event");
    }
    SUBCASE("never comes: the call's time limit covers opening the stream") {
        Fixture f;
        f.server.endpointEvent = ": waiting\n\n";
        auto client = f.client(200);
        Error e = f.run(client->listTools({})).failure();
        CHECK(e.kind() == ErrorKind::Timeout);
        CHECK(f.server.stream->readerGone());
    }
}

TEST_CASE("MCP SSE: a message that is not JSON on the stream fails the pending call with ProtocolError") {
    Fixture f;
    auto client = f.client();
    auto outcome = start(client->callTool("never", {}, {}));
    f.loop->advance(10);
    f.server.stream->write("event: message\ndata: {broken\n\n");
    f.loop->runUntilIdle();
    CHECK(outcome->failure().kind() == ErrorKind::Protocol);
}

TEST_CASE("MCP SSE: HTTP errors of the GET and the POST are typed") {
    Fixture f;
    f.server.transport->handler = [](const http::Request& r, const json&) {
        return r.method == "GET" ? TestReply::json({{"error", "no such stream"}}, 404) : TestReply::empty(500);
    };
    Error e = f.run(f.client()->listTools({})).failure();
    CHECK(e.kind() == ErrorKind::NotFound);
    CHECK(e.code() == "not_found");
    CHECK(e.info().message == "HTTP 404: no such stream");

    Fixture g;
    auto client = g.client();
    g.run(client->listTools({})).get();
    auto base = g.server.transport->handler;
    g.server.transport->handler = [base](const http::Request& r, const json& body) {
        if (r.method == "POST") return TestReply::json({{"message", "overloaded"}}, 503);
        return base(r, body);
    };
    Error post = g.run(client->listTools({})).failure();
    CHECK(post.kind() == ErrorKind::Server);
    CHECK(post.code() == "server_error");
    g.run(client->close()).get();
}
