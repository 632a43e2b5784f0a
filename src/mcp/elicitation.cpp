#include "mcp/elicitation.hpp"

#include <stdexcept>

namespace genai::mcp {

Json completeElicitationResult(const Json& params, Json result) {
    if (!result.is_object()) throw std::invalid_argument("the elicitation handler must return an object");
    auto action = result.find("action");
    if (action == result.end() || !action->is_string() ||
        (*action != "accept" && *action != "decline" && *action != "cancel"))
        throw std::invalid_argument("the elicitation result needs action \"accept\", \"decline\" or \"cancel\"");
    if (*action != "accept") {
        result.erase("content");
        return result;
    }
    Json content = result.value("content", Json::object());
    if (!content.is_object()) throw std::invalid_argument("the elicitation content must be an object");
    const Json schema = params.is_object() ? params.value("requestedSchema", Json::object()) : Json::object();
    if (schema.is_object() && schema.contains("properties") && schema["properties"].is_object()) {
        for (const auto& [name, property] : schema["properties"].items()) {
            if (property.is_object() && property.contains("default") && !content.contains(name))
                content[name] = property["default"];
        }
    }
    result["content"] = std::move(content);
    return result;
}

}  // namespace genai::mcp
