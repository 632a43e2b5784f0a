// Answers to a server's elicitation/create request (MCP 2025-06-18 and later): the handler's
// result is checked, and for an accepted form the defaults of the requested schema fill the
// fields the user left out (SEP-1034).
#pragma once

#include <nlohmann/json.hpp>

namespace genai::mcp {

using Json = nlohmann::json;

// {action: "accept" | "decline" | "cancel", content?}. Throws std::invalid_argument with the
// reason when the handler's result is not one. For "accept", every property of
// `requestedSchema` with a `default` that `content` lacks is added.
Json completeElicitationResult(const Json& params, Json result);

}  // namespace genai::mcp
