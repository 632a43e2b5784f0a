// Incremental Server-Sent Events parser following the HTML Living Standard, section
// "Interpreting an event stream". Bytes may arrive in any chunking; nothing is dispatched until
// the blank line that ends an event.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace genai::http {

struct SseEvent {
    std::string event;  // "" when no event: field was sent; consumers treat "" as "message"
    std::string data;
    std::string id;     // last event id in force when the event was dispatched
};

class SseParser {
public:
    // Appends each complete, dispatched event to `out`. A chunk may end anywhere: inside a line,
    // between the CR and LF of a pair, or inside a multi-byte UTF-8 character.
    void feed(std::string_view bytes, std::vector<SseEvent>& out);
    // End of stream. A line without its terminator and an event without its blank line are
    // discarded, as the standard requires; the parser is then ready for a new stream.
    void finish(std::vector<SseEvent>& out);

    // True while the stream stands inside an event: a line without its terminator, or data not
    // yet dispatched by a blank line. A stream that ends here was cut short.
    bool midEvent() const noexcept { return !pending_.empty() || !data_.empty(); }

    const std::string& lastEventId() const noexcept { return lastEventId_; }
    std::optional<long> retryMs() const noexcept { return retryMs_; }

    // Prepares for a new connection. The last event id and the reconnection time survive: both
    // belong to the event source, not to one stream, and the id is what a reconnect sends back.
    void reset();

private:
    void processLine(std::string_view line, std::vector<SseEvent>& out);
    void processField(std::string_view field, std::string_view value);
    void dispatch(std::vector<SseEvent>& out);

    std::string pending_;      // start of a line whose end has not arrived yet
    std::string data_;
    std::string eventType_;
    std::string idBuffer_;     // set by id: lines, published to lastEventId_ at a blank line
    std::string lastEventId_;
    std::optional<long> retryMs_;
    unsigned bomMatched_ = 0;  // bytes of a leading BOM seen so far (it may be split too)
    bool bomDone_ = false;
    bool skipLf_ = false;      // the previous chunk ended in CR, so a leading LF is its pair
};

// OpenAI-style streams end with a `data: [DONE]` event that carries no JSON.
bool isDoneSentinel(const SseEvent& e) noexcept;

}  // namespace genai::http
