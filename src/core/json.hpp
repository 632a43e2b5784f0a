// Parsing JSON text. nlohmann instantiates its whole parser once per input type (std::string
// iterators, const char*, …), so every parse in the library goes through these two, which read
// a string_view: one parser in the wasm instead of two (≈ 5 KB gzip).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace genai {

// Throws nlohmann::json::parse_error on bad JSON (for text this library wrote itself).
inline nlohmann::json parseJson(std::string_view text) { return nlohmann::json::parse(text.begin(), text.end()); }

// Bad JSON gives a value whose is_discarded() is true, never an exception (for text from a peer).
inline nlohmann::json parseJsonOrDiscarded(std::string_view text) {
    return nlohmann::json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
}

}  // namespace genai
