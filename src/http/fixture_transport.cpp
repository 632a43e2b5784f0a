#include "http/fixture_transport.hpp"

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "http/url.hpp"

namespace genai::http {

namespace {
std::vector<std::string> splitPath(std::string_view path) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= path.size()) {
        size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        if (slash > start) parts.emplace_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return parts;
}

int hexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string percentDecode(std::string_view text, bool plusIsSpace) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            int hi = hexValue(text[i + 1]), lo = hexValue(text[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(plusIsSpace && text[i] == '+' ? ' ' : text[i]);
    }
    return out;
}

std::string FakeRequest::queryValue(const std::string& name, std::string fallback) const {
    auto it = query.find(name);
    return it == query.end() ? fallback : it->second;
}

nlohmann::json FakeRequest::json() const {
    if (!raw || !raw->hasBody || trim(raw->body).empty()) return nullptr;
    auto parsed = parseJsonOrDiscarded(raw->body);
    if (parsed.is_discarded())
        throw FakeError{400, {{"error", {{"message", "request body is not valid JSON"}, {"type", "invalid_request_error"}}}}};
    return parsed;
}

FakeResponse FakeResponse::json(int status, const nlohmann::json& body) {
    FakeResponse r;
    r.status = status;
    r.headers.set("Content-Type", "application/json");
    r.body = body.dump();
    return r;
}

FakeResponse FakeResponse::empty(int status) {
    FakeResponse r;
    r.status = status;
    return r;
}

void Router::add(std::string method, std::string pattern, Handler handler) {
    routes_.push_back(Route{std::move(method), splitPath(pattern), std::move(handler)});
}

FakeResponse Router::dispatch(const Request& request) const {
    const auto [rawPath, rawQuery] = requestTargetOf(request.url);
    auto segments = splitPath(rawPath);
    for (auto& s : segments) s = percentDecode(s);

    FakeRequest fake;
    fake.method = request.method;
    fake.raw = &request;
    for (const auto& s : segments) fake.path += "/" + s;
    size_t start = 0;
    while (start < rawQuery.size()) {
        size_t amp = rawQuery.find('&', start);
        if (amp == std::string_view::npos) amp = rawQuery.size();
        std::string_view pair = rawQuery.substr(start, amp - start);
        size_t eq = pair.find('=');
        if (!pair.empty())
            fake.query.emplace(percentDecode(pair.substr(0, eq), true),
                               eq == std::string_view::npos ? "" : percentDecode(pair.substr(eq + 1), true));
        start = amp + 1;
    }

    bool pathKnown = false;
    for (const auto& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> params;
        bool match = true;
        for (size_t i = 0; i < segments.size() && match; ++i) {
            const auto& want = route.segments[i];
            if (want.size() > 2 && want.front() == '{' && want.back() == '}')
                params[want.substr(1, want.size() - 2)] = segments[i];
            else
                match = want == segments[i];
        }
        if (!match) continue;
        pathKnown = true;
        if (!equalsNoCase(route.method, request.method)) continue;
        fake.params = std::move(params);
        try {
            return route.handler(fake);
        } catch (const FakeError& e) {
            return FakeResponse::json(e.status, e.body);
        }
    }
    if (pathKnown)
        return FakeResponse::json(405, {{"error", {{"message", "method not allowed"}, {"type", "invalid_request_error"}}}});
    return FakeResponse::json(404, {{"error", {{"message", "not found: " + fake.path}, {"type", "not_found_error"}}}});
}

FixtureTransport::FixtureTransport(std::shared_ptr<Router> router) : router_(std::move(router)) {}

Task<Response> FixtureTransport::send(Request request) {
    if (request.signal && request.signal->aborted()) {
        throw abortError();
    }
    FakeResponse fake = router_->dispatch(request);
    Response response;
    response.status = fake.status;
    response.headers = std::move(fake.headers);
    if (fake.stream) response.body = std::move(fake.stream);
    else response.body = std::make_unique<StringBodyStream>(std::move(fake.body), fake.chunkSize);
    co_return response;
}

}  // namespace genai::http
