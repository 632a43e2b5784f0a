#include <doctest/doctest.h>

#include <vector>

#include "core/task.hpp"
#include "support/test_support.hpp"

using namespace genai;

namespace {
Task<int> value(int v) { co_return v; }
Task<int> sum(int n) {
    int total = 0;
    for (int i = 0; i < n; ++i) total += co_await value(i);
    co_return total;
}
Task<void> thrower() {
    throw std::runtime_error("boom");
    co_return;
}

// An awaitable that suspends until resumed by hand, like a JS promise that settles later.
struct Gate {
    coro::coroutine_handle<> waiting;
    int value = 0;
    auto wait() {
        struct Awaiter {
            Gate& gate;
            bool await_ready() const noexcept { return false; }
            void await_suspend(coro::coroutine_handle<> h) noexcept { gate.waiting = h; }
            int await_resume() const noexcept { return gate.value; }
        };
        return Awaiter{*this};
    }
    void open(int v) {
        value = v;
        auto h = std::exchange(waiting, {});
        h.resume();
    }
};

Task<int> waitTwice(Gate& gate) {
    int a = co_await gate.wait();
    int b = co_await gate.wait();
    co_return a + b;
}
Task<int> outer(Gate& gate) { co_return 1 + co_await waitTwice(gate); }
}  // namespace

TEST_CASE("Task: values flow through nested awaits completing synchronously") {
    CHECK(testing::runSync(sum(10)) == 45);
    CHECK(testing::runSync(sum(0)) == 0);
}

TEST_CASE("Task: a long synchronous loop does not overflow the stack") {
    auto loop = []() -> Task<long> {
        long total = 0;
        for (int i = 0; i < 1'000'000; ++i) total += co_await value(1);
        co_return total;
    };
    CHECK(testing::runSync(loop()) == 1'000'000);
}

TEST_CASE("Task: exceptions propagate to the awaiter") {
    auto caller = []() -> Task<std::string> {
        try {
            co_await thrower();
        } catch (const std::runtime_error& e) {
            co_return std::string(e.what());
        }
        co_return std::string("no exception");
    };
    CHECK(testing::runSync(caller()) == "boom");
}

TEST_CASE("Task: resumes the awaiter after a real suspension") {
    Gate gate;
    std::optional<int> result;
    bool failed = false;
    startDetached(outer(gate), [&](int v) { result = v; }, [&](std::exception_ptr) { failed = true; });
    CHECK_FALSE(result.has_value());
    gate.open(10);
    CHECK_FALSE(result.has_value());
    gate.open(20);
    REQUIRE(result.has_value());
    CHECK(*result == 31);
    CHECK_FALSE(failed);
}

TEST_CASE("Task: startDetached reports a failure exactly once") {
    int values = 0, errors = 0;
    startDetached(thrower(), [&] { ++values; }, [&](std::exception_ptr) { ++errors; });
    CHECK(values == 0);
    CHECK(errors == 1);
}

TEST_CASE("Task: an unstarted task is destroyed without running") {
    bool ran = false;
    {
        auto task = [&]() -> Task<void> {
            ran = true;
            co_return;
        }();
        CHECK(task.valid());
    }
    CHECK_FALSE(ran);
}
