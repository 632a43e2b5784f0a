// Declarations of the JS functions in genai_glue.js (linked with --js-library).
#pragma once

#include <emscripten/val.h>

#include <cstddef>

extern "C" {
void genai_then(emscripten::EM_VAL promise, void* awaiter);
emscripten::EM_VAL genai_deferred();
emscripten::EM_VAL genai_json_parse(const char* json, size_t length);
emscripten::EM_VAL genai_json_parse_member(const char* json, size_t length, const char* member);
emscripten::EM_VAL genai_make_error(const char* json, size_t length);
emscripten::EM_VAL genai_fetch(emscripten::EM_VAL fetchFn, const char* url, const char* method,
                               const char* headersJson, const char* body, size_t bodyLength,
                               int hasBody, emscripten::EM_VAL signal, double timeoutMs, int streaming);
emscripten::EM_VAL genai_read(emscripten::EM_VAL state);
emscripten::EM_VAL genai_read_all(emscripten::EM_VAL state);
void genai_cancel(emscripten::EM_VAL state);
emscripten::EM_VAL genai_sleep(double ms, emscripten::EM_VAL signal);
emscripten::EM_VAL genai_abort_controller(emscripten::EM_VAL parentSignal);
}
