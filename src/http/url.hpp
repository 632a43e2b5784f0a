// Building request URLs from a base and untrusted values, and resolving references the way
// RFC 3986 section 5 does (an MCP SSE `endpoint` event is relative to the server URL).
#pragma once

#include <string>
#include <string_view>

namespace genai::http {

// Percent-encodes every byte except the RFC 3986 unreserved set (ALPHA DIGIT - . _ ~), so "/"
// and "?" can never change the shape of the path. Hex digits are uppercase.
std::string encodePathSegment(std::string_view segment);

// The set JavaScript's encodeURIComponent leaves alone: ALPHA DIGIT - _ . ! ~ * ' ( ).
// A space becomes %20, never '+'.
std::string encodeQueryComponent(std::string_view value);

// Exactly one '/' between base and path, however many either side had. An empty path gives the
// base without its trailing '/'.
std::string joinUrl(std::string_view base, std::string_view path);

class UrlBuilder {
public:
    explicit UrlBuilder(std::string_view base);

    // A trusted constant such as "v1/models", appended as is.
    UrlBuilder& path(std::string_view literalPath);
    // One path segment from a value (a model id, a name): encoded, and rejected with
    // std::invalid_argument when empty, "." or "..", since those would change the path's shape.
    UrlBuilder& segment(std::string_view value);
    // Name and value are both encoded; parameters keep the order they were added in.
    UrlBuilder& query(std::string_view name, std::string_view value);

    std::string str() const;

private:
    std::string path_;   // scheme, authority and path
    std::string query_;  // "" or "?a=1&b=2"
};

// RFC 3986 section 5.2 (strict): absolute, network-path, absolute-path, relative-path,
// query-only and fragment-only references, with dot-segment removal.
std::string resolveUrl(std::string_view base, std::string_view reference);

// The raw (still encoded) path and query of a URL, fragment dropped: what a server routes on.
// An absolute URL without a path has the path "/".
struct RequestTarget {
    std::string_view path, query;
};
RequestTarget requestTargetOf(std::string_view url);

// "scheme://host[:port]" of an absolute URL, for same-origin checks: scheme and host in lower
// case, user info dropped, a default port (80 for http/ws, 443 for https/wss) omitted.
// "" when the URL has no scheme or no authority.
std::string originOf(std::string_view url);

}  // namespace genai::http
