#include "kubernetes/namespaces.hpp"

#include "core/json.hpp"
#include "core/text.hpp"
#include "kubernetes/aa_models.hpp"

namespace genai::kubernetes {

Json namespaceFromProject(const Json& project) {
    Json ns = parseJson(R"({"apiVersion": "v1", "kind": "Namespace"})");
    Json& metadata = ns["metadata"];
    metadata["name"] = stringAt(project, {"metadata", "name"});
    if (project.contains("metadata") && project["metadata"].is_object()) {
        for (const char* field : {"annotations", "labels"}) {
            if (project["metadata"].contains(field)) metadata[field] = project["metadata"][field];
        }
    }
    return ns;
}

Json dashboardNamespaces(const Json& namespaces) {
    Json out = Json::array();
    for (const auto& ns : namespaces) {
        const std::string name = stringAt(ns, {"metadata", "name"});
        if (name.empty() || name == "default" || name == "system" || name == "openshift" || name == "opendatahub" ||
            startsWith(name, "openshift-") || startsWith(name, "kube-"))
            continue;
        std::string display = stringAt(ns, {"metadata", "annotations", "openshift.io/display-name"});
        Json entry = Json::object();
        entry["name"] = name;
        entry["displayName"] = display.empty() ? name : display;
        out.push_back(std::move(entry));
    }
    return out;
}

}  // namespace genai::kubernetes
