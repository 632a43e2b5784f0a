#include "kubernetes/yaml.hpp"

#include <yaml.h>

#include <charconv>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace genai::kubernetes {

namespace {
using Json = nlohmann::json;

constexpr std::string_view kStrTag = "tag:yaml.org,2002:str";

bool isOneOf(std::string_view text, std::initializer_list<std::string_view> words) {
    for (auto w : words)
        if (text == w) return true;
    return false;
}

bool isDigits(std::string_view text, bool hex = false) {
    if (text.empty()) return false;
    for (char c : text) {
        bool ok = (c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
        if (!ok) return false;
    }
    return true;
}

// [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?   (YAML 1.2 core float, finite forms)
bool isCoreFloat(std::string_view text) {
    size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    size_t intStart = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    bool intDigits = i > intStart;
    bool fracDigits = false;
    if (i < text.size() && text[i] == '.') {
        ++i;
        size_t fracStart = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        fracDigits = i > fracStart;
    }
    if (!intDigits && !fracDigits) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
        if (!isDigits(text.substr(i))) return false;
        i = text.size();
    }
    return i == text.size();
}

// A plain scalar typed by the YAML 1.2 core schema.
Json resolvePlain(std::string_view text) {
    if (isOneOf(text, {"", "~", "null", "Null", "NULL"})) return nullptr;
    if (isOneOf(text, {"true", "True", "TRUE"})) return true;
    if (isOneOf(text, {"false", "False", "FALSE"})) return false;
    std::string_view digits = text;
    bool negative = false;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
        negative = digits[0] == '-';
        digits.remove_prefix(1);
    }
    int base = 10;
    if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'o')) {
        base = digits[1] == 'x' ? 16 : 8;
        digits.remove_prefix(2);
    }
    if (isDigits(digits, base == 16)) {
        unsigned long long magnitude = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude, base);
        if (ec == std::errc() && end == digits.data() + digits.size()) {
            if (!negative) return magnitude;
            if (magnitude <= 9223372036854775808ull) return static_cast<long long>(0 - magnitude);
        }
        // Too large for 64 bits: kept as text rather than rounded.
        return std::string(text);
    }
    if (isCoreFloat(text)) return std::strtod(std::string(text).c_str(), nullptr);
    return std::string(text);
}

// True when a YAML 1.1 reader (PyYAML) or a 1.2 reader would type this plain text as something
// other than a string.
bool readsAsNonString(std::string_view text) {
    if (!resolvePlain(text).is_string()) return true;
    if (isOneOf(text, {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off",
                       "Off", "OFF", ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN", "<<", "="}))
        return true;
    // YAML 1.1 numbers also allow '_' separators, 0b binaries and base-60 forms: quote anything
    // that starts like a number.
    size_t i = (!text.empty() && (text[0] == '-' || text[0] == '+')) ? 1 : 0;
    if (i < text.size() && text[i] == '.') ++i;
    return i < text.size() && text[i] >= '0' && text[i] <= '9';
}

struct ParserHandle {
    yaml_parser_t parser;
    ParserHandle() { yaml_parser_initialize(&parser); }
    ~ParserHandle() { yaml_parser_delete(&parser); }
};

struct EventHandle {
    yaml_event_t event{};
    bool live = false;
    ~EventHandle() { reset(); }
    void reset() {
        if (live) yaml_event_delete(&event);
        live = false;
    }
};

[[noreturn]] void failAt(const yaml_mark_t& mark, const std::string& problem) {
    throw YamlError("line " + std::to_string(mark.line + 1) + ", column " + std::to_string(mark.column + 1) + ": " +
                    problem);
}

std::string textOf(const yaml_char_t* data, size_t length) {
    return data ? std::string(reinterpret_cast<const char*>(data), length) : std::string();
}

std::string textOf(const yaml_char_t* zeroTerminated) {
    return zeroTerminated ? std::string(reinterpret_cast<const char*>(zeroTerminated)) : std::string();
}

// One open mapping or sequence while events arrive.
struct Frame {
    Json value;
    std::string anchor;
    std::optional<std::string> key;  // a mapping's key waiting for its value
};

class TreeBuilder {
public:
    // Adds a finished node to the open container (or makes it the document).
    void put(Json node, const std::string& anchor, const yaml_mark_t& mark) {
        if (!anchor.empty()) anchors_[anchor] = node;
        if (stack_.empty()) {
            if (!document_) document_ = std::move(node);
            return;
        }
        Frame& top = stack_.back();
        if (top.value.is_array()) {
            top.value.push_back(std::move(node));
        } else if (!top.key) {
            if (node.is_object() || node.is_array()) failAt(mark, "a mapping key must be a scalar");
            top.key = node.is_string() ? node.get<std::string>() : node.dump();
        } else {
            top.value[*top.key] = std::move(node);
            top.key.reset();
        }
    }
    void open(Json container, std::string anchor) { stack_.push_back(Frame{std::move(container), std::move(anchor), {}}); }
    void close(const yaml_mark_t& mark) {
        Frame frame = std::move(stack_.back());
        stack_.pop_back();
        put(std::move(frame.value), frame.anchor, mark);
    }
    const Json& alias(const std::string& name, const yaml_mark_t& mark) const {
        auto it = anchors_.find(name);
        if (it == anchors_.end()) failAt(mark, "unknown alias *" + name);
        return it->second;
    }
    bool documentDone() const { return document_.has_value() && stack_.empty(); }
    Json take() { return document_ ? std::move(*document_) : Json(); }

private:
    std::vector<Frame> stack_;
    std::map<std::string, Json> anchors_;
    std::optional<Json> document_;
};
}  // namespace

Json parseYaml(std::string_view text) {
    ParserHandle handle;
    yaml_parser_set_input_string(&handle.parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    TreeBuilder tree;
    EventHandle ev;
    for (;;) {
        if (!yaml_parser_parse(&handle.parser, &ev.event)) {
            const yaml_parser_t& p = handle.parser;
            std::string problem = p.problem ? p.problem : "malformed YAML";
            if (p.context) problem += std::string(" ") + p.context;
            failAt(p.problem_mark, problem);
        }
        ev.live = true;
        const yaml_event_t& e = ev.event;
        switch (e.type) {
            case YAML_SCALAR_EVENT: {
                std::string value = textOf(e.data.scalar.value, e.data.scalar.length);
                const bool forcedString = textOf(e.data.scalar.tag) == kStrTag;
                Json node = (e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !forcedString) ? resolvePlain(value)
                                                                                               : Json(std::move(value));
                tree.put(std::move(node), textOf(e.data.scalar.anchor), e.start_mark);
                break;
            }
            case YAML_SEQUENCE_START_EVENT:
                tree.open(Json::array(), textOf(e.data.sequence_start.anchor));
                break;
            case YAML_MAPPING_START_EVENT:
                tree.open(Json::object(), textOf(e.data.mapping_start.anchor));
                break;
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT:
                tree.close(e.start_mark);
                break;
            case YAML_ALIAS_EVENT:
                tree.put(tree.alias(textOf(e.data.alias.anchor), e.start_mark), "", e.start_mark);
                break;
            case YAML_STREAM_END_EVENT:
                return tree.take();
            case YAML_DOCUMENT_END_EVENT:
                if (tree.documentDone()) return tree.take();  // later documents are ignored
                break;
            default:
                break;
        }
        ev.reset();
    }
}

namespace {
struct EmitterHandle {
    yaml_emitter_t emitter;
    std::string out;
    EmitterHandle() { yaml_emitter_initialize(&emitter); }
    ~EmitterHandle() { yaml_emitter_delete(&emitter); }
};

int appendOutput(void* data, unsigned char* buffer, size_t size) {
    static_cast<std::string*>(data)->append(reinterpret_cast<const char*>(buffer), size);
    return 1;
}

[[noreturn, gnu::noinline]] void failEmit(const EmitterHandle& h) {
    throw YamlError(std::string("cannot write YAML: ") + (h.emitter.problem ? h.emitter.problem : "emitter error"));
}

void emit(EmitterHandle& h, yaml_event_t& event) {
    // yaml_emitter_emit takes ownership of the event, also on failure.
    if (!yaml_emitter_emit(&h.emitter, &event)) failEmit(h);
}

void emitScalar(EmitterHandle& h, std::string_view text, yaml_scalar_style_t style) {
    yaml_event_t event;
    yaml_scalar_event_initialize(&event, nullptr, nullptr,
                                 reinterpret_cast<yaml_char_t*>(const_cast<char*>(text.data())),
                                 static_cast<int>(text.size()), 1, 1, style);
    emit(h, event);
}

void emitNode(EmitterHandle& h, const Json& value) {
    yaml_event_t event;
    switch (value.type()) {
        case Json::value_t::object: {
            const auto style = value.empty() ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE;
            yaml_mapping_start_event_initialize(&event, nullptr, nullptr, 1, style);
            emit(h, event);
            for (const auto& [key, child] : value.items()) {
                emitScalar(h, key, readsAsNonString(key) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
                emitNode(h, child);
            }
            yaml_mapping_end_event_initialize(&event);
            emit(h, event);
            return;
        }
        case Json::value_t::array: {
            const auto style = value.empty() ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE;
            yaml_sequence_start_event_initialize(&event, nullptr, nullptr, 1, style);
            emit(h, event);
            for (const auto& child : value) emitNode(h, child);
            yaml_sequence_end_event_initialize(&event);
            emit(h, event);
            return;
        }
        case Json::value_t::string: {
            const auto& text = value.get_ref<const std::string&>();
            emitScalar(h, text, readsAsNonString(text) ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
            return;
        }
        case Json::value_t::null:
        case Json::value_t::discarded:
            emitScalar(h, "null", YAML_PLAIN_SCALAR_STYLE);
            return;
        default:  // booleans and numbers print the same in JSON and YAML
            emitScalar(h, value.dump(), YAML_PLAIN_SCALAR_STYLE);
            return;
    }
}
}  // namespace

std::string emitYaml(const Json& value) {
    EmitterHandle h;
    yaml_emitter_set_output(&h.emitter, appendOutput, &h.out);
    yaml_emitter_set_unicode(&h.emitter, 1);
    yaml_emitter_set_indent(&h.emitter, 2);
    yaml_emitter_set_width(&h.emitter, -1);
    yaml_event_t event;
    yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING);
    emit(h, event);
    yaml_document_start_event_initialize(&event, nullptr, nullptr, nullptr, 1);
    emit(h, event);
    emitNode(h, value);
    yaml_document_end_event_initialize(&event, 1);
    emit(h, event);
    yaml_stream_end_event_initialize(&event);
    emit(h, event);
    return std::move(h.out);
}

}  // namespace genai::kubernetes
