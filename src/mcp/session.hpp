// One MCP session with one server (UPSTREAM.md §4.3, MCP lifecycle): initialize with version
// negotiation, then requests with integer ids whose responses are matched by id, progress
// notifications routed to the call that asked for them, notifications/cancelled for a call
// that is aborted or times out, and answers to the server's own requests (ping, elicitation).
// A session opens on first use; after the server forgets it (404) it initializes once more.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/async_event.hpp"
#include "http/transport.hpp"
#include "mcp/call_deadline.hpp"
#include "mcp/transport.hpp"

namespace genai::mcp {

// Called with the params of each notifications/progress of the call ({progress, total?, message?}).
using ProgressHandler = std::function<void(const Json& params)>;
// Answers the server's elicitation/create: params → {action, content?}.
using ElicitationHandler = std::function<Task<Json>(Json params)>;

// What one call of the client carries besides its arguments.
struct CallContext {
    std::shared_ptr<http::CancelSignal> signal;  // the caller's AbortSignal
    std::optional<double> timeoutMs;             // silence allowed before TimeoutError; 0 = none
    http::Headers headers;                       // extra headers for this call's requests
    ProgressHandler onProgress;
    std::string operation;                       // "callTool", … for errors
};

struct SessionSettings {
    ServerConfig server;
    Secret mcpToken;
    http::Headers headers;
    double timeoutMs = 60000;  // the upstream TransportTimeout
    std::string protocolVersion = "2025-11-25";
    Json clientInfo = {{"name", "llama-stack-bff-client"}, {"version", "v1.0.0"}};
    ElicitationHandler onElicitation;  // declares the elicitation capability when set
};

class McpSession final : public MessageSink, public std::enable_shared_from_this<McpSession> {
public:
    static std::shared_ptr<McpSession> create(std::shared_ptr<http::Transport> http,
                                              std::shared_ptr<http::Runtime> runtime, SessionSettings settings);
    ~McpSession() override;

    // Opens the session if needed and sends a request; the result, or a typed error (a JSON-RPC
    // error of the server becomes an Error carrying its code and message).
    Task<Json> request(std::string method, Json params, CallContext context);
    // The initialize result ({protocolVersion, capabilities, serverInfo, instructions?}).
    Task<Json> initializeResult(CallContext context);
    // DELETEs the session and ends every stream; pending calls fail with AbortError.
    Task<void> close();
    // The same without waiting (a client being destroyed).
    void abandon();
    bool isOpen() const noexcept { return state_ == State::Open; }

    Task<void> deliver(Json message) override;
    void connectionLost(const Error& error) override;

private:
    struct PendingCall;
    enum class State { Closed, Opening, Open };

    McpSession(std::shared_ptr<http::Transport> http, std::shared_ptr<http::Runtime> runtime, SessionSettings settings);
    Task<void> open(const CallContext& context);
    Task<void> initialize(const CallContext& context);
    Task<Json> exchange(const std::string& method, Json params, const CallContext& context, bool cancellable);
    Task<void> notify(std::string method, Json params, const CallContext& context);
    void failPending(const Error& error);
    void forgetSession();
    double timeoutOf(const CallContext& context) const;

    std::shared_ptr<http::Transport> http_;
    std::shared_ptr<http::Runtime> runtime_;
    SessionSettings settings_;
    std::shared_ptr<McpTransport> transport_;
    State state_ = State::Closed;
    AsyncEvent opened_;
    std::optional<Error> openFailure_;
    std::optional<Json> initializeResult_;
    std::map<long long, std::shared_ptr<PendingCall>> pending_;
    long long nextId_ = 1;
};

}  // namespace genai::mcp
