#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "http/sse_parser.hpp"

using genai::http::isDoneSentinel;
using genai::http::SseEvent;
using genai::http::SseParser;

namespace {

// One readable string per event, so a failing CHECK prints exactly what differed.
std::string describe(const std::vector<SseEvent>& events) {
    std::string out;
    for (const auto& e : events) out += "[" + e.event + "|" + e.data + "|" + e.id + "]";
    return out;
}

// A string literal with embedded NUL bytes, kept whole.
template <size_t N>
std::string withNul(const char (&literal)[N]) {
    return std::string(literal, N - 1);
}

std::vector<SseEvent> parseInChunks(std::string_view stream, size_t chunkSize) {
    SseParser parser;
    std::vector<SseEvent> events;
    for (size_t pos = 0; pos < stream.size(); pos += chunkSize)
        parser.feed(stream.substr(pos, chunkSize), events);
    parser.finish(events);
    return events;
}

std::vector<SseEvent> parseWhole(std::string_view stream) {
    return parseInChunks(stream, stream.empty() ? 1 : stream.size());
}

std::vector<SseEvent> parsePieces(const std::vector<std::string_view>& pieces) {
    SseParser parser;
    std::vector<SseEvent> events;
    for (auto piece : pieces) parser.feed(piece, events);
    parser.finish(events);
    return events;
}

}  // namespace

TEST_CASE("sse: a simple event ends at a blank line") {
    const auto events = parseWhole("data: hello\n\n");
    REQUIRE(events.size() == 1);
    CHECK(events[0].event == "");
    CHECK(events[0].data == "hello");
    CHECK(events[0].id == "");
}

TEST_CASE("sse: nothing is dispatched before the blank line") {
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed("data: a\n", events);
    CHECK(events.empty());
    parser.feed("\n", events);
    CHECK(describe(events) == "[|a|]");
}

TEST_CASE("sse: LF, CRLF and CR all end lines, also mixed in one stream") {
    CHECK(describe(parseWhole("data: a\ndata: b\n\n")) == "[|a\nb|]");
    CHECK(describe(parseWhole("data: a\r\ndata: b\r\n\r\n")) == "[|a\nb|]");
    CHECK(describe(parseWhole("data: a\rdata: b\r\r")) == "[|a\nb|]");
    CHECK(describe(parseWhole("data: a\rdata: b\r\ndata: c\n\r\n")) == "[|a\nb\nc|]");
    // CR CR is two line ends (the second a blank line), unlike CR LF.
    CHECK(describe(parseWhole("data: a\r\rdata: b\r\n\r\n")) == "[|a|][|b|]");
}

TEST_CASE("sse: a CR ending one chunk and an LF starting the next are one line end") {
    // Were the pair seen as two line ends, "a" would be dispatched on its own.
    CHECK(describe(parsePieces({"data: a\r", "\ndata: b\r", "\n\r", "\n"})) == "[|a\nb|]");
    CHECK(describe(parsePieces({"data: a\r", "\n", "\r", "\n"})) == "[|a|]");
    // An empty chunk in between does not make the parser forget the CR.
    CHECK(describe(parsePieces({"data: a\r", "", "\ndata: b\n\n"})) == "[|a\nb|]");
}

TEST_CASE("sse: a CR ending a chunk is a line end even when no LF follows") {
    CHECK(describe(parsePieces({"data: a\r", "data: b\r", "\r"})) == "[|a\nb|]");
    CHECK(describe(parsePieces({"data: a\r", "\r"})) == "[|a|]");
    // A CR-terminated blank line dispatches at once, before any later chunk arrives.
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed("data: x\r\r", events);
    CHECK(describe(events) == "[|x|]");
}

TEST_CASE("sse: multi-line data is joined with LF and loses only the last LF") {
    CHECK(describe(parseWhole("data: line1\ndata: line2\ndata: line3\n\n")) ==
          "[|line1\nline2\nline3|]");
    CHECK(describe(parseWhole("data:\ndata: x\n\n")) == "[|\nx|]");
    CHECK(describe(parseWhole("data: x\ndata:\n\n")) == "[|x\n|]");
}

TEST_CASE("sse: comments are ignored, also inside an event") {
    CHECK(describe(parseWhole(": keep-alive\n\n")) == "");
    CHECK(describe(parseWhole(":\n:ping\ndata: a\n: in between\ndata: b\n\n")) == "[|a\nb|]");
    // Only a colon in the first column makes a comment.
    CHECK(describe(parseWhole(" :x\ndata: y\n\n")) == "[|y|]");
}

TEST_CASE("sse: event sets the type for one event only") {
    const auto events = parseWhole("event: delta\ndata: 1\n\ndata: 2\n\nevent:done\ndata: 3\n\n");
    CHECK(describe(events) == "[delta|1|][|2|][done|3|]");
    // The last event: line before dispatch wins.
    CHECK(describe(parseWhole("event: a\nevent: b\ndata: x\n\n")) == "[b|x|]");
    CHECK(describe(parseWhole("event: a\nevent:\ndata: x\n\n")) == "[|x|]");
}

TEST_CASE("sse: a blank line without data dispatches nothing but resets the type") {
    CHECK(describe(parseWhole("event: lost\n\ndata: x\n\n")) == "[|x|]");
    CHECK(describe(parseWhole("\n\n\n\r\n\r")) == "");
    CHECK(describe(parseWhole("event: x\nid: 1\n\n")) == "");
}

TEST_CASE("sse: id stays in force until changed and is published at the blank line") {
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed("id: 1\ndata: a\n\ndata: b\n\n", events);
    CHECK(describe(events) == "[|a|1][|b|1]");
    CHECK(parser.lastEventId() == "1");

    parser.feed("id: 2\n", events);
    CHECK(parser.lastEventId() == "1");  // not yet: the event has not ended
    parser.feed("\n", events);
    // An event without data still updates the last event id.
    CHECK(parser.lastEventId() == "2");
    CHECK(events.size() == 2);

    parser.feed("data: c\n\nid\ndata: d\n\n", events);  // "id" with no value clears it
    CHECK(describe(events) == "[|a|1][|b|1][|c|2][|d|]");
    CHECK(parser.lastEventId() == "");
}

TEST_CASE("sse: an id containing NUL is ignored") {
    const std::string stream = withNul("id: 7\ndata: a\n\nid: x\0y\ndata: b\n\n");
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed(stream, events);
    CHECK(describe(events) == "[|a|7][|b|7]");
    CHECK(parser.lastEventId() == "7");
}

TEST_CASE("sse: data may contain NUL bytes") {
    const auto events = parseWhole(withNul("data: a\0b\n\n"));
    REQUIRE(events.size() == 1);
    CHECK(events[0].data == withNul("a\0b"));
}

TEST_CASE("sse: retry accepts ASCII digits only") {
    SseParser parser;
    std::vector<SseEvent> events;
    CHECK_FALSE(parser.retryMs().has_value());
    parser.feed("retry: 3000\n", events);
    CHECK(parser.retryMs() == 3000L);
    parser.feed("retry: 12a\nretry: -5\nretry: 1.5\nretry:\nretry:  200\nretry: ٣\n", events);
    CHECK(parser.retryMs() == 3000L);
    parser.feed("retry:0\n", events);
    CHECK(parser.retryMs() == 0L);
    parser.feed("retry: 99999999999999999999999999\n", events);  // saturates, no overflow
    CHECK(parser.retryMs() > 0L);
    CHECK(events.empty());  // retry alone never dispatches
}

TEST_CASE("sse: a line without a colon is a field name with an empty value") {
    CHECK(describe(parseWhole("data\n\n")) == "[||]");  // an event with empty data
    CHECK(describe(parseWhole("data\ndata\n\n")) == "[|\n|]");
    CHECK(describe(parseWhole("event\ndata: x\n\n")) == "[|x|]");
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed("id: 5\n\nid\n\n", events);
    CHECK(parser.lastEventId() == "");
}

TEST_CASE("sse: only one space after the colon is stripped, and only the first colon splits") {
    CHECK(describe(parseWhole("data:x\n\n")) == "[|x|]");
    CHECK(describe(parseWhole("data:  x\n\n")) == "[| x|]");
    CHECK(describe(parseWhole("data:\tx\n\n")) == "[|\tx|]");
    CHECK(describe(parseWhole("data: x \n\n")) == "[|x |]");
    CHECK(describe(parseWhole("data: {\"a\":1}\n\n")) == "[|{\"a\":1}|]");
    CHECK(describe(parseWhole("event: a:b\ndata::\n\n")) == "[a:b|:|]");
}

TEST_CASE("sse: unknown and differently cased fields are ignored") {
    CHECK(describe(parseWhole("Data: x\nDATA: y\nfoo: bar\ndata : z\ndata: ok\n\n")) == "[|ok|]");
    CHECK(describe(parseWhole("Event: x\nID: 3\ndata: d\n\n")) == "[|d|]");
}

TEST_CASE("sse: a leading BOM is skipped once") {
    CHECK(describe(parseWhole("\xEF\xBB\xBF" "data: a\n\n")) == "[|a|]");
    // Split across chunks.
    CHECK(describe(parsePieces({"\xEF", "\xBB", "\xBF" "data: a\n\n"})) == "[|a|]");
    CHECK(describe(parsePieces({"\xEF\xBB", "\xBF", "data: a\n\n"})) == "[|a|]");
    // A second BOM is ordinary text: here it makes the field name unknown.
    CHECK(describe(parseWhole("\xEF\xBB\xBF\xEF\xBB\xBF" "data: a\n\ndata: b\n\n")) == "[|b|]");
    CHECK(describe(parseWhole("data: a\n\n\xEF\xBB\xBF" "data: b\n\n")) == "[|a|]");
    // BOM-like bytes that stop short are kept (and decoded as invalid UTF-8).
    CHECK(describe(parsePieces({"\xEF\xBB", "X\n", "data: a\n\n"})) == "[|a|]");
    CHECK(describe(parsePieces({"\xEF", "\xBB" ": c\n", "data: a\n\n"})) == "[|a|]");
    CHECK(describe(parsePieces({"\xEF\xBB"})) == "");
    // The held-back byte is still part of the first line: it spoils the field name.
    CHECK(describe(parsePieces({"\xEF", "data: a\n\ndata: b\n\n"})) == "[|b|]");
    CHECK(describe(parsePieces({"\xEF\xBB", "data: a\n\ndata: b\n\n"})) == "[|b|]");
}

TEST_CASE("sse: [DONE] sentinel") {
    const auto events = parseWhole("data: {\"x\":1}\n\ndata: [DONE]\n\n");
    REQUIRE(events.size() == 2);
    CHECK_FALSE(isDoneSentinel(events[0]));
    CHECK(isDoneSentinel(events[1]));
    CHECK(isDoneSentinel(SseEvent{"", "[DONE] trailing", ""}));
    CHECK_FALSE(isDoneSentinel(SseEvent{"", " [DONE]", ""}));
    CHECK_FALSE(isDoneSentinel(SseEvent{"", "DONE", ""}));
    CHECK_FALSE(isDoneSentinel(SseEvent{"", "[DONE", ""}));
    CHECK_FALSE(isDoneSentinel(SseEvent{}));
}

TEST_CASE("sse: finish discards an event that never got its blank line") {
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed("data: complete\n\nid: 9\nevent: e\ndata: partial\n", events);
    REQUIRE(events.size() == 1);
    parser.finish(events);
    CHECK(describe(events) == "[|complete|]");
    CHECK(parser.lastEventId() == "");  // the id of the lost event never took effect

    SseParser unterminated;
    std::vector<SseEvent> more;
    unterminated.feed("data: x\n\ndata: y", more);
    unterminated.finish(more);
    CHECK(describe(more) == "[|x|]");
}

TEST_CASE("sse: a stream ending in CR ends its last line with it") {
    // The CR ends "data: b" and then ends the blank line: the event is complete.
    CHECK(describe(parsePieces({"data: b\r", "\r"})) == "[|b|]");
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed("data: a\n\r", events);
    CHECK(describe(events) == "[|a|]");
    parser.finish(events);
    CHECK(describe(events) == "[|a|]");
}

TEST_CASE("sse: after finish or reset the parser reads a new stream") {
    SseParser parser;
    std::vector<SseEvent> events;
    parser.feed("retry: 1500\nid: 4\ndata: a\n\ndata: half", events);
    parser.finish(events);
    parser.feed("\xEF\xBB\xBF" "data: b\n\n", events);  // a new stream may start with a BOM
    CHECK(describe(events) == "[|a|4][|b|4]");

    parser.feed("id: 5\nevent: x\ndata: lost\r", events);
    parser.reset();
    parser.feed("\ndata: c\n\n", events);  // the old pending CR must not swallow this LF
    CHECK(describe(events) == "[|a|4][|b|4][|c|4]");
    CHECK(parser.lastEventId() == "4");
    CHECK(parser.retryMs() == 1500L);
}

TEST_CASE("sse: every split point of a stream with multi-byte UTF-8 gives the same events") {
    const std::string stream =
        "\xEF\xBB\xBF"
        ": comment é\r\n"
        "event: réponse\r\n"
        "id: 你好\r\n"
        "data: é 你 🙂\r\n"
        "data:🙂🙂\r\n"
        "\r\n"
        "data: second 你\r"
        "data\r"
        "\r"
        "event: 🙂\n"
        "retry: 250\n"
        "data: third é\n"
        "\n";
    const std::string expected =
        "[réponse|é 你 🙂\n🙂🙂|你好][|second 你\n|你好][🙂|third é|你好]";
    REQUIRE(describe(parseWhole(stream)) == expected);

    for (size_t i = 0; i <= stream.size(); ++i) {
        CAPTURE(i);
        const std::string_view s(stream);
        CHECK(describe(parsePieces({s.substr(0, i), s.substr(i)})) == expected);
    }
    for (size_t i = 0; i <= stream.size(); ++i) {
        for (size_t j = i; j <= stream.size(); ++j) {
            const std::string_view s(stream);
            const auto got = describe(parsePieces({s.substr(0, i), s.substr(i, j - i), s.substr(j)}));
            if (got != expected) {
                CAPTURE(i);
                CAPTURE(j);
                CHECK(got == expected);
            }
        }
    }
    for (size_t chunk = 1; chunk <= 9; ++chunk) {
        CAPTURE(chunk);
        CHECK(describe(parseInChunks(stream, chunk)) == expected);
    }
}

TEST_CASE("sse: invalid UTF-8 is replaced by U+FFFD as the UTF-8 decoder does") {
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(describe(parseWhole("data: \xFF" "a\n\n")) == "[|" + fffd + "a|]");
    // A sequence cut short by the line end is one replacement.
    CHECK(describe(parseWhole("data: \xF0\x9F\x99\n\n")) == "[|" + fffd + "|]");
    // Overlong and surrogate forms: the lead is replaced, then each stray continuation byte.
    CHECK(describe(parseWhole("data: \xE0\x80\n\n")) == "[|" + fffd + fffd + "|]");
    CHECK(describe(parseWhole("data: \xED\xA0\x80\n\n")) == "[|" + fffd + fffd + fffd + "|]");
    // A broken sequence followed by a valid character keeps the character.
    CHECK(describe(parseWhole("data: \xE4\xBD" "é\n\n")) == "[|" + fffd + "é|]");
    // The id with invalid bytes is decoded before use.
    CHECK(describe(parseWhole("id: \x80\ndata: x\n\n")) == "[|x|" + fffd + "]");
}

TEST_CASE("sse: an event much larger than a chunk") {
    std::string big;
    for (int i = 0; big.size() < 100000; ++i) big += "token" + std::to_string(i) + " é🙂 ";
    const std::string stream = "event: big\nid: 1\ndata: " + big + "\ndata: " + big +
                               "\r\n\r\ndata: after\n\n";
    const std::string expected = "[big|" + big + "\n" + big + "|1][|after|1]";
    CHECK(describe(parseInChunks(stream, 1)) == expected);
    CHECK(describe(parseInChunks(stream, 7)) == expected);
    CHECK(describe(parseInChunks(stream, 4096)) == expected);
    CHECK(describe(parseWhole(stream)) == expected);
}

TEST_CASE("sse: a 5000-event stream parses the same in any chunking") {
    std::string stream;
    std::string expected;
    for (int i = 0; i < 5000; ++i) {
        const std::string n = std::to_string(i);
        const std::string json = "{\"id\":\"chunk-" + n + "\",\"delta\":\"é" + n + "\"}";
        stream += (i % 3 == 0 ? "id: " + n + "\r\n" : "") + "data: " + json +
                  (i % 2 == 0 ? "\n\n" : "\r\n\r\n");
        expected += "[|" + json + "|" + std::to_string(i - i % 3) + "]";
    }
    stream += "data: [DONE]\n\n";
    expected += "[|[DONE]|4998]";
    for (size_t chunk : {size_t{1}, size_t{7}, size_t{64}, size_t{1000}, stream.size()}) {
        CAPTURE(chunk);
        const auto events = parseInChunks(stream, chunk);
        CHECK(events.size() == 5001);
        CHECK(describe(events) == expected);
    }
}
