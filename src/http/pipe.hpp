// A response body that code writes while a reader reads it: the live SSE stream of a fake
// service (an MCP server pushing replies onto its GET stream) or of a test transport. The reader
// waits when the pipe is empty; write() and close() wake it on the writer's stack.
#pragma once

#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "core/async_event.hpp"
#include "core/error.hpp"
#include "http/message.hpp"

namespace genai::http {

class Pipe : public std::enable_shared_from_this<Pipe> {
public:
    static std::shared_ptr<Pipe> create() { return std::shared_ptr<Pipe>(new Pipe()); }

    void write(std::string bytes);
    // Ends the body: the reader gets the rest, then the end.
    void close();
    // Cuts the body: the reader gets `error` (a network failure, say) after what was written.
    void fail(Error error);
    // The reader cancelled (the client closed the stream); writes are dropped from then on.
    bool readerGone() const noexcept { return readerGone_; }
    bool closed() const noexcept { return closed_; }

    // The reading end, for a Response. One reader per pipe.
    std::unique_ptr<BodyStream> reader();

private:
    Pipe() = default;
    friend class PipeReader;

    std::deque<std::string> chunks_;
    std::optional<Error> failure_;
    bool closed_ = false;
    bool readerGone_ = false;
    AsyncEvent readable_;
};

}  // namespace genai::http
