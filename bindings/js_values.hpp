// Conversions shared by the service bindings: JS option objects -> C++ options, JSON -> JS.
// Glue only: no behaviour of its own.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "http/api_client.hpp"
#include "http/client_options.hpp"
#include "http/recording.hpp"
#include "http/transport.hpp"
#include "platform/web/promise_bridge.hpp"

namespace genai::bindings {

using emscripten::val;
using Json = nlohmann::json;

// `{signal, timeout, maxRetries, headers}` (each optional) -> CallOptions.
http::CallOptions callOptions(const val& options);
// `{baseURL, token, timeout, maxRetries, headers, fetch}` -> ClientOptions.
http::ClientOptions clientOptions(const val& options);
// The same with the two options every client has passed as strings, and the rest (`extra`,
// usually undefined) read only when given: createClient runs per request, so it crosses little.
http::ClientOptions clientOptions(std::string baseUrl, std::string token, const val& extra);
// A JSON text given by the facade (JSON.stringify of the caller's object) -> Json.
Json parseRequest(const std::string& text);
// The platform pieces every Real factory needs.
std::shared_ptr<http::Transport> fetchTransport(const val& fetchFn);
std::shared_ptr<http::Runtime> webRuntime();

// How a factory reaches its service, from the facade's `{mock, fetch, record, replay}`:
// Mock fixtures, fetch, fetch with every exchange recorded, or a recording replayed.
struct FactorySetup {
    bool mock = false;                          // the service's own Mock (fixtures)
    bool replay = false;                        // answers come from a recording
    std::shared_ptr<http::Transport> transport; // for Real, recording and replaying factories
    std::shared_ptr<http::Recording> recording; // set when recording
};
FactorySetup factorySetup(const val& config);
// The base URL replaying clients use when the caller gives none.
inline constexpr const char* kReplayBaseUrl = "http://replay.invalid";
// The recording so far as a JS object, or null when the factory does not record.
val recordingToJs(const FactorySetup& setup);
// `options` with the replay base URL when replaying and the caller gave none.
http::ClientOptions forSetup(const FactorySetup& setup, http::ClientOptions options);

// Starts a Task and gives JS a Promise of its value: a Json tree crosses as its text, a
// JsonResult as the server's own text (JSON.parse'd once in JS), void as undefined.
val promiseOf(Task<Json> task);
val promiseOf(Task<http::JsonResult> task);
val promiseOf(Task<void> task);
// A Promise already rejected with the JS form of `error` (e.g. a ValidationError).
val rejectedPromise(const Error& error);

// Runs `fn` for a synchronous binding (a constructor, createClient, a parser): an Error it
// throws reaches JS as a thrown GenAIError subclass.
template <typename Fn>
auto rethrowAsJs(Fn fn) -> decltype(fn()) {
    try {
        return fn();
    } catch (const Error& e) {
        web::errorToJs(e).throw_();
    }
    throw std::logic_error("unreachable: throw_() does not return");
}

// Runs `fn` (which returns a Promise); a request it finds invalid (a thrown Error) answers
// with a rejected Promise, never a throw.
template <typename Fn>
val guarded(Fn fn) {
    try {
        return fn();
    } catch (const Error& e) {
        return rejectedPromise(e);
    }
}

// Keeps `owner` (a client) alive until `call` ends, so a client disposed by JS mid-call
// finishes the call. One coroutine per (client, result) type, not one per method.
template <typename Owner, typename T>
Task<T> whileAlive(std::shared_ptr<Owner> owner, Task<T> call) {
    co_return co_await std::move(call);
}
template <typename Owner>
Task<void> whileAlive(std::shared_ptr<Owner> owner, Task<void> call) {
    co_await std::move(call);
}

// Calls `(client->*method)(args...)` as a coroutine that owns a reference to the client (a
// client disposed by JS stays alive until its calls finish) and returns the JS Promise.
template <typename Client, typename Result, typename... Params, typename... Args>
val callAsync(std::shared_ptr<Client> client, Task<Result> (Client::*method)(Params...), Args... args) {
    if constexpr (std::is_void_v<Result>) {
        return promiseOf([](std::shared_ptr<Client> self, Task<void> (Client::*m)(Params...),
                            Args... values) -> Task<void> { co_await ((*self).*m)(std::move(values)...); }(
            std::move(client), method, std::move(args)...));
    } else {
        return promiseOf([](std::shared_ptr<Client> self, Task<Result> (Client::*m)(Params...),
                            Args... values) -> Task<Result> { co_return co_await ((*self).*m)(std::move(values)...); }(
            std::move(client), method, std::move(args)...));
    }
}

// Parses a request with `Request::fromJson`, then calls the method; a request that fails
// validation answers with a rejected Promise, never a throw.
template <typename Request, typename Client, typename Result, typename... Params>
val callWithRequest(std::shared_ptr<Client> client, Task<Result> (Client::*method)(Params...),
                    const std::string& requestJson, const val& options) {
    Request request;
    try {
        request = Request::fromJson(parseRequest(requestJson));
    } catch (const Error& e) {
        return rejectedPromise(e);
    }
    return callAsync(std::move(client), method, std::move(request), callOptions(options));
}

}  // namespace genai::bindings
