// The one error type of the SDK (DESIGN.md decision 6). `kind` picks the JS Error subclass;
// `code` keeps the upstream names (CONNECTION_FAILED, INVALID_RESPONSE, ...). No field ever holds
// a token: messages are built from server text and our own words only, and redactSecrets() is
// applied to anything taken from a server before it is stored.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace genai {

enum class ErrorKind {
    Validation,        // checked before any request
    BadRequest,        // 400 / 422 from the server
    Authentication,    // 401
    PermissionDenied,  // 403
    NotFound,          // 404
    Conflict,          // 409
    RateLimit,         // 429
    Server,            // 5xx
    Api,               // any other unexpected HTTP status
    Connection,        // network failure, CORS, DNS
    Timeout,
    Abort,
    Protocol,          // the server answered, but not in the protocol (bad JSON, bad SSE)
};

std::string_view errorKindName(ErrorKind kind);  // "ValidationError", "NotFoundError", ...
ErrorKind errorKindForStatus(int status);

struct ErrorInfo {
    ErrorKind kind = ErrorKind::Api;
    std::string code;            // upstream code, e.g. "INVALID_RESPONSE"
    int status = 0;              // HTTP status received; 0 when no response came
    int mappedStatus = 0;        // the status the upstream BFF maps this error to (its StatusCode)
    std::string service;         // "maas", "llamastack", "mcp", "kubernetes"
    std::string operation;       // e.g. "listModels"
    std::string message;         // readable, token-free
    std::string serverMessage;   // the server's own message, parsed out of its error body
    std::string serverType;      // the server's error type/reason, when it gives one
    std::string component;       // the part of the system that failed, when the upstream names one
                                 // (LlamaStack: "ogx", "rag", "model")
    std::string requestId;       // x-request-id (or similar) of the failed response
    std::optional<double> retryAfterSeconds;
};

class Error : public std::runtime_error {
public:
    explicit Error(ErrorInfo info);
    const ErrorInfo& info() const noexcept { return info_; }
    ErrorKind kind() const noexcept { return info_.kind; }
    const std::string& code() const noexcept { return info_.code; }
    int status() const noexcept { return info_.status; }

private:
    ErrorInfo info_;
};

// Shorthands for the errors raised by the SDK itself.
[[noreturn]] void throwValidation(std::string_view service, std::string_view operation,
                                  std::string message);
[[noreturn]] void throwProtocol(std::string_view service, std::string_view operation,
                                std::string code, std::string message);

// The error of a call stopped by its AbortSignal (or by `break` out of a stream).
Error abortError(std::string message = "the request was aborted");

// Removes bearer tokens and anything that looks like a credential from text that came from
// elsewhere (a server body, a JS exception), so it can go into an error message.
std::string redactSecrets(std::string_view text);

}  // namespace genai
