#include "maas/types.hpp"

#include <algorithm>

#include "core/duration.hpp"
#include "core/error.hpp"

namespace genai::maas {

namespace {
[[noreturn]] void invalid(std::string_view operation, std::string message) {
    throwValidation("maas", operation, std::move(message));
}

void requireObject(const Json& input, std::string_view operation) {
    if (!input.is_null() && !input.is_object()) invalid(operation, "the request must be an object");
}

std::optional<std::string> optionalString(const Json& input, const char* field, std::string_view operation) {
    if (!input.is_object()) return std::nullopt;
    auto it = input.find(field);
    if (it == input.end() || it->is_null()) return std::nullopt;
    if (!it->is_string()) invalid(operation, std::string(field) + " must be a string");
    return it->get<std::string>();
}

std::optional<bool> optionalBool(const Json& input, const char* field, std::string_view operation) {
    if (!input.is_object()) return std::nullopt;
    auto it = input.find(field);
    if (it == input.end() || it->is_null()) return std::nullopt;
    if (!it->is_boolean()) invalid(operation, std::string(field) + " must be a boolean");
    return it->get<bool>();
}

std::optional<int> optionalInt(const Json& input, const char* field, std::string_view operation) {
    if (!input.is_object()) return std::nullopt;
    auto it = input.find(field);
    if (it == input.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) invalid(operation, std::string(field) + " must be an integer");
    return it->get<int>();
}

template <size_t N>
void requireOneOf(const std::string& value, const char* field, const std::string_view (&allowed)[N],
                  std::string_view operation) {
    if (std::find(std::begin(allowed), std::end(allowed), value) != std::end(allowed)) return;
    std::string list;
    for (auto a : allowed) list += (list.empty() ? "" : " ") + std::string(a);
    invalid(operation, std::string(field) + " must be one of [" + list + "], got: " + value);
}

void putIf(Json& out, const char* field, const std::optional<std::string>& value) {
    if (value) out[field] = *value;
}
}  // namespace

TokenRequest TokenRequest::fromJson(const Json& input) {
    requireObject(input, "issueToken");
    TokenRequest request;
    if (auto expiration = optionalString(input, "expiration", "issueToken"); expiration && !expiration->empty())
        request.expiration = *expiration;
    auto seconds = parseGoDuration(request.expiration);
    if (!seconds || *seconds <= 0)
        invalid("issueToken", "expiration must be a positive duration such as \"4h\" or \"30m\", got: " +
                                  request.expiration);
    return request;
}

CreateApiKeyRequest CreateApiKeyRequest::fromJson(const Json& input) {
    requireObject(input, "createApiKey");
    CreateApiKeyRequest r;
    r.name = optionalString(input, "name", "createApiKey");
    r.description = optionalString(input, "description", "createApiKey");
    r.expiresIn = optionalString(input, "expiresIn", "createApiKey");
    r.subscription = optionalString(input, "subscription", "createApiKey");
    r.ephemeral = optionalBool(input, "ephemeral", "createApiKey").value_or(false);
    if (!r.ephemeral && (!r.name || r.name->empty()))
        invalid("createApiKey", "name is required for a non-ephemeral API key");
    if (r.expiresIn && !parseSimpleDuration(*r.expiresIn))
        invalid("createApiKey", "expiresIn must be a number followed by s, m, h or d (e.g. \"30d\"), got: " +
                                    *r.expiresIn);
    return r;
}

Json CreateApiKeyRequest::toJson() const {
    Json out = Json::object();
    putIf(out, "name", name);
    putIf(out, "description", description);
    putIf(out, "expiresIn", expiresIn);
    putIf(out, "subscription", subscription);
    if (ephemeral) out["ephemeral"] = true;
    return out;
}

SearchApiKeysRequest SearchApiKeysRequest::fromJson(const Json& input) {
    constexpr std::string_view op = "searchApiKeys";
    static constexpr std::string_view statuses[] = {"active", "revoked", "expired"};
    static constexpr std::string_view sortFields[] = {"created_at", "expires_at", "last_used_at", "name"};
    static constexpr std::string_view orders[] = {"asc", "desc"};
    requireObject(input, op);
    SearchApiKeysRequest r;
    r.username = optionalString(input, "username", op);
    if (input.is_object() && input.contains("status") && !input["status"].is_null()) {
        const Json& status = input["status"];
        if (!status.is_array()) invalid(op, "status must be an array");
        for (const auto& s : status) {
            if (!s.is_string()) invalid(op, "status must be an array of strings");
            requireOneOf(s.get<std::string>(), "status", statuses, op);
            r.status.push_back(s.get<std::string>());
        }
    }
    r.includeEphemeral = optionalBool(input, "includeEphemeral", op);
    r.sortBy = optionalString(input, "sortBy", op);
    if (r.sortBy) requireOneOf(*r.sortBy, "sortBy", sortFields, op);
    r.sortOrder = optionalString(input, "sortOrder", op);
    if (r.sortOrder) requireOneOf(*r.sortOrder, "sortOrder", orders, op);
    r.limit = optionalInt(input, "limit", op).value_or(50);
    if (r.limit < 1 || r.limit > 100) invalid(op, "limit must be between 1 and 100, got: " + std::to_string(r.limit));
    r.offset = optionalInt(input, "offset", op).value_or(0);
    if (r.offset < 0) invalid(op, "offset must not be negative, got: " + std::to_string(r.offset));
    return r;
}

Json SearchApiKeysRequest::toJson() const {
    Json filters = Json::object();
    putIf(filters, "username", username);
    if (!status.empty()) filters["status"] = status;
    if (includeEphemeral) filters["includeEphemeral"] = *includeEphemeral;
    Json out = Json::object();
    if (!filters.empty()) out["filters"] = filters;
    if (sortBy || sortOrder) {
        Json sort = Json::object();
        putIf(sort, "by", sortBy);
        putIf(sort, "order", sortOrder);
        out["sort"] = sort;
    }
    out["pagination"] = {{"limit", limit}, {"offset", offset}};
    return out;
}

BulkRevokeRequest BulkRevokeRequest::fromJson(const Json& input) {
    requireObject(input, "bulkRevokeApiKeys");
    BulkRevokeRequest r;
    r.username = optionalString(input, "username", "bulkRevokeApiKeys");
    r.subscription = optionalString(input, "subscription", "bulkRevokeApiKeys");
    r.dryRun = optionalBool(input, "dryRun", "bulkRevokeApiKeys").value_or(false);
    if ((!r.username || r.username->empty()) && (!r.subscription || r.subscription->empty()))
        invalid("bulkRevokeApiKeys", "at least one of username or subscription is required");
    return r;
}

Json BulkRevokeRequest::toJson() const {
    Json out = Json::object();
    putIf(out, "username", username);
    putIf(out, "subscription", subscription);
    if (dryRun) out["dryRun"] = true;
    return out;
}

ModelTokenRequest ModelTokenRequest::fromJson(const Json& input) {
    constexpr std::string_view op = "getModelToken";
    if (!input.is_object()) invalid(op, "the request must be an object");
    ModelTokenRequest r;
    r.ns = optionalString(input, "namespace", op).value_or("");
    r.username = optionalString(input, "username", op).value_or("");
    r.modelId = optionalString(input, "modelId", op).value_or("");
    if (r.ns.empty()) invalid(op, "namespace cannot be empty");
    if (r.username.empty()) invalid(op, "username cannot be empty");
    if (r.modelId.empty()) invalid(op, "modelId cannot be empty");
    if (auto e = optionalString(input, "expiration", op); e && !e->empty()) r.expiration = *e;
    auto seconds = parseGoDuration(r.expiration);
    if (!seconds || *seconds <= 0)
        invalid(op, "expiration must be a positive duration such as \"30m\", got: " + r.expiration);
    return r;
}

}  // namespace genai::maas
