// MCP server configuration (UPSTREAM.md §4.1 MCPServerConfig, §4.5): one server as a client
// is given it, and the server list parsed from the data of the ConfigMap gen-ai-aa-mcp-servers.
// Fetching the ConfigMap is the Kubernetes client's job; this is a pure function over its data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace genai::mcp {

using Json = nlohmann::json;

enum class TransportKind { StreamableHttp, Sse };

struct ServerConfig {
    std::string name;         // the ConfigMap key
    std::string url;          // full endpoint URL
    std::string transport;    // as configured: "sse", "streamable-http", anything else or ""
    std::string description;
    std::string logo;

    // `sse` is the legacy HTTP+SSE transport; anything else (or nothing) is streamable HTTP.
    TransportKind kind() const noexcept { return transport == "sse" ? TransportKind::Sse : TransportKind::StreamableHttp; }

    // {name, url, transport?, description?, logo?}; a ValidationError for wrong field types.
    static ServerConfig fromJson(const Json& value, std::string_view operation);
    Json toJson() const;
};

// A ValidationError unless `url` is an absolute http: or https: URL with a host.
void validateServerUrl(std::string_view url, std::string_view operation);

struct SkippedServer {
    std::string name;
    std::string reason;
};

struct ServerList {
    std::vector<ServerConfig> servers;   // ordered by name
    std::vector<SkippedServer> skipped;  // entries that could not be read, with the reason

    // {servers: [{name, url, transport (empty → "streamable-http"), description, logo (null if
    // empty), status ("healthy" when url is set, else "error")}], total_count, skipped: [{name, reason}]}
    Json toJson() const;
};

// `data` maps each server name to its JSON text (a ConfigMap's data) or to the object itself.
// An entry that is not JSON, not an object, or has a field of the wrong type is skipped and
// reported; an entry without url is kept (listed with status "error"), as upstream does.
ServerList parseServerConfigMap(const Json& data);

}  // namespace genai::mcp
