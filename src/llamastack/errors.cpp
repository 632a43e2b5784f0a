#include "llamastack/errors.hpp"

#include <cctype>

#include <nlohmann/json.hpp>

#include "core/json.hpp"

namespace genai::llamastack {

namespace {
// `error.code` of an OpenAI-style error body, if there is one.
std::string errorCodeOf(std::string_view body) {
    auto doc = parseJsonOrDiscarded(body);
    if (!doc.is_object()) return {};
    auto error = doc.find("error");
    if (error == doc.end() || !error->is_object()) return {};
    auto code = error->find("code");
    return code != error->end() && code->is_string() ? code->get<std::string>() : std::string();
}
}  // namespace

std::string_view resolveComponent(std::string_view errorCode) {
    static constexpr std::string_view modelCodes[] = {
        "invalid_prompt", "invalid_image", "invalid_image_format", "invalid_base64_image", "invalid_image_url",
        "image_too_large", "image_too_small", "image_parse_error", "image_content_policy_violation",
        "invalid_image_mode", "image_file_too_large", "unsupported_image_media_type", "empty_image_file",
        "failed_to_download_image", "image_file_not_found"};
    if (errorCode == "vector_store_timeout") return "rag";
    for (auto code : modelCodes)
        if (errorCode == code) return "model";
    return "ogx";
}

std::string upstreamOperationName(std::string_view operation) {
    std::string name(operation);
    if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    return name;
}

void adjustLlamaStackError(ErrorInfo& info, const http::FailureContext& context) {
    const std::string op = upstreamOperationName(info.operation);
    switch (info.kind) {
        case ErrorKind::Validation:
        case ErrorKind::Abort:
            return;
        case ErrorKind::Connection:
            info.code = "CONNECTION_FAILED";
            info.mappedStatus = 502;
            info.component = "ogx";
            // With a status the response had begun: the connection broke while its body came.
            info.message = (context.status ? "lost the connection to the LlamaStack server during operation "
                                           : "failed to connect to LlamaStack server on operation ") +
                           op + ": " + info.message;
            return;
        case ErrorKind::Timeout:
            if (info.status == 0) {  // our own timer, not an HTTP 408
                info.code = "TIMEOUT";
                info.mappedStatus = 504;
                info.component = "ogx";
                info.message = "LlamaStack request timed out on operation " + op + ": " + info.message;
                return;
            }
            break;
        case ErrorKind::Protocol:
            // The server answered, but not with what the operation expects (bad JSON, bad SSE).
            info.code = "INTERNAL_ERROR";
            info.mappedStatus = 500;
            info.component = "ogx";
            info.message = "unexpected error on operation " + op + ": " + info.message;
            return;
        default:
            break;
    }
    const int status = info.status ? info.status : context.status;
    switch (status) {
        case 400: info.code = "INVALID_REQUEST"; break;
        case 401: info.code = "UNAUTHORIZED"; break;
        case 404: info.code = "NOT_FOUND"; break;
        case 408:
        case 429:
        case 503:
        case 504: info.code = "SERVER_UNAVAILABLE"; break;
        default: info.code = "INTERNAL_ERROR"; break;
    }
    info.mappedStatus = status;
    std::string code = errorCodeOf(context.body);
    if (code.empty() && !info.serverType.empty()) code = info.serverType;
    info.component = std::string(resolveComponent(code));
    // The server's message when it gave one, else the whole error as received.
    info.message = "LlamaStack error on operation " + op + ": " +
                   (info.serverMessage.empty() ? info.message : info.serverMessage);
}

}  // namespace genai::llamastack
