// FixtureTransport puts an in-process fake service behind the Transport interface, so a Mock
// factory runs the very client code a Real factory runs (DESIGN.md decision 3). A FakeService is a
// Router of handlers that read and change the service's state.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/transport.hpp"

namespace genai::http {

// A request as a fake service sees it: path split from the query, parameters decoded.
struct FakeRequest {
    std::string method;
    std::string path;                                  // decoded, without query
    std::map<std::string, std::string> params;         // from `{name}` segments of the route
    std::multimap<std::string, std::string> query;     // decoded
    const Request* raw = nullptr;

    std::string queryValue(const std::string& name, std::string fallback = {}) const;
    nlohmann::json json() const;  // the body parsed; null if empty; throws FakeError 400 if malformed
};

struct FakeResponse {
    int status = 200;
    Headers headers;
    std::string body;
    size_t chunkSize = 0;   // split the body into chunks of this size (streams); 0: one chunk
    // A body produced over time (a streaming endpoint that paces its events); when set, `body`
    // and `chunkSize` are not used.
    std::unique_ptr<BodyStream> stream;

    static FakeResponse json(int status, const nlohmann::json& body);
    static FakeResponse empty(int status);
};

// Thrown by a handler to answer with an error status and body.
struct FakeError {
    int status;
    nlohmann::json body;
};

class Router {
public:
    using Handler = std::function<FakeResponse(const FakeRequest&)>;
    // `pattern` like "/v1/api-keys/{id}"; a `{name}` segment matches one non-empty segment.
    void add(std::string method, std::string pattern, Handler handler);
    // 404 for an unknown path, 405 for a known path with another method.
    FakeResponse dispatch(const Request& request) const;

private:
    struct Route {
        std::string method;
        std::vector<std::string> segments;
        Handler handler;
    };
    std::vector<Route> routes_;
};

class FixtureTransport final : public Transport {
public:
    explicit FixtureTransport(std::shared_ptr<Router> router);
    Task<Response> send(Request request) override;

private:
    std::shared_ptr<Router> router_;
};

std::string percentDecode(std::string_view text, bool plusIsSpace = false);

}  // namespace genai::http
