// The time limit of one MCP call and its caller's abort, as one CancelSource the call's HTTP
// requests use. The limit counts from the call's last sign of life, so a long tool call that
// keeps reporting progress never times out while a silent one does. When the limit passes or
// the caller aborts, `onExpire` gets the TimeoutError / AbortError first, then the requests are
// cancelled; finish() ends the watch when the call is over.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "http/cancel_source.hpp"
#include "http/transport.hpp"

namespace genai::mcp {

class CallDeadline : public std::enable_shared_from_this<CallDeadline> {
public:
    using OnExpire = std::function<void(const Error&)>;

    // `timeoutMs` 0 means no time limit (the caller's abort still counts).
    static std::shared_ptr<CallDeadline> start(std::shared_ptr<http::Runtime> runtime,
                                               std::shared_ptr<http::CancelSignal> callerSignal, double timeoutMs,
                                               std::string operation, OnExpire onExpire);

    const std::shared_ptr<http::CancelSource>& signal() const noexcept { return source_; }
    // The call showed progress: its time limit starts again.
    void touch();
    // The call is over: stop watching (and cancel what is still in flight for it).
    void finish();
    // The TimeoutError / AbortError the call ended with, if it did.
    const std::optional<Error>& expired() const noexcept { return expired_; }
    bool finished() const noexcept { return finished_; }

private:
    CallDeadline() = default;
    static Task<void> watch(std::shared_ptr<CallDeadline> self);
    void expire(Error error);

    std::shared_ptr<http::Runtime> runtime_;
    std::shared_ptr<http::CancelSource> source_;
    double timeoutMs_ = 0;
    double lastActivityMs_ = 0;
    std::string operation_;
    OnExpire onExpire_;
    std::optional<Error> expired_;
    bool finished_ = false;
};

}  // namespace genai::mcp
