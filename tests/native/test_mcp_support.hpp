// Native test helpers for MCP: LoopRuntime, a clock with a timer queue so time limits, retry
// delays and concurrent calls play out deterministically; and McpTestServer, a Transport whose
// replies a test scripts (JSON, SSE text, or a live Pipe it keeps writing to), recording every
// request.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <queue>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "http/cancel_source.hpp"
#include "http/pipe.hpp"
#include "http/transport.hpp"

namespace genai::testing {

class LoopRuntime final : public http::Runtime {
public:
    double clockMs = 1'700'000'000'000.0;
    std::vector<double> sleeps;  // every requested delay, in order

    Task<void> sleep(double ms, std::shared_ptr<http::CancelSignal> signal) override {
        sleeps.push_back(ms);
        Sleep wait{*this, ms, std::move(signal), std::make_shared<Timer>()};  // named: GCC 12 destroys
        co_await wait;                                                        // co_await temporaries twice
    }
    double nowMs() const override { return clockMs; }
    double unixSeconds() const override { return clockMs / 1000.0; }
    double random() override { return 0.5; }

    // Runs due timers in time order until none is left (or `limit` ran, a runaway guard).
    void runUntilIdle(int limit = 100000) {
        while (limit-- > 0 && fireNext(std::numeric_limits<double>::infinity())) {
        }
    }
    // Moves the clock forward by `ms`, firing the timers due on the way.
    void advance(double ms) {
        const double until = clockMs + ms;
        while (fireNext(until)) {
        }
        clockMs = until;
    }
    size_t pendingTimers() const {
        size_t n = 0;
        for (const auto& t : timers_) n += t.second->done ? 0 : 1;
        return n;
    }

private:
    struct Timer {
        coro::coroutine_handle<> handle;
        bool done = false;
        bool aborted = false;
        std::shared_ptr<http::CancelSource> source;
        size_t key = 0;
    };
    struct Sleep {
        LoopRuntime& loop;
        double ms;
        std::shared_ptr<http::CancelSignal> signal;
        std::shared_ptr<Timer> timer;
        bool await_ready() {
            if (signal && signal->aborted()) timer->aborted = timer->done = true;
            return timer->done;
        }
        void await_suspend(coro::coroutine_handle<> handle) {
            timer->handle = handle;
            loop.timers_.emplace(std::make_pair(loop.clockMs + ms, loop.sequence_++), timer);
            timer->source = std::dynamic_pointer_cast<http::CancelSource>(signal);
            if (timer->source) {
                std::weak_ptr<Timer> weak = timer;
                timer->key = timer->source->onCancel([weak] {
                    auto t = weak.lock();
                    if (!t || t->done) return;
                    t->done = t->aborted = true;
                    t->handle.resume();
                });
            }
        }
        void await_resume() {
            if (timer->source) timer->source->removeListener(timer->key);
            if (timer->aborted) throw abortError();
        }
    };

    bool fireNext(double until) {
        while (!timers_.empty()) {
            auto it = timers_.begin();
            if (it->first.first > until) return false;
            std::shared_ptr<Timer> timer = it->second;
            const double due = it->first.first;
            timers_.erase(it);
            if (timer->done) continue;
            clockMs = std::max(clockMs, due);
            timer->done = true;
            timer->handle.resume();
            return true;
        }
        return false;
    }

    std::multimap<std::pair<double, uint64_t>, std::shared_ptr<Timer>> timers_;
    uint64_t sequence_ = 0;
};

struct TestReply {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::shared_ptr<http::Pipe> stream;  // a live body instead of `body`
    std::optional<ErrorKind> failure;    // throw a transport error of this kind instead

    static TestReply json(const nlohmann::json& value, int status = 200) {
        return TestReply{status, {{"Content-Type", "application/json"}}, value.dump(), nullptr, std::nullopt};
    }
    static TestReply sse(std::string text) {
        return TestReply{200, {{"Content-Type", "text/event-stream"}}, std::move(text), nullptr, std::nullopt};
    }
    static TestReply live(std::shared_ptr<http::Pipe> pipe) {
        return TestReply{200, {{"Content-Type", "text/event-stream"}}, "", std::move(pipe), std::nullopt};
    }
    static TestReply empty(int status) { return TestReply{status, {}, "", nullptr, std::nullopt}; }
    TestReply&& header(std::string name, std::string value) && {
        headers.emplace_back(std::move(name), std::move(value));
        return std::move(*this);
    }
};

inline std::string sseMessage(const nlohmann::json& message, const std::string& id = "") {
    return (id.empty() ? "" : "id: " + id + "\n") + "event: message\ndata: " + message.dump() + "\n\n";
}

class McpTestServer final : public http::Transport {
public:
    std::vector<http::Request> requests;
    std::function<TestReply(const http::Request&, const nlohmann::json& body)> handler;

    Task<http::Response> send(http::Request request) override {
        if (request.signal && request.signal->aborted()) throw abortError();
        requests.push_back(request);
        nlohmann::json body = nlohmann::json::parse(request.body.empty() ? "null" : request.body, nullptr, false);
        TestReply reply = handler(request, body);
        if (reply.failure) {
            ErrorInfo info;
            info.kind = *reply.failure;
            info.message = "failed to connect: connection refused";
            throw Error(std::move(info));
        }
        http::Response response;
        response.status = reply.status;
        for (auto& [k, v] : reply.headers) response.headers.add(k, v);
        if (reply.stream) {
            // A fetch whose signal fires fails its body: the pipe does the same.
            if (auto source = std::dynamic_pointer_cast<http::CancelSource>(request.signal)) {
                std::weak_ptr<http::Pipe> weak = reply.stream;
                source->onCancel([weak] {
                    if (auto p = weak.lock()) p->fail(abortError());
                });
            }
            response.body = reply.stream->reader();
        } else {
            response.body = std::make_unique<http::StringBodyStream>(std::move(reply.body));
        }
        co_return response;
    }

    // The JSON-RPC methods of the POSTs so far, in order.
    std::vector<std::string> methods() const {
        std::vector<std::string> out;
        for (const auto& r : requests) {
            if (r.method != "POST") continue;
            auto body = nlohmann::json::parse(r.body, nullptr, false);
            out.push_back(body.is_object() ? body.value("method", std::string("(reply)")) : "(invalid)");
        }
        return out;
    }
};

// Starts `task` and runs the loop until it is idle; the result, or the error the task failed with.
template <typename T>
struct Outcome {
    bool done = false;
    std::optional<T> value;
    std::exception_ptr error;
    T get() {
        REQUIRE(done);
        if (error) std::rethrow_exception(error);
        return *value;
    }
    Error failure() {
        REQUIRE(done);
        REQUIRE(error);
        try {
            std::rethrow_exception(error);
        } catch (const Error& e) {
            return e;
        }
        FAIL("expected a genai::Error");
        throw std::logic_error("unreachable");
    }
};

template <typename T>
std::shared_ptr<Outcome<T>> start(Task<T> task) {
    auto outcome = std::make_shared<Outcome<T>>();
    startDetached(
        std::move(task),
        [outcome](T value) {
            outcome->done = true;
            outcome->value.emplace(std::move(value));
        },
        [outcome](std::exception_ptr e) {
            outcome->done = true;
            outcome->error = e;
        });
    return outcome;
}

inline std::shared_ptr<Outcome<bool>> start(Task<void> task) {
    auto outcome = std::make_shared<Outcome<bool>>();
    startDetached(
        std::move(task),
        [outcome] {
            outcome->done = true;
            outcome->value = true;
        },
        [outcome](std::exception_ptr e) {
            outcome->done = true;
            outcome->error = e;
        });
    return outcome;
}

}  // namespace genai::testing
