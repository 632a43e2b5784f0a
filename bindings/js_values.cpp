#include "bindings/js_values.hpp"

#include "core/error.hpp"
#include "core/json.hpp"
#include "platform/web/fetch_transport.hpp"
#include "platform/web/glue.hpp"

namespace genai::bindings {

namespace {
bool present(const val& v) { return !v.isUndefined() && !v.isNull(); }

void readHeaders(const val& object, http::Headers& out) {
    if (!present(object)) return;
    val entries = val::global("Object").call<val>("entries", object);
    const int n = entries["length"].as<int>();
    for (int i = 0; i < n; ++i) {
        val pair = entries[i];
        out.set(pair[0].as<std::string>(), pair[1].as<std::string>());
    }
}
}  // namespace

http::CallOptions callOptions(const val& options) {
    http::CallOptions out;
    if (!present(options)) return out;
    if (val signal = options["signal"]; present(signal)) out.signal = std::make_shared<web::JsCancelSignal>(signal);
    if (val timeout = options["timeout"]; present(timeout)) out.timeoutMs = timeout.as<double>();
    if (val retries = options["maxRetries"]; present(retries)) out.maxRetries = retries.as<int>();
    readHeaders(options["headers"], out.headers);
    return out;
}

http::ClientOptions clientOptions(const val& options) {
    http::ClientOptions out;
    if (!present(options)) return out;
    if (val base = options["baseURL"]; present(base)) out.baseUrl = base.as<std::string>();
    if (val token = options["token"]; present(token)) out.token = Secret(token.as<std::string>());
    if (val timeout = options["timeout"]; present(timeout)) out.timeoutMs = timeout.as<double>();
    if (val retries = options["maxRetries"]; present(retries)) out.maxRetries = retries.as<int>();
    readHeaders(options["headers"], out.defaultHeaders);
    if (val fetchFn = options["fetch"]; present(fetchFn)) out.transport = fetchTransport(fetchFn);
    return out;
}

http::ClientOptions clientOptions(std::string baseUrl, std::string token, const val& extra) {
    http::ClientOptions out = present(extra) ? clientOptions(extra) : http::ClientOptions{};
    out.baseUrl = std::move(baseUrl);
    out.token = Secret(std::move(token));
    return out;
}

Json parseRequest(const std::string& text) {
    if (text.empty()) return Json::object();
    Json parsed = parseJsonOrDiscarded(text);
    if (parsed.is_discarded()) throwValidation("sdk", "request", "the request is not JSON-serialisable");
    return parsed;
}

std::shared_ptr<http::Transport> fetchTransport(const val& fetchFn) {
    return std::make_shared<web::FetchTransport>(fetchFn);
}

std::shared_ptr<http::Runtime> webRuntime() {
    static auto runtime = std::make_shared<web::WebRuntime>();
    return runtime;
}

FactorySetup factorySetup(const val& config) {
    FactorySetup setup;
    if (!present(config)) return setup;
    if (val replay = config["replay"]; present(replay)) {
        setup.replay = true;
        // A constructor cannot return a rejected Promise: a bad bundle throws.
        setup.transport = rethrowAsJs(
            [&] { return std::make_shared<http::ReplayTransport>(parseRequest(replay.as<std::string>())); });
        return setup;
    }
    setup.mock = present(config["mock"]) && config["mock"].as<bool>();
    if (setup.mock) return setup;
    setup.transport = fetchTransport(config["fetch"]);
    if (present(config["record"]) && config["record"].as<bool>()) {
        setup.recording = std::make_shared<http::Recording>();
        setup.transport = std::make_shared<http::RecordingTransport>(setup.transport, setup.recording);
    }
    return setup;
}

val recordingToJs(const FactorySetup& setup) {
    if (!setup.recording) return val::null();
    return web::jsonToJs(setup.recording->toJson().dump());
}

http::ClientOptions forSetup(const FactorySetup& setup, http::ClientOptions options) {
    if (setup.replay && options.baseUrl.empty()) options.baseUrl = kReplayBaseUrl;
    return options;
}

val promiseOf(Task<Json> task) {
    return web::toPromise(std::move(task), [](Json value) {
        return web::jsonToJs(value.dump(-1, ' ', false, Json::error_handler_t::replace));
    });
}

val promiseOf(Task<http::JsonResult> task) {
    return web::toPromise(std::move(task), [](http::JsonResult result) {
        return val::take_ownership(genai_json_parse_member(result.text.data(), result.text.size(), result.member.c_str()));
    });
}

val rejectedPromise(const Error& error) {
    web::Deferred d = web::makeDeferred();
    d.reject(web::errorToJs(error));
    return d.promise;
}

val promiseOf(Task<void> task) {
    return web::toPromise(std::move(task), [] { return val::undefined(); });
}

}  // namespace genai::bindings
