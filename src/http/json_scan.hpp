// Checks JSON text in one pass without building a document, and picks out the raw text of a few
// top-level fields. Streams use it on every event: building an nlohmann::json per event would
// cost more than the rest of the stream, and the events are parsed once, in JS, anyway.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace genai::http {

struct JsonField {
    std::string_view name;  // the top-level key asked for
    std::string_view raw;   // the JSON text of its value ("\"error\"", "{...}", "null"); empty: absent
};

// True when `text` is exactly one JSON value (RFC 8259), whitespace around it allowed. The text
// must be valid UTF-8 (an SSE parser guarantees it); nesting deeper than 512 levels is rejected.
// When the value is an object, each of `fields` gets the raw text of its value (the last one
// wins when a key repeats, as JSON.parse does); fields not present are left empty.
bool scanJson(std::string_view text, std::vector<JsonField>* fields = nullptr);

// The text of a JSON string token (quotes included), with escapes decoded; nullopt when `raw`
// is not a well-formed string token.
std::optional<std::string> jsonStringValue(std::string_view raw);

}  // namespace genai::http
