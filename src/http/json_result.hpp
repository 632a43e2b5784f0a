// A JSON answer passed through as the server's text. Most results go to JS unchanged, so the
// core checks their shape with a SAX pass (no tree is built) and hands JS the original text for
// one JSON.parse — instead of parsing into a tree, dumping it and parsing again (the bench
// measured that round trip as over half the SDK's per-call cost). It also keeps the server's
// field order.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace genai::http {

// The part of a JSON value the SDK relies on. Fields not listed, and anything below `Any`, are
// not checked (servers add fields; callers still receive them).
struct Shape {
    enum class Type { Any, Object, Array, String, Integer, Number, Boolean };
    Type type = Type::Any;
    std::vector<std::pair<std::string, Shape>> required;  // objects: fields that must be there
    std::shared_ptr<Shape> items;                          // arrays: the shape of every item

    static Shape any() { return {}; }
    static Shape string() { return {Type::String, {}, nullptr}; }
    static Shape integer() { return {Type::Integer, {}, nullptr}; }
    static Shape number() { return {Type::Number, {}, nullptr}; }
    static Shape boolean() { return {Type::Boolean, {}, nullptr}; }
    static Shape object(std::vector<std::pair<std::string, Shape>> fields = {}) {
        return {Type::Object, std::move(fields), nullptr};
    }
    static Shape arrayOf(Shape item) { return {Type::Array, {}, std::make_shared<Shape>(std::move(item))}; }
};

// nullopt when `text` is JSON of this shape; otherwise why not ("the body is not JSON",
// "field 'data' is missing", "field 'data[2].id' has the wrong type").
std::optional<std::string> checkShape(std::string_view text, const Shape& shape);

struct JsonResult {
    std::string text;    // the server's JSON text
    std::string member;  // "" for the whole value, else the top-level member the caller gets

    // The value as a tree (for C++ callers and tests).
    nlohmann::json parse() const;
};

}  // namespace genai::http
