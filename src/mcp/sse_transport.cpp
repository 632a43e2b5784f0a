#include "mcp/sse_transport.hpp"

#include "core/text.hpp"
#include "http/url.hpp"
#include "mcp/errors.hpp"
#include "mcp/wire.hpp"

namespace genai::mcp {

namespace {
// Reads the stream in the background for as long as it lives, handing every message to the
// sink; tells the sink when the stream ends by itself.
Task<void> readStream(std::shared_ptr<SseTransport::Stream> stream, std::weak_ptr<MessageSink> sink) {
    std::optional<Error> failure;
    for (;;) {
        std::vector<Json> messages;
        try {
            for (const auto& event : stream->unread) {
                if (carriesMessage(event)) appendMessages(event.data, messages, "sse");
            }
        } catch (const Error& e) {
            failure = e;
        }
        stream->unread.clear();
        if (failure) break;
        for (auto& message : messages) {
            auto target = sink.lock();
            if (!target) {
                stream->stop();
                co_return;
            }
            co_await target->deliver(std::move(message));
        }
        if (stream->ended || stream->stopped) break;
        std::optional<std::string> chunk;
        try {
            chunk = co_await stream->body->next();
        } catch (const Error& e) {
            failure = e;
        }
        if (failure) break;
        if (chunk) stream->parser.feed(*chunk, stream->unread);
        else {
            stream->parser.finish(stream->unread);
            stream->ended = true;
        }
    }
    stream->ended = true;
    if (stream->stopped) co_return;
    stream->stop();
    if (auto target = sink.lock()) {
        target->connectionLost(failure && failure->kind() != ErrorKind::Connection
                                   ? relabel(*failure, "sse")
                                   : connectionError("sse", "the server closed the SSE stream"));
    }
}
}  // namespace

void SseTransport::Stream::stop() {
    stopped = true;
    if (body) body->cancel();
    cancel->cancel();
}

SseTransport::SseTransport(std::shared_ptr<http::Transport> http, TransportSettings settings,
                           std::weak_ptr<MessageSink> sink)
    : http_(std::move(http)), settings_(std::move(settings)), sink_(std::move(sink)) {}

SseTransport::~SseTransport() { abandon(); }

Task<void> SseTransport::connect(std::shared_ptr<http::CancelSignal> signal, std::string operation) {
    abandon();
    auto stream = std::make_shared<Stream>();
    stream_ = stream;
    // The stream outlives the call that opens it, so it has a signal of its own; the call's
    // deadline may still stop it while it is being opened.
    auto* callSource = dynamic_cast<http::CancelSource*>(signal.get());
    std::weak_ptr<Stream> weak = stream;
    const size_t key = callSource ? callSource->onCancel([weak] {
        if (auto s = weak.lock()) s->stop();
    }) : 0;
    struct Unlink {
        http::CancelSource* source;
        size_t key;
        ~Unlink() {
            if (source) source->removeListener(key);
        }
    } unlink{callSource, key};

    http::Request get = baseRequest("GET", settings_.url, settings_, nullptr);
    get.headers.set("Accept", "text/event-stream");
    get.signal = stream->cancel;
    // Transport failures go up as they are; the session labels them for MCP.
    std::optional<http::Response> response;
    response.emplace(co_await http_->send(std::move(get)));
    if (response->status >= 400) {
        std::string body = co_await readQuietly(*response);
        throw httpError(response->status, body, operation);
    }
    if (mediaType(response->headers) != "text/event-stream") {
        response->body->cancel();
        throw protocolError(operation, "the SSE endpoint did not answer with text/event-stream");
    }
    stream->body = std::move(response->body);

    // The first event must name the message endpoint.
    while (stream->unread.empty()) {
        std::optional<std::string> chunk;
        try {
            chunk = co_await stream->body->next();
        } catch (const Error&) {
            stream->stop();
            throw;
        }
        if (!chunk) {
            stream->stop();
            throw connectionError(operation, "the SSE stream ended before its endpoint event");
        }
        stream->parser.feed(*chunk, stream->unread);
    }
    const http::SseEvent first = stream->unread.front();
    stream->unread.erase(stream->unread.begin());
    if (first.event != "endpoint") {
        stream->stop();
        throw protocolError(operation, "missing endpoint: first event is \"" + truncateUtf8(first.event, 100) +
                                           "\", want \"endpoint\"");
    }
    std::string endpoint = http::resolveUrl(settings_.url, trim(first.data));
    if (http::originOf(endpoint).empty() || http::originOf(endpoint) != http::originOf(settings_.url)) {
        stream->stop();
        throw protocolError(operation, "the endpoint event points to another origin: " + truncateUtf8(endpoint, 200));
    }
    endpoint_ = std::move(endpoint);
    startDetached(readStream(stream, sink_), [] {}, [](std::exception_ptr) {});
}

Task<void> SseTransport::send(Outgoing call) {
    if (!stream_ || stream_->ended || stream_->stopped || endpoint_.empty())
        throw connectionError(call.operation, "the SSE stream to the server is closed");
    http::Request post = baseRequest("POST", endpoint_, settings_, &call);
    post.headers.set("Content-Type", "application/json");
    post.body = call.message.dump(-1, ' ', false, Json::error_handler_t::replace);
    post.hasBody = true;
    std::optional<http::Response> response;
    response.emplace(co_await http_->send(std::move(post)));
    if (response->status >= 400) {
        std::string body = co_await readQuietly(*response);
        throw httpError(response->status, body, call.operation);
    }
    response->body->cancel();
}

Task<void> SseTransport::close() {
    abandon();
    co_return;
}

void SseTransport::abandon() {
    if (stream_) stream_->stop();
    stream_.reset();
    endpoint_.clear();
}

}  // namespace genai::mcp
