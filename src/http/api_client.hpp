// ApiClient runs one API call over a Transport: adds the bearer token, applies the timeout,
// retries what may be retried, and turns every failure into a genai::Error that the service's
// ErrorAdjuster shapes into its upstream codes. Each service client owns one.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/secret.hpp"
#include "core/task.hpp"
#include "http/json_result.hpp"
#include "http/message.hpp"
#include "http/retry.hpp"
#include "http/transport.hpp"

namespace genai::http {

using Json = nlohmann::json;

// Per-call options (the JS `{ signal, timeout, headers, maxRetries }` object).
struct CallOptions {
    std::shared_ptr<CancelSignal> signal;
    std::optional<double> timeoutMs;
    std::optional<int> maxRetries;
    Headers headers;                       // extra headers, added last
    bool retryNonIdempotent = false;       // opt in to retrying a POST / PATCH
};

struct ApiRequest {
    std::string operation;                 // "listModels": for errors
    std::string method = "GET";
    std::string url;                       // absolute
    Headers headers;
    std::optional<std::string> body;       // sent as is
    std::optional<Json> jsonBody;          // serialised, Content-Type: application/json
    int expectedStatus = 0;                // 0: any 2xx; else exactly this status
    bool neverRetry = false;               // e.g. creating a credential: a retry could mint two
    bool streaming = false;                // timeout covers the headers only
};

// What an adjuster knows about a failure.
struct FailureContext {
    const ApiRequest& request;
    int status = 0;                        // 0 when no response arrived
    std::string_view body;                 // the error body (may be empty)
};

// Rewrites the generic ErrorInfo into the service's upstream code, mapped status and message.
using ErrorAdjuster = std::function<void(ErrorInfo&, const FailureContext&)>;

// How MaaS and Kubernetes (whose upstream BFF words them alike) describe a failure without a
// usable HTTP answer: each is a prefix put before the transport's own message.
struct TransportFailureWording {
    std::string_view connect;  // no response at all: CONNECTION_FAILED, 503
    std::string_view read;     // the status came but the body broke: INVALID_RESPONSE, 502
    std::string_view timeout;  // TIMEOUT, 408
};
// Maps connection failures, timeouts and malformed answers (INVALID_RESPONSE, 502) so worded;
// leaves aborts and validation errors as they are. False when `info` is an HTTP error status,
// which the service maps itself.
bool adjustTransportFailure(ErrorInfo& info, const FailureContext& context, const TransportFailureWording& wording);

struct ApiClientSettings {
    std::string service;                   // "maas", "llamastack", ...
    Secret token;                          // sent as `Authorization: Bearer <token>` when set
    double timeoutMs = 60000;
    RetryPolicy retry;
    Headers defaultHeaders;
    ErrorAdjuster adjustError;             // may be empty
};

class ApiClient {
public:
    ApiClient(std::shared_ptr<Transport> transport, std::shared_ptr<Runtime> runtime,
              ApiClientSettings settings);

    // Sends the request (with retries) and returns a successful response whose body is unread.
    Task<Response> send(ApiRequest request, const CallOptions& options);
    // send() + reads the body + parses it as JSON (an empty body gives null).
    Task<Json> sendJson(ApiRequest request, const CallOptions& options);
    // send() + reads the body + checks its shape without building a tree; the text is kept
    // for JS to parse once. `member` names the top-level member the caller gets ("" = all).
    Task<JsonResult> sendShaped(ApiRequest request, const CallOptions& options, const Shape& shape,
                                std::string member = {});
    // send() + discards the body.
    Task<void> sendNoContent(ApiRequest request, const CallOptions& options);

    // The error a failure becomes, after the service's adjuster ran.
    Error makeError(ErrorInfo info, const FailureContext& context) const;
    // A Protocol error for a body that is not what the operation expects.
    [[noreturn]] void throwBadBody(const ApiRequest& request, std::string message) const;

    const ApiClientSettings& settings() const noexcept { return settings_; }
    Runtime& runtime() const noexcept { return *runtime_; }

private:
    Request buildRequest(const ApiRequest& request, const CallOptions& options) const;
    Task<Response> sendOnce(const ApiRequest& api, const CallOptions& options);
    // The whole body; a failure while reading it becomes the service's error.
    Task<std::string> readBody(const ApiRequest& api, Response& response);

    std::shared_ptr<Transport> transport_;
    std::shared_ptr<Runtime> runtime_;
    ApiClientSettings settings_;
};

}  // namespace genai::http
