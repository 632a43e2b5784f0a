// Go's time.ParseDuration syntax ("4h", "30m", "1h30m", "1.5h", "300ms"), used by the MaaS token
// API (`expiration`), and the "30d"-style days the MaaS API-key API accepts (`expiresIn`).
#pragma once

#include <optional>
#include <string_view>

namespace genai {

// Seconds, or nullopt when `text` is not a Go duration. "0" is valid; a sign is allowed.
std::optional<double> parseGoDuration(std::string_view text);

// "<digits><s|m|h|d>" as the MaaS API-key API takes it ("90d", "1h"); seconds or nullopt.
std::optional<double> parseSimpleDuration(std::string_view text);

}  // namespace genai
