#include "http/json_event_stream.hpp"

#include "core/text.hpp"

namespace genai::http {

namespace {
// Clears the busy flag however next() leaves (value, exception, or a destroyed frame).
struct BusyGuard {
    bool& busy;
    explicit BusyGuard(bool& flag) : busy(flag) { busy = true; }
    ~BusyGuard() { busy = false; }
};

ErrorInfo cutShort(std::string message) {
    ErrorInfo info;
    info.kind = ErrorKind::Connection;
    info.code = "CONNECTION_FAILED";
    info.message = std::move(message);
    return info;
}
}  // namespace

JsonEventStream::JsonEventStream(Task<Response> opening, std::unique_ptr<EventPolicy> policy, ErrorMaker makeError)
    : opening_(std::move(opening)), policy_(std::move(policy)), makeError_(std::move(makeError)) {
    for (auto name : policy_->fields()) fields_.push_back(JsonField{name, {}});
}

void JsonEventStream::finishTransfer() {
    finished_ = true;
    if (response_ && response_->body) response_->body->cancel();
}

void JsonEventStream::fail(ErrorInfo info) {
    finishTransfer();
    throw makeError_(std::move(info), response_ ? response_->status : 0);
}

void JsonEventStream::cancel() {
    cancelled_ = true;
    pendingError_.reset();
    finishTransfer();
}

// Kept out of the coroutine: this runs for every event of every chunk.
size_t JsonEventStream::takeEvents(std::string_view chunk, std::string& batch) {
    events_.clear();
    parser_.feed(chunk, events_);
    size_t count = 0;
    for (const SseEvent& event : events_) {
        if (isDoneSentinel(event)) {
            finishTransfer();
            break;
        }
        std::optional<ErrorInfo> failure;
        if (!scanJson(event.data, &fields_)) {
            failure.emplace();
            failure->kind = ErrorKind::Protocol;
            failure->code = "INVALID_RESPONSE";
            failure->message = "a stream event is not JSON: " + truncateUtf8(event.data, 200);
        } else {
            failure = policy_->inspect(event, fields_);
        }
        if (failure) {
            finishTransfer();
            pendingError_.emplace(makeError_(std::move(*failure), response_->status));
            break;
        }
        batch.append(event.data);
        batch.push_back(',');
        ++count;
    }
    return count;
}

Task<std::string> JsonEventStream::next() {
    if (busy_) {
        ErrorInfo info;
        info.kind = ErrorKind::Protocol;
        info.code = "INTERNAL_ERROR";
        info.message = "next() was called before the previous call finished";
        throw Error(std::move(info));
    }
    BusyGuard guard(busy_);
    if (pendingError_) {
        Error error = std::move(*pendingError_);
        pendingError_.reset();
        throw error;
    }
    if (finished_) co_return "[]";
    if (!response_) {
        std::optional<Error> openFailure;
        try {
            Response opened = co_await opening_;
            response_.emplace(std::move(opened));
        } catch (const Error& e) {
            openFailure.emplace(e);  // already the service's error (ApiClient mapped it)
        }
        if (openFailure) {
            finished_ = true;
            throw *openFailure;
        }
        if (cancelled_) {
            finishTransfer();
            co_return "[]";
        }
    }

    std::string batch = "[";
    size_t count = 0;
    while (count == 0 && !finished_ && !pendingError_) {
        std::optional<std::string> chunk;
        std::optional<ErrorInfo> readFailure;
        try {
            chunk = co_await response_->body->next();
        } catch (const Error& e) {
            readFailure = e.info();
        }
        if (cancelled_) co_return "[]";
        if (readFailure) fail(std::move(*readFailure));
        if (!chunk) {
            finished_ = true;
            if (parser_.midEvent()) fail(cutShort("the stream ended in the middle of an event"));
            if (auto failure = policy_->atEnd()) fail(std::move(*failure));
            break;
        }

        count += takeEvents(*chunk, batch);
    }

    if (count == 0) {
        if (pendingError_) {
            Error error = std::move(*pendingError_);
            pendingError_.reset();
            throw error;
        }
        co_return "[]";
    }
    batch.back() = ']';
    co_return batch;
}

}  // namespace genai::http
