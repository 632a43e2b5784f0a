// YAML <-> JSON for LlamaStack's run.yaml, over libyaml's event parser and emitter (see
// cmake/libyaml.cmake). Only the JSON-shaped part of YAML is kept: mappings, sequences and
// scalars; anchors and aliases are resolved; tags other than !!str are ignored.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace genai::kubernetes {

class YamlError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The first document of `text`. Plain scalars are typed by the YAML 1.2 core schema (null, true /
// false, integers, floats); quoted and block scalars are strings. An empty document is null.
// Throws YamlError ("line L, column C: <problem>") for malformed YAML or a non-scalar key.
nlohmann::json parseYaml(std::string_view text);

// Block-style YAML with 2-space indentation and no line wrapping. A string that a YAML 1.1 or
// 1.2 reader would take for another type ("true", "no", "4096", "~", "") is quoted, so the
// document reads back as the same JSON in PyYAML (LlamaStack's reader) and in Go's yaml.
std::string emitYaml(const nlohmann::json& value);

}  // namespace genai::kubernetes
