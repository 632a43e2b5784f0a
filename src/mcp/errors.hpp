// How MCP failures are worded and classified (UPSTREAM.md §4.3 and §4.4): HTTP failures read as
// "HTTP <code>: <text>" the way the upstream MCPErrorHandlingTransport words them, and every
// failure gets the code / status / message of the upstream mapMCPError table.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/message.hpp"

namespace genai::mcp {

struct McpFailure {
    const char* code = "internal_error";  // CONNECTION_FAILED, TIMEOUT, unauthorized, forbidden, not_found, ...
    int status = 500;                     // the upstream StatusCode
    const char* message = nullptr;        // e.g. "Server is not reachable"; null: "MCP operation failed: <error>"

    // The message of the status objects for the error text `raw`.
    std::string describe(std::string_view raw) const {
        return message ? std::string(message) : "MCP operation failed: " + std::string(raw);
    }
};

// The upstream mapMCPError: substring tests on the error text, first match wins.
McpFailure mapMcpErrorText(std::string_view text);
// The same for an SDK error. Any network failure (refused, DNS, CORS) means the server is not
// reachable, and any timeout is a timeout, whatever words the platform used.
McpFailure mapMcpError(const Error& error);

// "HTTP <status>: <text>": the first string among the body's `error`, `message`, `detail` (or a
// JSON-RPC error body's error.message), else the raw body; redacted and cut to 1000 bytes.
std::string httpFailureText(int status, std::string_view body);

// An HTTP failure of an MCP request as a typed error (kind from the status, code from the table).
Error httpError(int status, std::string_view body, std::string_view operation);
// A reply that breaks the protocol (bad JSON, wrong content type, unsupported version).
Error protocolError(std::string_view operation, std::string message);
// The AbortError of a call its caller aborted (or its client closed).
Error abortedCall(std::string_view operation, std::string message = "the request was aborted");
// The server could not be reached or its connection broke (a ConnectionError for MCP).
Error connectionError(std::string_view operation, std::string message);
// A transport failure (network, timeout, abort) re-labelled for MCP, message kept. Errors this
// service made already are returned unchanged.
Error relabel(const Error& error, std::string_view operation);

}  // namespace genai::mcp
