// Lets coroutines wait until another part of the program says "go": a reply arrived on a stream,
// a session finished opening, data was written to a pipe. Single-threaded: set() resumes the
// waiters at once, on the caller's stack, so a caller must not touch state that a waiter may
// destroy after set() returns.
#pragma once

#include <utility>
#include <vector>

#include "core/coro.hpp"

namespace genai {

class AsyncEvent {
public:
    AsyncEvent() = default;
    AsyncEvent(const AsyncEvent&) = delete;
    AsyncEvent& operator=(const AsyncEvent&) = delete;

    bool isSet() const noexcept { return set_; }
    void reset() noexcept { set_ = false; }

    // Wakes every waiter (in the order they started waiting). Later wait()s return at once
    // until reset().
    void set() {
        set_ = true;
        std::vector<coro::coroutine_handle<>> ready = std::exchange(waiters_, {});
        for (auto handle : ready) handle.resume();
    }

    struct Awaiter {
        AsyncEvent& event;
        bool await_ready() const noexcept { return event.set_; }
        void await_suspend(coro::coroutine_handle<> handle) { event.waiters_.push_back(handle); }
        void await_resume() const noexcept {}
    };
    Awaiter wait() noexcept { return Awaiter{*this}; }

private:
    bool set_ = false;
    std::vector<coro::coroutine_handle<>> waiters_;
};

}  // namespace genai
