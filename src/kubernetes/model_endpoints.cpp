#include "kubernetes/model_endpoints.hpp"

#include <stdexcept>

#include "core/text.hpp"
#include "kubernetes/aa_models.hpp"

namespace genai::kubernetes {

namespace {
bool authEnabled(const Json& object) {
    return stringAt(object, {"metadata", "annotations", "security.opendatahub.io/enable-auth"}) == "true";
}

std::string withV1(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    if (!endsWith(url, "/v1")) url += "/v1";
    return url;
}

// The first port's targetPort when it is a number (a named port gives the default).
std::string targetPortOf(const Json& service) {
    if (!service.is_object() || !service.contains("spec") || !service["spec"].contains("ports")) return "8080";
    const Json& ports = service["spec"]["ports"];
    if (!ports.is_array() || ports.empty() || !ports[0].is_object()) return "8080";
    const Json& port = ports[0].value("targetPort", Json());
    if (port.is_number_integer()) return std::to_string(port.get<long long>());
    if (port.is_string() && !port.get<std::string>().empty() &&
        port.get<std::string>().find_first_not_of("0123456789") == std::string::npos)
        return port.get<std::string>();
    return "8080";
}

bool hasPort(const std::string& url) {
    size_t start = url.find("://");
    start = start == std::string::npos ? 0 : start + 3;
    std::string authority = url.substr(start, url.find('/', start) - start);
    size_t bracket = authority.rfind(']');
    size_t colon = authority.rfind(':');
    return colon != std::string::npos && (bracket == std::string::npos || colon > bracket);
}

Json displayMetadata(const Json& object) {
    Json metadata = Json::object();
    std::string display = stringAt(object, {"metadata", "annotations", "openshift.io/display-name"});
    std::string description = stringAt(object, {"metadata", "annotations", "openshift.io/description"});
    if (!display.empty()) metadata["display_name"] = display;
    if (!description.empty()) metadata["description"] = description;
    return metadata;
}
}  // namespace

std::string inferenceServiceSelector(const std::string& name) { return "serving.kserve.io/inferenceservice=" + name; }

std::string llmInferenceServiceSelector(const std::string& name) {
    return "app.kubernetes.io/name=" + name + ",app.kubernetes.io/component=llminferenceservice-workload";
}

std::string inferenceServiceUrl(const Json& isvc, const Json& service) {
    std::string url = stringAt(isvc, {"status", "address", "url"});
    if (url.empty())
        throw std::invalid_argument("InferenceService '" + stringAt(isvc, {"metadata", "name"}) +
                                    "' has no internal URL (status.address.url) yet");
    if (!authEnabled(isvc) && startsWith(url, "https://")) url = "http://" + url.substr(8);
    if (stringAt(service, {"spec", "clusterIP"}) == "None" && !hasPort(url)) {
        size_t pathStart = url.find('/', url.find("://") + 3);
        if (pathStart == std::string::npos) pathStart = url.size();
        url.insert(pathStart, ":" + targetPortOf(service));
    }
    return withV1(url);
}

std::string llmInferenceServiceUrl(const Json& llmisvc, const Json& service, const std::string& ns) {
    const std::string scheme = authEnabled(llmisvc) ? "https" : "http";
    return scheme + "://" + stringAt(service, {"metadata", "name"}) + "." + ns + ".svc.cluster.local:" +
           targetPortOf(service) + "/v1";
}

std::string maasModelUrl(const Json& maasModel) { return withV1(maasModel.value("url", std::string())); }

namespace {
Json llmModel(const std::string& id, const std::string& providerId, Json metadata) {
    Json model = Json::object();
    model["model_id"] = id;
    model["provider_id"] = providerId;
    model["model_type"] = "llm";
    model["metadata"] = std::move(metadata);
    return model;
}
}  // namespace

Json registeredInferenceServiceModel(const Json& isvc, const std::string& providerId) {
    std::string id = stringAt(isvc, {"metadata", "name"});
    for (char& c : id)
        if (c == ':') c = '-';
    return llmModel(id, providerId, displayMetadata(isvc));
}

Json registeredLLMInferenceServiceModel(const Json& llmisvc, const std::string& providerId) {
    std::string id = stringAt(llmisvc, {"spec", "model", "name"});
    if (id.empty()) id = stringAt(llmisvc, {"metadata", "name"});
    return llmModel(id, providerId, displayMetadata(llmisvc));
}

Json registeredMaaSModel(const Json& maasModel, const std::string& providerId) {
    const std::string id = maasModel.value("id", std::string());
    Json metadata = Json::object();
    metadata["display_name"] = id;
    return llmModel(id, providerId, std::move(metadata));
}

}  // namespace genai::kubernetes
