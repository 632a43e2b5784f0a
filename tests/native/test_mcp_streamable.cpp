// MCP over streamable HTTP, against a scripted server: the handshake, headers, JSON and SSE
// replies, progress, time limits, cancellation, session expiry, resumption of a cut stream,
// requests from the server, and every kind of bad reply.
#include <doctest/doctest.h>

#include "mcp/http_client.hpp"
#include "test_mcp_support.hpp"

using namespace genai;
using namespace genai::mcp;
using namespace genai::testing;
using nlohmann::json;

namespace {
constexpr const char* kUrl = "https://mcp.example.com/mcp";

json result(const json& request, json value) { return {{"jsonrpc", "2.0"}, {"id", request["id"]}, {"result", std::move(value)}}; }

// A streamable HTTP MCP server: answers initialize (with a session id) and notifications, and
// hands every other request to `onRequest`.
struct Server {
    std::shared_ptr<McpTestServer> transport = std::make_shared<McpTestServer>();
    std::string version = "2025-11-25";
    std::string sessionId = "session-1";
    int sessions = 0;
    std::function<TestReply(const json&, const http::Request&)> onRequest;

    Server() {
        transport->handler = [this](const http::Request& r, const json& body) -> TestReply {
            if (r.method == "DELETE") return TestReply::empty(200);
            if (r.method == "GET") return onRequest(json{{"method", "GET"}}, r);
            if (body.value("method", "") == "initialize") {
                ++sessions;
                return TestReply::json(result(body, {{"protocolVersion", version},
                                                     {"capabilities", {{"tools", json::object()}}},
                                                     {"serverInfo", {{"name", "test-server"}, {"version", "9.9"}}},
                                                     {"instructions", "be nice"}}))
                    .header("Mcp-Session-Id", sessionId);
            }
            if (!body.contains("id") || !body.contains("method")) return TestReply::empty(202);  // notification, reply
            return onRequest(body, r);
        };
    }
};

struct Fixture {
    Server server;
    std::shared_ptr<LoopRuntime> loop = std::make_shared<LoopRuntime>();
    std::unique_ptr<McpClient> client(McpClientOptions options = {}) {
        if (options.server.url.empty()) options.server = ServerConfig{"test", kUrl, "streamable-http", "", ""};
        return std::make_unique<HttpMcpClient>(server.transport, loop, std::move(options));
    }
    // Runs the task until the loop is idle; a copy of how it ended.
    template <typename T>
    auto run(Task<T> task) {
        auto outcome = start(std::move(task));
        loop->runUntilIdle();
        return *outcome;
    }
};

CallContext withProgress(std::vector<json>& seen) {
    CallContext context;
    context.onProgress = [&seen](const json& p) { seen.push_back(p); };
    return context;
}
}  // namespace

TEST_CASE("MCP streamable: initialize, notifications/initialized, then the call, with the protocol headers") {
    Fixture f;
    f.server.onRequest = [](const json& body, const http::Request&) {
        return TestReply::json(result(body, {{"tools", {{{"name", "echo"}, {"inputSchema", {{"type", "object"}}}}}}}));
    };
    auto client = f.client();
    auto tools = f.run(client->listTools({})).get();
    CHECK(tools.size() == 1);
    CHECK(tools[0]["name"] == "echo");
    REQUIRE(f.server.transport->methods() == std::vector<std::string>{"initialize", "notifications/initialized", "tools/list"});

    const auto& init = f.server.transport->requests[0];
    CHECK(init.method == "POST");
    CHECK(init.url == kUrl);
    CHECK(init.headers.get("Accept") == "application/json, text/event-stream");
    CHECK(init.headers.get("Content-Type") == "application/json");
    CHECK_FALSE(init.headers.has("Mcp-Session-Id"));
    CHECK_FALSE(init.headers.has("MCP-Protocol-Version"));
    CHECK_FALSE(init.headers.has("Authorization"));
    json initBody = json::parse(init.body);
    CHECK(initBody["id"] == 1);
    CHECK(initBody["jsonrpc"] == "2.0");
    CHECK(initBody["params"] == json{{"protocolVersion", "2025-11-25"},
                                     {"capabilities", json::object()},
                                     {"clientInfo", {{"name", "llama-stack-bff-client"}, {"version", "v1.0.0"}}}});
    CHECK(json::parse(f.server.transport->requests[1].body) ==
          json{{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}, {"params", json::object()}});
    for (size_t i : {1, 2}) {
        CHECK(f.server.transport->requests[i].headers.get("Mcp-Session-Id") == "session-1");
        CHECK(f.server.transport->requests[i].headers.get("MCP-Protocol-Version") == "2025-11-25");
    }
    CHECK(json::parse(f.server.transport->requests[2].body)["id"] == 2);

    // One session for the client: the next call goes straight to the server.
    f.run(client->listTools({})).get();
    CHECK(f.server.transport->methods().size() == 4);
    f.run(client->close()).get();
    CHECK(f.server.transport->requests.back().method == "DELETE");
    CHECK(f.server.transport->requests.back().headers.get("Mcp-Session-Id") == "session-1");
    CHECK(f.loop->pendingTimers() == 0);
}

TEST_CASE("MCP streamable: the bearer MCP token goes only where one is given; client headers are added") {
    Fixture f;
    f.server.onRequest = [](const json& body, const http::Request&) { return TestReply::json(result(body, {{"tools", json::array()}})); };
    McpClientOptions options;
    options.mcpToken = Secret("mcp-secret-token");
    options.headers.set("X-Trace", "abc");
    auto client = f.client(options);
    f.run(client->listTools({})).get();
    for (const auto& r : f.server.transport->requests) {
        CHECK(r.headers.get("Authorization") == "Bearer mcp-secret-token");
        CHECK(r.headers.get("X-Trace") == "abc");
    }
}

TEST_CASE("MCP streamable: getServerConfig is the initialize result; older versions are accepted") {
    Fixture f;
    f.server.version = "2025-03-26";
    auto config = f.run(f.client()->getServerConfig({})).get();
    CHECK(config["protocolVersion"] == "2025-03-26");
    CHECK(config["serverInfo"]["name"] == "test-server");
    CHECK(config["instructions"] == "be nice");
    CHECK(f.server.transport->requests[1].headers.get("MCP-Protocol-Version") == "2025-03-26");
}

TEST_CASE("MCP streamable: an unsupported protocol version is a clear error and ends the session") {
    Fixture f;
    f.server.version = "2023-01-01";
    Error e = f.run(f.client()->listTools({})).failure();
    CHECK(e.code() == "UNSUPPORTED_PROTOCOL_VERSION");
    CHECK(e.kind() == ErrorKind::Protocol);
    CHECK(e.info().message ==
          "unsupported protocol version \"2023-01-01\": this client speaks 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05");
    CHECK(f.server.transport->requests.back().method == "DELETE");
    CHECK(f.server.transport->methods() == std::vector<std::string>{"initialize"});
}

TEST_CASE("MCP streamable: an SSE reply is read until the response, delivering progress on the way") {
    Fixture f;
    f.server.onRequest = [](const json& body, const http::Request&) {
        const json token = body["params"]["_meta"]["progressToken"];
        json progress = {{"jsonrpc", "2.0"},
                         {"method", "notifications/progress"},
                         {"params", {{"progressToken", token}, {"progress", 1}, {"total", 2}}}};
        json log = {{"jsonrpc", "2.0"}, {"method", "notifications/message"}, {"params", {{"level", "info"}}}};
        return TestReply::sse(": comment\n\n" + sseMessage(progress, "e1") + sseMessage(log, "e2") +
                              sseMessage(result(body, {{"content", {{{"type", "text"}, {"text", "done"}}}}}), "e3") +
                              sseMessage(progress, "e4"));
    };
    std::vector<json> seen;
    auto out = f.run(f.client()->callTool("echo", json{{"message", "hi"}}, withProgress(seen))).get();
    CHECK(out["content"][0]["text"] == "done");
    CHECK(out["isError"] == false);
    REQUIRE(seen.size() == 1);
    CHECK(seen[0]["progress"] == 1);
    CHECK(seen[0]["total"] == 2);
    json sent = json::parse(f.server.transport->requests[2].body);
    CHECK(sent["params"]["name"] == "echo");
    CHECK(sent["params"]["arguments"] == json{{"message", "hi"}});
    CHECK(sent["params"]["_meta"]["progressToken"] == sent["id"]);
}

TEST_CASE("MCP streamable: callTool keeps structuredContent and isError; validation comes before any request") {
    Fixture f;
    f.server.onRequest = [](const json& body, const http::Request&) {
        return TestReply::json(result(body, {{"content", json::array()}, {"structuredContent", {{"sum", 3}}}, {"isError", true}}));
    };
    auto client = f.client();
    auto out = f.run(client->callTool("get-sum", json{{"a", 1}, {"b", 2}}, {})).get();
    CHECK(out["structuredContent"] == json{{"sum", 3}});
    CHECK(out["isError"] == true);
    CHECK(f.server.transport->requests.size() == 3);

    Fixture g;
    auto c = g.client();
    CHECK(g.run(c->callTool("", json::object(), {})).failure().info().message == "tool name is required");
    CHECK(g.run(c->callTool("x", json::array(), {})).failure().kind() == ErrorKind::Validation);
    auto bad = g.client(McpClientOptions{ServerConfig{"x", "ftp://nope", "", "", ""}});
    CHECK(g.run(bad->listTools({})).failure().kind() == ErrorKind::Validation);
    CHECK(g.run(bad->checkConnectionStatus({})).failure().kind() == ErrorKind::Validation);
    CHECK(g.server.transport->requests.empty());
}

TEST_CASE("MCP streamable: JSON-RPC errors become typed errors with code and message") {
    Fixture f;
    f.server.onRequest = [](const json& body, const http::Request&) {
        return TestReply::sse(sseMessage(
            {{"jsonrpc", "2.0"}, {"id", body["id"]}, {"error", {{"code", -32601}, {"message", "Method not found"}}}}));
    };
    Error e = f.run(f.client()->listTools({})).failure();
    CHECK(e.kind() == ErrorKind::NotFound);
    CHECK(e.code() == "METHOD_NOT_FOUND");
    CHECK(e.info().serverType == "-32601");
    CHECK(e.info().operation == "listTools");
}

TEST_CASE("MCP streamable: HTTP failures are typed; the token never appears in the error") {
    Fixture f;
    f.server.transport->handler = [](const http::Request&, const json&) {
        return TestReply::json({{"error", "token Bearer mcp-secret-token-123 is not valid"}}, 401);
    };
    McpClientOptions options;
    options.mcpToken = Secret("mcp-secret-token-123");
    Error e = f.run(f.client(options)->listTools({})).failure();
    CHECK(e.kind() == ErrorKind::Authentication);
    CHECK(e.code() == "unauthorized");
    CHECK(e.info().mappedStatus == 401);
    CHECK(e.status() == 401);
    CHECK(std::string(e.what()).find("mcp-secret-token-123") == std::string::npos);
    CHECK(e.info().message.rfind("HTTP 401: ", 0) == 0);

    f.server.transport->handler = [](const http::Request&, const json&) {
        TestReply r = TestReply::empty(0);
        r.failure = ErrorKind::Connection;
        return r;
    };
    Error down = f.run(f.client()->listTools({})).failure();
    CHECK(down.kind() == ErrorKind::Connection);
    CHECK(down.code() == "CONNECTION_FAILED");
    CHECK(down.info().mappedStatus == 503);
}

TEST_CASE("MCP streamable: malformed replies are protocol errors, and the client keeps working") {
    Fixture f;
    int call = 0;
    f.server.onRequest = [&call](const json& body, const http::Request&) {
        switch (call++) {
            case 0: return TestReply::json(json("not an object"));
            case 1: return TestReply{200, {{"Content-Type", "application/json"}}, "{not json", nullptr, std::nullopt};
            case 2: return TestReply{200, {{"Content-Type", "text/html"}}, "<html>", nullptr, std::nullopt};
            case 3: return TestReply::sse("data: {oops\n\n");
            case 4: return TestReply::json(result(json{{"id", 999}}, json::object()));
            case 5: return TestReply::json(result(body, {{"tools", 3}}));
            default: return TestReply::json(result(body, {{"tools", json::array()}}));
        }
    };
    auto client = f.client();
    CHECK(f.run(client->callTool("x", {}, {})).failure().kind() == ErrorKind::Protocol);
    Error notJson = f.run(client->listTools({})).failure();
    CHECK(notJson.kind() == ErrorKind::Protocol);
    CHECK(notJson.info().message.find("not JSON") != std::string::npos);
    CHECK(f.run(client->listTools({})).failure().info().message == "unsupported content type \"text/html\"");
    CHECK(f.run(client->listTools({})).failure().kind() == ErrorKind::Protocol);
    CHECK(f.run(client->listTools({})).failure().info().message.find("does not contain its response") != std::string::npos);
    CHECK(f.run(client->listTools({})).failure().info().message == "the tools/list result has no tools array");
    CHECK(f.run(client->listTools({})).get().empty());
    CHECK(f.loop->pendingTimers() == 0);
}

TEST_CASE("MCP streamable: listTools follows nextCursor to the end, with a page cap and a loop guard") {
    Fixture f;
    f.server.onRequest = [](const json& body, const http::Request&) {
        const std::string cursor = body["params"].value("cursor", "");
        if (cursor.empty()) return TestReply::json(result(body, {{"tools", {{{"name", "a"}}}}, {"nextCursor", "p2"}}));
        if (cursor == "p2") return TestReply::json(result(body, {{"tools", {{{"name", "b"}}, {{"name", "c"}}}}, {"nextCursor", "p3"}}));
        return TestReply::json(result(body, {{"tools", {{{"name", "d"}}}}}));
    };
    auto tools = f.run(f.client()->listTools({})).get();
    CHECK(tools.size() == 4);
    CHECK(tools[3]["name"] == "d");

    McpClientOptions capped;
    capped.maxToolPages = 2;
    CHECK(f.run(f.client(capped)->listTools({})).failure().info().message ==
          "tools/list has more than 2 pages (raise maxToolPages)");

    Fixture loop;
    loop.server.onRequest = [](const json& body, const http::Request&) {
        return TestReply::json(result(body, {{"tools", json::array()}, {"nextCursor", "same"}}));
    };
    CHECK(loop.run(loop.client()->listTools({})).failure().info().message == "tools/list returned the same cursor twice");
}

TEST_CASE("MCP streamable: a call with no answer times out, sends notifications/cancelled, and the client goes on") {
    Fixture f;
    std::vector<std::shared_ptr<http::Pipe>> open;
    f.server.onRequest = [&open](const json& body, const http::Request&) {
        if (body["method"] == "ping") return TestReply::json(result(body, json::object()));
        auto pipe = http::Pipe::create();
        open.push_back(pipe);
        return TestReply::live(pipe);
    };
    McpClientOptions options;
    options.timeoutMs = 500;
    auto client = f.client(options);
    auto outcome = start(client->callTool("slow", {}, {}));
    f.loop->runUntilIdle();
    Error e = outcome->failure();
    CHECK(e.kind() == ErrorKind::Timeout);
    CHECK(e.code() == "TIMEOUT");
    CHECK(e.info().message == "the MCP request timed out: no reply or progress for 500 ms");
    auto methods = f.server.transport->methods();
    REQUIRE(methods.back() == "notifications/cancelled");
    json cancel = json::parse(f.server.transport->requests.back().body);
    CHECK(cancel["params"]["requestId"] == 2);  // initialize was 1
    CHECK(cancel["params"]["reason"] == "the request timed out");
    CHECK(open[0]->readerGone());
    CHECK(f.loop->pendingTimers() == 0);
}

TEST_CASE("MCP streamable: progress restarts the time limit") {
    Fixture f;
    std::shared_ptr<http::Pipe> pipe = http::Pipe::create();
    json request;
    f.server.onRequest = [&](const json& body, const http::Request&) {
        request = body;
        return TestReply::live(pipe);
    };
    McpClientOptions options;
    options.timeoutMs = 500;
    auto client = f.client(options);
    std::vector<json> seen;
    auto outcome = start(client->callTool("long", {}, withProgress(seen)));
    auto progress = [&](int n) {
        pipe->write(sseMessage({{"jsonrpc", "2.0"},
                                {"method", "notifications/progress"},
                                {"params", {{"progressToken", request["params"]["_meta"]["progressToken"]}, {"progress", n}}}}));
    };
    for (int step = 1; step <= 4; ++step) {
        f.loop->advance(400);  // 1600 ms in all, never 500 ms of silence
        REQUIRE_FALSE(outcome->done);
        progress(step);
    }
    pipe->write(sseMessage(result(request, {{"content", json::array()}})));
    f.loop->runUntilIdle();
    CHECK(outcome->get()["isError"] == false);
    CHECK(seen.size() == 4);
    CHECK(f.loop->clockMs - 1'700'000'000'000.0 == doctest::Approx(1600));
}

TEST_CASE("MCP streamable: aborting a call sends notifications/cancelled and rejects with AbortError") {
    Fixture f;
    std::shared_ptr<http::Pipe> pipe = http::Pipe::create();
    f.server.onRequest = [&](const json& body, const http::Request&) {
        if (body["method"] == "tools/call") return TestReply::live(pipe);
        return TestReply::json(result(body, {{"tools", json::array()}}));
    };
    auto client = f.client();
    auto signal = http::CancelSource::create();
    CallContext context;
    context.signal = signal;
    auto outcome = start(client->callTool("long", {}, context));
    f.loop->advance(100);
    REQUIRE_FALSE(outcome->done);
    signal->cancel();
    f.loop->runUntilIdle();
    Error e = outcome->failure();
    CHECK(e.kind() == ErrorKind::Abort);
    CHECK(e.code() == "ABORTED");
    json cancel = json::parse(f.server.transport->requests.back().body);
    CHECK(cancel["method"] == "notifications/cancelled");
    CHECK(cancel["params"]["reason"] == "the request was aborted");
    // The session is still there: the next call works.
    CHECK(f.run(client->listTools({})).get().empty());

    auto already = http::CancelSource::create();
    already->cancel();
    CallContext aborted;
    aborted.signal = already;
    const size_t before = f.server.transport->requests.size();
    CHECK(f.run(client->listTools(aborted)).failure().kind() == ErrorKind::Abort);
    CHECK(f.server.transport->requests.size() == before);
}

TEST_CASE("MCP streamable: a 404 for the session brings one new initialize, then the call again") {
    Fixture f;
    int toolCalls = 0;
    f.server.onRequest = [&](const json& body, const http::Request& r) {
        if (r.headers.get("Mcp-Session-Id") == "session-1") return TestReply::json({{"error", "Session not found"}}, 404);
        ++toolCalls;
        return TestReply::json(result(body, {{"tools", json::array()}}));
    };
    auto client = f.client();
    f.server.sessionId = "session-1";
    f.run(client->getServerConfig({})).get();
    f.server.sessionId = "session-2";
    CHECK(f.run(client->listTools({})).get().empty());
    CHECK(f.server.sessions == 2);
    CHECK(toolCalls == 1);
    CHECK(f.server.transport->methods() ==
          std::vector<std::string>{"initialize", "notifications/initialized", "tools/list", "initialize",
                                   "notifications/initialized", "tools/list"});
    CHECK(f.server.transport->requests.back().headers.get("Mcp-Session-Id") == "session-2");
}

TEST_CASE("MCP streamable: the SDK's 400 'No valid session ID' also counts as an expired session; twice is an error") {
    Fixture f;
    f.server.onRequest = [&](const json&, const http::Request&) {
        return TestReply::json({{"jsonrpc", "2.0"},
                                {"error", {{"code", -32000}, {"message", "Bad Request: No valid session ID provided"}}},
                                {"id", nullptr}},
                               400);
    };
    Error e = f.run(f.client()->listTools({})).failure();
    CHECK(e.kind() == ErrorKind::BadRequest);
    CHECK(e.info().message == "HTTP 400: Bad Request: No valid session ID provided");
    CHECK(f.server.sessions == 2);
}

TEST_CASE("MCP streamable: a cut stream is resumed after the server's retry delay with Last-Event-ID") {
    Fixture f;
    json pending;
    f.server.onRequest = [&](const json& body, const http::Request& r) {
        if (body["method"] == "GET") {
            CHECK(r.headers.get("Last-Event-ID") == "e-1");
            CHECK(r.headers.get("Accept") == "text/event-stream");
            CHECK(r.headers.get("Mcp-Session-Id") == "session-1");
            return TestReply::sse("id: e-2\nretry: 500\ndata:\n\n" + sseMessage(result(pending, {{"content", json::array()}}), "e-3"));
        }
        pending = body;
        return TestReply::sse("id: e-1\nretry: 500\ndata: \n\n");  // priming event, then the server closes
    };
    auto out = f.run(f.client()->callTool("test_reconnection", {}, {}));
    CHECK(out.get()["content"] == json::array());
    CHECK(f.loop->sleeps.size() >= 1);
    CHECK(std::count(f.loop->sleeps.begin(), f.loop->sleeps.end(), 500.0) == 1);
    int gets = 0;
    for (const auto& r : f.server.transport->requests) gets += r.method == "GET";
    CHECK(gets == 1);
}

TEST_CASE("MCP streamable: a stream cut without an event id cannot be resumed: ConnectionError") {
    Fixture f;
    f.server.onRequest = [](const json&, const http::Request&) { return TestReply::sse(": nothing\n\n"); };
    Error e = f.run(f.client()->listTools({})).failure();
    CHECK(e.kind() == ErrorKind::Connection);
    CHECK(e.info().message == "the server closed the stream before answering tools/list");
}

TEST_CASE("MCP streamable: a stream that keeps ending without news is given up after a few reconnects") {
    Fixture f;
    f.server.onRequest = [](const json&, const http::Request&) { return TestReply::sse("id: same\nretry: 10\ndata:\n\n"); };
    Error e = f.run(f.client()->listTools({})).failure();
    CHECK(e.kind() == ErrorKind::Connection);
    CHECK(e.info().message == "the stream answering tools/list could not be resumed");
    CHECK(f.loop->sleeps.size() >= 5);
}

TEST_CASE("MCP streamable: a 202 to a request means the reply comes on a GET stream") {
    Fixture f;
    json pending;
    f.server.onRequest = [&](const json& body, const http::Request& r) {
        if (body["method"] == "GET") {
            CHECK_FALSE(r.headers.has("Last-Event-ID"));
            return TestReply::sse(sseMessage(result(pending, {{"tools", json::array()}}), "g1"));
        }
        pending = body;
        return TestReply::empty(202);
    };
    CHECK(f.run(f.client()->listTools({})).get().empty());
}

TEST_CASE("MCP streamable: the server's ping and elicitation requests are answered; others get -32601") {
    Fixture f;
    f.server.onRequest = [](const json& body, const http::Request&) {
        if (body["method"] == "GET") return TestReply::empty(405);  // no standalone stream here
        json ping = {{"jsonrpc", "2.0"}, {"id", "s1"}, {"method", "ping"}};
        json elicit = {{"jsonrpc", "2.0"},
                       {"id", "s2"},
                       {"method", "elicitation/create"},
                       {"params",
                        {{"message", "who?"},
                         {"requestedSchema",
                          {{"type", "object"}, {"properties", {{"name", {{"type", "string"}, {"default", "John Doe"}}}}}}}}}};
        json roots = {{"jsonrpc", "2.0"}, {"id", 7}, {"method", "roots/list"}};
        return TestReply::sse(sseMessage(ping) + sseMessage(elicit) + sseMessage(roots) +
                              sseMessage(result(body, {{"content", json::array()}})));
    };
    McpClientOptions options;
    json asked;
    options.onElicitation = [&asked](json params) -> Task<json> {
        asked = params;
        co_return json{{"action", "accept"}, {"content", json::object()}};
    };
    auto client = f.client(options);
    f.run(client->callTool("elicit", {}, {})).get();
    CHECK(asked["message"] == "who?");
    json init = json::parse(f.server.transport->requests[0].body);
    CHECK(init["params"]["capabilities"] == json{{"elicitation", json::object()}});
    std::vector<json> replies;
    for (const auto& r : f.server.transport->requests) {
        json b = json::parse(r.body.empty() ? "null" : r.body, nullptr, false);
        if (b.is_object() && !b.contains("method")) replies.push_back(b);
    }
    REQUIRE(replies.size() == 3);
    CHECK(replies[0] == json{{"jsonrpc", "2.0"}, {"id", "s1"}, {"result", json::object()}});
    CHECK(replies[1]["result"] == json{{"action", "accept"}, {"content", {{"name", "John Doe"}}}});
    CHECK(replies[2]["error"]["code"] == -32601);
    CHECK(replies[2]["id"] == 7);
}

TEST_CASE("MCP streamable: concurrent first calls share one initialize") {
    Fixture f;
    f.server.onRequest = [](const json& body, const http::Request&) { return TestReply::json(result(body, {{"tools", json::array()}})); };
    auto client = f.client();
    auto a = start(client->listTools({}));
    auto b = start(client->getServerConfig({}));
    f.loop->runUntilIdle();
    a->get();
    b->get();
    CHECK(f.server.sessions == 1);
}

TEST_CASE("MCP streamable: request() sends any other method; the lifecycle methods are the client's own") {
    Fixture f;
    f.server.onRequest = [](const json& body, const http::Request&) {
        return TestReply::json(result(body, {{"echo", body["method"]}, {"params", body["params"]}}));
    };
    auto client = f.client();
    json out = f.run(client->request("resources/list", json{{"cursor", "c"}}, {})).get();
    CHECK(out == json{{"echo", "resources/list"}, {"params", {{"cursor", "c"}}}});
    CHECK(f.run(client->request("ping", nullptr, {})).get()["params"] == json::object());
    CHECK(f.run(client->request("initialize", {}, {})).failure().kind() == ErrorKind::Validation);
    CHECK(f.run(client->request("notifications/x", {}, {})).failure().kind() == ErrorKind::Validation);
    CHECK(f.run(client->request("", {}, {})).failure().info().message == "method is required");
    CHECK(f.run(client->request("x", json::array(), {})).failure().info().message == "params must be an object");
}

TEST_CASE("MCP streamable: with an elicitation handler a standalone GET stream carries the server's requests") {
    Fixture f;
    std::shared_ptr<http::Pipe> standalone = http::Pipe::create();
    int gets = 0;
    f.server.onRequest = [&](const json& body, const http::Request& r) {
        if (body["method"] == "GET") {
            ++gets;
            CHECK(r.headers.get("Mcp-Session-Id") == "session-1");
            CHECK_FALSE(r.headers.has("Last-Event-ID"));
            return TestReply::live(standalone);
        }
        return TestReply::json(result(body, {{"tools", json::array()}}));
    };
    McpClientOptions options;
    int asked = 0;
    options.onElicitation = [&asked](json) -> Task<json> {
        ++asked;
        co_return json{{"action", "decline"}};
    };
    auto client = f.client(options);
    f.run(client->listTools({})).get();
    CHECK(gets == 1);
    standalone->write(sseMessage({{"jsonrpc", "2.0"}, {"id", 9}, {"method", "elicitation/create"}, {"params", json::object()}}, "g1"));
    f.loop->advance(1);
    CHECK(asked == 1);
    json reply = json::parse(f.server.transport->requests.back().body);
    CHECK(reply == json{{"jsonrpc", "2.0"}, {"id", 9}, {"result", {{"action", "decline"}}}});
    // Closing the client ends the standalone stream.
    f.run(client->close()).get();
    CHECK(standalone->readerGone());
    CHECK(f.loop->pendingTimers() == 0);
}

TEST_CASE("MCP streamable: a standalone stream cut by the server is resumed with Last-Event-ID; 405 stops it") {
    Fixture f;
    int gets = 0;
    std::vector<std::string> lastIds;
    f.server.onRequest = [&](const json& body, const http::Request& r) {
        if (body["method"] == "GET") {
            ++gets;
            lastIds.push_back(r.headers.get("Last-Event-ID").value_or(""));
            if (gets == 1) return TestReply::sse("id: a1\nretry: 250\ndata:\n\n");
            return TestReply::empty(405);
        }
        return TestReply::json(result(body, {{"tools", json::array()}}));
    };
    McpClientOptions options;
    options.onElicitation = [](json) -> Task<json> { co_return json{{"action", "cancel"}}; };
    auto client = f.client(options);
    f.run(client->listTools({})).get();
    CHECK(gets == 2);
    CHECK(lastIds == std::vector<std::string>{"", "a1"});
    CHECK(std::count(f.loop->sleeps.begin(), f.loop->sleeps.end(), 250.0) == 1);
}
