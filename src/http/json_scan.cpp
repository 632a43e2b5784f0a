#include "http/json_scan.hpp"

#include <array>

namespace genai::http {
namespace {

constexpr int kMaxDepth = 512;

// Bytes that end the plain run of a string: the quote, the backslash, and control characters
// (which JSON requires escaped). A table keeps the per-byte test to one load.
constexpr std::array<bool, 256> kStringStops = [] {
    std::array<bool, 256> stops{};
    for (int c = 0; c < 0x20; ++c) stops[c] = true;
    stops['"'] = true;
    stops['\\'] = true;
    return stops;
}();

int hexDigit(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

class Scanner {
public:
    explicit Scanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

    bool document(std::vector<JsonField>* fields) {
        skipSpace();
        if (!value(fields, 0)) return false;
        skipSpace();
        return p_ == end_;
    }

private:
    void skipSpace() noexcept {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool value(std::vector<JsonField>* fields, int depth) {
        if (p_ == end_) return false;
        switch (*p_) {
            case '{': return object(fields, depth + 1);
            case '[': return array(depth + 1);
            case '"': return string();
            case 't': return literal("true");
            case 'f': return literal("false");
            case 'n': return literal("null");
            default: return number();
        }
    }

    bool literal(std::string_view word) noexcept {
        if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
        p_ += word.size();
        return true;
    }

    bool digits() noexcept {
        const char* start = p_;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        return p_ != start;
    }

    bool number() noexcept {
        if (p_ < end_ && *p_ == '-') ++p_;
        if (p_ == end_) return false;
        if (*p_ == '0') {
            ++p_;
        } else if (!digits()) {
            return false;
        }
        if (p_ < end_ && *p_ == '.') {
            ++p_;
            if (!digits()) return false;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
            ++p_;
            if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (!digits()) return false;
        }
        return true;
    }

    // p_ is at the opening quote; on success it is just past the closing one.
    bool string() noexcept {
        ++p_;
        while (p_ < end_) {
            while (p_ < end_ && !kStringStops[static_cast<unsigned char>(*p_)]) ++p_;
            if (p_ == end_) return false;
            const unsigned char c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return true;
            }
            if (c < 0x20) return false;  // control characters must be escaped
            // A backslash: one escape.
            if (++p_ == end_) return false;
            switch (*p_) {
                case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                    ++p_;
                    break;
                case 'u':
                    if (end_ - p_ < 5) return false;
                    for (int i = 1; i <= 4; ++i)
                        if (hexDigit(p_[i]) < 0) return false;
                    p_ += 5;
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    bool array(int depth) {
        if (depth > kMaxDepth) return false;
        ++p_;
        skipSpace();
        if (p_ < end_ && *p_ == ']') {
            ++p_;
            return true;
        }
        for (;;) {
            if (!value(nullptr, depth)) return false;
            skipSpace();
            if (p_ == end_) return false;
            if (*p_ == ']') {
                ++p_;
                return true;
            }
            if (*p_ != ',') return false;
            ++p_;
            skipSpace();
        }
    }

    bool object(std::vector<JsonField>* fields, int depth) {
        if (depth > kMaxDepth) return false;
        ++p_;
        skipSpace();
        if (p_ < end_ && *p_ == '}') {
            ++p_;
            return true;
        }
        for (;;) {
            if (p_ == end_ || *p_ != '"') return false;
            const char* keyStart = p_;
            if (!string()) return false;
            const std::string_view key(keyStart, static_cast<size_t>(p_ - keyStart));
            skipSpace();
            if (p_ == end_ || *p_ != ':') return false;
            ++p_;
            skipSpace();
            const char* valueStart = p_;
            if (!value(nullptr, depth)) return false;
            if (fields) record(*fields, key, std::string_view(valueStart, static_cast<size_t>(p_ - valueStart)));
            skipSpace();
            if (p_ == end_) return false;
            if (*p_ == '}') {
                ++p_;
                return true;
            }
            if (*p_ != ',') return false;
            ++p_;
            skipSpace();
        }
    }

    static void record(std::vector<JsonField>& fields, std::string_view keyToken, std::string_view raw) {
        const std::string_view inner = keyToken.substr(1, keyToken.size() - 2);
        const bool escaped = inner.find('\\') != std::string_view::npos;
        std::optional<std::string> decoded;
        if (escaped) decoded = jsonStringValue(keyToken);
        for (auto& field : fields) {
            if (escaped ? (decoded && *decoded == field.name) : inner == field.name) field.raw = raw;
        }
    }

    const char* p_;
    const char* end_;
};

}  // namespace

bool scanJson(std::string_view text, std::vector<JsonField>* fields) {
    if (fields) {
        for (auto& field : *fields) field.raw = {};
    }
    Scanner scanner(text);
    const bool ok = scanner.document(fields);
    if (!ok && fields) {
        for (auto& field : *fields) field.raw = {};
    }
    return ok;
}

std::optional<std::string> jsonStringValue(std::string_view raw) {
    if (raw.size() < 2 || raw.front() != '"' || raw.back() != '"') return std::nullopt;
    std::string out;
    out.reserve(raw.size() - 2);
    size_t i = 1;
    const size_t end = raw.size() - 1;
    auto hex4 = [&](size_t at) -> long {
        if (at + 4 > end) return -1;
        long v = 0;
        for (size_t k = 0; k < 4; ++k) {
            const int d = hexDigit(raw[at + k]);
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    };
    while (i < end) {
        const char c = raw[i];
        if (static_cast<unsigned char>(c) < 0x20 || c == '"') return std::nullopt;
        if (c != '\\') {
            out.push_back(c);
            ++i;
            continue;
        }
        if (++i >= end) return std::nullopt;
        const char e = raw[i++];
        switch (e) {
            case '"': out.push_back('"'); break;
            case '\\': out.push_back('\\'); break;
            case '/': out.push_back('/'); break;
            case 'b': out.push_back('\b'); break;
            case 'f': out.push_back('\f'); break;
            case 'n': out.push_back('\n'); break;
            case 'r': out.push_back('\r'); break;
            case 't': out.push_back('\t'); break;
            case 'u': {
                long cp = hex4(i);
                if (cp < 0) return std::nullopt;
                i += 4;
                // A surrogate pair makes one code point; a lone surrogate becomes U+FFFD, as a
                // UTF-8 encoder must not emit it.
                if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < end && raw[i] == '\\' && raw[i + 1] == 'u') {
                    const long low = hex4(i + 2);
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        i += 6;
                    }
                }
                if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
                appendUtf8(out, static_cast<unsigned long>(cp));
                break;
            }
            default: return std::nullopt;
        }
    }
    return out;
}

}  // namespace genai::http
