// Transport over the browser's (or Node's) Fetch API, and the Runtime of the web platform.
#pragma once

#include <emscripten/val.h>

#include "http/transport.hpp"

namespace genai::web {

// Wraps a JS AbortSignal so the core can ask whether it fired.
class JsCancelSignal final : public http::CancelSignal {
public:
    explicit JsCancelSignal(emscripten::val signal) : signal_(std::move(signal)) {}
    bool aborted() const override { return signal_["aborted"].as<bool>(); }
    const emscripten::val& js() const noexcept { return signal_; }

private:
    emscripten::val signal_;
};

class FetchTransport final : public http::Transport {
public:
    // `fetchFn` replaces globalThis.fetch when it is a function (e.g. a Node fetch with TLS
    // settings); otherwise the global fetch of the moment is used.
    explicit FetchTransport(emscripten::val fetchFn);
    Task<http::Response> send(http::Request request) override;

private:
    emscripten::val fetch_;
};

class WebRuntime final : public http::Runtime {
public:
    Task<void> sleep(double ms, std::shared_ptr<http::CancelSignal> signal) override;
    double nowMs() const override;
    double unixSeconds() const override;
    double random() override;
};

}  // namespace genai::web
