#include "mcp/wire.hpp"

#include "core/json.hpp"
#include "core/text.hpp"
#include "mcp/errors.hpp"

namespace genai::mcp {

http::Request baseRequest(std::string method, std::string url, const TransportSettings& settings,
                          const Outgoing* call) {
    http::Request request;
    request.method = std::move(method);
    request.url = std::move(url);
    for (const auto& [name, value] : settings.headers.entries()) request.headers.set(name, value);
    if (!settings.mcpToken.empty()) request.headers.set("Authorization", "Bearer " + settings.mcpToken.reveal());
    if (call) {
        for (const auto& [name, value] : call->headers.entries()) request.headers.set(name, value);
        request.signal = call->signal;
    }
    request.streaming = true;  // deadlines are the session's, not the fetch's
    return request;
}

std::string mediaType(const http::Headers& headers) {
    std::string type = toLower(headers.get("content-type").value_or(""));
    if (auto semicolon = type.find(';'); semicolon != std::string::npos) type.resize(semicolon);
    return std::string(trim(type));
}

Task<std::string> readQuietly(http::Response& response) {
    std::string body;
    try {
        body = co_await response.text();
    } catch (const Error&) {
        body.clear();
    }
    co_return body;
}

bool carriesMessage(const http::SseEvent& event) {
    return (event.event.empty() || event.event == "message") && !trim(event.data).empty();
}

void appendMessages(std::string_view text, std::vector<Json>& out, std::string_view operation) {
    Json parsed = parseJsonOrDiscarded(text);
    if (parsed.is_discarded())
        throw protocolError(operation, "the server sent a message that is not JSON: " + truncateUtf8(text, 200));
    if (parsed.is_array()) {
        for (auto& message : parsed) out.push_back(std::move(message));
    } else {
        out.push_back(std::move(parsed));
    }
}

}  // namespace genai::mcp
