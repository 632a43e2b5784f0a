#include "llamastack/options.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "llamastack/types.hpp"

namespace genai::llamastack {

namespace {
[[noreturn]] void invalid(std::string message) { throwValidation(kService, "createClient", std::move(message)); }

// RFC 9110 token characters: what a header name may be made of.
bool isTokenChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string stringOption(const nlohmann::json& input, const char* name, std::string fallback) {
    auto it = input.find(name);
    if (it == input.end() || it->is_null()) return fallback;
    if (!it->is_string()) invalid(std::string(name) + " must be a string");
    return it->get<std::string>();
}
}  // namespace

LlamaStackOptions LlamaStackOptions::fromJson(const nlohmann::json& input) {
    LlamaStackOptions options;
    if (!input.is_object()) return options;
    options.apiPath = stringOption(input, "apiPath", options.apiPath);
    const bool pathOk = !options.apiPath.empty() && options.apiPath.front() == '/' &&
                        options.apiPath.find("..") == std::string::npos &&
                        std::none_of(options.apiPath.begin(), options.apiPath.end(), [](char c) {
                            return c == '?' || c == '#' || c == '\\' || static_cast<unsigned char>(c) <= ' ';
                        });
    if (!pathOk) invalid("apiPath must be a path such as /v1 or /v1/openai/v1, got: " + options.apiPath);
    options.providerDataHeader = stringOption(input, "providerDataHeader", options.providerDataHeader);
    if (options.providerDataHeader.empty() ||
        !std::all_of(options.providerDataHeader.begin(), options.providerDataHeader.end(), isTokenChar))
        invalid("providerDataHeader is not a valid header name: " + options.providerDataHeader);
    options.embeddingModel = stringOption(input, "embeddingModel", options.embeddingModel);
    if (options.embeddingModel.empty()) invalid("embeddingModel must not be empty");
    if (auto it = input.find("embeddingDimension"); it != input.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 1'000'000)
            invalid("embeddingDimension must be a positive integer");
        options.embeddingDimension = it->get<int>();
    }
    return options;
}

}  // namespace genai::llamastack
