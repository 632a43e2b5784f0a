// The streamable HTTP transport (MCP 2025-03-26 and later): every message is a POST to the server
// URL; a request's reply is one JSON message or an SSE stream read until the response with its
// id; a stream cut before that is resumed with a GET carrying Last-Event-ID after the server's
// `retry:` delay. The session id the server assigns is sent back on every later request and the
// session is ended with DELETE. When asked to listen, a standalone GET stream carries what the
// server sends on its own; it is resumed after a cut like any other stream, and ends with the
// session.
#pragma once

#include "http/cancel_source.hpp"
#include "http/sse_parser.hpp"
#include "mcp/transport.hpp"

namespace genai::mcp {

class StreamableHttpTransport final : public McpTransport,
                                      public std::enable_shared_from_this<StreamableHttpTransport> {
public:
    StreamableHttpTransport(std::shared_ptr<http::Transport> http, std::shared_ptr<http::Runtime> runtime,
                            TransportSettings settings, std::weak_ptr<MessageSink> sink);

    Task<void> connect(std::shared_ptr<http::CancelSignal>, std::string) override;
    Task<void> send(Outgoing message) override;
    void setProtocolVersion(std::string version) override { protocolVersion_ = std::move(version); }
    void listen() override;
    Task<void> close() override;
    void abandon() override;
    std::string sessionId() const override { return sessionId_; }

    // Reconnections without any new event before a cut stream counts as lost.
    static constexpr int kMaxReconnects = 5;
    // Delay before resuming when the server never sent `retry:`.
    static constexpr double kDefaultRetryMs = 1000;

private:
    http::Request request(std::string method, const Outgoing* call) const;
    // Reads SSE events, delivering each message, until the response to `call` (true) or the end
    // of the stream (false, also for a network failure mid-stream). A call without a request id
    // reads to the end.
    Task<bool> readEvents(http::Response& response, http::SseParser& parser, const Outgoing& call);
    static Task<void> listenLoop(std::weak_ptr<StreamableHttpTransport> weak, std::shared_ptr<http::CancelSource> stop);
    // Reads `first` and resumes it with GET + Last-Event-ID until the response arrives.
    Task<void> followStream(http::Response first, const Outgoing& call);
    Task<http::Response> openResumeStream(const std::string& lastEventId, const Outgoing& call);
    http::Request deleteRequest() const;

    std::shared_ptr<http::Transport> http_;
    std::shared_ptr<http::Runtime> runtime_;
    TransportSettings settings_;
    std::weak_ptr<MessageSink> sink_;
    std::string sessionId_;
    std::string protocolVersion_;
    std::shared_ptr<http::CancelSource> listening_;  // the standalone stream, while it runs
};

}  // namespace genai::mcp
