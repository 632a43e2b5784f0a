// Namespace lists: the OpenShift projects fallback and the dashboard's filter (UPSTREAM.md §5.3,
// §5.5). Pure functions.
#pragma once

#include <nlohmann/json.hpp>

namespace genai::kubernetes {

using Json = nlohmann::json;

// The minimal Namespace used when a project's namespace cannot be read: its name, annotations
// and labels.
Json namespaceFromProject(const Json& project);

// Drops `default`, `system`, `openshift`, `opendatahub` and names starting with `openshift-` or
// `kube-`; each kept namespace becomes {name, displayName} (annotation openshift.io/display-name,
// else the name).
Json dashboardNamespaces(const Json& namespaces);

}  // namespace genai::kubernetes
