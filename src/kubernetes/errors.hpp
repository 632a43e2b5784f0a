// Kubernetes failures as genai::Error (UPSTREAM.md §5.5). The API server's `Status` body
// (message, reason, details.causes, code) is parsed; codes keep the upstream K8sError names:
// UNAUTHORIZED (401), FORBIDDEN (403), NOT_FOUND (404), PERMISSION_DENIED, INTERNAL_ERROR (any
// other status), plus the transport codes CONNECTION_FAILED, TIMEOUT, INVALID_RESPONSE, ABORTED.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "http/api_client.hpp"

namespace genai::kubernetes {

struct KubernetesStatus {
    std::string message;
    std::string reason;              // e.g. "NotFound", "AlreadyExists", "Forbidden"
    int code = 0;
    std::vector<std::string> causes;  // "<field>: <message>" of details.causes
};

// The `Status` object of an error body; nullopt when the body is not one.
std::optional<KubernetesStatus> parseStatus(std::string_view body);

// The ErrorAdjuster of every Kubernetes request.
void adjustKubernetesError(ErrorInfo& info, const http::FailureContext& context);

// The same error with "<context>: " before its message (the upstream's wrapped errors, e.g.
// "failed to get ConfigMap: configmaps \"x\" not found").
Error withContext(const Error& error, std::string_view context);

// An error the client raises itself after a successful response.
[[noreturn]] void throwKubernetesError(ErrorKind kind, std::string code, int mappedStatus, std::string operation,
                                       std::string message);

}  // namespace genai::kubernetes
