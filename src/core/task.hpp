// Task<T>: a lazily started C++20 coroutine. Awaiting a Task starts it and resumes the awaiter
// when it finishes. startDetached() runs a Task to completion with callbacks;
// that is how a Task becomes a JS Promise (bindings) or is driven to completion in native tests.
#pragma once

#include <exception>
#include <optional>
#include <utility>
#include <variant>

#include "core/coro.hpp"

namespace genai {

template <typename T>
class Task;

namespace detail {

// WebAssembly without the tail-call feature cannot do symmetric transfer, so a finished Task
// hands control back in one of two ways: if it finished while its awaiter was still starting it
// (synchronous completion: a mock, a cached value) the awaiter simply continues without
// suspending; otherwise it resumes the awaiter. The stack then grows only across real
// suspensions, which start each from a fresh JS microtask.
struct TaskPromiseBase {
    enum class State { Idle, Starting, Waiting, Done };
    coro::coroutine_handle<> continuation;
    std::exception_ptr error;
    State state = State::Idle;

    struct FinalAwaiter {
        bool await_ready() const noexcept { return false; }
        template <typename Promise>
        void await_suspend(coro::coroutine_handle<Promise> self) noexcept {
            TaskPromiseBase& promise = self.promise();
            if (promise.state == State::Waiting) {
                coro::coroutine_handle<> next = promise.continuation;
                promise.state = State::Done;
                next.resume();  // may destroy this frame: touch nothing after it
            } else {
                promise.state = State::Done;
            }
        }
        void await_resume() const noexcept {}
    };

    coro::suspend_always initial_suspend() const noexcept { return {}; }
    FinalAwaiter final_suspend() const noexcept { return {}; }
    void unhandled_exception() noexcept { error = std::current_exception(); }
};

template <typename T>
struct TaskPromise : TaskPromiseBase {
    std::optional<T> value;
    Task<T> get_return_object() noexcept;
    template <typename U>
    void return_value(U&& v) {
        value.emplace(std::forward<U>(v));
    }
    T take() {
        if (error) std::rethrow_exception(error);
        return std::move(*value);
    }
};

template <>
struct TaskPromise<void> : TaskPromiseBase {
    Task<void> get_return_object() noexcept;
    void return_void() const noexcept {}
    void take() const {
        if (error) std::rethrow_exception(error);
    }
};

}  // namespace detail

template <typename T = void>
class [[nodiscard]] Task {
public:
    using promise_type = detail::TaskPromise<T>;
    using Handle = coro::coroutine_handle<promise_type>;

    Task() noexcept = default;
    explicit Task(Handle h) noexcept : handle_(h) {}
    Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
    Task& operator=(Task&& other) noexcept {
        if (this != &other) {
            reset();
            handle_ = std::exchange(other.handle_, {});
        }
        return *this;
    }
    Task(const Task&) = delete;
    Task& operator=(const Task&) = delete;
    ~Task() { reset(); }

    bool valid() const noexcept { return static_cast<bool>(handle_); }

    struct Awaiter {
        Handle handle;
        bool await_ready() const noexcept { return !handle || handle.done(); }
        // Returns false (do not suspend) when the task finished synchronously.
        bool await_suspend(coro::coroutine_handle<> awaiting) noexcept {
            auto& promise = handle.promise();
            promise.continuation = awaiting;
            promise.state = detail::TaskPromiseBase::State::Starting;
            handle.resume();
            if (promise.state == detail::TaskPromiseBase::State::Done) return false;
            promise.state = detail::TaskPromiseBase::State::Waiting;
            return true;
        }
        T await_resume() { return handle.promise().take(); }
    };

    Awaiter operator co_await() && noexcept { return Awaiter{handle_}; }
    Awaiter operator co_await() & noexcept { return Awaiter{handle_}; }

private:
    void reset() noexcept {
        if (handle_) handle_.destroy();
        handle_ = {};
    }
    Handle handle_;
};

namespace detail {
template <typename T>
Task<T> TaskPromise<T>::get_return_object() noexcept {
    return Task<T>{coro::coroutine_handle<TaskPromise<T>>::from_promise(*this)};
}
inline Task<void> TaskPromise<void>::get_return_object() noexcept {
    return Task<void>{coro::coroutine_handle<TaskPromise<void>>::from_promise(*this)};
}

// A fire-and-forget coroutine frame that frees itself when it finishes.
struct DetachedRun {
    struct promise_type {
        DetachedRun get_return_object() const noexcept { return {}; }
        coro::suspend_never initial_suspend() const noexcept { return {}; }
        coro::suspend_never final_suspend() const noexcept { return {}; }
        void return_void() const noexcept {}
        void unhandled_exception() const noexcept { std::terminate(); }
    };
};
}  // namespace detail

// Runs `task` to completion. Exactly one of onValue / onError is called, never both, never twice.
// Callbacks must not throw.
template <typename T, typename OnValue, typename OnError>
detail::DetachedRun startDetached(Task<T> task, OnValue onValue, OnError onError) {
    std::exception_ptr failure;
    if constexpr (std::is_void_v<T>) {
        try {
            co_await std::move(task);
        } catch (...) {
            failure = std::current_exception();
        }
        if (failure) onError(failure);
        else onValue();
    } else {
        std::optional<T> result;
        try {
            result.emplace(co_await std::move(task));
        } catch (...) {
            failure = std::current_exception();
        }
        if (failure) onError(failure);
        else onValue(std::move(*result));
    }
}

}  // namespace genai
