// HTTP details both MCP transports share: the headers every request carries, reading a body
// without failing, and turning SSE event data into JSON-RPC messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"
#include "http/sse_parser.hpp"
#include "mcp/transport.hpp"

namespace genai::mcp {

// A request with the client's headers, the bearer MCP token (only when one is set) and the
// call's own headers, in that order.
http::Request baseRequest(std::string method, std::string url, const TransportSettings& settings,
                          const Outgoing* call);
// `Content-Type` without parameters, lower case ("" when absent).
std::string mediaType(const http::Headers& headers);
// The body, or "" when it cannot be read (the status already says what went wrong).
Task<std::string> readQuietly(http::Response& response);
// True for events that carry a JSON-RPC message: the default or `message` type, data not empty.
bool carriesMessage(const http::SseEvent& event);
// The message(s) in one piece of JSON text (an object, or a batch array); a ProtocolError when
// it is not JSON.
void appendMessages(std::string_view text, std::vector<Json>& out, std::string_view operation);

}  // namespace genai::mcp
