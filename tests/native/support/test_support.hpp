// Helpers for native tests: a transport that answers from a script and records every request,
// a runtime with a manual clock, and runSync() to drive a Task that completes synchronously.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "core/error.hpp"
#include "core/task.hpp"
#include "http/client_options.hpp"
#include "http/transport.hpp"

namespace genai::testing {

struct ScriptedReply {
    int status = 200;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    size_t chunkSize = 0;
    std::optional<ErrorKind> failure;  // throw a transport error of this kind instead
};

inline ScriptedReply jsonReply(int status, std::string body) {
    return ScriptedReply{status, {{"content-type", "application/json"}}, std::move(body), 0, std::nullopt};
}

class ScriptedTransport final : public http::Transport {
public:
    std::deque<ScriptedReply> replies;
    std::vector<http::Request> requests;
    std::function<ScriptedReply(const http::Request&)> handler;  // used when `replies` is empty

    Task<http::Response> send(http::Request request) override {
        requests.push_back(request);
        ScriptedReply reply;
        if (!replies.empty()) {
            reply = std::move(replies.front());
            replies.pop_front();
        } else if (handler) {
            reply = handler(request);
        } else {
            throw std::logic_error("ScriptedTransport: no reply scripted for " + request.method + " " + request.url);
        }
        if (reply.failure) {
            ErrorInfo info;
            info.kind = *reply.failure;
            info.code = *reply.failure == ErrorKind::Timeout ? "TIMEOUT" : "CONNECTION_FAILED";
            info.message = "scripted failure (connection refused)";
            throw Error(std::move(info));
        }
        http::Response response;
        response.status = reply.status;
        for (auto& [k, v] : reply.headers) response.headers.add(k, v);
        response.body = std::make_unique<http::StringBodyStream>(std::move(reply.body), reply.chunkSize);
        co_return response;
    }
};

class ManualRuntime final : public http::Runtime {
public:
    double clockMs = 1'700'000'000'000.0;
    double randomValue = 0.5;
    std::vector<double> sleeps;

    Task<void> sleep(double ms, std::shared_ptr<http::CancelSignal> signal) override {
        if (signal && signal->aborted()) throw abortError();
        sleeps.push_back(ms);
        clockMs += ms;
        co_return;
    }
    double nowMs() const override { return clockMs; }
    double unixSeconds() const override { return clockMs / 1000.0; }
    double random() override { return randomValue; }
};

// Runs a Task that completes without a real suspension; fails the test otherwise.
template <typename T>
T runSync(Task<T> task) {
    bool done = false;
    std::exception_ptr failure;
    std::optional<std::conditional_t<std::is_void_v<T>, int, T>> result;
    if constexpr (std::is_void_v<T>) {
        startDetached(std::move(task), [&] { done = true; result.emplace(0); },
                      [&](std::exception_ptr e) { done = true; failure = e; });
    } else {
        startDetached(std::move(task), [&](T value) { done = true; result.emplace(std::move(value)); },
                      [&](std::exception_ptr e) { done = true; failure = e; });
    }
    if (!done) throw std::logic_error("runSync: the task suspended");
    if (failure) std::rethrow_exception(failure);
    if constexpr (!std::is_void_v<T>) return std::move(*result);
}

// Runs the task and returns the genai::Error it failed with (fails the test if it succeeded).
template <typename T>
Error expectError(Task<T> task) {
    try {
        runSync(std::move(task));
    } catch (const Error& e) {
        return e;
    }
    FAIL("expected a genai::Error");
    throw std::logic_error("unreachable");
}

// The message of the ValidationError `fn` throws (a failed check when it throws none).
inline std::string validationMessage(const std::function<void()>& fn) {
    try {
        fn();
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::Validation);
        return e.what();
    }
    FAIL("expected a ValidationError");
    return {};
}

// A Real factory of type `Factory` over a scripted transport and a manual runtime: what every
// service's client tests start from.
template <typename Factory>
struct ScriptedFactory {
    std::shared_ptr<ScriptedTransport> transport = std::make_shared<ScriptedTransport>();
    std::shared_ptr<ManualRuntime> runtime = std::make_shared<ManualRuntime>();
    Factory factory{transport, runtime};

    static http::ClientOptions options(std::string baseUrl, std::string token) {
        http::ClientOptions o;
        o.baseUrl = std::move(baseUrl);
        o.token = Secret(std::move(token));
        return o;
    }
    const http::Request& sent(size_t i = 0) const { return transport->requests.at(i); }
};

}  // namespace genai::testing
