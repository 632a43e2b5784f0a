#include "http/retry.hpp"

#include <array>
#include <cmath>

#include "core/text.hpp"

namespace genai::http {
namespace {

// Plain decimal ("1", "1.5", ".5"): no sign, exponent, "inf" or locale-dependent separator,
// which strtod would all let through.
std::optional<double> parseDecimal(std::string_view text) {
    text = trim(text);
    double whole = 0, fraction = 0, scale = 1;
    bool anyDigit = false;
    size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        whole = whole * 10 + (text[i] - '0');
        anyDigit = true;
    }
    if (i < text.size() && text[i] == '.') {
        // One division at the end keeps values such as "1.25" exact.
        for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
            fraction = fraction * 10 + (text[i] - '0');
            scale *= 10;
            anyDigit = true;
        }
    }
    if (!anyDigit || i != text.size()) return std::nullopt;
    return whole + fraction / scale;
}

// ---- HTTP-date (RFC 9110 section 5.6.7) ----

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu",
                                                   "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kLongDays = {"Monday", "Tuesday",  "Wednesday",
                                                       "Thursday", "Friday", "Saturday",
                                                       "Sunday"};

bool isLeap(long y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(long year, int month) noexcept {  // month 1..12
    static constexpr int kLen[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && isLeap(year) ? 29 : kLen[month - 1];
}

long leapYearsBefore(long year) noexcept {  // leap years in [1, year)
    const long y = year - 1;
    return y / 4 - y / 100 + y / 400;
}

long daysBeforeYear(long year) noexcept {  // days from 1970-01-01 to year-01-01 (year >= 1)
    return 365 * (year - 1970) + leapYearsBefore(year) - leapYearsBefore(1970);
}

long yearOf(double unixSeconds) noexcept {
    const long days = static_cast<long>(std::floor(unixSeconds / 86400));
    long year = 1970 + static_cast<long>(std::floor(static_cast<double>(days) / 365.2425));
    while (daysBeforeYear(year) > days) --year;
    while (daysBeforeYear(year + 1) <= days) ++year;
    return year;
}

struct DateTime {
    long year = 0;
    int month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

std::optional<double> toUnixSeconds(const DateTime& t) {
    if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 ||
        t.day > daysInMonth(t.year, t.month) || t.hour > 23 || t.minute > 59 || t.second > 60)
        return std::nullopt;
    long days = daysBeforeYear(t.year) + t.day - 1;
    for (int m = 1; m < t.month; ++m) days += daysInMonth(t.year, m);
    return static_cast<double>(days) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

// Reads the fixed-layout grammar one token at a time; any mismatch fails the whole parse.
class DateCursor {
public:
    explicit DateCursor(std::string_view s) : s_(s) {}

    bool literal(std::string_view lit) {
        if (!s_.substr(pos_).starts_with(lit)) return false;
        pos_ += lit.size();
        return true;
    }
    bool digits(size_t count, long& out) {
        if (s_.size() - pos_ < count) return false;
        long v = 0;
        for (size_t k = 0; k < count; ++k) {
            const char c = s_[pos_ + k];
            if (c < '0' || c > '9') return false;
            v = v * 10 + (c - '0');
        }
        pos_ += count;
        out = v;
        return true;
    }
    bool digits(size_t count, int& out) {
        long v = 0;
        if (!digits(count, v)) return false;
        out = static_cast<int>(v);
        return true;
    }
    template <size_t N>
    bool oneOf(const std::array<std::string_view, N>& words, int* index = nullptr) {
        for (size_t k = 0; k < N; ++k) {
            if (literal(words[k])) {
                if (index) *index = static_cast<int>(k);
                return true;
            }
        }
        return false;
    }
    bool month(int& out) {
        int index = 0;
        if (!oneOf(kMonths, &index)) return false;
        out = index + 1;
        return true;
    }
    bool time(DateTime& t) {
        return digits(2, t.hour) && literal(":") && digits(2, t.minute) && literal(":") &&
               digits(2, t.second);
    }
    bool atEnd() const noexcept { return pos_ == s_.size(); }

private:
    std::string_view s_;
    size_t pos_ = 0;
};

// "Sun, 06 Nov 1994 08:49:37 GMT"
std::optional<double> parseImfFixdate(std::string_view s) {
    DateCursor c(s);
    DateTime t;
    if (c.oneOf(kDays) && c.literal(", ") && c.digits(2, t.day) && c.literal(" ") &&
        c.month(t.month) && c.literal(" ") && c.digits(4, t.year) && c.literal(" ") && c.time(t) &&
        c.literal(" GMT") && c.atEnd())
        return toUnixSeconds(t);
    return std::nullopt;
}

// "Sunday, 06-Nov-94 08:49:37 GMT"; a two-digit year more than 50 years ahead of now means the
// previous century (RFC 9110).
std::optional<double> parseRfc850(std::string_view s, double nowUnixSeconds) {
    DateCursor c(s);
    DateTime t;
    long yy = 0;
    if (!(c.oneOf(kLongDays) && c.literal(", ") && c.digits(2, t.day) && c.literal("-") &&
          c.month(t.month) && c.literal("-") && c.digits(2, yy) && c.literal(" ") && c.time(t) &&
          c.literal(" GMT") && c.atEnd()))
        return std::nullopt;
    const long thisYear = yearOf(nowUnixSeconds);
    t.year = thisYear - thisYear % 100 + yy;
    if (t.year > thisYear + 50) t.year -= 100;
    return toUnixSeconds(t);
}

// "Sun Nov  6 08:49:37 1994"
std::optional<double> parseAsctime(std::string_view s) {
    DateCursor c(s);
    DateTime t;
    if (!(c.oneOf(kDays) && c.literal(" ") && c.month(t.month) && c.literal(" ")))
        return std::nullopt;
    if (!(c.literal(" ") ? c.digits(1, t.day) : c.digits(2, t.day))) return std::nullopt;
    if (c.literal(" ") && c.time(t) && c.literal(" ") && c.digits(4, t.year) && c.atEnd())
        return toUnixSeconds(t);
    return std::nullopt;
}

std::optional<double> parseHttpDate(std::string_view s, double nowUnixSeconds) {
    if (auto t = parseImfFixdate(s)) return t;
    if (auto t = parseRfc850(s, nowUnixSeconds)) return t;
    return parseAsctime(s);
}

}  // namespace

bool isIdempotentMethod(std::string_view method) noexcept {
    for (std::string_view m : {"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"}) {
        if (equalsNoCase(method, m)) return true;
    }
    return false;
}

bool shouldRetryStatus(int status, const Headers& headers) {
    if (const auto hint = headers.get("x-should-retry")) {
        const std::string_view value = trim(*hint);
        if (equalsNoCase(value, "true")) return true;
        if (equalsNoCase(value, "false")) return false;
    }
    return status == 408 || status == 409 || status == 429 || status >= 500;
}

std::optional<double> parseRetryAfterMs(const Headers& headers, double nowUnixSeconds) {
    // An unusable retry-after-ms still lets a valid retry-after speak.
    if (const auto ms = headers.get("retry-after-ms")) {
        if (const auto value = parseDecimal(*ms)) return value;
    }
    const auto header = headers.get("retry-after");
    if (!header) return std::nullopt;
    if (const auto seconds = parseDecimal(*header)) return *seconds * 1000;
    if (const auto when = parseHttpDate(trim(*header), nowUnixSeconds)) {
        const double delay = (*when - nowUnixSeconds) * 1000;
        if (delay >= 0) return delay;
    }
    return std::nullopt;
}

double retryDelayMs(const RetryPolicy& policy, int retryIndex, std::optional<double> serverDelayMs,
                    double random01) {
    if (serverDelayMs && *serverDelayMs >= 0 && *serverDelayMs <= policy.maxRetryAfterMs)
        return *serverDelayMs;
    const double backoff =
        std::fmin(std::ldexp(policy.initialDelayMs, retryIndex < 0 ? 0 : retryIndex),
                  policy.maxDelayMs);
    // Out-of-range or NaN randomness must not stretch the delay or make it negative.
    const double r = random01 >= 0 ? std::fmin(random01, 1.0) : 0.0;
    return backoff * (1 - 0.25 * r);
}

}  // namespace genai::http
