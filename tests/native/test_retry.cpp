#include <doctest/doctest.h>

#include <climits>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <string>
#include <utility>

#include "http/retry.hpp"

using namespace genai::http;

namespace {

Headers headersOf(std::initializer_list<std::pair<const char*, const char*>> entries) {
    Headers h;
    for (const auto& [name, value] : entries) h.add(name, value);
    return h;
}

constexpr double kNow = 1445412480;  // Wed, 21 Oct 2015 07:28:00 GMT

}  // namespace

TEST_CASE("retry: idempotent methods") {
    for (const char* m : {"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "get", "Delete",
                          "options"}) {
        CAPTURE(m);
        CHECK(isIdempotentMethod(m));
    }
    for (const char* m : {"POST", "PATCH", "CONNECT", "post", "", "GETS", "GE", " GET"}) {
        CAPTURE(m);
        CHECK_FALSE(isIdempotentMethod(m));
    }
}

TEST_CASE("retry: statuses retried without a server hint") {
    const Headers none;
    for (int status : {408, 409, 429, 500, 501, 502, 503, 504, 520, 599}) {
        CAPTURE(status);
        CHECK(shouldRetryStatus(status, none));
    }
    for (int status : {200, 201, 204, 301, 304, 400, 401, 403, 404, 405, 410, 413, 422, 499}) {
        CAPTURE(status);
        CHECK_FALSE(shouldRetryStatus(status, none));
    }
}

TEST_CASE("retry: x-should-retry overrides the status") {
    CHECK(shouldRetryStatus(400, headersOf({{"x-should-retry", "true"}})));
    CHECK(shouldRetryStatus(200, headersOf({{"X-Should-Retry", "TRUE"}})));
    CHECK_FALSE(shouldRetryStatus(503, headersOf({{"x-should-retry", "false"}})));
    CHECK_FALSE(shouldRetryStatus(429, headersOf({{"X-SHOULD-RETRY", " False "}})));
    // Any other value is no hint at all.
    CHECK(shouldRetryStatus(503, headersOf({{"x-should-retry", "maybe"}})));
    CHECK_FALSE(shouldRetryStatus(400, headersOf({{"x-should-retry", "1"}})));
    CHECK_FALSE(shouldRetryStatus(400, headersOf({{"x-should-retry", ""}})));
}

TEST_CASE("retry: retry-after-ms and retry-after in seconds") {
    CHECK_FALSE(parseRetryAfterMs(Headers{}, kNow).has_value());
    CHECK(parseRetryAfterMs(headersOf({{"retry-after-ms", "1500"}}), kNow) == 1500.0);
    CHECK(parseRetryAfterMs(headersOf({{"Retry-After-Ms", "12.5"}}), kNow) == 12.5);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after-ms", "0"}}), kNow) == 0.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "2"}}), kNow) == 2000.0);
    CHECK(parseRetryAfterMs(headersOf({{"Retry-After", " 0.5 "}}), kNow) == 500.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "120"}}), kNow) == 120000.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after-ms", "1.25"}}), kNow) == 1.25);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after-ms", ".75"}}), kNow) == 0.75);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after-ms", "3."}}), kNow) == 3.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "1.125"}}), kNow) == 1125.0);
    // retry-after-ms wins over retry-after.
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "9"}, {"retry-after-ms", "30"}}), kNow) ==
          30.0);
    // An unusable retry-after-ms leaves the word to retry-after.
    CHECK(parseRetryAfterMs(headersOf({{"retry-after-ms", "soon"}, {"retry-after", "3"}}),
                            kNow) == 3000.0);
}

TEST_CASE("retry: unusable retry-after values give nullopt") {
    for (const char* v : {"", " ", "-1", "-0.5", "abc", "1s", "1,5", "inf", "nan", "0x10", "1e3",
                          "+5", "..", "Wed, 21 Oct 2015", "tomorrow"}) {
        CAPTURE(v);
        CHECK_FALSE(parseRetryAfterMs(headersOf({{"retry-after", v}}), kNow).has_value());
        CHECK_FALSE(parseRetryAfterMs(headersOf({{"retry-after-ms", v}}), kNow).has_value());
    }
}

TEST_CASE("retry: retry-after as an HTTP-date") {
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Wed, 21 Oct 2015 07:28:30 GMT"}}), kNow) ==
          30000.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}}), kNow) ==
          0.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Thu, 22 Oct 2015 07:28:00 GMT"}}), kNow) ==
          86400000.0);
    // The delay is measured from the supplied clock, fractions included.
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Wed, 21 Oct 2015 07:28:01 GMT"}}),
                            kNow + 0.25) == 750.0);
    // A date already past asks for no positive delay.
    CHECK_FALSE(
        parseRetryAfterMs(headersOf({{"retry-after", "Wed, 21 Oct 2015 07:27:59 GMT"}}), kNow)
            .has_value());
    // Leap day, month and year boundaries.
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Thu, 29 Feb 2024 00:00:00 GMT"}}),
                            1709164800 - 5) == 5000.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Wed, 01 Mar 2000 00:00:00 GMT"}}),
                            951868800 - 1) == 1000.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Mon, 01 Mar 2100 00:00:00 GMT"}}),
                            4107542400 - 3) == 3000.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Sat, 01 Jan 2101 00:00:00 GMT"}}),
                            4133980800 - 4) == 4000.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Sun, 06 Nov 1994 08:49:37 GMT"}}),
                            784111777 - 2) == 2000.0);
}

TEST_CASE("retry: obsolete HTTP-date forms are accepted") {
    const double now = 784111777 - 10;  // 10 s before Sun, 06 Nov 1994 08:49:37 GMT
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Sunday, 06-Nov-94 08:49:37 GMT"}}), now) ==
          10000.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Sun Nov  6 08:49:37 1994"}}), now) ==
          10000.0);
    // A two-digit year is the nearest one not more than 50 years ahead.
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Wednesday, 21-Oct-15 07:28:05 GMT"}}),
                            kNow) == 5000.0);
}

TEST_CASE("retry: malformed HTTP-dates are rejected") {
    for (const char* v : {
             "Wed, 32 Oct 2015 07:28:30 GMT",   // day out of range
             "Thu, 29 Feb 2023 07:28:30 GMT",   // not a leap year
             "Mon, 29 Feb 2100 07:28:30 GMT",   // century, not a leap year
             "Wed, 21 Foo 2099 07:28:30 GMT",   // month
             "Wed, 21 Oct 2099 24:00:00 GMT",   // hour
             "Wed, 21 Oct 2099 07:60:00 GMT",   // minute
             "Wed, 21 Oct 2099 07:28:30 UTC",   // zone
             "Wed, 21 Oct 2099 07:28:30",       // no zone
             "Wed, 21 Oct 2099 07:28:30 GMT x",  // trailing text
             "Wed, 1 Oct 2099 07:28:30 GMT",    // one-digit day in IMF-fixdate
             "Xyz, 21 Oct 2099 07:28:30 GMT",   // day name
             "Wed 21 Oct 2099 07:28:30 GMT",    // missing comma
             "Wed Oct 1 07:28:30 2099",         // asctime day must be space padded
             "Wed, 21-Oct-99 07:28:30 GMT",     // RFC 850 wants the long day name
             "Wednesday, 21 Oct 2099 07:28:30 GMT",
         }) {
        CAPTURE(v);
        CHECK_FALSE(parseRetryAfterMs(headersOf({{"retry-after", v}}), kNow).has_value());
    }
    // Positive controls for the grammar checks above.
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Wed Oct 21 07:28:30 2015"}}), kNow) ==
          30000.0);
    CHECK(parseRetryAfterMs(headersOf({{"retry-after", "Wed, 21 Oct 2015 07:28:60 GMT"}}), kNow) ==
          60000.0);  // a leap second is allowed by the grammar
}

TEST_CASE("retry: RFC 850 two-digit years look at most 50 years ahead") {
    // In 2015, "70" is 1970 (long past), while "65" is 2065.
    CHECK_FALSE(
        parseRetryAfterMs(headersOf({{"retry-after", "Thursday, 01-Jan-70 00:00:00 GMT"}}), kNow)
            .has_value());
    const auto in2065 =
        parseRetryAfterMs(headersOf({{"retry-after", "Thursday, 01-Jan-65 00:00:00 GMT"}}), kNow);
    REQUIRE(in2065.has_value());
    CHECK(*in2065 == (2997993600.0 - kNow) * 1000);
}

TEST_CASE("retry: a server delay within the cap is used as is") {
    const RetryPolicy policy;
    CHECK(retryDelayMs(policy, 0, 1234.0, 0.9) == 1234.0);
    CHECK(retryDelayMs(policy, 5, 0.0, 0.9) == 0.0);
    CHECK(retryDelayMs(policy, 0, 60000.0, 0.0) == 60000.0);
    CHECK(retryDelayMs(policy, 0, 20000.0, 0.0) == 20000.0);  // above maxDelayMs, below the cap
}

TEST_CASE("retry: a server delay outside [0, cap] falls back to backoff") {
    const RetryPolicy policy;
    CHECK(retryDelayMs(policy, 0, 60001.0, 0.0) == 500.0);
    CHECK(retryDelayMs(policy, 1, -1.0, 0.0) == 1000.0);
    CHECK(retryDelayMs(policy, 0, std::numeric_limits<double>::quiet_NaN(), 0.0) == 500.0);
    CHECK(retryDelayMs(policy, 0, std::numeric_limits<double>::infinity(), 0.0) == 500.0);
    RetryPolicy shortCap;
    shortCap.maxRetryAfterMs = 1000;
    CHECK(retryDelayMs(shortCap, 0, 1500.0, 0.0) == 500.0);
}

TEST_CASE("retry: exponential backoff capped at maxDelayMs") {
    const RetryPolicy policy;
    CHECK(retryDelayMs(policy, 0, std::nullopt, 0.0) == 500.0);
    CHECK(retryDelayMs(policy, 1, std::nullopt, 0.0) == 1000.0);
    CHECK(retryDelayMs(policy, 2, std::nullopt, 0.0) == 2000.0);
    CHECK(retryDelayMs(policy, 3, std::nullopt, 0.0) == 4000.0);
    CHECK(retryDelayMs(policy, 4, std::nullopt, 0.0) == 8000.0);
    CHECK(retryDelayMs(policy, 5, std::nullopt, 0.0) == 8000.0);
    CHECK(retryDelayMs(policy, 1000, std::nullopt, 0.0) == 8000.0);
    CHECK(retryDelayMs(policy, INT_MAX, std::nullopt, 0.0) == 8000.0);
    CHECK(retryDelayMs(policy, -3, std::nullopt, 0.0) == 500.0);
    RetryPolicy custom;
    custom.initialDelayMs = 100;
    custom.maxDelayMs = 250;
    CHECK(retryDelayMs(custom, 1, std::nullopt, 0.0) == 200.0);
    CHECK(retryDelayMs(custom, 2, std::nullopt, 0.0) == 250.0);
}

TEST_CASE("retry: jitter removes at most 25 percent") {
    const RetryPolicy policy;
    CHECK(retryDelayMs(policy, 0, std::nullopt, 1.0) == 375.0);
    CHECK(retryDelayMs(policy, 0, std::nullopt, 0.5) == 437.5);
    CHECK(retryDelayMs(policy, 4, std::nullopt, 1.0) == 6000.0);
    for (int index = 0; index < 8; ++index) {
        const double full = std::fmin(500.0 * std::ldexp(1.0, index), 8000.0);
        for (int step = 0; step <= 100; ++step) {
            const double d = retryDelayMs(policy, index, std::nullopt, step / 100.0);
            if (!(d >= 0.75 * full && d <= full)) {
                CAPTURE(index);
                CAPTURE(step);
                CHECK(d >= 0.75 * full);
                CHECK(d <= full);
            }
        }
    }
    // Randomness outside [0, 1] is clamped rather than trusted.
    CHECK(retryDelayMs(policy, 0, std::nullopt, 7.0) == 375.0);
    CHECK(retryDelayMs(policy, 0, std::nullopt, -2.0) == 500.0);
    CHECK(retryDelayMs(policy, 0, std::nullopt, std::numeric_limits<double>::quiet_NaN()) ==
          500.0);
}

TEST_CASE("retry: default policy values") {
    const RetryPolicy policy;
    CHECK(policy.maxRetries == 2);
    CHECK(policy.initialDelayMs == 500.0);
    CHECK(policy.maxDelayMs == 8000.0);
    CHECK(policy.maxRetryAfterMs == 60000.0);
}
