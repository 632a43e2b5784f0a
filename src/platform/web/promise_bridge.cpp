#include "platform/web/promise_bridge.hpp"

#include <emscripten/emscripten.h>

#include <nlohmann/json.hpp>

#include "platform/web/glue.hpp"

namespace genai::web {

void PromiseAwaiter::await_suspend(coro::coroutine_handle<> handle) {
    handle_ = handle;
    genai_then(promise_.as_handle(), this);
}

void PromiseAwaiter::settle(val value, bool rejected) {
    result_ = std::move(value);
    rejected_ = rejected;
    handle_.resume();
}

val PromiseAwaiter::await_resume() {
    if (rejected_) throw JsRejection{std::move(result_)};
    return std::move(result_);
}

val jsonToJs(std::string_view json) {
    return val::take_ownership(genai_json_parse(json.data(), json.size()));
}

std::string bytesFromJs(const val& bytes) {
    const size_t n = bytes["length"].as<size_t>();
    std::string out(n, '\0');
    if (n) val(emscripten::typed_memory_view(n, reinterpret_cast<unsigned char*>(out.data()))).call<void>("set", bytes);
    return out;
}

Deferred makeDeferred() {
    val d = val::take_ownership(genai_deferred());
    return Deferred{d["promise"], d["resolve"], d["reject"]};
}

val errorToJs(const Error& error) {
    const ErrorInfo& info = error.info();
    nlohmann::json d = {
        {"name", std::string(errorKindName(info.kind))},
        {"message", info.message},
        {"code", info.code},
        {"service", info.service},
        {"operation", info.operation},
    };
    if (info.status) d["status"] = info.status;
    if (info.mappedStatus) d["mappedStatus"] = info.mappedStatus;
    if (!info.serverMessage.empty()) d["serverMessage"] = info.serverMessage;
    if (!info.serverType.empty()) d["serverType"] = info.serverType;
    if (!info.component.empty()) d["component"] = info.component;
    if (!info.requestId.empty()) d["requestId"] = info.requestId;
    if (info.retryAfterSeconds) d["retryAfter"] = *info.retryAfterSeconds;
    std::string text = d.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return val::take_ownership(genai_make_error(text.data(), text.size()));
}

val errorToJs(std::exception_ptr error) {
    try {
        std::rethrow_exception(error);
    } catch (const Error& e) {
        return errorToJs(e);
    } catch (const JsRejection& r) {
        return r.reason;
    } catch (const std::exception& e) {
        ErrorInfo info;
        info.kind = ErrorKind::Protocol;
        info.code = "INTERNAL_ERROR";
        info.message = redactSecrets(e.what());
        return errorToJs(Error(std::move(info)));
    } catch (...) {
        ErrorInfo info;
        info.kind = ErrorKind::Protocol;
        info.code = "INTERNAL_ERROR";
        info.message = "unknown internal error";
        return errorToJs(Error(std::move(info)));
    }
}

}  // namespace genai::web

extern "C" EMSCRIPTEN_KEEPALIVE void genai_resume(void* awaiter, emscripten::EM_VAL value, int rejected) {
    static_cast<genai::web::PromiseAwaiter*>(awaiter)->settle(emscripten::val::take_ownership(value),
                                                              rejected != 0);
}
