// JSON-RPC 2.0 as MCP uses it: integer request ids, messages as plain JSON values, and the
// protocol versions this client speaks.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace genai::mcp {

using Json = nlohmann::json;

// Newest first; the first one is what initialize offers.
inline constexpr std::array<std::string_view, 4> kSupportedProtocolVersions = {
    "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05"};
bool isSupportedProtocolVersion(std::string_view version);

Json makeRequest(long long id, std::string_view method, Json params);
Json makeNotification(std::string_view method, Json params);
Json makeResult(const Json& id, Json result);
Json makeErrorReply(const Json& id, int code, std::string_view message);

enum class MessageKind { Request, Notification, Response, Invalid };
MessageKind classify(const Json& message);
// True when `message` is the response (result or error) to request `id`.
bool isResponseTo(const Json& message, long long id);
// The integer id of a response, when it has one.
std::optional<long long> responseId(const Json& message);

// Standard JSON-RPC error codes.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;

// The error a JSON-RPC error response becomes: `code` a symbolic name (METHOD_NOT_FOUND, …,
// JSONRPC_ERROR for others), `serverType` the numeric code as text, `serverMessage` the server's
// message, `message` "MCP error <code>: <message>".
Error rpcError(const Json& error, std::string_view operation);

}  // namespace genai::mcp
