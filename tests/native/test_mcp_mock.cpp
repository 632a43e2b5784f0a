// The Mock factory: the URL-keyed mock servers of UPSTREAM.md §4.6 behind the same client code,
// and the status objects the client builds from them.
#include <doctest/doctest.h>

#include "mcp/factory.hpp"
#include "test_mcp_support.hpp"

using namespace genai;
using namespace genai::mcp;
using namespace genai::testing;
using nlohmann::json;

namespace {
struct Fixture {
    std::shared_ptr<LoopRuntime> loop = std::make_shared<LoopRuntime>();
    MockMcpClientFactory factory{loop};
    std::unique_ptr<McpClient> client(const std::string& url, const std::string& transport = "", const std::string& name = "srv") {
        McpClientOptions options;
        options.server = ServerConfig{name, url, transport, "", ""};
        return factory.createClient(std::move(options));
    }
    template <typename T>
    auto run(Task<T> task) {
        auto outcome = start(std::move(task));
        loop->runUntilIdle();
        return outcome->get();
    }
};
}  // namespace

TEST_CASE("MCP mock: connection status for every server of the mock ConfigMap") {
    Fixture f;
    ServerList list = parseServerConfigMap(mockServerConfigMapData());
    REQUIRE(list.servers.size() == 8);
    std::map<std::string, json> byName;
    for (const auto& server : list.servers) {
        McpClientOptions options;
        options.server = server;
        auto client = f.factory.createClient(std::move(options));
        byName[server.name] = f.run(client->checkConnectionStatus({}));
    }
    CHECK(byName["brave"]["status"] == "connected");
    CHECK(byName["brave"]["message"] == "Connection successful");
    CHECK(byName["brave"]["ping_response_time_ms"] == 25);
    CHECK(byName["brave"]["server_info"] == json{{"name", "brave-search-mcp-server"}, {"version", "1.2.3"}, {"protocol_version", "2024-11-05"}});
    CHECK(byName["kubernetes"]["ping_response_time_ms"] == 18);
    CHECK(byName["default-transport"]["ping_response_time_ms"] == 32);
    CHECK(byName["invalid-transport"]["server_info"]["version"] == "0.9.5");
    CHECK(byName["high-tools-server"]["ping_response_time_ms"] == 15);
    CHECK(byName["github-copilot"]["server_info"]["name"] == "generic-mcp-server");
    CHECK(byName["github-copilot"]["ping_response_time_ms"] == 42);

    CHECK(byName["unavailable-server"] ==
          json{{"server_url", "https://mcp-unavailable:8080/sse"},
               {"status", "error"},
               {"message", "Server is not reachable"},
               {"last_checked", byName["unavailable-server"]["last_checked"]},
               {"server_info", {{"name", "unavailable-server"}, {"version", "N/A"}, {"protocol_version", ""}}},
               {"error_details",
                {{"code", "CONNECTION_FAILED"}, {"status_code", 503}, {"raw_error", "failed to connect: dial tcp: connection refused"}}}});
    CHECK(byName["error-server"]["message"] == "Authentication failed");
    CHECK(byName["error-server"]["error_details"] ==
          json{{"code", "unauthorized"}, {"status_code", 401}, {"raw_error", "HTTP 401: authentication failed"}});
    CHECK(byName["error-server"]["last_checked"] == 1700000000);
    CHECK(f.loop->pendingTimers() == 0);
}

TEST_CASE("MCP mock: tools with status, reduced schemas, all pages") {
    Fixture f;
    json github = f.run(f.client("https://api.githubcopilot.com/mcp")->listToolsWithStatus({}));
    CHECK(github["status"] == "success");
    CHECK(github["tools_count"] == 40);
    CHECK(github["message"] == "Successfully retrieved 40 tools");
    CHECK(github["tools"][0] == json{{"name", "create_repository"},
                                     {"description", "GitHub Copilot tool: create_repository"},
                                     {"input_schema",
                                      {{"type", "object"},
                                       {"properties", {{"input", {{"type", "string"}, {"description", "Input for create_repository"}}}}},
                                       {"required", {"input"}}}}});
    CHECK(github["tools"][39]["name"] == "check_collaborator");

    json brave = f.run(f.client("http://localhost:9090/sse", "sse")->listToolsWithStatus({}));
    CHECK(brave["tools_count"] == 2);
    CHECK(brave["tools"][0]["input_schema"]["properties"]["count"]["type"] == "number");
    CHECK(f.run(f.client("http://localhost:9094/high-tools")->listToolsWithStatus({}))["tools_count"] == 5);
    json other = f.run(f.client("https://anything.example.com/mcp")->listToolsWithStatus({}));
    CHECK(other["tools"][0]["name"] == "mock_tool");
    CHECK_FALSE(other["tools"][0]["input_schema"].contains("required"));

    json down = f.run(f.client("https://mcp-error:8080/mcp", "", "error-server")->listToolsWithStatus({}));
    CHECK(down["status"] == "error");
    CHECK(down["tools"] == json::array());
    CHECK(down["server_info"]["name"] == "error-server");
}

TEST_CASE("MCP mock: calling tools over both transports, with the same client code as Real") {
    Fixture f;
    for (const auto& target : {std::pair{"http://localhost:9091/mcp", ""}, std::pair{"http://localhost:9090/sse", "sse"}}) {
        const std::string url = target.first, transport = target.second;  // no structured binding: clang 14 cannot capture one
        CAPTURE(url);
        auto client = f.client(url, transport);
        json tools = f.run(client->listTools({}));
        const std::string name = tools[0]["name"];
        json args = name == "kubectl_get_pods" ? json{{"namespace", "default"}} : json{{"query", "mcp"}};
        json ok = f.run(client->callTool(name, args, {}));
        CHECK(ok["isError"] == false);
        CHECK(ok["structuredContent"] == json{{"tool", name}, {"arguments", args}});
        CHECK(ok["content"][0]["type"] == "text");
        json missing = f.run(client->callTool(name, json::object(), {}));
        CHECK(missing["isError"] == true);
        json unknown = f.run(client->callTool("no_such_tool", json::object(), {}));
        CHECK(unknown["isError"] == true);
        CHECK(unknown["content"][0]["text"] == "Unknown tool: no_such_tool");
        CHECK(f.run(client->getServerConfig({}))["protocolVersion"] == "2024-11-05");
        f.run(client->close());
    }
    CHECK(f.loop->pendingTimers() == 0);
}

TEST_CASE("MCP mock: failures are the same typed errors a Real client gives") {
    Fixture f;
    auto unreachable = start(f.client("https://mcp-unavailable:8080/sse", "sse")->listTools({}));
    f.loop->runUntilIdle();
    Error e = unreachable->failure();
    CHECK(e.kind() == ErrorKind::Connection);
    CHECK(e.code() == "CONNECTION_FAILED");
    auto denied = start(f.client("https://mcp-error:8080/mcp")->callTool("x", {}, {}));
    f.loop->runUntilIdle();
    CHECK(denied->failure().kind() == ErrorKind::Authentication);
}
