// The seams between the SDK and the outside world. Transport sends requests: FetchTransport
// (web) for real servers, FixtureTransport for Mock factories, a scripted one in native tests.
// Runtime gives time, timers and randomness, so retries and mock delays are testable natively.
// Transport failures are thrown as genai::Error of kind Connection, Timeout or Abort.
#pragma once

#include <memory>

#include "core/task.hpp"
#include "http/message.hpp"

namespace genai::http {

class Transport {
public:
    virtual ~Transport() = default;
    // Resolves once the status and headers are in; the body is read through Response::body.
    virtual Task<Response> send(Request request) = 0;
};

class Runtime {
public:
    virtual ~Runtime() = default;
    // Waits `ms` milliseconds; throws an AbortError if `signal` fires first.
    virtual Task<void> sleep(double ms, std::shared_ptr<CancelSignal> signal) = 0;
    virtual double nowMs() const = 0;         // monotonic milliseconds
    virtual double unixSeconds() const = 0;   // wall clock
    virtual double random() = 0;              // uniform in [0, 1), for retry jitter
};

}  // namespace genai::http
