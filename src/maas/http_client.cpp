#include "maas/http_client.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "http/url.hpp"

namespace genai::maas {

namespace {
constexpr const char* kTokenCategory = "access_tokens";

using http::Shape;

const Shape& apiKeyShape() {
    static const Shape shape = Shape::object({{"id", Shape::string()}});
    return shape;
}

const Shape& subscriptionsShape() {
    static const Shape shape = Shape::arrayOf(Shape::object({{"subscription_id_header", Shape::string()}}));
    return shape;
}

std::string requireId(std::string id, std::string_view operation, const char* what) {
    if (id.empty()) throwValidation("maas", operation, std::string(what) + " is required");
    return id;
}

http::ApiClientSettings settingsFor(const http::ClientOptions& options) {
    http::ApiClientSettings settings;
    settings.service = "maas";
    settings.token = options.token;
    settings.timeoutMs = options.timeoutMs.value_or(30000);  // the upstream client's 30 s
    if (options.maxRetries) settings.retry.maxRetries = *options.maxRetries;
    settings.defaultHeaders = options.defaultHeaders;
    settings.adjustError = adjustMaaSError;
    return settings;
}
}  // namespace

void adjustMaaSError(ErrorInfo& info, const http::FailureContext& context) {
    static constexpr http::TransportFailureWording wording{"failed to connect to MaaS service: ",
                                                           "failed to read response body: ",
                                                           "MaaS request timed out: "};
    if (http::adjustTransportFailure(info, context, wording)) return;
    if (context.status >= 500) {
        info.code = "SERVER_UNAVAILABLE";
        info.mappedStatus = 503;
        info.message = "MaaS service is not available" +
                       (info.serverMessage.empty() ? std::string() : ": " + info.serverMessage);
    } else {
        info.code = "INVALID_RESPONSE";
        info.mappedStatus = 502;
        info.message = "API request failed with status " + std::to_string(context.status) + ": " +
                       (info.serverMessage.empty() ? std::string("(empty body)") : info.serverMessage);
    }
}

HttpMaaSClient::HttpMaaSClient(std::shared_ptr<http::Transport> transport, std::shared_ptr<http::Runtime> runtime,
                               const http::ClientOptions& options, std::shared_ptr<MemoryStore> tokenCache)
    : baseUrl_(options.baseUrl),
      api_(std::move(transport), std::move(runtime), settingsFor(options)),
      tokenCache_(std::move(tokenCache)) {}

http::ApiRequest HttpMaaSClient::request(std::string operation, std::string method, std::string path) const {
    http::ApiRequest r;
    r.operation = std::move(operation);
    r.method = std::move(method);
    r.url = http::joinUrl(baseUrl_, path);
    return r;
}

Task<JsonResult> HttpMaaSClient::listModels(std::string subscription, CallOptions options) {
    static const Shape shape = Shape::object({{"data", Shape::arrayOf(Shape::object({{"id", Shape::string()}}))}});
    auto r = request("listModels", "GET", "v1/models");
    r.expectedStatus = 200;
    if (!subscription.empty()) r.headers.set("X-MaaS-Subscription", subscription);
    co_return co_await api_.sendShaped(r, options, shape, "data");
}

Task<JsonResult> HttpMaaSClient::issueToken(TokenRequest token, CallOptions options) {
    static const Shape shape = Shape::object({{"token", Shape::string()}, {"expiresAt", Shape::integer()}});
    auto r = request("issueToken", "POST", "v1/tokens");
    r.expectedStatus = 201;
    r.neverRetry = true;
    r.jsonBody = Json{{"expiration", token.expiration}};
    co_return co_await api_.sendShaped(r, options, shape);
}

Task<void> HttpMaaSClient::revokeAllTokens(CallOptions options) {
    auto r = request("revokeAllTokens", "DELETE", "v1/tokens");
    r.expectedStatus = 204;
    co_await api_.sendNoContent(r, options);
    tokenCache_->deleteCategoryEverywhere(kTokenCategory);
}

Task<Json> HttpMaaSClient::getModelToken(ModelTokenRequest wanted, CallOptions options) {
    if (auto cached = tokenCache_->get(wanted.ns, wanted.username, kTokenCategory, wanted.modelId)) {
        Json hit = *cached;
        hit["cached"] = true;
        co_return hit;
    }
    TokenRequest token;
    token.expiration = wanted.expiration;
    Json issued = (co_await issueToken(token, options)).parse();
    const double ttl = parseGoDuration(wanted.expiration).value_or(1800);
    Json entry = {{"token", issued["token"]}, {"expiresAt", issued["expiresAt"]}};
    tokenCache_->set(wanted.ns, wanted.username, kTokenCategory, wanted.modelId, entry, ttl);
    entry["cached"] = false;
    co_return entry;
}

Task<JsonResult> HttpMaaSClient::createApiKey(CreateApiKeyRequest key, CallOptions options) {
    static const Shape shape = Shape::object({{"key", Shape::string()}, {"id", Shape::string()}});
    auto r = request("createApiKey", "POST", "v1/api-keys");
    r.expectedStatus = 201;
    r.neverRetry = true;  // a retry could mint a second key
    r.jsonBody = key.toJson();
    co_return co_await api_.sendShaped(r, options, shape);
}

Task<JsonResult> HttpMaaSClient::searchApiKeys(SearchApiKeysRequest search, CallOptions options) {
    static const Shape shape = Shape::object({{"data", Shape::arrayOf(Shape::object({{"id", Shape::string()}}))},
                                              {"has_more", Shape::boolean()}});
    auto r = request("searchApiKeys", "POST", "v1/api-keys/search");
    r.expectedStatus = 200;
    r.jsonBody = search.toJson();
    options.retryNonIdempotent = true;  // a search changes nothing
    co_return co_await api_.sendShaped(r, options, shape);
}

Task<JsonResult> HttpMaaSClient::getApiKey(std::string id, CallOptions options) {
    auto r = request("getApiKey", "GET", "v1/api-keys/" + http::encodePathSegment(requireId(id, "getApiKey", "id")));
    r.expectedStatus = 200;
    co_return co_await api_.sendShaped(r, options, apiKeyShape());
}

Task<JsonResult> HttpMaaSClient::revokeApiKey(std::string id, CallOptions options) {
    auto r = request("revokeApiKey", "DELETE",
                     "v1/api-keys/" + http::encodePathSegment(requireId(id, "revokeApiKey", "id")));
    r.expectedStatus = 200;
    co_return co_await api_.sendShaped(r, options, apiKeyShape());
}

Task<JsonResult> HttpMaaSClient::bulkRevokeApiKeys(BulkRevokeRequest bulk, CallOptions options) {
    static const Shape shape = Shape::object({{"revokedCount", Shape::integer()}});
    auto r = request("bulkRevokeApiKeys", "POST", "v1/api-keys/bulk-revoke");
    r.expectedStatus = 200;
    r.jsonBody = bulk.toJson();
    co_return co_await api_.sendShaped(r, options, shape);
}

Task<JsonResult> HttpMaaSClient::getApiKeyConfig(CallOptions options) {
    static const Shape shape =
        Shape::object({{"max_expiration_days", Shape::integer()}, {"ephemeral_max_expiration", Shape::string()}});
    auto r = request("getApiKeyConfig", "GET", "v1/api-keys/config");
    r.expectedStatus = 200;
    co_return co_await api_.sendShaped(r, options, shape);
}

Task<JsonResult> HttpMaaSClient::listSubscriptions(CallOptions options) {
    auto r = request("listSubscriptions", "GET", "v1/subscriptions");
    r.expectedStatus = 200;
    co_return co_await api_.sendShaped(r, options, subscriptionsShape());
}

Task<JsonResult> HttpMaaSClient::listModelSubscriptions(std::string modelRefName, CallOptions options) {
    auto r = request("listModelSubscriptions", "GET",
                     "v1/model/" + http::encodePathSegment(requireId(modelRefName, "listModelSubscriptions", "modelRefName")) +
                         "/subscriptions");
    r.expectedStatus = 200;
    co_return co_await api_.sendShaped(r, options, subscriptionsShape());
}

Task<JsonResult> HttpMaaSClient::getTenants(CallOptions options) {
    static const Shape shape = Shape::object({{"tenants", Shape::arrayOf(Shape::object({{"name", Shape::string()}}))}});
    auto r = request("getTenants", "GET", "v1/tenants");
    r.expectedStatus = 200;
    co_return co_await api_.sendShaped(r, options, shape);
}

Task<JsonResult> HttpMaaSClient::health(CallOptions options) {
    static const Shape shape = Shape::object({{"status", Shape::string()}});
    auto r = request("health", "GET", "health");
    r.expectedStatus = 200;
    co_return co_await api_.sendShaped(r, options, shape);
}

}  // namespace genai::maas
