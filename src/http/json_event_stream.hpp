// A streamed response of JSON events (Server-Sent Events whose data is JSON, as OpenAI-style
// APIs send), handed out in batches: next() reads the network until at least one event is
// complete and returns every event completed by then as ONE JSON array text. JS then crosses
// the wasm boundary once per network chunk, not once per event (DESIGN.md decision 5).
//
// The stream checks what every such stream needs (SSE framing, `data: [DONE]`, each event being
// JSON, a body cut in the middle of an event); an EventPolicy adds the service's own rules.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/task.hpp"
#include "http/json_scan.hpp"
#include "http/message.hpp"
#include "http/sse_parser.hpp"

namespace genai::http {

// A service's rules for the events of its streams.
class EventPolicy {
public:
    virtual ~EventPolicy() = default;
    // Top-level fields of each event's JSON that inspect() wants to see.
    virtual std::vector<std::string_view> fields() const = 0;
    // Called for every event whose data is JSON, with `fields` filled in. A failure ends the
    // stream with that error, after the events before it have been delivered.
    virtual std::optional<ErrorInfo> inspect(const SseEvent& event, const std::vector<JsonField>& fields) = 0;
    // The body ended cleanly without `[DONE]`. A failure here says the stream was cut short.
    virtual std::optional<ErrorInfo> atEnd() = 0;
};

class JsonEventStream {
public:
    // Turns an ErrorInfo (with the HTTP status of the stream's response, 0 before it came) into
    // the service's error: normally ApiClient::makeError bound to the request.
    using ErrorMaker = std::function<Error(ErrorInfo, int status)>;

    // `opening` sends the request; it is awaited by the first next(), so nothing is sent before
    // the stream is read, and a failure to open surfaces there.
    JsonEventStream(Task<Response> opening, std::unique_ptr<EventPolicy> policy, ErrorMaker makeError);

    // The next batch: a JSON array text of one or more events; "[]" once the stream has ended.
    // An error is thrown exactly once (after the events that came before it); every later call
    // answers "[]". Calls must not overlap.
    Task<std::string> next();

    // Stops the transfer. A pending or later next() answers "[]". Safe to call more than once.
    void cancel();

    bool finished() const noexcept { return finished_; }

private:
    [[noreturn]] void fail(ErrorInfo info);
    // Parses one chunk and appends its complete events to `batch` ("e1,e2,"); returns how many.
    size_t takeEvents(std::string_view chunk, std::string& batch);
    void finishTransfer();

    Task<Response> opening_;
    std::unique_ptr<EventPolicy> policy_;
    ErrorMaker makeError_;
    std::optional<Response> response_;
    SseParser parser_;
    std::vector<SseEvent> events_;       // reused between chunks
    std::vector<JsonField> fields_;
    std::optional<Error> pendingError_;  // met after some events of a batch: thrown on the next call
    bool busy_ = false;
    bool finished_ = false;
    bool cancelled_ = false;
};

}  // namespace genai::http
