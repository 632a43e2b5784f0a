#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "http/url.hpp"

using namespace genai::http;

TEST_CASE("url: encodePathSegment keeps only unreserved characters") {
    CHECK(encodePathSegment("ABCXYZabcxyz0189-._~") == "ABCXYZabcxyz0189-._~");
    CHECK(encodePathSegment("/") == "%2F");
    CHECK(encodePathSegment(" ") == "%20");
    CHECK(encodePathSegment("?") == "%3F");
    CHECK(encodePathSegment("#") == "%23");
    CHECK(encodePathSegment("%") == "%25");
    CHECK(encodePathSegment("%2F") == "%252F");  // never treated as already encoded
    CHECK(encodePathSegment("+") == "%2B");
    CHECK(encodePathSegment(":@!$&'()*,;=") == "%3A%40%21%24%26%27%28%29%2A%2C%3B%3D");
    CHECK(encodePathSegment("é") == "%C3%A9");
    CHECK(encodePathSegment("你") == "%E4%BD%A0");
    CHECK(encodePathSegment("🙂") == "%F0%9F%99%82");
    CHECK(encodePathSegment(std::string("a\0b", 3)) == "a%00b");
    CHECK(encodePathSegment("meta-llama/Llama 3.1?x#y") == "meta-llama%2FLlama%203.1%3Fx%23y");
    CHECK(encodePathSegment("") == "");
}

TEST_CASE("url: encodeQueryComponent matches encodeURIComponent") {
    CHECK(encodeQueryComponent("ABCxyz019-_.!~*'()") == "ABCxyz019-_.!~*'()");
    CHECK(encodeQueryComponent(" ") == "%20");
    CHECK(encodeQueryComponent("a b") == "a%20b");
    CHECK(encodeQueryComponent("/?#") == "%2F%3F%23");
    CHECK(encodeQueryComponent("%") == "%25");
    CHECK(encodeQueryComponent("&=+") == "%26%3D%2B");
    CHECK(encodeQueryComponent(":@$,;[]") == "%3A%40%24%2C%3B%5B%5D");
    CHECK(encodeQueryComponent("é你🙂") == "%C3%A9%E4%BD%A0%F0%9F%99%82");
    CHECK(encodeQueryComponent("\x7F\x01") == "%7F%01");
    CHECK(encodeQueryComponent("") == "");
}

TEST_CASE("url: joinUrl puts exactly one slash between base and path") {
    CHECK(joinUrl("https://h/api", "v1/models") == "https://h/api/v1/models");
    CHECK(joinUrl("https://h/api/", "v1/models") == "https://h/api/v1/models");
    CHECK(joinUrl("https://h/api", "/v1/models") == "https://h/api/v1/models");
    CHECK(joinUrl("https://h/api///", "///v1") == "https://h/api/v1");
    CHECK(joinUrl("https://h", "x") == "https://h/x");
    CHECK(joinUrl("https://h/api/", "") == "https://h/api");
    CHECK(joinUrl("https://h/api", "") == "https://h/api");
    CHECK(joinUrl("https://h/api/", "/") == "https://h/api");
    CHECK(joinUrl("https://h/api", "v1/") == "https://h/api/v1/");  // path's own end is kept
    CHECK(joinUrl("", "v1") == "/v1");
}

TEST_CASE("url: UrlBuilder composes path, segments and query") {
    CHECK(UrlBuilder("https://maas.example/").path("v1/models").str() ==
          "https://maas.example/v1/models");
    CHECK(UrlBuilder("https://h/api")
              .path("/v1/models/")
              .segment("meta-llama/Llama 3")
              .path("versions")
              .str() == "https://h/api/v1/models/meta-llama%2FLlama%203/versions");
    CHECK(UrlBuilder("https://h").segment("a?b#c").segment("é").str() == "https://h/a%3Fb%23c/%C3%A9");
    CHECK(UrlBuilder("https://h").path("list").query("limit", "10").query("q", "a b&c=d").str() ==
          "https://h/list?limit=10&q=a%20b%26c%3Dd");
    CHECK(UrlBuilder("https://h").query("name=x", "1").str() == "https://h?name%3Dx=1");
    CHECK(UrlBuilder("https://h").query("empty", "").str() == "https://h?empty=");
    // A query given before a path still ends up after it.
    CHECK(UrlBuilder("https://h").query("a", "1").path("x").str() == "https://h/x?a=1");
    // A base that carries a query keeps it.
    CHECK(UrlBuilder("https://h/sse?token=t").path("x").query("b", "2").str() ==
          "https://h/sse/x?token=t&b=2");
    CHECK(UrlBuilder("https://h/").str() == "https://h/");
}

TEST_CASE("url: UrlBuilder rejects segments that would change the path's shape") {
    UrlBuilder builder("https://h/v1/models");
    CHECK_THROWS_AS(builder.segment(""), std::invalid_argument);
    CHECK_THROWS_AS(builder.segment("."), std::invalid_argument);
    CHECK_THROWS_AS(builder.segment(".."), std::invalid_argument);
    CHECK(builder.str() == "https://h/v1/models");  // unchanged by the rejected calls
    CHECK(builder.segment("...").segment(".x").str() == "https://h/v1/models/.../.x");
}

TEST_CASE("url: resolveUrl RFC 3986 5.4.1 normal examples") {
    const std::string base = "http://a/b/c/d;p?q";
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"g:h", "g:h"},
        {"g", "http://a/b/c/g"},
        {"./g", "http://a/b/c/g"},
        {"g/", "http://a/b/c/g/"},
        {"/g", "http://a/g"},
        {"//g", "http://g"},
        {"?y", "http://a/b/c/d;p?y"},
        {"g?y", "http://a/b/c/g?y"},
        {"#s", "http://a/b/c/d;p?q#s"},
        {"g#s", "http://a/b/c/g#s"},
        {"g?y#s", "http://a/b/c/g?y#s"},
        {";x", "http://a/b/c/;x"},
        {"g;x", "http://a/b/c/g;x"},
        {"g;x?y#s", "http://a/b/c/g;x?y#s"},
        {"", "http://a/b/c/d;p?q"},
        {".", "http://a/b/c/"},
        {"./", "http://a/b/c/"},
        {"..", "http://a/b/"},
        {"../", "http://a/b/"},
        {"../g", "http://a/b/g"},
        {"../..", "http://a/"},
        {"../../", "http://a/"},
        {"../../g", "http://a/g"},
    };
    // (not a structured binding: clang 14 cannot capture one in doctest's CAPTURE lambda)
    for (const auto& testCase : cases) {
        const char* ref = testCase.first;
        CAPTURE(ref);
        CHECK(resolveUrl(base, ref) == testCase.second);
    }
}

TEST_CASE("url: resolveUrl RFC 3986 5.4.2 abnormal examples") {
    const std::string base = "http://a/b/c/d;p?q";
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"../../../g", "http://a/g"},
        {"../../../../g", "http://a/g"},
        {"/./g", "http://a/g"},
        {"/../g", "http://a/g"},
        {"g.", "http://a/b/c/g."},
        {".g", "http://a/b/c/.g"},
        {"g..", "http://a/b/c/g.."},
        {"..g", "http://a/b/c/..g"},
        {"./../g", "http://a/b/g"},
        {"./g/.", "http://a/b/c/g/"},
        {"g/./h", "http://a/b/c/g/h"},
        {"g/../h", "http://a/b/c/h"},
        {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
        {"g;x=1/../y", "http://a/b/c/y"},
        {"g?y/./x", "http://a/b/c/g?y/./x"},
        {"g?y/../x", "http://a/b/c/g?y/../x"},
        {"g#s/./x", "http://a/b/c/g#s/./x"},
        {"g#s/../x", "http://a/b/c/g#s/../x"},
        {"http:g", "http:g"},  // strict parser
    };
    // (not a structured binding: clang 14 cannot capture one in doctest's CAPTURE lambda)
    for (const auto& testCase : cases) {
        const char* ref = testCase.first;
        CAPTURE(ref);
        CHECK(resolveUrl(base, ref) == testCase.second);
    }
}

TEST_CASE("url: resolveUrl for MCP endpoint events and other edge cases") {
    const std::string server = "https://mcp.example:8443/mcp/sse";
    CHECK(resolveUrl(server, "/messages?sessionId=1") ==
          "https://mcp.example:8443/messages?sessionId=1");
    CHECK(resolveUrl(server, "message?sessionId=abc") ==
          "https://mcp.example:8443/mcp/message?sessionId=abc");
    CHECK(resolveUrl(server, "../up") == "https://mcp.example:8443/up");
    CHECK(resolveUrl(server, "https://other.example/m") == "https://other.example/m");
    CHECK(resolveUrl(server, "//cdn.example/m") == "https://cdn.example/m");
    CHECK(resolveUrl(server, "?x=1") == "https://mcp.example:8443/mcp/sse?x=1");
    CHECK(resolveUrl(server, "#frag") == "https://mcp.example:8443/mcp/sse#frag");
    // The base's own query and fragment do not leak into a path reference.
    CHECK(resolveUrl("http://h/a/b?q=1#f", "c") == "http://h/a/c");
    CHECK(resolveUrl("http://h/a/b?q=1#f", "") == "http://h/a/b?q=1");
    CHECK(resolveUrl("http://h/a/b?q=1", "?") == "http://h/a/b?");
    // A base with an authority and no path merges under "/".
    CHECK(resolveUrl("http://h", "g") == "http://h/g");
    CHECK(resolveUrl("http://h", "?q") == "http://h?q");
    // Dot segments in absolute and network-path references are removed too.
    CHECK(resolveUrl(server, "http://x/a/./b/../c") == "http://x/a/c");
    CHECK(resolveUrl(server, "//x/a/../../b") == "https://x/b");
    CHECK(resolveUrl(server, "HTTPS://X/y") == "HTTPS://X/y");
    // A colon after a slash is not a scheme.
    CHECK(resolveUrl("http://h/a/b", "x/y:z") == "http://h/a/x/y:z");
    CHECK(resolveUrl("http://h/a/b", "./1x:z") == "http://h/a/1x:z");
}

TEST_CASE("url: originOf") {
    CHECK(originOf("https://maas.example/v1/models?x=1#f") == "https://maas.example");
    CHECK(originOf("https://maas.example:8443/v1") == "https://maas.example:8443");
    CHECK(originOf("http://localhost:8080") == "http://localhost:8080");
    CHECK(originOf("HTTPS://Maas.Example/path") == "https://maas.example");
    CHECK(originOf("https://maas.example:443/") == "https://maas.example");
    CHECK(originOf("http://maas.example:80/") == "http://maas.example");
    CHECK(originOf("http://maas.example:443/") == "http://maas.example:443");
    CHECK(originOf("https://user:pw@maas.example:9000/x") == "https://maas.example:9000");
    CHECK(originOf("http://[::1]:8080/x") == "http://[::1]:8080");
    CHECK(originOf("http://[::1]/x") == "http://[::1]");
    CHECK(originOf("http://[::1:ABCD]/x") == "http://[::1:abcd]");
    CHECK(originOf("https://[::1]:443/") == "https://[::1]");
    CHECK(originOf("http://h:/x") == "http://h");
    CHECK(originOf("/messages") == "");
    CHECK(originOf("messages?x=1") == "");
    CHECK(originOf("//h/p") == "");
    CHECK(originOf("mailto:a@b.example") == "");
    CHECK(originOf("http:///x") == "");
    CHECK(originOf("") == "");
    CHECK(originOf(resolveUrl("https://a.example/sse", "/m")) == originOf("https://a.example/sse"));
}

TEST_CASE("requestTargetOf: the raw path and query a server routes on") {
    auto t = requestTargetOf("https://h.example:8443/a%2Fb/c?x=1&y=%20#frag");
    CHECK(t.path == "/a%2Fb/c");
    CHECK(t.query == "x=1&y=%20");
    CHECK(requestTargetOf("http://h.example").path == "/");
    CHECK(requestTargetOf("http://h.example?q").path == "/");
    CHECK(requestTargetOf("http://h.example?q").query == "q");
    CHECK(requestTargetOf("/v1/models").path == "/v1/models");
    CHECK(requestTargetOf("/v1/models").query.empty());
}
