#include "kubernetes/resources.hpp"

#include "http/url.hpp"

namespace genai::kubernetes {

std::string apiVersionOf(const Resource& resource) {
    if (resource.group.empty()) return std::string(resource.version);
    return std::string(resource.group) + "/" + std::string(resource.version);
}

std::string resourceUrl(std::string_view base, const Resource& resource, std::string_view ns, std::string_view name,
                        std::string_view labelSelector) {
    http::UrlBuilder url(base);
    if (resource.group.empty()) url.path("api").path(resource.version);
    else url.path("apis").path(resource.group).path(resource.version);
    if (!ns.empty()) url.path("namespaces").segment(ns);
    url.path(resource.plural);
    if (!name.empty()) url.segment(name);
    if (!labelSelector.empty()) url.query("labelSelector", labelSelector);
    return url.str();
}

}  // namespace genai::kubernetes
