// Finds the server's own words in an error body. Every service speaks a different shape:
// OpenAI `{"error":{"message","type","code"}}`, MaaS `{"error":{"message","type"}}` or
// `{"error":"text"}`, Kubernetes `Status{message, reason, code}`, JSON-RPC `{"error":{"code","message"}}`,
// FastAPI `{"detail": ...}`, or plain text.
#pragma once

#include <string>
#include <string_view>

namespace genai::http {

struct ServerErrorText {
    std::string message;  // redacted, at most 1000 bytes; raw body text when not JSON
    std::string type;     // `type`, `reason` or `code` when the body names one
};

ServerErrorText parseErrorBody(std::string_view body);

}  // namespace genai::http
