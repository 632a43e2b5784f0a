// JSON fixtures bundled into the library (src/fixtures/, embedded at build time).
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace genai {

// The text of a fixture by its path below src/fixtures, e.g. "maas/models.json".
// Throws std::out_of_range for an unknown name.
std::string_view fixtureText(std::string_view name);

}  // namespace genai
