#include "http/sse_parser.hpp"

#include <climits>
#include <cstdint>
#include <cstring>

namespace genai::http {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// What a UTF-8 lead byte promises: how many continuation bytes follow and the range allowed for
// the first of them (narrowed to reject overlong forms, surrogates and values past U+10FFFF).
struct Utf8Lead {
    size_t need = 0;  // 0 with valid == false: not a lead byte at all
    unsigned char lo = 0x80, hi = 0xBF;
    bool valid = false;
};

Utf8Lead classifyLead(unsigned char b) noexcept {
    Utf8Lead lead;
    if (b >= 0xC2 && b <= 0xDF) {
        lead.need = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
        lead.need = 2;
        if (b == 0xE0) lead.lo = 0xA0;
        if (b == 0xED) lead.hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        lead.need = 3;
        if (b == 0xF0) lead.lo = 0x90;
        if (b == 0xF4) lead.hi = 0x8F;
    } else {
        return lead;
    }
    lead.valid = true;
    return lead;
}

// The standard decodes the whole stream as UTF-8 before splitting lines. CR and LF are never
// part of a valid multi-byte sequence, so decoding line by line gives the same text, and lets
// the common all-valid case skip any copy.
size_t firstInvalidUtf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const size_t n = s.size();
    size_t i = 0;
    while (i < n) {
        // Eight ASCII bytes at a time: the usual case for JSON event data.
        while (n - i >= 8) {
            uint64_t block;
            std::memcpy(&block, p + i, 8);
            if (block & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        const Utf8Lead lead = classifyLead(p[i]);
        if (!lead.valid || n - i <= lead.need) return i;
        if (p[i + 1] < lead.lo || p[i + 1] > lead.hi) return i;
        for (size_t k = 2; k <= lead.need; ++k) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        }
        i += lead.need + 1;
    }
    return std::string_view::npos;
}

// WHATWG "UTF-8 decode" with replacement: each maximal invalid subpart becomes one U+FFFD.
std::string replaceInvalidUtf8(std::string_view s, size_t from) {
    std::string out;
    out.reserve(s.size() + 8);
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t i = 0;
    while (from != std::string_view::npos) {
        out.append(s.substr(i, from - i));
        i = from;
        Utf8Lead lead = classifyLead(p[i]);
        ++i;
        // Swallow the continuation bytes that were still acceptable; the byte that broke the
        // sequence is looked at again as a fresh start.
        for (size_t k = 0; lead.valid && k < lead.need && i < s.size(); ++k) {
            if (p[i] < lead.lo || p[i] > lead.hi) break;
            lead.lo = 0x80;
            lead.hi = 0xBF;
            ++i;
        }
        out.append(kReplacement);
        const size_t rel = firstInvalidUtf8(s.substr(i));
        from = rel == std::string_view::npos ? rel : i + rel;
    }
    out.append(s.substr(i));
    return out;
}

bool allAsciiDigits(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

// Finds the next CR or LF at or after `from`, or npos. Two memchr scans beat a byte loop on long
// data lines; each cached hit is reused until the cursor passes it.
class LineEndFinder {
public:
    explicit LineEndFinder(std::string_view s) : s_(s) {}

    size_t next(size_t from) noexcept {
        refresh(cr_, '\r', from);
        refresh(lf_, '\n', from);
        return cr_ < lf_ ? cr_ : lf_;
    }

private:
    void refresh(size_t& cached, char c, size_t from) noexcept {
        if (cached != kUnknown && (cached == std::string_view::npos || cached >= from)) return;
        const void* hit = from < s_.size() ? std::memchr(s_.data() + from, c, s_.size() - from)
                                           : nullptr;
        cached = hit ? static_cast<size_t>(static_cast<const char*>(hit) - s_.data())
                     : std::string_view::npos;
    }

    static constexpr size_t kUnknown = std::string_view::npos - 1;
    std::string_view s_;
    size_t cr_ = kUnknown;
    size_t lf_ = kUnknown;
};

}  // namespace

void SseParser::feed(std::string_view bytes, std::vector<SseEvent>& out) {
    if (!bomDone_) {
        // Hold back what could still be a BOM; on a mismatch the held bytes are ordinary text.
        while (!bytes.empty() && bomMatched_ < kBom.size() && bytes.front() == kBom[bomMatched_]) {
            ++bomMatched_;
            bytes.remove_prefix(1);
        }
        if (bomMatched_ == kBom.size()) {
            bomDone_ = true;
        } else if (bytes.empty()) {
            return;
        } else {
            pending_.append(kBom.substr(0, bomMatched_));
            bomDone_ = true;
        }
    }
    if (skipLf_ && !bytes.empty()) {
        skipLf_ = false;
        if (bytes.front() == '\n') bytes.remove_prefix(1);
    }

    LineEndFinder finder(bytes);
    size_t pos = 0;
    while (pos < bytes.size()) {
        const size_t end = finder.next(pos);
        if (end == std::string_view::npos) break;
        if (pending_.empty()) {
            processLine(bytes.substr(pos, end - pos), out);
        } else {
            pending_.append(bytes.substr(pos, end - pos));
            processLine(pending_, out);
            pending_.clear();
        }
        pos = end + 1;
        if (bytes[end] == '\r') {
            if (pos == bytes.size()) {
                skipLf_ = true;
            } else if (bytes[pos] == '\n') {
                ++pos;
            }
        }
    }
    if (pos < bytes.size()) pending_.append(bytes.substr(pos));
}

void SseParser::finish(std::vector<SseEvent>& /*out*/) {
    // A CR ending the stream already ended its line when it arrived, so there is nothing left
    // that could dispatch; the unterminated line and the undispatched event are dropped.
    reset();
}

void SseParser::reset() {
    pending_.clear();
    data_.clear();
    eventType_.clear();
    idBuffer_ = lastEventId_;  // an id: of an event never dispatched does not count
    bomMatched_ = 0;
    bomDone_ = false;
    skipLf_ = false;
}

void SseParser::processLine(std::string_view line, std::vector<SseEvent>& out) {
    const size_t bad = firstInvalidUtf8(line);
    if (bad != std::string_view::npos) {
        const std::string fixed = replaceInvalidUtf8(line, bad);
        processLine(fixed, out);
        return;
    }
    if (line.empty()) {
        dispatch(out);
        return;
    }
    if (line.front() == ':') return;  // comment, often a keep-alive
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
        processField(line, {});
        return;
    }
    std::string_view value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    processField(line.substr(0, colon), value);
}

void SseParser::processField(std::string_view field, std::string_view value) {
    if (field == "data") {
        data_.append(value);
        data_.push_back('\n');
    } else if (field == "event") {
        eventType_.assign(value);
    } else if (field == "id") {
        if (value.find('\0') == std::string_view::npos) idBuffer_.assign(value);
    } else if (field == "retry") {
        if (!allAsciiDigits(value)) return;
        long ms = 0;
        for (char c : value) {
            const int digit = c - '0';
            // The standard has no upper bound; saturate rather than wrap.
            ms = ms > (LONG_MAX - digit) / 10 ? LONG_MAX : ms * 10 + digit;
        }
        retryMs_ = ms;
    }
}

void SseParser::dispatch(std::vector<SseEvent>& out) {
    lastEventId_ = idBuffer_;
    if (data_.empty()) {
        eventType_.clear();
        return;
    }
    data_.pop_back();  // every data line appended a '\n'; the last one is not part of the data
    // Copies (not moves) so data_ keeps its capacity for the next event.
    out.push_back(SseEvent{eventType_, data_, lastEventId_});
    data_.clear();
    eventType_.clear();
}

bool isDoneSentinel(const SseEvent& e) noexcept {
    return e.data.starts_with("[DONE]");
}

}  // namespace genai::http
