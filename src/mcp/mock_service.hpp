// The mock MCP servers behind Mock clients (UPSTREAM.md §4.6): one in-process MCP server per URL
// of the fixture table (src/fixtures/mcp/servers.json), any other URL answered by the generic
// one. Each speaks both transports, as a real client sees them: streamable HTTP (POST with JSON
// replies, a session id, DELETE) and legacy SSE (a GET stream whose first event names the
// message endpoint, replies pushed onto that stream). Ping replies wait the table's ping time.
// Routing is by full URL (several servers share a path), so this is a Transport of its own
// rather than a path Router behind FixtureTransport.
#pragma once

#include <memory>

#include "http/transport.hpp"

namespace genai::mcp {

std::shared_ptr<http::Transport> makeMockMcpServers(std::shared_ptr<http::Runtime> runtime);

}  // namespace genai::mcp
