#include "llamastack/stream_policy.hpp"

#include <nlohmann/json.hpp>

#include "core/json.hpp"
#include "core/text.hpp"

namespace genai::llamastack {

namespace {
using nlohmann::json;

std::string stringField(const json& object, const char* name) {
    auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// `data: {"error": {"message": "...", "status_code": 500}}`: the server's error mid-stream.
ErrorInfo errorPayload(std::string_view data) {
    ErrorInfo info;
    const json doc = parseJsonOrDiscarded(data);
    const json error = doc.is_object() && doc.contains("error") ? doc["error"] : json();
    int status = 500;
    if (error.is_object()) {
        info.serverMessage = stringField(error, "message");
        info.serverType = stringField(error, "code");
        if (info.serverType.empty()) info.serverType = stringField(error, "type");
        for (const char* key : {"status_code", "status", "code"}) {
            auto it = error.find(key);
            if (it != error.end() && it->is_number_integer() && it->get<int>() >= 400 && it->get<int>() < 600) {
                status = it->get<int>();
                break;
            }
        }
    } else if (error.is_string()) {
        info.serverMessage = error.get<std::string>();
    }
    if (info.serverMessage.empty())
        info.serverMessage = "received error while streaming: " + truncateUtf8(data, 500);
    info.kind = errorKindForStatus(status);
    info.status = status;
    info.message = "received error while streaming: " + info.serverMessage;
    return info;
}

// A Responses API `{"type": "error", "code", "message", "param"}` event.
ErrorInfo errorEvent(std::string_view data) {
    ErrorInfo info;
    const json doc = parseJsonOrDiscarded(data);
    if (doc.is_object()) {
        info.serverMessage = stringField(doc, "message");
        info.serverType = stringField(doc, "code");
    }
    if (info.serverMessage.empty()) info.serverMessage = "the server sent an error event: " + truncateUtf8(data, 500);
    info.kind = info.serverType == "rate_limit_exceeded" ? ErrorKind::RateLimit : ErrorKind::Server;
    info.status = info.serverType == "rate_limit_exceeded" ? 429 : 500;
    info.message = info.serverMessage;
    return info;
}
}  // namespace

std::optional<ErrorInfo> ResponseStreamPolicy::inspect(const http::SseEvent& event,
                                                        const std::vector<http::JsonField>& fields) {
    // Assistants-style `thread.*` events carry their own `error` objects (openai-go's rule).
    if (startsWith(event.event, "thread.")) return std::nullopt;
    const std::string_view type = fields[0].raw;
    const std::string_view error = fields[1].raw;
    if (!error.empty() && error != "null") return errorPayload(event.data);
    if (type == "\"error\"") return errorEvent(event.data);
    if (type == "\"response.completed\"" || type == "\"response.failed\"" || type == "\"response.incomplete\"")
        finalEventSeen_ = true;
    return std::nullopt;
}

std::optional<ErrorInfo> ResponseStreamPolicy::atEnd() {
    if (finalEventSeen_) return std::nullopt;
    ErrorInfo info;
    info.kind = ErrorKind::Connection;
    info.code = "CONNECTION_FAILED";
    info.message = "the stream ended before the response was complete (no response.completed event)";
    return info;
}

}  // namespace genai::llamastack
