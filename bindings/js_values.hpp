// Conversions shared by the service bindings: JS option objects -> C++ options, JSON -> JS.
// Glue only: no behaviour of its own.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "http/api_client.hpp"
#include "http/client_options.hpp"
#include "http/transport.hpp"
#include "platform/web/promise_bridge.hpp"

namespace genai::bindings {

using emscripten::val;
using Json = nlohmann::json;

// `{signal, timeout, maxRetries, headers}` (each optional) -> CallOptions.
http::CallOptions callOptions(const val& options);
// `{baseURL, token, timeout, maxRetries, headers, fetch}` -> ClientOptions.
http::ClientOptions clientOptions(const val& options);
// A JSON text given by the facade (JSON.stringify of the caller's object) -> Json.
Json parseRequest(const std::string& text);
// The platform pieces every Real factory needs.
std::shared_ptr<http::Transport> fetchTransport(const val& fetchFn);
std::shared_ptr<http::Runtime> webRuntime();

// Starts a Task<Json> and gives JS a Promise of the JS value.
val jsonPromise(Task<Json> task);
val voidPromise(Task<void> task);

}  // namespace genai::bindings
