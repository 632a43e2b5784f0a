#include "http/api_client.hpp"

#include "core/json.hpp"
#include "core/text.hpp"
#include "http/error_body.hpp"

namespace genai::http {

namespace {
bool isTransient(ErrorKind kind) { return kind == ErrorKind::Connection || kind == ErrorKind::Timeout; }

std::string requestIdOf(const Headers& headers) {
    for (const char* name : {"x-request-id", "request-id", "x-correlation-id", "audit-id"}) {
        if (auto value = headers.get(name)) return truncateUtf8(*value, 200);
    }
    return {};
}
}  // namespace

ApiClient::ApiClient(std::shared_ptr<Transport> transport, std::shared_ptr<Runtime> runtime,
                     ApiClientSettings settings)
    : transport_(std::move(transport)), runtime_(std::move(runtime)), settings_(std::move(settings)) {}

Request ApiClient::buildRequest(const ApiRequest& api, const CallOptions& options) const {
    Request request;
    request.method = api.method;
    request.url = api.url;
    for (const auto& [name, value] : settings_.defaultHeaders.entries()) request.headers.set(name, value);
    if (!settings_.token.empty())
        request.headers.set("Authorization", "Bearer " + settings_.token.reveal());
    if (api.jsonBody) {
        request.headers.set("Content-Type", "application/json");
        request.body = api.jsonBody->dump();
        request.hasBody = true;
    } else if (api.body) {
        request.body = *api.body;
        request.hasBody = true;
    }
    for (const auto& [name, value] : api.headers.entries()) request.headers.set(name, value);
    for (const auto& [name, value] : options.headers.entries()) request.headers.set(name, value);
    request.timeoutMs = options.timeoutMs.value_or(settings_.timeoutMs);
    request.streaming = api.streaming;
    request.signal = options.signal;
    return request;
}

Error ApiClient::makeError(ErrorInfo info, const FailureContext& context) const {
    if (info.service.empty()) info.service = settings_.service;
    if (info.operation.empty()) info.operation = context.request.operation;
    if (settings_.adjustError) settings_.adjustError(info, context);
    info.message = redactSecrets(info.message);
    // A server may echo the token in a shape redactSecrets cannot know ("token abc rejected"):
    // remove this client's own token wherever it stands.
    if (const std::string& token = settings_.token.reveal(); token.size() >= 4) {
        for (std::string* text : {&info.message, &info.serverMessage, &info.serverType}) {
            for (size_t at = text->find(token); at != std::string::npos; at = text->find(token, at))
                text->replace(at, token.size(), Secret::redacted());
        }
    }
    return Error(std::move(info));
}

void ApiClient::throwBadBody(const ApiRequest& request, std::string message) const {
    ErrorInfo info;
    info.kind = ErrorKind::Protocol;
    info.code = "INVALID_RESPONSE";
    info.mappedStatus = 502;
    info.message = std::move(message);
    throw makeError(std::move(info), FailureContext{request, 0, {}});
}

Task<Response> ApiClient::sendOnce(const ApiRequest& api, const CallOptions& options) {
    if (options.signal && options.signal->aborted()) {
        throw abortError();
    }
    co_return co_await transport_->send(buildRequest(api, options));
}

Task<Response> ApiClient::send(ApiRequest api, const CallOptions& options) {
    const bool retryable = !api.neverRetry && (isIdempotentMethod(api.method) || options.retryNonIdempotent);
    const int maxRetries = retryable ? std::max(0, options.maxRetries.value_or(settings_.retry.maxRetries)) : 0;

    for (int attempt = 0;; ++attempt) {
        std::optional<Response> response;
        std::optional<ErrorInfo> failure;
        try {
            response.emplace(co_await sendOnce(api, options));
        } catch (const Error& e) {
            failure = e.info();
        }

        if (failure) {
            if (attempt < maxRetries && isTransient(failure->kind)) {
                co_await runtime_->sleep(
                    retryDelayMs(settings_.retry, attempt, std::nullopt, runtime_->random()), options.signal);
                continue;
            }
            throw makeError(std::move(*failure), FailureContext{api, 0, {}});
        }

        const int status = response->status;
        const bool ok = api.expectedStatus ? status == api.expectedStatus : (status >= 200 && status < 300);
        if (ok) co_return std::move(*response);

        auto serverDelay = parseRetryAfterMs(response->headers, runtime_->unixSeconds());
        if (attempt < maxRetries && shouldRetryStatus(status, response->headers)) {
            response->body->cancel();
            co_await runtime_->sleep(
                retryDelayMs(settings_.retry, attempt, serverDelay, runtime_->random()), options.signal);
            continue;
        }

        std::string body;
        try {
            body = co_await response->text();
        } catch (const Error&) {
            // The status says enough; a body cut short only loses the server's wording.
        }
        ServerErrorText server = parseErrorBody(body);
        ErrorInfo info;
        info.kind = errorKindForStatus(status);
        info.code = "HTTP_" + std::to_string(status);
        info.status = status;
        info.mappedStatus = status;
        info.serverMessage = server.message;
        info.serverType = server.type;
        info.requestId = requestIdOf(response->headers);
        if (serverDelay) info.retryAfterSeconds = *serverDelay / 1000.0;
        info.message = std::to_string(status) + " " + response->statusText +
                       (server.message.empty() ? "" : ": " + server.message);
        throw makeError(std::move(info), FailureContext{api, status, body});
    }
}

Task<std::string> ApiClient::readBody(const ApiRequest& api, Response& response) {
    std::optional<ErrorInfo> failure;
    try {
        co_return co_await response.text();
    } catch (const Error& e) {
        failure = e.info();
    }
    throw makeError(std::move(*failure), FailureContext{api, response.status, {}});
}

Task<JsonResult> ApiClient::sendShaped(ApiRequest api, const CallOptions& options, const Shape& shape,
                                       std::string member) {
    Response response = co_await send(api, options);
    JsonResult result;
    result.text = co_await readBody(api, response);
    result.member = std::move(member);
    if (auto problem = checkShape(result.text, shape)) throwBadBody(api, "failed to unmarshal response: " + *problem);
    co_return result;
}

Task<Json> ApiClient::sendJson(ApiRequest api, const CallOptions& options) {
    Response response = co_await send(api, options);
    std::string body = co_await readBody(api, response);
    if (trim(body).empty()) co_return Json();
    Json parsed = parseJsonOrDiscarded(body);
    if (parsed.is_discarded()) throwBadBody(api, "failed to unmarshal response: the body is not JSON");
    co_return parsed;
}

Task<void> ApiClient::sendNoContent(ApiRequest api, const CallOptions& options) {
    Response response = co_await send(api, options);
    response.body->cancel();
}

bool adjustTransportFailure(ErrorInfo& info, const FailureContext& context, const TransportFailureWording& wording) {
    switch (info.kind) {
        case ErrorKind::Connection: {
            const bool bodyBroke = context.status != 0;
            info.code = bodyBroke ? "INVALID_RESPONSE" : "CONNECTION_FAILED";
            info.mappedStatus = bodyBroke ? 502 : 503;
            info.message = std::string(bodyBroke ? wording.read : wording.connect) + info.message;
            return true;
        }
        case ErrorKind::Timeout:
            info.code = "TIMEOUT";
            info.mappedStatus = 408;
            info.message = std::string(wording.timeout) + info.message;
            return true;
        case ErrorKind::Protocol:
            info.code = "INVALID_RESPONSE";
            info.mappedStatus = 502;
            return true;
        case ErrorKind::Abort:
        case ErrorKind::Validation:
            return true;
        default:
            return false;
    }
}

}  // namespace genai::http
