// What makes a streamed LlamaStack Response (UPSTREAM.md §2.5) fail: an event carrying a
// top-level `error` (LlamaStack's `data: {"error": {...}}` on a server-side exception), a
// `type: "error"` event, or a body that ends before the response reached a final state.
// Every other event passes through, whatever its `type`.
#pragma once

#include "http/json_event_stream.hpp"

namespace genai::llamastack {

class ResponseStreamPolicy final : public http::EventPolicy {
public:
    std::vector<std::string_view> fields() const override { return {"type", "error"}; }
    std::optional<ErrorInfo> inspect(const http::SseEvent& event, const std::vector<http::JsonField>& fields) override;
    std::optional<ErrorInfo> atEnd() override;

private:
    bool finalEventSeen_ = false;  // response.completed / .failed / .incomplete
};

}  // namespace genai::llamastack
