// The bridge between JS Promises and C++ coroutines (DESIGN.md decision 2).
//   co_await awaitPromise(p)   suspends until the JS promise settles; a rejection is thrown as
//                              JsRejection carrying the JS reason.
//   toPromise(task, convert)   starts a Task and returns a JS Promise for its result; a C++
//                              exception rejects it with a JS Error subclass, never a number.
#pragma once

#include <emscripten/val.h>

#include <exception>
#include <string>
#include <string_view>

#include "core/coro.hpp"
#include "core/error.hpp"
#include "core/task.hpp"

namespace genai::web {

using emscripten::val;

struct JsRejection {
    val reason;
};

class PromiseAwaiter {
public:
    explicit PromiseAwaiter(val promise) : promise_(std::move(promise)) {}
    bool await_ready() const noexcept { return false; }
    void await_suspend(coro::coroutine_handle<> handle);
    val await_resume();

    // Called from JS (genai_resume) when the promise settles.
    void settle(val value, bool rejected);

private:
    val promise_;
    val result_ = val::undefined();
    bool rejected_ = false;
    coro::coroutine_handle<> handle_;
};

inline PromiseAwaiter awaitPromise(val promise) { return PromiseAwaiter(std::move(promise)); }

// JSON text -> JS value in one crossing.
val jsonToJs(std::string_view json);
// A Uint8Array's bytes, copied into wasm memory once (DESIGN.md decision 5).
std::string bytesFromJs(const val& bytes);
// A C++ exception -> the JS Error the facade registered (GenAIError subclasses).
val errorToJs(std::exception_ptr error);
val errorToJs(const Error& error);

struct Deferred {
    val promise, resolve, reject;
};
Deferred makeDeferred();

// Starts `task`; the promise resolves with convert(result) (a val) or rejects with errorToJs.
template <typename T, typename Convert>
val toPromise(Task<T> task, Convert convert) {
    Deferred d = makeDeferred();
    if constexpr (std::is_void_v<T>) {
        startDetached(
            std::move(task), [resolve = d.resolve, convert]() mutable { resolve(convert()); },
            [reject = d.reject](std::exception_ptr e) mutable { reject(errorToJs(e)); });
    } else {
        startDetached(
            std::move(task), [resolve = d.resolve, convert](T value) mutable { resolve(convert(std::move(value))); },
            [reject = d.reject](std::exception_ptr e) mutable { reject(errorToJs(e)); });
    }
    return d.promise;
}

}  // namespace genai::web
