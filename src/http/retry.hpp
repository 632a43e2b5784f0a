// When a failed request is tried again and how long to wait first. Pure functions: the caller
// supplies the clock and the random number, so the policy is testable and the same on every
// platform.
#pragma once

#include <optional>
#include <string_view>

#include "http/message.hpp"

namespace genai::http {

struct RetryPolicy {
    int maxRetries = 2;
    double initialDelayMs = 500;
    double maxDelayMs = 8000;
    double maxRetryAfterMs = 60000;  // a server asking for longer gets our own backoff instead
};

// GET HEAD PUT DELETE OPTIONS TRACE, in any letter case.
bool isIdempotentMethod(std::string_view method) noexcept;

// `x-should-retry: true|false` from the server wins; otherwise 408, 409, 429 and 5xx are retried.
bool shouldRetryStatus(int status, const Headers& headers);

// The delay the server asked for, in ms: `retry-after-ms` (decimal ms), else `retry-after` as
// decimal seconds or as an HTTP-date (IMF-fixdate, plus the obsolete RFC 850 and asctime forms
// that RFC 9110 obliges recipients to accept) taken relative to nowUnixSeconds.
// nullopt when absent, unparseable or negative (a date already past).
std::optional<double> parseRetryAfterMs(const Headers& headers, double nowUnixSeconds);

// Delay before retry number `retryIndex` (0 for the first retry). A server delay within
// [0, maxRetryAfterMs] is used as is; otherwise min(initialDelayMs * 2^retryIndex, maxDelayMs)
// less up to 25 % jitter: delay * (1 - 0.25 * random01), random01 in [0, 1].
double retryDelayMs(const RetryPolicy& policy, int retryIndex, std::optional<double> serverDelayMs,
                    double random01);

}  // namespace genai::http
