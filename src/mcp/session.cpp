#include "mcp/session.hpp"

#include "core/text.hpp"
#include "mcp/elicitation.hpp"
#include "mcp/errors.hpp"
#include "mcp/jsonrpc.hpp"

namespace genai::mcp {

struct McpSession::PendingCall {
    long long id = 0;
    std::string operation;
    ProgressHandler onProgress;
    std::shared_ptr<CallDeadline> deadline;
    std::optional<Json> result;
    std::optional<Error> error;
    bool sessionExpired = false;
    AsyncEvent done;

    bool settled() const { return done.isSet(); }
    void settle(Json value) {
        if (settled()) return;
        result = std::move(value);
        done.set();
    }
    void fail(const Error& e, bool expired = false) {
        if (settled()) return;
        error = e;
        sessionExpired = expired;
        done.set();
    }
};

namespace {
Error unsupportedVersion(std::string_view operation, const std::string& version) {
    std::string supported;
    for (auto v : kSupportedProtocolVersions) supported += (supported.empty() ? "" : ", ") + std::string(v);
    ErrorInfo info;
    info.kind = ErrorKind::Protocol;
    info.code = "UNSUPPORTED_PROTOCOL_VERSION";
    info.mappedStatus = 502;
    info.service = "mcp";
    info.operation = operation;
    info.message = "unsupported protocol version \"" + truncateUtf8(version, 100) + "\": this client speaks " + supported;
    return Error(std::move(info));
}

CallContext quietContext(std::string operation) {
    CallContext context;
    context.timeoutMs = 5000;
    context.operation = std::move(operation);
    return context;
}
}  // namespace

McpSession::McpSession(std::shared_ptr<http::Transport> http, std::shared_ptr<http::Runtime> runtime,
                       SessionSettings settings)
    : http_(std::move(http)), runtime_(std::move(runtime)), settings_(std::move(settings)) {}

std::shared_ptr<McpSession> McpSession::create(std::shared_ptr<http::Transport> http,
                                               std::shared_ptr<http::Runtime> runtime, SessionSettings settings) {
    return std::shared_ptr<McpSession>(new McpSession(std::move(http), std::move(runtime), std::move(settings)));
}

McpSession::~McpSession() {
    if (transport_) transport_->abandon();
}

double McpSession::timeoutOf(const CallContext& context) const { return context.timeoutMs.value_or(settings_.timeoutMs); }

Task<Json> McpSession::request(std::string method, Json params, CallContext context) {
    auto self = shared_from_this();
    for (int attempt = 0;; ++attempt) {
        co_await open(context);
        std::optional<Error> expired;
        try {
            co_return co_await exchange(method, params, context, true);
        } catch (const SessionExpired& e) {
            expired = e.error;
        }
        // The server no longer knows the session: one new initialize, then the call again (it
        // was refused, never run, so sending it twice cannot run it twice).
        if (attempt > 0) throw *expired;
        forgetSession();
    }
}

Task<Json> McpSession::initializeResult(CallContext context) {
    auto self = shared_from_this();
    co_await open(context);
    co_return *initializeResult_;
}

Task<void> McpSession::open(const CallContext& context) {
    if (state_ == State::Opening) {
        co_await opened_.wait();
        if (state_ == State::Open) co_return;
        if (openFailure_) throw *openFailure_;
    }
    if (state_ == State::Open) co_return;
    state_ = State::Opening;
    opened_.reset();
    openFailure_.reset();
    std::optional<Error> failure;
    try {
        co_await initialize(context);
    } catch (const Error& e) {
        failure = e;
    } catch (const SessionExpired& e) {
        failure = e.error;
    }
    if (failure) {
        openFailure_ = failure;
        state_ = State::Closed;
        if (auto transport = std::exchange(transport_, nullptr)) transport->abandon();
    } else {
        state_ = State::Open;
    }
    opened_.set();
    if (failure) throw *failure;
}

Task<void> McpSession::initialize(const CallContext& context) {
    TransportSettings transportSettings{settings_.server.url, settings_.mcpToken, settings_.headers};
    std::shared_ptr<McpTransport> transport =
        makeTransport(settings_.server.kind(), http_, runtime_, transportSettings, weak_from_this());
    transport_ = transport;

    // Legacy SSE opens its stream first; the first call's time limit covers that too.
    auto deadline = CallDeadline::start(runtime_, context.signal, timeoutOf(context), context.operation, nullptr);
    std::optional<Error> failure;
    try {
        co_await transport->connect(deadline->signal(), context.operation);
    } catch (const Error& e) {
        failure = relabel(e, context.operation);
    }
    deadline->finish();
    if (deadline->expired()) throw *deadline->expired();
    if (failure) throw *failure;

    Json capabilities = Json::object();
    if (settings_.onElicitation) capabilities["elicitation"] = Json::object();
    Json params;
    params["protocolVersion"] = settings_.protocolVersion;
    params["capabilities"] = std::move(capabilities);
    params["clientInfo"] = settings_.clientInfo;
    // The initialize request is never cancelled with notifications/cancelled (MCP lifecycle).
    Json result = co_await exchange("initialize", std::move(params), context, false);
    if (!result.is_object() || !result.contains("protocolVersion") || !result["protocolVersion"].is_string())
        throw protocolError(context.operation, "the initialize result has no protocolVersion");
    const std::string version = result["protocolVersion"].get<std::string>();
    if (!isSupportedProtocolVersion(version)) {
        co_await transport->close();
        throw unsupportedVersion(context.operation, version);
    }
    if (!result.contains("capabilities") || !result["capabilities"].is_object()) result["capabilities"] = Json::object();
    if (!result.contains("serverInfo") || !result["serverInfo"].is_object()) result["serverInfo"] = Json::object();
    transport->setProtocolVersion(version);
    initializeResult_ = std::move(result);
    co_await notify("notifications/initialized", Json::object(), context);
    // Servers send their own requests (elicitation) on a stream of their own; open it only when
    // the client can answer them.
    if (settings_.onElicitation) transport->listen();
}

Task<Json> McpSession::exchange(const std::string& method, Json params, const CallContext& context, bool cancellable) {
    auto self = shared_from_this();
    std::shared_ptr<McpTransport> transport = transport_;
    if (!transport) throw abortedCall(context.operation, "the MCP session is closed");
    if (context.signal && context.signal->aborted()) throw abortedCall(context.operation);

    auto call = std::make_shared<PendingCall>();
    call->id = nextId_++;
    call->operation = context.operation;
    call->onProgress = context.onProgress;
    std::weak_ptr<PendingCall> weak = call;
    call->deadline = CallDeadline::start(runtime_, context.signal, timeoutOf(context), context.operation,
                                         [weak](const Error& e) {
                                             if (auto c = weak.lock()) c->fail(e);
                                         });
    if (context.onProgress) {
        if (!params.is_object()) params = Json::object();
        params["_meta"]["progressToken"] = call->id;
    }
    pending_[call->id] = call;

    Outgoing out{makeRequest(call->id, method, std::move(params)), call->id, call->deadline->signal(), context.headers,
                 context.operation};
    try {
        co_await transport->send(std::move(out));
    } catch (const Error& e) {
        call->fail(relabel(e, context.operation));
    } catch (const SessionExpired& e) {
        call->fail(e.error, true);
    }
    co_await call->done.wait();
    pending_.erase(call->id);
    call->deadline->finish();

    if (call->error) {
        const bool stopped = call->deadline->expired().has_value();
        if (cancellable && stopped) {
            Json cancel;
            cancel["requestId"] = call->id;
            cancel["reason"] = call->error->kind() == ErrorKind::Timeout ? "the request timed out" : "the request was aborted";
            try {
                co_await notify("notifications/cancelled", std::move(cancel), quietContext(context.operation));
            } catch (const Error&) {
                // Best effort: the server may already be gone.
            } catch (const SessionExpired&) {
            }
        }
        if (call->sessionExpired && !stopped) throw SessionExpired{*call->error};
        throw *call->error;
    }
    co_return std::move(*call->result);
}

Task<void> McpSession::notify(std::string method, Json params, const CallContext& context) {
    std::shared_ptr<McpTransport> transport = transport_;
    if (!transport) co_return;
    auto deadline = CallDeadline::start(runtime_, context.signal, timeoutOf(context), context.operation, nullptr);
    // Named, not a temporary in the co_await: GCC 12 destroys such temporaries twice.
    Outgoing out{makeNotification(method, std::move(params)), std::nullopt, deadline->signal(), context.headers,
                 context.operation};
    std::optional<Error> failure;
    try {
        co_await transport->send(std::move(out));
    } catch (const Error& e) {
        failure = relabel(e, context.operation);
    }
    deadline->finish();
    if (deadline->expired()) throw *deadline->expired();
    if (failure) throw *failure;
}

Task<void> McpSession::deliver(Json message) {
    auto self = shared_from_this();  // a call woken below may drop the last other reference
    switch (classify(message)) {
        case MessageKind::Response: {
            auto id = responseId(message);
            auto it = id ? pending_.find(*id) : pending_.end();
            if (it == pending_.end()) co_return;  // the reply to a call that already ended
            std::shared_ptr<PendingCall> call = it->second;
            if (message.contains("error")) call->fail(rpcError(message["error"], call->operation));
            else call->settle(std::move(message["result"]));
            co_return;
        }
        case MessageKind::Notification: {
            if (message["method"] != "notifications/progress") co_return;
            const Json params = message.value("params", Json::object());
            if (!params.is_object() || !params.contains("progressToken") || !params["progressToken"].is_number_integer())
                co_return;
            auto it = pending_.find(params["progressToken"].get<long long>());
            if (it == pending_.end()) co_return;
            std::shared_ptr<PendingCall> call = it->second;
            if (call->settled()) co_return;  // progress sent after the response
            call->deadline->touch();
            if (call->onProgress) call->onProgress(params);
            co_return;
        }
        case MessageKind::Request: {
            // The server's own request (on a reply stream or the standalone stream): answered
            // with a POST of its own.
            const Json id = message["id"];
            const std::string method = message["method"].get<std::string>();
            Json reply;
            if (method == "ping") {
                reply = makeResult(id, Json::object());
            } else if (method == "elicitation/create" && settings_.onElicitation) {
                Json params = message.value("params", Json::object());
                std::string problem;
                try {
                    Json result = co_await settings_.onElicitation(params);
                    reply = makeResult(id, completeElicitationResult(params, std::move(result)));
                } catch (const std::exception& e) {
                    problem = redactSecrets(e.what());
                }
                if (!problem.empty()) reply = makeErrorReply(id, kInternalError, "elicitation failed: " + problem);
            } else {
                reply = makeErrorReply(id, kMethodNotFound, "Method not found: " + truncateUtf8(method, 100));
            }
            std::shared_ptr<McpTransport> transport = transport_;
            if (!transport) co_return;
            auto deadline = CallDeadline::start(runtime_, nullptr, 30000, "reply", nullptr);
            Outgoing out{std::move(reply), std::nullopt, deadline->signal(), {}, "reply"};
            try {
                co_await transport->send(std::move(out));
            } catch (const Error&) {
                // The server will time its request out; nothing else can be done from here.
            } catch (const SessionExpired&) {
            }
            deadline->finish();
            co_return;
        }
        case MessageKind::Invalid:
            co_return;
    }
}

void McpSession::failPending(const Error& error) {
    std::vector<std::shared_ptr<PendingCall>> calls;
    for (auto& [id, call] : pending_) calls.push_back(call);
    for (auto& call : calls) call->fail(error);
}

void McpSession::connectionLost(const Error& error) {
    auto self = shared_from_this();
    state_ = State::Closed;
    initializeResult_.reset();
    transport_.reset();
    failPending(error);
}

void McpSession::forgetSession() {
    state_ = State::Closed;
    initializeResult_.reset();
    if (auto transport = std::exchange(transport_, nullptr)) transport->abandon();
}

Task<void> McpSession::close() {
    auto self = shared_from_this();
    state_ = State::Closed;
    initializeResult_.reset();
    std::shared_ptr<McpTransport> transport = std::exchange(transport_, nullptr);
    failPending(abortedCall("close", "the MCP client was closed"));
    if (transport) co_await transport->close();
}

void McpSession::abandon() {
    state_ = State::Closed;
    initializeResult_.reset();
    std::shared_ptr<McpTransport> transport = std::exchange(transport_, nullptr);
    failPending(abortedCall("close", "the MCP client was closed"));
    if (transport) transport->abandon();
}

}  // namespace genai::mcp
