// The C++ MaaS client behind a JS MaaS client, for other services' bindings: the Kubernetes
// install resolves MaaS models through the client the caller created from the MaaS factory.
#pragma once

#include <emscripten/val.h>

#include <memory>

#include "maas/client.hpp"

namespace genai::bindings {

// `native` is the embind object of a MaaSClient (web/maas.js `client.native`). Throws a
// ValidationError for anything else.
std::shared_ptr<maas::MaaSClient> maasClientOf(const emscripten::val& native);

}  // namespace genai::bindings
