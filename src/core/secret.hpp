// A credential that cannot leak by accident: it has no implicit conversion to text and its
// printable form is "[REDACTED]". Only reveal() gives the value, and only transports call it.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace genai {

class Secret {
public:
    Secret() = default;
    explicit Secret(std::string value) : value_(std::move(value)) {}

    bool empty() const noexcept { return value_.empty(); }
    const std::string& reveal() const noexcept { return value_; }
    static constexpr std::string_view redacted() noexcept { return "[REDACTED]"; }
    bool operator==(const Secret& other) const noexcept { return value_ == other.value_; }

private:
    std::string value_;
};

inline std::ostream& operator<<(std::ostream& os, const Secret&) { return os << Secret::redacted(); }

}  // namespace genai
