#include "platform/web/fetch_transport.hpp"

#include <emscripten/em_math.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "http/cancel_source.hpp"
#include "platform/web/glue.hpp"
#include "platform/web/promise_bridge.hpp"

namespace genai::web {

using emscripten::val;

namespace {

// {kind, message} from genai_glue.js -> genai::Error.
Error transportError(const val& reason) {
    ErrorInfo info;
    std::string kind = reason["kind"].isString() ? reason["kind"].as<std::string>() : "network";
    info.message = reason["message"].isString() ? redactSecrets(reason["message"].as<std::string>())
                                                : "failed to connect";
    if (kind == "abort") {
        info.kind = ErrorKind::Abort;
        info.code = "ABORTED";
    } else if (kind == "timeout") {
        info.kind = ErrorKind::Timeout;
        info.code = "TIMEOUT";
        info.mappedStatus = 408;
    } else {
        info.kind = ErrorKind::Connection;
        info.code = "CONNECTION_FAILED";
        info.mappedStatus = 503;
    }
    return Error(std::move(info));
}

// The JS AbortSignal that fires with `signal`: the caller's own, or for a CancelSource the
// signal of a JS AbortController made once per source, which follows the source's parent and is
// aborted by the source's cancel().
val jsSignalOf(const std::shared_ptr<http::CancelSignal>& signal) {
    if (auto* js = dynamic_cast<JsCancelSignal*>(signal.get())) return js->js();
    auto* source = dynamic_cast<http::CancelSource*>(signal.get());
    if (!source) return val::undefined();
    if (!source->platformHandle) {
        val parent = jsSignalOf(source->parent());
        auto controller = std::make_shared<val>(val::take_ownership(genai_abort_controller(parent.as_handle())));
        source->platformHandle = controller;
        std::weak_ptr<val> weak = controller;
        source->onCancel([weak] {
            if (auto c = weak.lock()) c->call<void>("abort");
        });
    }
    return (*std::static_pointer_cast<val>(source->platformHandle))["signal"];
}

val signalOf(const http::Request& request) { return jsSignalOf(request.signal); }

class FetchBodyStream final : public http::BodyStream {
public:
    explicit FetchBodyStream(val state) : state_(std::move(state)) {}
    ~FetchBodyStream() override { cancel(); }

    Task<std::optional<std::string>> next() override {
        if (finished_) co_return std::nullopt;
        val chunk = val::undefined();
        try {
            chunk = co_await awaitPromise(val::take_ownership(genai_read(state_.as_handle())));
        } catch (const JsRejection& r) {
            finished_ = true;
            throw transportError(r.reason);
        }
        if (chunk.isNull()) {
            finished_ = true;
            co_return std::nullopt;
        }
        co_return bytesFromJs(chunk);
    }

    Task<std::string> readAll() override {
        if (started_) co_return co_await BodyStream::readAll();
        started_ = true;
        val bytes = val::undefined();
        try {
            bytes = co_await awaitPromise(val::take_ownership(genai_read_all(state_.as_handle())));
        } catch (const JsRejection& r) {
            finished_ = true;
            throw transportError(r.reason);
        }
        finished_ = true;
        co_return bytesFromJs(bytes);
    }

    void cancel() override {
        finished_ = true;
        genai_cancel(state_.as_handle());
    }

private:
    val state_;
    bool started_ = false;
    bool finished_ = false;
};

}  // namespace

FetchTransport::FetchTransport(val fetchFn) : fetch_(std::move(fetchFn)) {}

Task<http::Response> FetchTransport::send(http::Request request) {
    val fetchFn = fetch_.typeOf().as<std::string>() == "function" ? fetch_ : val::global("fetch");
    nlohmann::json headers = nlohmann::json::array();
    for (const auto& [name, value] : request.headers.entries()) headers.push_back({name, value});
    const std::string headersJson = headers.dump();

    val meta = val::undefined();
    try {
        meta = co_await awaitPromise(val::take_ownership(genai_fetch(
            fetchFn.as_handle(), request.url.c_str(), request.method.c_str(), headersJson.c_str(),
            request.body.data(), request.body.size(), request.hasBody ? 1 : 0,
            signalOf(request).as_handle(), request.timeoutMs, request.streaming ? 1 : 0)));
    } catch (const JsRejection& r) {
        throw transportError(r.reason);
    }

    http::Response response;
    response.status = meta["status"].as<int>();
    response.statusText = meta["statusText"].as<std::string>();
    // "name\nvalue\n" pairs: one string crossing instead of two per header.
    const std::string flat = meta["headers"].as<std::string>();
    size_t pos = 0;
    while (pos < flat.size()) {
        size_t nameEnd = flat.find('\n', pos);
        if (nameEnd == std::string::npos) break;
        size_t valueEnd = flat.find('\n', nameEnd + 1);
        if (valueEnd == std::string::npos) valueEnd = flat.size();
        response.headers.add(flat.substr(pos, nameEnd - pos), flat.substr(nameEnd + 1, valueEnd - nameEnd - 1));
        pos = valueEnd + 1;
    }
    response.body = std::make_unique<FetchBodyStream>(meta["state"]);
    co_return response;
}

Task<void> WebRuntime::sleep(double ms, std::shared_ptr<http::CancelSignal> signal) {
    val jsSignal = jsSignalOf(signal);
    try {
        co_await awaitPromise(val::take_ownership(genai_sleep(ms, jsSignal.as_handle())));
    } catch (const JsRejection&) {
        throw abortError();
    }
}

double WebRuntime::nowMs() const { return emscripten_get_now(); }
double WebRuntime::unixSeconds() const { return emscripten_date_now() / 1000.0; }
double WebRuntime::random() { return emscripten_math_random(); }

}  // namespace genai::web
