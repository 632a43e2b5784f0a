#include "core/error.hpp"

#include <cctype>

namespace genai {

std::string_view errorKindName(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::Validation: return "ValidationError";
        case ErrorKind::BadRequest: return "BadRequestError";
        case ErrorKind::Authentication: return "AuthenticationError";
        case ErrorKind::PermissionDenied: return "PermissionDeniedError";
        case ErrorKind::NotFound: return "NotFoundError";
        case ErrorKind::Conflict: return "ConflictError";
        case ErrorKind::RateLimit: return "RateLimitError";
        case ErrorKind::Server: return "ServerError";
        case ErrorKind::Api: return "APIError";
        case ErrorKind::Connection: return "ConnectionError";
        case ErrorKind::Timeout: return "TimeoutError";
        case ErrorKind::Abort: return "AbortError";
        case ErrorKind::Protocol: return "ProtocolError";
    }
    return "GenAIError";
}

ErrorKind errorKindForStatus(int status) {
    switch (status) {
        case 400:
        case 422: return ErrorKind::BadRequest;
        case 401: return ErrorKind::Authentication;
        case 403: return ErrorKind::PermissionDenied;
        case 404: return ErrorKind::NotFound;
        case 408: return ErrorKind::Timeout;
        case 409: return ErrorKind::Conflict;
        case 429: return ErrorKind::RateLimit;
        default: return status >= 500 ? ErrorKind::Server : ErrorKind::Api;
    }
}

Error::Error(ErrorInfo info) : std::runtime_error(info.message), info_(std::move(info)) {}

void throwValidation(std::string_view service, std::string_view operation, std::string message) {
    ErrorInfo info;
    info.kind = ErrorKind::Validation;
    info.code = "INVALID_REQUEST";
    info.mappedStatus = 400;
    info.service = service;
    info.operation = operation;
    info.message = std::move(message);
    throw Error(std::move(info));
}

void throwProtocol(std::string_view service, std::string_view operation, std::string code,
                   std::string message) {
    ErrorInfo info;
    info.kind = ErrorKind::Protocol;
    info.code = std::move(code);
    info.mappedStatus = 502;
    info.service = service;
    info.operation = operation;
    info.message = std::move(message);
    throw Error(std::move(info));
}

Error abortError(std::string message) {
    ErrorInfo info;
    info.kind = ErrorKind::Abort;
    info.code = "ABORTED";
    info.message = std::move(message);
    return Error(std::move(info));
}

namespace {
bool startsWithNoCase(std::string_view text, size_t at, std::string_view word) {
    if (text.size() - at < word.size()) return false;
    for (size_t i = 0; i < word.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[at + i])) !=
            std::tolower(static_cast<unsigned char>(word[i])))
            return false;
    }
    return true;
}
bool isTokenChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
           c == '~' || c == '+' || c == '/' || c == '=';
}
}  // namespace

std::string redactSecrets(std::string_view text) {
    // Words after which the next run of token characters is a credential.
    static constexpr std::string_view markers[] = {"bearer ", "token=", "\"token\":\"",
                                                   "\"token\": \"", "api_key=", "\"key\":\""};
    std::string out;
    out.reserve(text.size());
    size_t i = 0;
    while (i < text.size()) {
        bool matched = false;
        for (auto marker : markers) {
            if (startsWithNoCase(text, i, marker)) {
                out.append(text.substr(i, marker.size()));
                i += marker.size();
                size_t end = i;
                while (end < text.size() && isTokenChar(text[end])) ++end;
                if (end > i) out.append("[REDACTED]");
                i = end;
                matched = true;
                break;
            }
        }
        if (!matched) {
            // Keys in the sk-... form and JWTs are credentials wherever they stand.
            bool wordStart = i == 0 || !isTokenChar(text[i - 1]);
            if (wordStart && (startsWithNoCase(text, i, "sk-") || startsWithNoCase(text, i, "eyJ"))) {
                size_t end = i;
                while (end < text.size() && isTokenChar(text[end])) ++end;
                if (end - i >= 12) {
                    out.append("[REDACTED]");
                    i = end;
                    continue;
                }
            }
            out.push_back(text[i]);
            ++i;
        }
    }
    return out;
}

}  // namespace genai
