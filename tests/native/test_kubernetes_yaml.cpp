#include <doctest/doctest.h>

#include "core/fixtures.hpp"
#include "kubernetes/run_config.hpp"
#include "kubernetes/yaml.hpp"

using namespace genai::kubernetes;
using nlohmann::json;

TEST_CASE("YAML: plain scalars are typed by the core schema, quoted ones stay strings") {
    auto doc = parseYaml(R"(
version: "2"
port: 8321
negative: -12
hex: 0x1F
ratio: 0.5
exp: 1e3
on: true
off: False
nothing: ~
empty:
quoted_bool: 'true'
yes_word: yes
env: ${env.VLLM_MAX_TOKENS:=4096}
url: http://model.ns.svc.cluster.local:8080/v1
tagged: !!str 42
)");
    CHECK(doc["version"] == "2");
    CHECK(doc["port"] == 8321);
    CHECK(doc["negative"] == -12);
    CHECK(doc["hex"] == 31);
    CHECK(doc["ratio"] == 0.5);
    CHECK(doc["exp"] == 1000.0);
    CHECK(doc["on"] == true);
    CHECK(doc["off"] == false);
    CHECK(doc["nothing"].is_null());
    CHECK(doc["empty"].is_null());
    CHECK(doc["quoted_bool"] == "true");
    CHECK(doc["yes_word"] == "yes");  // YAML 1.2: a string
    CHECK(doc["env"] == "${env.VLLM_MAX_TOKENS:=4096}");
    CHECK(doc["url"] == "http://model.ns.svc.cluster.local:8080/v1");
    CHECK(doc["tagged"] == "42");
}

TEST_CASE("YAML: sequences, nested and flow collections, block scalars, anchors") {
    auto doc = parseYaml(R"(
apis:
- agents
- inference
providers:
  inference:
    - provider_id: a
      config: {url: "http://x", n: 1}
    - provider_id: b
      config: {}
list: [1, two, 3.5]
text: |
  line one
  line two
base: &base {type: sqlite}
copy: *base
8321: numeric key
)");
    CHECK(doc["apis"] == json::array({"agents", "inference"}));
    CHECK(doc["providers"]["inference"][0]["config"]["url"] == "http://x");
    CHECK(doc["providers"]["inference"][0]["config"]["n"] == 1);
    CHECK(doc["providers"]["inference"][1]["config"] == json::object());
    CHECK(doc["list"] == json::array({1, "two", 3.5}));
    CHECK(doc["text"] == "line one\nline two\n");
    CHECK(doc["copy"] == json{{"type", "sqlite"}});
    CHECK(doc["8321"] == "numeric key");
}

TEST_CASE("YAML: empty input, first document only, huge integers kept as text") {
    CHECK(parseYaml("").is_null());
    CHECK(parseYaml("# only a comment\n").is_null());
    CHECK(parseYaml("a: 1\n---\nb: 2\n") == json{{"a", 1}});
    CHECK(parseYaml("n: 123456789012345678901234567890")["n"] == "123456789012345678901234567890");
    CHECK(parseYaml("n: -9223372036854775808")["n"] == std::numeric_limits<long long>::min());
}

TEST_CASE("YAML: malformed documents are YamlErrors with a position") {
    CHECK_THROWS_AS(parseYaml("a: [1, 2"), YamlError);
    CHECK_THROWS_AS(parseYaml("a: b: c"), YamlError);
    CHECK_THROWS_AS(parseYaml("a: *missing"), YamlError);
    CHECK_THROWS_AS(parseYaml("? [complex]\n: key\n"), YamlError);
    try {
        parseYaml("key: value\n  bad: indent\n");
        FAIL("expected a YamlError");
    } catch (const YamlError& e) {
        CHECK(std::string(e.what()).find("line 2") != std::string::npos);
    }
}

TEST_CASE("YAML: emitting quotes strings that would read back as other types") {
    json doc = {{"version", "2"},     {"port", 8321},          {"flag", true},       {"word", "no"},
                {"nil", nullptr},     {"blank", ""},           {"float", "1.5"},     {"tilde", "~"},
                {"plain", "rh"},      {"list", {"a", "b"}},    {"empty", json::object()},
                {"emptyList", json::array()},                  {"colon", "a: b"},   {"multi", "x\ny"},
                {"unicode", "caf\xc3\xa9 \xe2\x80\x8b"}};
    std::string text = emitYaml(doc);
    CHECK(text.find("version: \"2\"\n") != std::string::npos);
    CHECK(text.find("port: 8321\n") != std::string::npos);
    CHECK(text.find("word: \"no\"\n") != std::string::npos);
    CHECK(text.find("plain: rh\n") != std::string::npos);
    CHECK(text.find("empty: {}\n") != std::string::npos);
    CHECK(parseYaml(text) == doc);
}

TEST_CASE("YAML: long values are not wrapped") {
    std::string url = "http://" + std::string(200, 'a') + ".svc.cluster.local/v1";
    std::string text = emitYaml(json{{"url", url}});
    CHECK(text == "url: " + url + "\n");
}

TEST_CASE("YAML: the upstream run.yaml fixture survives a round trip") {
    json config = json::parse(genai::fixtureText("kubernetes/run_config.json"));
    std::string text = renderRunYaml(config);
    CHECK(text.rfind("# Llama Stack Configuration\n", 0) == 0);
    CHECK(parseYaml(text) == config);
}
