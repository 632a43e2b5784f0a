#include "maas/http_client.hpp"

#include "core/duration.hpp"
#include "core/error.hpp"
#include "http/url.hpp"

namespace genai::maas {

namespace {
constexpr const char* kTokenCategory = "access_tokens";

bool hasType(const Json& value, char type) {
    switch (type) {
        case 's': return value.is_string();
        case 'i': return value.is_number_integer();
        case 'b': return value.is_boolean();
        case 'a': return value.is_array();
        case 'o': return value.is_object();
    }
    return false;
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
    switch (info.kind) {
        case ErrorKind::Connection:
            info.code = "CONNECTION_FAILED";
            info.mappedStatus = 503;
            info.message = "failed to connect to MaaS service: " + info.message;
            if (context.status != 0) {  // the status came, the body did not
                info.code = "INVALID_RESPONSE";
                info.mappedStatus = 502;
                info.message = "failed to read response body: " + info.message;
            }
            return;
        case ErrorKind::Timeout:
            info.code = "TIMEOUT";
            info.mappedStatus = 408;
            info.message = "MaaS request timed out: " + info.message;
            return;
        case ErrorKind::Abort:
        case ErrorKind::Validation:
            return;
        case ErrorKind::Protocol:
            info.code = "INVALID_RESPONSE";
            info.mappedStatus = 502;
            return;
        default:
            break;
    }
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

void HttpMaaSClient::expectObject(const http::ApiRequest& request, const Json& body,
                                  std::initializer_list<std::pair<const char*, char>> required) const {
    if (!body.is_object()) api_.throwBadBody(request, "failed to unmarshal response: expected a JSON object");
    for (const auto& [field, type] : required) {
        auto it = body.find(field);
        if (it == body.end() || !hasType(*it, type))
            api_.throwBadBody(request, std::string("failed to unmarshal response: field '") + field +
                                           "' is missing or has the wrong type");
    }
}

void HttpMaaSClient::expectArray(const http::ApiRequest& request, const Json& body) const {
    if (!body.is_array()) api_.throwBadBody(request, "failed to unmarshal response: expected a JSON array");
}

Task<Json> HttpMaaSClient::listModels(std::string subscription, CallOptions options) {
    auto r = request("listModels", "GET", "v1/models");
    r.expectedStatus = 200;
    if (!subscription.empty()) r.headers.set("X-MaaS-Subscription", subscription);
    Json body = co_await api_.sendJson(r, options);
    expectObject(r, body, {{"data", 'a'}});
    for (const auto& model : body["data"]) {
        if (!model.is_object() || !model.contains("id") || !model["id"].is_string())
            api_.throwBadBody(r, "failed to unmarshal response: a model has no string 'id'");
    }
    co_return std::move(body["data"]);
}

Task<Json> HttpMaaSClient::issueToken(TokenRequest token, CallOptions options) {
    auto r = request("issueToken", "POST", "v1/tokens");
    r.expectedStatus = 201;
    r.neverRetry = true;
    r.jsonBody = Json{{"expiration", token.expiration}};
    Json body = co_await api_.sendJson(r, options);
    expectObject(r, body, {{"token", 's'}, {"expiresAt", 'i'}});
    co_return body;
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
    Json issued = co_await issueToken(token, options);
    const double ttl = parseGoDuration(wanted.expiration).value_or(1800);
    Json entry = {{"token", issued["token"]}, {"expiresAt", issued["expiresAt"]}};
    tokenCache_->set(wanted.ns, wanted.username, kTokenCategory, wanted.modelId, entry, ttl);
    entry["cached"] = false;
    co_return entry;
}

Task<Json> HttpMaaSClient::createApiKey(CreateApiKeyRequest key, CallOptions options) {
    auto r = request("createApiKey", "POST", "v1/api-keys");
    r.expectedStatus = 201;
    r.neverRetry = true;  // a retry could mint a second key
    r.jsonBody = key.toJson();
    Json body = co_await api_.sendJson(r, options);
    expectObject(r, body, {{"key", 's'}, {"id", 's'}});
    co_return body;
}

Task<Json> HttpMaaSClient::searchApiKeys(SearchApiKeysRequest search, CallOptions options) {
    auto r = request("searchApiKeys", "POST", "v1/api-keys/search");
    r.expectedStatus = 200;
    r.jsonBody = search.toJson();
    options.retryNonIdempotent = true;  // a search changes nothing
    Json body = co_await api_.sendJson(r, options);
    expectObject(r, body, {{"data", 'a'}, {"has_more", 'b'}});
    co_return body;
}

Task<Json> HttpMaaSClient::getApiKey(std::string id, CallOptions options) {
    auto r = request("getApiKey", "GET", "v1/api-keys/" + http::encodePathSegment(requireId(id, "getApiKey", "id")));
    r.expectedStatus = 200;
    Json body = co_await api_.sendJson(r, options);
    expectObject(r, body, {{"id", 's'}});
    co_return body;
}

Task<Json> HttpMaaSClient::revokeApiKey(std::string id, CallOptions options) {
    auto r = request("revokeApiKey", "DELETE",
                     "v1/api-keys/" + http::encodePathSegment(requireId(id, "revokeApiKey", "id")));
    r.expectedStatus = 200;
    Json body = co_await api_.sendJson(r, options);
    expectObject(r, body, {{"id", 's'}});
    co_return body;
}

Task<Json> HttpMaaSClient::bulkRevokeApiKeys(BulkRevokeRequest bulk, CallOptions options) {
    auto r = request("bulkRevokeApiKeys", "POST", "v1/api-keys/bulk-revoke");
    r.expectedStatus = 200;
    r.jsonBody = bulk.toJson();
    Json body = co_await api_.sendJson(r, options);
    expectObject(r, body, {{"revokedCount", 'i'}});
    co_return body;
}

Task<Json> HttpMaaSClient::getApiKeyConfig(CallOptions options) {
    auto r = request("getApiKeyConfig", "GET", "v1/api-keys/config");
    r.expectedStatus = 200;
    Json body = co_await api_.sendJson(r, options);
    expectObject(r, body, {{"max_expiration_days", 'i'}, {"ephemeral_max_expiration", 's'}});
    co_return body;
}

Task<Json> HttpMaaSClient::listSubscriptions(CallOptions options) {
    auto r = request("listSubscriptions", "GET", "v1/subscriptions");
    r.expectedStatus = 200;
    Json body = co_await api_.sendJson(r, options);
    expectArray(r, body);
    co_return body;
}

Task<Json> HttpMaaSClient::listModelSubscriptions(std::string modelRefName, CallOptions options) {
    auto r = request("listModelSubscriptions", "GET",
                     "v1/model/" + http::encodePathSegment(requireId(modelRefName, "listModelSubscriptions", "modelRefName")) +
                         "/subscriptions");
    r.expectedStatus = 200;
    Json body = co_await api_.sendJson(r, options);
    expectArray(r, body);
    co_return body;
}

Task<Json> HttpMaaSClient::getTenants(CallOptions options) {
    auto r = request("getTenants", "GET", "v1/tenants");
    r.expectedStatus = 200;
    Json body = co_await api_.sendJson(r, options);
    expectObject(r, body, {{"tenants", 'a'}});
    co_return body;
}

Task<Json> HttpMaaSClient::health(CallOptions options) {
    auto r = request("health", "GET", "health");
    r.expectedStatus = 200;
    Json body = co_await api_.sendJson(r, options);
    expectObject(r, body, {{"status", 's'}});
    co_return body;
}

}  // namespace genai::maas
