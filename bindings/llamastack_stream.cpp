#include "bindings/llamastack_stream.hpp"

#include <emscripten/bind.h>

namespace genai::bindings {

namespace {
// The batch's JSON text → a JS array, decoding straight from wasm memory (no copy into a JS
// string byte by byte, no NUL scan) and parsing all events with one JSON.parse.
val batchToJs(const std::string& text) {
    static const val decoder = val::global("TextDecoder").new_();
    static const val json = val::global("JSON");
    val view(emscripten::typed_memory_view(text.size(), reinterpret_cast<const unsigned char*>(text.data())));
    return json.call<val>("parse", decoder.call<val>("decode", view));
}
}  // namespace

val JsEventStream::next() {
    // The coroutine holds the stream, so a JS handle deleted mid-read cannot free it under us.
    return web::toPromise([](std::shared_ptr<http::JsonEventStream> s) -> Task<std::string> {
        co_return co_await s->next();
    }(stream_), [](std::string batch) { return batchToJs(batch); });
}

EMSCRIPTEN_BINDINGS(genai_event_stream) {
    emscripten::class_<JsEventStream>("EventStream")
        .function("next", &JsEventStream::next)
        .function("cancel", &JsEventStream::cancel);
}

}  // namespace genai::bindings
