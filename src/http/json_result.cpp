#include "http/json_result.hpp"

#include "core/json.hpp"

namespace genai::http {

namespace {
using nlohmann::json;

const char* typeName(Shape::Type type) {
    switch (type) {
        case Shape::Type::Object: return "an object";
        case Shape::Type::Array: return "an array";
        case Shape::Type::String: return "a string";
        case Shape::Type::Integer: return "an integer";
        case Shape::Type::Number: return "a number";
        case Shape::Type::Boolean: return "a boolean";
        case Shape::Type::Any: break;
    }
    return "any value";
}

// Walks the SAX events with a stack of containers; `expected` is the shape of the next value.
class ShapeChecker final : public nlohmann::json_sax<json> {
public:
    explicit ShapeChecker(const Shape& root) : next_(&root) {}

    std::optional<std::string> error;

    bool null() override { return scalar(Kind::Null); }
    bool boolean(bool) override { return scalar(Kind::Boolean); }
    bool number_integer(number_integer_t) override { return scalar(Kind::Integer); }
    bool number_unsigned(number_unsigned_t) override { return scalar(Kind::Integer); }
    bool number_float(number_float_t, const string_t&) override { return scalar(Kind::Float); }
    bool string(string_t&) override { return scalar(Kind::String); }
    bool binary(binary_t&) override { return scalar(Kind::Null); }

    bool start_object(std::size_t) override {
        const Shape* shape = take();
        if (shape && shape->type != Shape::Type::Object && shape->type != Shape::Type::Any) return wrongType(shape);
        frames_.push_back({shape && shape->type == Shape::Type::Object ? shape : nullptr, true, pathHere(),
                           std::vector<bool>(shape ? shape->required.size() : 0, false), {}, 0});
        return true;
    }
    bool key(string_t& name) override {
        Frame& frame = frames_.back();
        frame.key = name;
        next_ = nullptr;
        if (!frame.shape) return true;
        for (size_t i = 0; i < frame.shape->required.size(); ++i) {
            if (frame.shape->required[i].first == name) {
                frame.seen[i] = true;
                next_ = &frame.shape->required[i].second;
            }
        }
        return true;
    }
    bool end_object() override {
        Frame frame = std::move(frames_.back());
        frames_.pop_back();
        if (frame.shape) {
            for (size_t i = 0; i < frame.seen.size(); ++i) {
                if (!frame.seen[i]) return fail("field '" + join(frame.path, frame.shape->required[i].first) + "' is missing");
            }
        }
        return true;
    }
    bool start_array(std::size_t) override {
        const Shape* shape = take();
        if (shape && shape->type != Shape::Type::Array && shape->type != Shape::Type::Any) return wrongType(shape);
        frames_.push_back({shape && shape->type == Shape::Type::Array ? shape : nullptr, false, pathHere(), {}, {}, 0});
        return true;
    }
    bool end_array() override {
        frames_.pop_back();
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
        if (!error) error = "the body is not JSON";
        return false;
    }

private:
    enum class Kind { Null, Boolean, Integer, Float, String };
    struct Frame {
        const Shape* shape;  // null: contents not checked
        bool isObject;
        std::string path;
        std::vector<bool> seen;
        std::string key;
        size_t index = 0;
    };

    // The shape of the value that starts now, and where it stands (for messages).
    const Shape* take() {
        if (frames_.empty()) return std::exchange(next_, nullptr);
        Frame& frame = frames_.back();
        if (frame.isObject) return std::exchange(next_, nullptr);
        ++frame.index;
        return frame.shape ? frame.shape->items.get() : nullptr;
    }
    std::string pathHere() const {
        if (frames_.empty()) return "";
        const Frame& frame = frames_.back();
        if (frame.isObject) return join(frame.path, frame.key);
        return frame.path + "[" + std::to_string(frame.index - 1) + "]";
    }
    static std::string join(const std::string& path, const std::string& name) {
        return path.empty() ? name : path + "." + name;
    }
    bool scalar(Kind kind) {
        const Shape* shape = take();
        if (!shape) return true;
        bool ok = false;
        switch (shape->type) {
            case Shape::Type::Any: ok = true; break;
            case Shape::Type::String: ok = kind == Kind::String; break;
            case Shape::Type::Integer: ok = kind == Kind::Integer; break;
            case Shape::Type::Number: ok = kind == Kind::Integer || kind == Kind::Float; break;
            case Shape::Type::Boolean: ok = kind == Kind::Boolean; break;
            default: ok = false;
        }
        return ok ? true : wrongType(shape);
    }
    bool wrongType(const Shape* expected) {
        std::string where = pathHere();
        std::string want = std::string(" (expected ") + typeName(expected->type) + ")";
        return fail(where.empty() ? "the body has the wrong type" + want : "field '" + where + "' has the wrong type" + want);
    }
    bool fail(std::string message) {
        if (!error) error = std::move(message);
        return false;
    }

    const Shape* next_;
    std::vector<Frame> frames_;
};
}  // namespace

std::optional<std::string> checkShape(std::string_view text, const Shape& shape) {
    ShapeChecker checker(shape);
    const bool ok = json::sax_parse(text.begin(), text.end(), &checker);
    if (!ok && !checker.error) return "the body is not JSON";
    return checker.error;
}

json JsonResult::parse() const {
    json value = parseJsonOrDiscarded(text);
    if (!member.empty() && value.is_object() && value.contains(member)) return std::move(value[member]);
    return value;
}

}  // namespace genai::http
