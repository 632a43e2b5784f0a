#include "kubernetes/types.hpp"

#include "core/error.hpp"

namespace genai::kubernetes {

namespace {
constexpr DistributionApi kLlamaStackApi{
    {"llamastack.io", "v1alpha1", "llamastackdistributions", "LlamaStackDistribution"}, "run.yaml"};
constexpr DistributionApi kOgxApi{{"ogx.io", "v1beta1", "ogxservers", "OGXServer"}, "config.yaml"};

[[noreturn]] void invalid(std::string_view operation, std::string message) {
    throwValidation("kubernetes", operation, std::move(message));
}

bool isLabelChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }
bool isAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// [a-z0-9]([-a-z0-9]*[a-z0-9])?
bool isRfc1123Label(std::string_view text) {
    if (text.empty() || !isAlnum(text.front()) || !isAlnum(text.back())) return false;
    for (char c : text)
        if (!isLabelChar(c)) return false;
    return true;
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }
}  // namespace

const DistributionApi& distributionApi(DistributionKind kind) {
    return kind == DistributionKind::OGXServer ? kOgxApi : kLlamaStackApi;
}

DistributionKind parseDistributionKind(std::string_view text) {
    if (text.empty() || text == "LlamaStackDistribution") return DistributionKind::LlamaStackDistribution;
    if (text == "OGXServer") return DistributionKind::OGXServer;
    invalid("createClient", "distributionKind must be \"LlamaStackDistribution\" or \"OGXServer\", got: " +
                                std::string(text));
}

void validateNamespace(std::string_view operation, std::string_view ns) {
    if (ns.empty()) invalid(operation, "namespace is required");
    if (ns.size() > 63)
        invalid(operation, "invalid namespace " + quoted(ns) + ": must be no more than 63 characters");
    if (!isRfc1123Label(ns))
        invalid(operation, "invalid namespace " + quoted(ns) +
                               ": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
                               "'-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
                               "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
}

void validateName(std::string_view operation, std::string_view what, std::string_view name) {
    if (name.empty()) invalid(operation, std::string(what) + " is required");
    if (name.size() > 253)
        invalid(operation, "invalid " + std::string(what) + " " + quoted(name) + ": must be no more than 253 characters");
    bool valid = true;
    size_t start = 0;
    while (valid && start <= name.size()) {
        size_t dot = name.find('.', start);
        if (dot == std::string_view::npos) dot = name.size();
        valid = isRfc1123Label(name.substr(start, dot - start));
        start = dot + 1;
    }
    if (!valid)
        invalid(operation, "invalid " + std::string(what) + " " + quoted(name) +
                               ": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
                               "'-' or '.', and must start and end with an alphanumeric character (e.g. "
                               "'example.com', regex used for validation is "
                               "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
}

InstallRequest InstallRequest::fromJson(std::string ns, const Json& models) {
    constexpr std::string_view op = "installLlamaStackDistribution";
    validateNamespace(op, ns);
    InstallRequest request;
    request.ns = std::move(ns);
    if (!models.is_array()) invalid(op, "models must be an array of {model_name, is_maas_model}");
    if (models.empty()) invalid(op, "at least one model is required");
    for (const auto& model : models) {
        if (!model.is_object()) invalid(op, "each model must be an object {model_name, is_maas_model}");
        auto name = model.find("model_name");
        if (name == model.end() || !name->is_string() || name->get<std::string>().empty())
            invalid(op, "model_name is required for every model");
        InstallModel entry;
        entry.modelName = name->get<std::string>();
        if (auto maas = model.find("is_maas_model"); maas != model.end() && !maas->is_null()) {
            if (!maas->is_boolean()) invalid(op, "is_maas_model must be a boolean");
            entry.isMaaSModel = maas->get<bool>();
        }
        request.models.push_back(std::move(entry));
    }
    return request;
}

bool InstallRequest::anyMaaSModel() const {
    for (const auto& m : models)
        if (m.isMaaSModel) return true;
    return false;
}

}  // namespace genai::kubernetes
