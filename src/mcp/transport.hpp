// How JSON-RPC messages travel between the client and one MCP server: streamable HTTP or the
// legacy HTTP+SSE transport, behind one interface (the shape of the MCP TypeScript SDK). Every
// message from the server goes to a MessageSink (the session), in order.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/secret.hpp"
#include "core/task.hpp"
#include "http/message.hpp"
#include "http/transport.hpp"
#include "mcp/server_config.hpp"

namespace genai::mcp {

using Json = nlohmann::json;

class MessageSink {
public:
    virtual ~MessageSink() = default;
    // One message from the server (a response, a notification, or a request to the client).
    virtual Task<void> deliver(Json message) = 0;
    // The server's stream ended for good (legacy SSE): no response will arrive any more.
    virtual void connectionLost(const Error& error) = 0;
};

struct TransportSettings {
    std::string url;
    Secret mcpToken;        // sent as `Authorization: Bearer …` when set; nothing else is
    http::Headers headers;  // the client's extra headers
};

struct Outgoing {
    Json message;
    std::optional<long long> requestId;       // set for a request: its response is awaited
    std::shared_ptr<http::CancelSignal> signal;
    http::Headers headers;                    // the call's extra headers
    std::string operation;                    // for errors
};

// Thrown by a transport when the server no longer knows the session (404, or the 400 "no valid
// session ID" of the SDK's example servers): the session may initialize again once.
struct SessionExpired {
    Error error;
};

class McpTransport {
public:
    virtual ~McpTransport() = default;
    // Legacy SSE: opens the GET stream and waits for its `endpoint` event. Streamable: nothing.
    virtual Task<void> connect(std::shared_ptr<http::CancelSignal> signal, std::string operation) = 0;
    // Sends one message. For a request over streamable HTTP it returns once the response has
    // been delivered to the sink; over legacy SSE once the server accepted the POST (the
    // response comes on the stream).
    virtual Task<void> send(Outgoing message) = 0;
    // The negotiated version, sent as MCP-Protocol-Version from now on (streamable HTTP).
    virtual void setProtocolVersion(std::string version) = 0;
    // Opens a stream for messages the server starts on its own (its requests, notifications):
    // the standalone GET of streamable HTTP. Legacy SSE always has one.
    virtual void listen() {}
    // Ends the session politely (DELETE) and stops every stream.
    virtual Task<void> close() = 0;
    // Stops every stream now, without waiting for anything (a client being destroyed).
    virtual void abandon() = 0;
    virtual std::string sessionId() const { return {}; }
};

std::shared_ptr<McpTransport> makeTransport(TransportKind kind, std::shared_ptr<http::Transport> http,
                                            std::shared_ptr<http::Runtime> runtime, TransportSettings settings,
                                            std::weak_ptr<MessageSink> sink);

}  // namespace genai::mcp
