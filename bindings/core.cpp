// Temporary smoke binding; replaced below.
#include <emscripten/bind.h>
#include "platform/web/fetch_transport.hpp"
#include "platform/web/promise_bridge.hpp"
#include "http/api_client.hpp"
using namespace genai;
using emscripten::val;

val smokeGet(std::string url) {
    auto transport = std::make_shared<web::FetchTransport>(val::undefined());
    auto runtime = std::make_shared<web::WebRuntime>();
    auto client = std::make_shared<http::ApiClient>(transport, runtime, http::ApiClientSettings{"smoke"});
    http::ApiRequest req; req.operation = "get"; req.url = url;
    auto task = [](std::shared_ptr<http::ApiClient> c, http::ApiRequest r) -> Task<std::string> {
        auto j = co_await c->sendJson(std::move(r), http::CallOptions{});
        co_return j.dump();
    }(client, req);
    return web::toPromise(std::move(task), [](std::string s) { return web::jsonToJs(s); });
}
EMSCRIPTEN_BINDINGS(smoke) { emscripten::function("smokeGet", &smokeGet); }
