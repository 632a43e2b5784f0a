#include <doctest/doctest.h>

#include "http/json_result.hpp"

using namespace genai::http;

TEST_CASE("checkShape: accepts what matches, whatever else is there") {
    const Shape models = Shape::object({{"data", Shape::arrayOf(Shape::object({{"id", Shape::string()}}))}});
    CHECK_FALSE(checkShape(R"({"object":"list","data":[{"id":"a","extra":{"x":[1,2]}},{"id":"b"}]})", models));
    CHECK_FALSE(checkShape(R"({"data":[]})", models));
    CHECK_FALSE(checkShape(R"({"n":1.5,"i":-3,"u":3,"b":true,"z":null})",
                           Shape::object({{"n", Shape::number()}, {"i", Shape::integer()}, {"u", Shape::number()},
                                          {"b", Shape::boolean()}, {"z", Shape::any()}})));
    CHECK_FALSE(checkShape("[1,2]", Shape::arrayOf(Shape::integer())));
}

TEST_CASE("checkShape: says what is wrong") {
    const Shape models = Shape::object({{"data", Shape::arrayOf(Shape::object({{"id", Shape::string()}}))}});
    CHECK(checkShape(R"({"object":"list"})", models) == "field 'data' is missing");
    CHECK(checkShape(R"({"data":{}})", models) == "field 'data' has the wrong type (expected an array)");
    CHECK(checkShape(R"({"data":[{"id":"a"},{"id":7}]})", models) ==
          "field 'data[1].id' has the wrong type (expected a string)");
    CHECK(checkShape(R"({"data":[{"id":"a"},{"name":"b"}]})", models) == "field 'data[1].id' is missing");
    CHECK(checkShape("[]", models) == "the body has the wrong type (expected an object)");
    CHECK(checkShape(R"({"data":[{"id":"a"})", models) == "the body is not JSON");
    CHECK(checkShape("", models) == "the body is not JSON");
    CHECK(checkShape(R"({"i":1.5})", Shape::object({{"i", Shape::integer()}})) ==
          "field 'i' has the wrong type (expected an integer)");
}

TEST_CASE("JsonResult: parse gives the whole value or the chosen member") {
    JsonResult whole{R"({"data":[1],"object":"list"})", ""};
    CHECK(whole.parse()["object"] == "list");
    JsonResult data{R"({"data":[1],"object":"list"})", "data"};
    CHECK(data.parse() == nlohmann::json::array({1}));
}
