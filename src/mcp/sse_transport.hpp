// The legacy HTTP+SSE transport (MCP 2024-11-05): a long-lived GET whose first event names the
// URL to POST messages to (resolved against the server URL, and kept to the server's origin);
// every reply arrives on the GET stream and is matched to its request by id in the session.
// The stream belongs to the transport, not to any call: abandon() or close() ends it.
#pragma once

#include <vector>

#include "http/cancel_source.hpp"
#include "http/sse_parser.hpp"
#include "mcp/transport.hpp"

namespace genai::mcp {

class SseTransport final : public McpTransport {
public:
    SseTransport(std::shared_ptr<http::Transport> http, TransportSettings settings, std::weak_ptr<MessageSink> sink);
    ~SseTransport() override;

    Task<void> connect(std::shared_ptr<http::CancelSignal> signal, std::string operation) override;
    Task<void> send(Outgoing message) override;
    void setProtocolVersion(std::string) override {}
    Task<void> close() override;
    void abandon() override;

    // The endpoint messages are posted to ("" before connect()).
    const std::string& endpoint() const noexcept { return endpoint_; }

    struct Stream {
        std::unique_ptr<http::BodyStream> body;
        std::shared_ptr<http::CancelSource> cancel = http::CancelSource::create();
        http::SseParser parser;
        std::vector<http::SseEvent> unread;  // events read but not handled yet
        bool ended = false;
        bool stopped = false;                // ended on purpose: nobody needs to hear of it
        void stop();
    };

private:
    std::shared_ptr<http::Transport> http_;
    TransportSettings settings_;
    std::weak_ptr<MessageSink> sink_;
    std::shared_ptr<Stream> stream_;
    std::string endpoint_;
};

}  // namespace genai::mcp
