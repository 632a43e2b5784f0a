// MCP pure parts: JSON-RPC classification and errors, the mapMCPError table, HTTP failure text,
// schema reduction, status objects, server configuration and the ConfigMap parser, elicitation.
#include <doctest/doctest.h>

#include "core/fixtures.hpp"
#include "mcp/client.hpp"
#include "mcp/elicitation.hpp"
#include "mcp/errors.hpp"
#include "mcp/jsonrpc.hpp"
#include "mcp/server_config.hpp"
#include "mcp/status.hpp"

using namespace genai;
using namespace genai::mcp;
using nlohmann::json;

TEST_CASE("MCP JSON-RPC: messages are built with integer ids and classified") {
    CHECK(makeRequest(7, "tools/list", json::object()) ==
          json{{"jsonrpc", "2.0"}, {"id", 7}, {"method", "tools/list"}, {"params", json::object()}});
    CHECK(makeNotification("notifications/initialized", nullptr) ==
          json{{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
    CHECK(classify(json{{"jsonrpc", "2.0"}, {"id", 1}, {"result", json::object()}}) == MessageKind::Response);
    CHECK(classify(json{{"jsonrpc", "2.0"}, {"id", 1}, {"error", {{"code", -1}, {"message", "x"}}}}) == MessageKind::Response);
    CHECK(classify(json{{"jsonrpc", "2.0"}, {"id", "a"}, {"method", "ping"}}) == MessageKind::Request);
    CHECK(classify(json{{"jsonrpc", "2.0"}, {"method", "notifications/progress"}}) == MessageKind::Notification);
    CHECK(classify(json::array()) == MessageKind::Invalid);
    CHECK(classify(json{{"method", 3}}) == MessageKind::Invalid);
    CHECK(isResponseTo(json{{"id", 3}, {"result", 1}}, 3));
    CHECK_FALSE(isResponseTo(json{{"id", 3}, {"result", 1}}, 4));
    CHECK_FALSE(isResponseTo(json{{"id", "3"}, {"result", 1}}, 3));
    CHECK(isSupportedProtocolVersion("2024-11-05"));
    CHECK_FALSE(isSupportedProtocolVersion("2099-01-01"));
}

TEST_CASE("MCP JSON-RPC: error responses become typed errors carrying code and message") {
    Error e = rpcError(json{{"code", -32601}, {"message", "Method not found"}}, "callTool");
    CHECK(e.kind() == ErrorKind::NotFound);
    CHECK(e.code() == "METHOD_NOT_FOUND");
    CHECK(e.info().serverType == "-32601");
    CHECK(e.info().serverMessage == "Method not found");
    CHECK(e.info().message == "MCP error -32601: Method not found");
    CHECK(e.info().service == "mcp");
    CHECK(rpcError(json{{"code", -32602}, {"message", "bad"}}, "x").kind() == ErrorKind::BadRequest);
    CHECK(rpcError(json{{"code", -32603}, {"message", "boom"}}, "x").kind() == ErrorKind::Server);
    Error custom = rpcError(json{{"code", -32042}, {"message", "Bearer abcdefghijklmnop"}}, "x");
    CHECK(custom.code() == "JSONRPC_ERROR");
    CHECK(custom.info().message.find("abcdefghijklmnop") == std::string::npos);
    CHECK(rpcError(json::object(), "x").info().message == "MCP error 0: (no message)");
}

TEST_CASE("MCP errors: the mapMCPError table, first match wins") {
    struct Row {
        const char* text;
        const char* code;
        int status;
        const char* message;
    } rows[] = {
        {"dial tcp: connection refused", "CONNECTION_FAILED", 503, "Server is not reachable"},
        {"context deadline: timeout", "TIMEOUT", 408, "Request timed out"},
        {"HTTP 401: nope", "unauthorized", 401, "Authentication failed"},
        {"got 401", "unauthorized", 401, "Authentication failed"},
        {"HTTP 403: no", "forbidden", 403, "Access denied"},
        {"HTTP 404: gone", "not_found", 404, "Server endpoint not found"},
        {"HTTP 400: bad", "bad_request", 400, "Invalid request format or parameters"},
        {"HTTP 502: upstream", "server_error", 500, "MCP server internal error"},
        {"internal server error", "server_error", 500, "MCP server internal error"},
        {"request unauthorized", "unauthorized", 401, "Authentication failed"},
        {"forbidden", "forbidden", 403, "Access denied"},
        {"Method not found", "not_found", 404, "Server endpoint not found"},
        {"bad request", "bad_request", 400, "Invalid request format or parameters"},
        {"something else", "internal_error", 500, "MCP operation failed: something else"},
        {"HTTP 401 timeout", "TIMEOUT", 408, "Request timed out"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        McpFailure f = mapMcpErrorText(row.text);
        CHECK(std::string(f.code) == row.code);
        CHECK(f.status == row.status);
        CHECK(f.describe(row.text) == row.message);
    }
    ErrorInfo network;
    network.kind = ErrorKind::Connection;
    network.message = "failed to connect: fetch failed (ENOTFOUND)";
    CHECK(std::string(mapMcpError(Error(network)).code) == "CONNECTION_FAILED");
    ErrorInfo slow;
    slow.kind = ErrorKind::Timeout;
    slow.message = "the request timed out after 5 ms";
    CHECK(std::string(mapMcpError(Error(slow)).code) == "TIMEOUT");
}

TEST_CASE("MCP errors: HTTP failures read as the upstream transport words them") {
    CHECK(httpFailureText(401, R"({"error":"invalid token"})") == "HTTP 401: invalid token");
    CHECK(httpFailureText(403, R"({"message":"denied"})") == "HTTP 403: denied");
    CHECK(httpFailureText(422, R"({"detail":"bad field"})") == "HTTP 422: bad field");
    CHECK(httpFailureText(400, R"({"jsonrpc":"2.0","error":{"code":-32000,"message":"Bad Request: No valid session ID provided"},"id":null})") ==
          "HTTP 400: Bad Request: No valid session ID provided");
    CHECK(httpFailureText(500, "plain text") == "HTTP 500: plain text");
    CHECK(httpFailureText(502, "") == "HTTP 502: (empty body)");
    CHECK(httpFailureText(401, "Bearer sk-0123456789abcdefghij rejected").find("0123456789abcdef") == std::string::npos);
    Error e = httpError(401, R"({"error":"invalid token"})", "listTools");
    CHECK(e.kind() == ErrorKind::Authentication);
    CHECK(e.code() == "unauthorized");
    CHECK(e.info().mappedStatus == 401);
    CHECK(e.status() == 401);
    CHECK(httpError(503, "", "x").code() == "server_error");
    CHECK(httpError(405, "", "x").kind() == ErrorKind::Api);
}

TEST_CASE("MCP status: schemas are reduced to type, title, description, properties, required, enum") {
    json schema = {{"type", "object"},
                   {"$schema", "https://json-schema.org/draft/2020-12/schema"},
                   {"additionalProperties", false},
                   {"properties",
                    {{"mode", {{"type", "string"}, {"enum", {"a", "b"}}, {"default", "a"}}},
                     {"either", {{"type", {"string", "null"}}, {"title", "Either"}}},
                     {"nested", {{"type", "object"}, {"properties", {{"x", {{"type", "number"}, {"minimum", 0}}}}}}}}},
                   {"required", {"mode", 3}}};
    CHECK(reduceSchema(schema) ==
          json{{"type", "object"},
               {"properties",
                {{"mode", {{"type", "string"}, {"enum", {"a", "b"}}}},
                 {"either", {{"title", "Either"}}},
                 {"nested", {{"type", "object"}, {"properties", {{"x", {{"type", "number"}}}}}}}}},
               {"required", {"mode"}}});
    CHECK(reduceSchema(nullptr) == json::object());
    CHECK(reduceTool(json{{"name", "t"}, {"title", "T"}}) ==
          json{{"name", "t"}, {"description", ""}, {"input_schema", json::object()}});
}

TEST_CASE("MCP status: objects of §4.1 with failures inside, server_info falling back to the ConfigMap key") {
    ServerConfig server{"brave", "http://localhost:9090/sse", "sse", "", ""};
    StatusContext before{server, 1700000000.9, std::nullopt};
    ErrorInfo refused;
    refused.kind = ErrorKind::Connection;
    refused.message = "failed to connect: connection refused";
    json down = connectionErrorStatus(before, Error(refused));
    CHECK(down == json{{"server_url", "http://localhost:9090/sse"},
                       {"status", "error"},
                       {"message", "Server is not reachable"},
                       {"last_checked", 1700000000},
                       {"server_info", {{"name", "brave"}, {"version", "N/A"}, {"protocol_version", ""}}},
                       {"error_details",
                        {{"code", "CONNECTION_FAILED"}, {"status_code", 503}, {"raw_error", "failed to connect: connection refused"}}}});
    CHECK(toolsErrorStatus(before, Error(refused))["tools"] == json::array());
    CHECK_FALSE(toolsErrorStatus(before, Error(refused)).contains("tools_count"));

    StatusContext after{server, 1700000000, json{{"protocolVersion", "2024-11-05"}, {"serverInfo", {{"name", "brave-search"}}}}};
    json up = connectedStatus(after, 25);
    CHECK(up["status"] == "connected");
    CHECK(up["message"] == "Connection successful");
    CHECK(up["ping_response_time_ms"] == 25);
    CHECK(up["server_info"] == json{{"name", "brave-search"}, {"version", "N/A"}, {"protocol_version", "2024-11-05"}});
    json tools = toolsStatus(after, json::array({{{"name", "a"}, {"inputSchema", {{"type", "object"}}}}}));
    CHECK(tools["status"] == "success");
    CHECK(tools["message"] == "Successfully retrieved 1 tools");
    CHECK(tools["tools_count"] == 1);
    CHECK(tools["tools"] == json::array({{{"name", "a"}, {"description", ""}, {"input_schema", {{"type", "object"}}}}}));
}

TEST_CASE("MCP server config: the ConfigMap of the Kubernetes mock parses into eight servers") {
    ServerList list = parseServerConfigMap(json::parse(fixtureText("mcp/mcp_servers.json")));
    REQUIRE(list.servers.size() == 8);
    CHECK(list.skipped.empty());
    CHECK(list.servers[0].name == "brave");
    CHECK(list.servers[0].kind() == TransportKind::Sse);
    json out = list.toJson();
    CHECK(out["total_count"] == 8);
    json kubernetes;
    for (const auto& s : out["servers"])
        if (s["name"] == "kubernetes") kubernetes = s;
    CHECK(kubernetes == json{{"name", "kubernetes"},
                             {"url", "http://localhost:9091/mcp"},
                             {"transport", "streamable-http"},
                             {"description", "Manage resources in a Kubernetes cluster."},
                             {"logo", "https://kubernetes.io/images/kubernetes-horizontal-color.png"},
                             {"status", "healthy"}});
    for (const auto& s : list.servers) {
        if (s.name == "invalid-transport") CHECK(s.kind() == TransportKind::StreamableHttp);
        if (s.name == "brave") CHECK(out["servers"][0]["logo"].is_null());
    }
}

TEST_CASE("MCP server config: ConfigMap text values are parsed; broken entries are skipped and reported") {
    json data = {{"good", R"({"url":"https://mcp.example.com/mcp","transport":"sse"})"},
                 {"not-json", "{url: nope"},
                 {"not-object", "[1,2]"},
                 {"bad-type", R"({"url": 42})"},
                 {"no-url", R"({"description":"later"})"},
                 {"object-value", {{"url", "http://a/mcp"}, {"name", "ignored"}}}};
    ServerList list = parseServerConfigMap(data);
    std::vector<std::string> names;
    for (const auto& s : list.servers) names.push_back(s.name);
    CHECK(names == std::vector<std::string>{"good", "no-url", "object-value"});
    REQUIRE(list.skipped.size() == 3);
    CHECK(list.skipped[0].name == "bad-type");
    CHECK(list.skipped[0].reason == "field \"url\" must be a string");
    CHECK(list.skipped[1].name == "not-json");
    CHECK(list.skipped[1].reason == "the entry is not valid JSON");
    CHECK(list.skipped[2].reason == "the entry is not a JSON object");
    CHECK(list.toJson()["servers"][1]["status"] == "error");
    CHECK(parseServerConfigMap(nullptr).servers.empty());
    CHECK(parseServerConfigMap(json::array()).skipped.size() == 1);
}

TEST_CASE("MCP server config: URLs are validated before any request") {
    CHECK_NOTHROW(validateServerUrl("http://127.0.0.1:3001/mcp", "x"));
    CHECK_NOTHROW(validateServerUrl("HTTPS://mcp.example.com", "x"));
    for (const char* bad : {"", "  ", "ftp://x/mcp", "http://", "/relative/mcp", "http:///path", "http://a b/mcp"}) {
        CAPTURE(bad);
        try {
            validateServerUrl(bad, "listTools");
            FAIL("expected a ValidationError");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Validation);
        }
    }
    try {
        ServerConfig::fromJson(json{{"url", 1}}, "createClient");
        FAIL("expected a ValidationError");
    } catch (const Error& e) {
        CHECK(e.info().message == "invalid server config: field \"url\" must be a string");
    }
}

TEST_CASE("MCP elicitation: accepted forms get the schema's defaults for fields left out (SEP-1034)") {
    json params = {{"requestedSchema",
                    {{"type", "object"},
                     {"properties",
                      {{"name", {{"type", "string"}, {"default", "John Doe"}}},
                       {"age", {{"type", "integer"}, {"default", 30}}},
                       {"verified", {{"type", "boolean"}, {"default", true}}},
                       {"nickname", {{"type", "string"}}}}}}}};
    json accepted = completeElicitationResult(params, json{{"action", "accept"}, {"content", {{"age", 41}}}});
    CHECK(accepted["content"] == json{{"name", "John Doe"}, {"age", 41}, {"verified", true}});
    CHECK(completeElicitationResult(params, json{{"action", "accept"}})["content"]["name"] == "John Doe");
    CHECK(completeElicitationResult(params, json{{"action", "decline"}, {"content", {{"x", 1}}}}) == json{{"action", "decline"}});
    CHECK_THROWS_AS(completeElicitationResult(params, json{{"action", "maybe"}}), std::invalid_argument);
    CHECK_THROWS_AS(completeElicitationResult(params, json{{"action", "accept"}, {"content", 3}}), std::invalid_argument);
    CHECK_THROWS_AS(completeElicitationResult(params, json("accept")), std::invalid_argument);
}

TEST_CASE("MCP client options: parsed from the caller's JSON, each wrong field named") {
    McpClientOptions o = parseClientOptions(json{{"server", {{"name", "s"}, {"url", "http://h/mcp"}, {"transport", "sse"}}},
                                                 {"timeout", 1500},
                                                 {"protocolVersion", "2025-06-18"},
                                                 {"clientInfo", {{"name", "app"}, {"version", "2"}}},
                                                 {"maxToolPages", 3},
                                                 {"headers", {{"X-A", "1"}}}});
    CHECK(o.server.kind() == TransportKind::Sse);
    CHECK(o.timeoutMs == 1500);
    CHECK(o.protocolVersion == "2025-06-18");
    CHECK(o.clientInfo["name"] == "app");
    CHECK(o.maxToolPages == 3);
    CHECK(o.headers.get("x-a") == "1");
    auto message = [](const json& options) {
        try {
            parseClientOptions(options);
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::Validation);
            return e.info().message;
        }
        return std::string("(accepted)");
    };
    const json server = {{"url", "http://h/mcp"}};
    CHECK(message(json::object()) == "server is required: {url, transport?, name?}");
    CHECK(message(json{{"server", server}, {"timeout", -1}}) == "timeout must be a number of milliseconds >= 0");
    CHECK(message(json{{"server", server}, {"protocolVersion", "1.0"}}) ==
          "protocolVersion must be one of 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05");
    CHECK(message(json{{"server", server}, {"clientInfo", {{"name", "x"}}}}) == "clientInfo must be {name, version} with string values");
    CHECK(message(json{{"server", server}, {"maxToolPages", 0}}) == "maxToolPages must be an integer from 1 to 100000");
    CHECK(message(json{{"server", server}, {"headers", {{"a", 1}}}}) == "headers must be an object of strings");
    CHECK(message(json{{"server", server}}) == "(accepted)");
}
