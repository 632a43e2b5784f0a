#include "http/url.hpp"

#include <stdexcept>

#include "core/text.hpp"

namespace genai::http {
namespace {

bool isAlpha(char c) noexcept { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool isDigit(char c) noexcept { return c >= '0' && c <= '9'; }

template <typename Keep>
std::string percentEncode(std::string_view text, Keep keep) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (keep(c)) {
            out.push_back(c);
        } else {
            const auto b = static_cast<unsigned char>(c);
            out.push_back('%');
            out.push_back(kHex[b >> 4]);
            out.push_back(kHex[b & 0x0F]);
        }
    }
    return out;
}

// A URI split as in RFC 3986 appendix B. "Defined but empty" (a bare "?" or "//") matters to the
// resolution algorithm, hence the flags.
struct UriParts {
    std::string_view scheme, authority, path, query, fragment;
    bool hasScheme = false, hasAuthority = false, hasQuery = false, hasFragment = false;
};

bool isValidScheme(std::string_view s) noexcept {
    if (s.empty() || !isAlpha(s.front())) return false;
    for (char c : s) {
        if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.') return false;
    }
    return true;
}

UriParts splitUri(std::string_view s) {
    UriParts u;
    if (const size_t hash = s.find('#'); hash != std::string_view::npos) {
        u.hasFragment = true;
        u.fragment = s.substr(hash + 1);
        s = s.substr(0, hash);
    }
    if (const size_t q = s.find('?'); q != std::string_view::npos) {
        u.hasQuery = true;
        u.query = s.substr(q + 1);
        s = s.substr(0, q);
    }
    // Something that is not a scheme before the first ':' ("1x:y") leaves it part of the path.
    if (const size_t colon = s.find(':');
        colon != std::string_view::npos && isValidScheme(s.substr(0, colon))) {
        u.hasScheme = true;
        u.scheme = s.substr(0, colon);
        s = s.substr(colon + 1);
    }
    if (s.starts_with("//")) {
        s.remove_prefix(2);
        const size_t slash = s.find('/');
        u.hasAuthority = true;
        u.authority = s.substr(0, slash);
        s = slash == std::string_view::npos ? std::string_view{} : s.substr(slash);
    }
    u.path = s;
    return u;
}

// Drops the last segment and its preceding '/' from output (RFC 3986 5.2.4 step 2C).
void popSegment(std::string& output) {
    const size_t slash = output.rfind('/');
    output.erase(slash == std::string::npos ? 0 : slash);
}

// RFC 3986 section 5.2.4, written over an input cursor instead of repeated string rewrites.
std::string removeDotSegments(std::string_view input) {
    std::string output;
    output.reserve(input.size());
    while (!input.empty()) {
        if (input.starts_with("../")) {
            input.remove_prefix(3);
        } else if (input.starts_with("./")) {
            input.remove_prefix(2);
        } else if (input.starts_with("/./")) {
            input.remove_prefix(2);
        } else if (input == "/.") {
            input = "/";
        } else if (input.starts_with("/../")) {
            input.remove_prefix(3);
            popSegment(output);
        } else if (input == "/..") {
            input = "/";
            popSegment(output);
        } else if (input == "." || input == "..") {
            input = {};
        } else {
            const size_t next = input.find('/', input.front() == '/' ? 1 : 0);
            const size_t len = next == std::string_view::npos ? input.size() : next;
            output.append(input.substr(0, len));
            input.remove_prefix(len);
        }
    }
    return output;
}

std::string mergePaths(const UriParts& base, std::string_view refPath) {
    if (base.hasAuthority && base.path.empty()) return "/" + std::string(refPath);
    const size_t slash = base.path.rfind('/');
    if (slash == std::string_view::npos) return std::string(refPath);
    return std::string(base.path.substr(0, slash + 1)) + std::string(refPath);
}

}  // namespace

std::string encodePathSegment(std::string_view segment) {
    return percentEncode(segment, [](char c) {
        return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
    });
}

std::string encodeQueryComponent(std::string_view value) {
    return percentEncode(value, [](char c) {
        return isAlpha(c) || isDigit(c) || c == '-' || c == '_' || c == '.' || c == '!' ||
               c == '~' || c == '*' || c == '\'' || c == '(' || c == ')';
    });
}

std::string joinUrl(std::string_view base, std::string_view path) {
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    while (!path.empty() && path.front() == '/') path.remove_prefix(1);
    std::string out(base);
    if (!path.empty()) {
        out.push_back('/');
        out.append(path);
    }
    return out;
}

UrlBuilder::UrlBuilder(std::string_view base) {
    // A base that already carries a query keeps it; later parameters are added after it.
    const size_t q = base.find('?');
    path_.assign(base.substr(0, q));
    if (q != std::string_view::npos && q + 1 < base.size()) query_.assign(base.substr(q));
}

UrlBuilder& UrlBuilder::path(std::string_view literalPath) {
    path_ = joinUrl(path_, literalPath);
    return *this;
}

UrlBuilder& UrlBuilder::segment(std::string_view value) {
    // "." and ".." survive encoding unchanged and would be resolved away by fetch, so a value
    // like ".." could reach a different resource.
    if (value.empty() || value == "." || value == "..")
        throw std::invalid_argument("URL path segment must not be empty, \".\" or \"..\"");
    path_ = joinUrl(path_, encodePathSegment(value));
    return *this;
}

UrlBuilder& UrlBuilder::query(std::string_view name, std::string_view value) {
    query_.push_back(query_.empty() ? '?' : '&');
    query_.append(encodeQueryComponent(name));
    query_.push_back('=');
    query_.append(encodeQueryComponent(value));
    return *this;
}

std::string UrlBuilder::str() const { return path_ + query_; }

std::string resolveUrl(std::string_view base, std::string_view reference) {
    const UriParts b = splitUri(base);
    const UriParts r = splitUri(reference);
    UriParts t;
    std::string path;  // owns the merged path; t.path is not used below

    if (r.hasScheme) {
        t = r;
        path = removeDotSegments(r.path);
    } else {
        if (r.hasAuthority) {
            t.hasAuthority = true;
            t.authority = r.authority;
            path = removeDotSegments(r.path);
            t.hasQuery = r.hasQuery;
            t.query = r.query;
        } else {
            if (r.path.empty()) {
                path.assign(b.path);
                t.hasQuery = r.hasQuery || b.hasQuery;
                t.query = r.hasQuery ? r.query : b.query;
            } else {
                path = removeDotSegments(r.path.front() == '/' ? std::string(r.path)
                                                               : mergePaths(b, r.path));
                t.hasQuery = r.hasQuery;
                t.query = r.query;
            }
            t.hasAuthority = b.hasAuthority;
            t.authority = b.authority;
        }
        t.hasScheme = b.hasScheme;
        t.scheme = b.scheme;
    }
    t.hasFragment = r.hasFragment;
    t.fragment = r.fragment;

    // RFC 3986 section 5.3.
    std::string out;
    out.reserve(base.size() + reference.size());
    if (t.hasScheme) out.append(t.scheme).push_back(':');
    if (t.hasAuthority) out.append("//").append(t.authority);
    out.append(path);
    if (t.hasQuery) out.append("?").append(t.query);
    if (t.hasFragment) out.append("#").append(t.fragment);
    return out;
}

RequestTarget requestTargetOf(std::string_view url) {
    const UriParts u = splitUri(url);
    return {u.hasAuthority && u.path.empty() ? std::string_view("/") : u.path, u.query};
}

std::string originOf(std::string_view url) {
    const UriParts u = splitUri(url);
    if (!u.hasScheme || !u.hasAuthority) return "";
    std::string_view hostPort = u.authority;
    if (const size_t at = hostPort.rfind('@'); at != std::string_view::npos)
        hostPort.remove_prefix(at + 1);
    // The port is after the last ':' that is not inside an IPv6 literal's brackets.
    std::string_view host = hostPort, port;
    const size_t colon = hostPort.rfind(':');
    const size_t bracket = hostPort.rfind(']');
    if (colon != std::string_view::npos && (bracket == std::string_view::npos || colon > bracket)) {
        host = hostPort.substr(0, colon);
        port = hostPort.substr(colon + 1);
    }
    if (host.empty()) return "";
    const std::string scheme = toLower(u.scheme);
    const bool defaultPort = ((scheme == "http" || scheme == "ws") && port == "80") ||
                             ((scheme == "https" || scheme == "wss") && port == "443");
    std::string out = scheme + "://" + toLower(host);
    if (!port.empty() && !defaultPort) out.append(":").append(port);
    return out;
}

}  // namespace genai::http
