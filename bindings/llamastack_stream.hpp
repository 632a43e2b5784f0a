// Embind glue for http::JsonEventStream: next() gives JS a Promise of an array of events (one
// batch per network chunk), cancel() stops the transfer. The JS side is web/llamastack_stream.js.
#pragma once

#include <memory>

#include "bindings/js_values.hpp"
#include "http/json_event_stream.hpp"

namespace genai::bindings {

class JsEventStream {
public:
    explicit JsEventStream(std::shared_ptr<http::JsonEventStream> stream) : stream_(std::move(stream)) {}
    val next();
    void cancel() { stream_->cancel(); }

private:
    std::shared_ptr<http::JsonEventStream> stream_;
};

}  // namespace genai::bindings
