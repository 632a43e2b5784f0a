#include "core/duration.hpp"

#include <cctype>
#include <string>

namespace genai {

namespace {
std::optional<double> unitSeconds(std::string_view unit) {
    if (unit == "ns") return 1e-9;
    if (unit == "us" || unit == "µs" || unit == "μs") return 1e-6;
    if (unit == "ms") return 1e-3;
    if (unit == "s") return 1.0;
    if (unit == "m") return 60.0;
    if (unit == "h") return 3600.0;
    return std::nullopt;
}
bool isDigit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::optional<double> parseGoDuration(std::string_view text) {
    if (text.empty()) return std::nullopt;
    double sign = 1;
    if (text.front() == '-' || text.front() == '+') {
        if (text.front() == '-') sign = -1;
        text.remove_prefix(1);
    }
    if (text == "0") return 0.0;
    if (text.empty()) return std::nullopt;
    double total = 0;
    while (!text.empty()) {
        size_t i = 0;
        while (i < text.size() && isDigit(text[i])) ++i;
        size_t intDigits = i;
        size_t fracDigits = 0;
        if (i < text.size() && text[i] == '.') {
            ++i;
            size_t start = i;
            while (i < text.size() && isDigit(text[i])) ++i;
            fracDigits = i - start;
        }
        if (intDigits == 0 && fracDigits == 0) return std::nullopt;
        double number = std::stod(std::string(text.substr(0, i)) + (fracDigits == 0 && i > intDigits ? "0" : ""));
        size_t unitStart = i;
        while (i < text.size() && !isDigit(text[i]) && text[i] != '.') ++i;
        auto unit = unitSeconds(text.substr(unitStart, i - unitStart));
        if (!unit) return std::nullopt;
        total += number * *unit;
        text.remove_prefix(i);
    }
    return sign * total;
}

std::optional<double> parseSimpleDuration(std::string_view text) {
    if (text.size() < 2) return std::nullopt;
    double factor;
    switch (text.back()) {
        case 's': factor = 1; break;
        case 'm': factor = 60; break;
        case 'h': factor = 3600; break;
        case 'd': factor = 86400; break;
        default: return std::nullopt;
    }
    std::string_view digits = text.substr(0, text.size() - 1);
    for (char c : digits)
        if (!isDigit(c)) return std::nullopt;
    if (digits.size() > 9) return std::nullopt;
    return std::stod(std::string(digits)) * factor;
}

}  // namespace genai
