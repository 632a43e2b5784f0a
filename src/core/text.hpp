// Small string helpers shared by the parsers and the HTTP layer.
#pragma once

#include <string>
#include <string_view>

namespace genai {

bool equalsNoCase(std::string_view a, std::string_view b) noexcept;
std::string toLower(std::string_view text);
std::string_view trim(std::string_view text) noexcept;
bool startsWith(std::string_view text, std::string_view prefix) noexcept;
bool endsWith(std::string_view text, std::string_view suffix) noexcept;
// Cuts text to at most `max` bytes without splitting a UTF-8 character, adding "…" when cut.
std::string truncateUtf8(std::string_view text, size_t max);

}  // namespace genai
