#include "kubernetes/errors.hpp"

#include <nlohmann/json.hpp>

#include "core/json.hpp"
#include "core/text.hpp"

namespace genai::kubernetes {

std::optional<KubernetesStatus> parseStatus(std::string_view body) {
    auto doc = parseJsonOrDiscarded(body);
    if (!doc.is_object() || doc.value("kind", std::string()) != "Status") return std::nullopt;
    KubernetesStatus status;
    if (auto it = doc.find("message"); it != doc.end() && it->is_string()) status.message = *it;
    if (auto it = doc.find("reason"); it != doc.end() && it->is_string()) status.reason = *it;
    if (auto it = doc.find("code"); it != doc.end() && it->is_number_integer()) status.code = it->get<int>();
    auto details = doc.find("details");
    if (details != doc.end() && details->is_object()) {
        auto causes = details->find("causes");
        if (causes != details->end() && causes->is_array()) {
            for (const auto& cause : *causes) {
                if (!cause.is_object()) continue;
                std::string field = cause.value("field", std::string());
                std::string message = cause.value("message", std::string());
                if (message.empty()) message = cause.value("reason", std::string());
                status.causes.push_back(field.empty() ? message : field + ": " + message);
            }
        }
    }
    return status;
}

void adjustKubernetesError(ErrorInfo& info, const http::FailureContext& context) {
    static constexpr http::TransportFailureWording wording{"failed to connect to the Kubernetes API: ",
                                                           "failed to read the Kubernetes API response: ",
                                                           "Kubernetes API request timed out: "};
    if (http::adjustTransportFailure(info, context, wording)) return;
    // An HTTP error status. The Status body's message is the API server's own sentence; its
    // causes are added when the message does not already list them.
    if (auto status = parseStatus(context.body)) {
        std::string message = status->message;
        for (const auto& cause : status->causes) {
            if (message.find(cause) == std::string::npos) message += (message.empty() ? "" : "; ") + cause;
        }
        info.serverMessage = truncateUtf8(redactSecrets(message), 1000);
        if (!status->reason.empty()) info.serverType = status->reason;
    }
    const std::string server = info.serverMessage.empty() ? std::to_string(context.status) : info.serverMessage;
    switch (context.status) {
        case 401:
            info.code = "UNAUTHORIZED";
            info.mappedStatus = 401;
            info.message = "authentication failed: invalid or expired token";
            return;
        case 403:
            info.code = "FORBIDDEN";
            info.mappedStatus = 403;
            info.message = "forbidden: " + server;
            return;
        case 404:
            info.code = "NOT_FOUND";
            info.mappedStatus = 404;
            info.message = server;
            return;
        default:
            info.code = "INTERNAL_ERROR";
            info.mappedStatus = 500;
            info.message = "Kubernetes API error " + std::to_string(context.status) + ": " + server;
            return;
    }
}

Error withContext(const Error& error, std::string_view context) {
    ErrorInfo info = error.info();
    if (info.kind == ErrorKind::Abort) return error;
    info.message = std::string(context) + ": " + info.message;
    return Error(std::move(info));
}

void throwKubernetesError(ErrorKind kind, std::string code, int mappedStatus, std::string operation,
                          std::string message) {
    ErrorInfo info;
    info.kind = kind;
    info.code = std::move(code);
    info.mappedStatus = mappedStatus;
    info.service = "kubernetes";
    info.operation = std::move(operation);
    info.message = redactSecrets(message);
    throw Error(std::move(info));
}

}  // namespace genai::kubernetes
