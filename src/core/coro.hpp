// Picks the coroutine header: native toolchains ship <coroutine>; the libc++ bundled with
// Debian's emscripten 3.1.6 only has <experimental/coroutine>. Everything else includes this.
#pragma once

#if __has_include(<coroutine>) && !defined(__EMSCRIPTEN__)
#include <coroutine>
namespace genai::coro {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
}  // namespace genai::coro
#else
#include <experimental/coroutine>
namespace genai::coro {
using std::experimental::coroutine_handle;
using std::experimental::noop_coroutine;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace genai::coro
#endif
