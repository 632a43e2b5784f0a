#include "mcp/streamable_http_transport.hpp"

#include "core/json.hpp"
#include "core/text.hpp"
#include "mcp/errors.hpp"
#include "mcp/jsonrpc.hpp"
#include "mcp/wire.hpp"

namespace genai::mcp {

namespace {
// The SDK's example servers answer an unknown session with 400 and a JSON-RPC error saying so.
bool namesUnknownSession(std::string_view body) {
    Json parsed = parseJsonOrDiscarded(body);
    if (!parsed.is_object() || !parsed.contains("error") || !parsed["error"].is_object()) return false;
    const Json& message = parsed["error"]["message"];
    return message.is_string() && toLower(message.get<std::string>()).find("session") != std::string::npos;
}

std::string methodOf(const Outgoing& call) { return call.message.value("method", std::string("message")); }

Task<void> endSession(std::shared_ptr<http::Transport> http, http::Request request) {
    try {
        http::Response response = co_await http->send(std::move(request));
        response.body->cancel();
    } catch (const Error&) {
        // The session ends with us either way; a server that did not hear it times it out.
    }
}
}  // namespace

StreamableHttpTransport::StreamableHttpTransport(std::shared_ptr<http::Transport> http,
                                                 std::shared_ptr<http::Runtime> runtime, TransportSettings settings,
                                                 std::weak_ptr<MessageSink> sink)
    : http_(std::move(http)), runtime_(std::move(runtime)), settings_(std::move(settings)), sink_(std::move(sink)) {}

Task<void> StreamableHttpTransport::connect(std::shared_ptr<http::CancelSignal>, std::string) { co_return; }

http::Request StreamableHttpTransport::request(std::string method, const Outgoing* call) const {
    http::Request r = baseRequest(std::move(method), settings_.url, settings_, nullptr);
    if (!sessionId_.empty()) r.headers.set("Mcp-Session-Id", sessionId_);
    if (!protocolVersion_.empty()) r.headers.set("MCP-Protocol-Version", protocolVersion_);
    if (call) {
        for (const auto& [name, value] : call->headers.entries()) r.headers.set(name, value);
        r.signal = call->signal;
    }
    return r;
}

Task<void> StreamableHttpTransport::send(Outgoing call) {
    http::Request post = request("POST", &call);
    post.headers.set("Content-Type", "application/json");
    post.headers.set("Accept", "application/json, text/event-stream");
    post.body = call.message.dump(-1, ' ', false, Json::error_handler_t::replace);
    post.hasBody = true;
    const bool hadSession = !sessionId_.empty();

    // Transport failures go up as they are; the session labels them for MCP.
    std::optional<http::Response> response;
    response.emplace(co_await http_->send(std::move(post)));

    if (auto id = response->headers.get("mcp-session-id"); id && sessionId_.empty()) sessionId_ = *id;
    const int status = response->status;
    if (status >= 400) {
        std::string body = co_await readQuietly(*response);
        Error error = httpError(status, body, call.operation);
        if (hadSession && (status == 404 || (status == 400 && namesUnknownSession(body)))) {
            sessionId_.clear();
            throw SessionExpired{std::move(error)};
        }
        throw error;
    }
    if (!call.requestId) {  // a notification or a response: 202 (any body is of no interest)
        response->body->cancel();
        co_return;
    }
    if (status == 202 || status == 204) {  // accepted: the response will come on a GET stream
        response->body->cancel();
        http::Response stream = co_await openResumeStream("", call);
        co_await followStream(std::move(stream), call);
        co_return;
    }

    const std::string type = mediaType(response->headers);
    if (type == "text/event-stream") {
        co_await followStream(std::move(*response), call);
        co_return;
    }
    if (type != "application/json") {
        response->body->cancel();
        throw protocolError(call.operation, "unsupported content type \"" + truncateUtf8(type, 100) + "\"");
    }
    std::string body = co_await response->text();
    std::vector<Json> messages;
    appendMessages(body, messages, call.operation);
    bool answered = false;
    for (auto& message : messages) {
        answered = answered || isResponseTo(message, *call.requestId);
        if (auto sink = sink_.lock()) co_await sink->deliver(std::move(message));
    }
    if (!answered)
        throw protocolError(call.operation, "the reply to " + methodOf(call) + " does not contain its response");
}

Task<bool> StreamableHttpTransport::readEvents(http::Response& response, http::SseParser& parser,
                                                const Outgoing& call) {
    std::vector<http::SseEvent> events;
    for (;;) {
        std::optional<std::string> chunk;
        bool cut = false;
        try {
            chunk = co_await response.body->next();
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::Connection) throw;
            cut = true;  // a network failure mid-stream: the caller may resume
        }
        if (cut) co_return false;
        if (chunk) parser.feed(*chunk, events);
        else parser.finish(events);

        bool answered = false;
        std::vector<Json> messages;
        try {
            for (const auto& event : events) {
                if (carriesMessage(event)) appendMessages(event.data, messages, call.operation);
            }
        } catch (const Error&) {
            response.body->cancel();
            throw;
        }
        events.clear();
        for (auto& message : messages) {
            answered = answered || (call.requestId && isResponseTo(message, *call.requestId));
            if (auto sink = sink_.lock()) co_await sink->deliver(std::move(message));
        }
        if (answered) {
            response.body->cancel();
            co_return true;
        }
        if (!chunk) co_return false;
    }
}

Task<void> StreamableHttpTransport::followStream(http::Response first, const Outgoing& call) {
    http::SseParser parser;
    http::Response current = std::move(first);
    int attempts = 0;
    std::string lastSeenId;
    for (;;) {
        if (co_await readEvents(current, parser, call)) co_return;
        if (parser.lastEventId().empty())
            throw connectionError(call.operation, "the server closed the stream before answering " + methodOf(call));
        if (parser.lastEventId() != lastSeenId) {
            lastSeenId = parser.lastEventId();
            attempts = 0;
        }
        if (++attempts > kMaxReconnects)
            throw connectionError(call.operation, "the stream answering " + methodOf(call) + " could not be resumed");
        const double delay = parser.retryMs() ? static_cast<double>(*parser.retryMs()) : kDefaultRetryMs;
        co_await runtime_->sleep(delay, call.signal);
        parser.reset();
        current = co_await openResumeStream(parser.lastEventId(), call);
    }
}

Task<http::Response> StreamableHttpTransport::openResumeStream(const std::string& lastEventId, const Outgoing& call) {
    http::Request get = request("GET", &call);
    get.headers.set("Accept", "text/event-stream");
    if (!lastEventId.empty()) get.headers.set("Last-Event-ID", lastEventId);
    std::optional<http::Response> response;
    response.emplace(co_await http_->send(std::move(get)));
    if (response->status >= 400) {
        std::string body = co_await readQuietly(*response);
        throw httpError(response->status, body, call.operation);
    }
    if (mediaType(response->headers) != "text/event-stream") {
        response->body->cancel();
        throw protocolError(call.operation, "the resumed stream is not text/event-stream");
    }
    co_return std::move(*response);
}

void StreamableHttpTransport::listen() {
    if (listening_ || sessionId_.empty()) return;
    listening_ = http::CancelSource::create();
    startDetached(listenLoop(weak_from_this(), listening_), [] {}, [](std::exception_ptr) {});
}

// Keeps the standalone stream open until the session ends: resumes it after a cut (with the
// server's retry delay, else 1 s growing by half each time, at most 5 times in a row) and stops
// for good when the server does not offer one (405 or any other refusal).
Task<void> StreamableHttpTransport::listenLoop(std::weak_ptr<StreamableHttpTransport> weak,
                                               std::shared_ptr<http::CancelSource> stop) {
    http::SseParser parser;
    Outgoing listener{Json(), std::nullopt, stop, {}, "listen"};
    int failures = 0;
    while (!stop->aborted()) {
        auto self = weak.lock();
        if (!self) co_return;
        std::optional<http::Response> stream;
        try {
            stream.emplace(co_await self->openResumeStream(parser.lastEventId(), listener));
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::Connection) co_return;  // refused, or stopped
        }
        const std::string before = parser.lastEventId();
        if (stream) {
            try {
                co_await self->readEvents(*stream, parser, listener);
            } catch (const Error&) {
                // A broken message or a stop: the loop decides below.
            }
        }
        self.reset();
        if (stop->aborted()) co_return;
        failures = parser.lastEventId() != before ? 1 : failures + 1;
        if (failures > kMaxReconnects) co_return;
        double delay = kDefaultRetryMs;
        for (int i = 1; i < failures; ++i) delay *= 1.5;
        if (parser.retryMs()) delay = static_cast<double>(*parser.retryMs());
        parser.reset();
        auto runtime = weak.lock();
        if (!runtime) co_return;
        auto sleeper = runtime->runtime_;
        runtime.reset();
        try {
            co_await sleeper->sleep(delay, stop);
        } catch (const Error&) {
            co_return;
        }
    }
}

http::Request StreamableHttpTransport::deleteRequest() const {
    http::Request r = request("DELETE", nullptr);
    r.timeoutMs = 5000;
    r.streaming = false;
    return r;
}

Task<void> StreamableHttpTransport::close() {
    if (listening_) std::exchange(listening_, nullptr)->cancel();
    if (sessionId_.empty()) co_return;
    http::Request r = deleteRequest();
    sessionId_.clear();
    co_await endSession(http_, std::move(r));
}

void StreamableHttpTransport::abandon() {
    if (listening_) std::exchange(listening_, nullptr)->cancel();
    if (sessionId_.empty()) return;
    http::Request r = deleteRequest();
    sessionId_.clear();
    startDetached(endSession(http_, std::move(r)), [] {}, [](std::exception_ptr) {});
}

}  // namespace genai::mcp
