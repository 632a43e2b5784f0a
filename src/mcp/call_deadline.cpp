#include "mcp/call_deadline.hpp"

#include <algorithm>
#include <cmath>

#include "mcp/errors.hpp"

namespace genai::mcp {

namespace {
// JS timers overflow past 2^31 - 1 ms; a longer wait is done in pieces.
constexpr double kLongestSleepMs = 1 << 30;

Error timeoutError(std::string_view operation, double timeoutMs) {
    ErrorInfo info;
    info.kind = ErrorKind::Timeout;
    info.code = "TIMEOUT";
    info.mappedStatus = 408;
    info.service = "mcp";
    info.operation = operation;
    info.message = "the MCP request timed out: no reply or progress for " +
                   std::to_string(static_cast<long long>(std::llround(timeoutMs))) + " ms";
    return Error(std::move(info));
}
}  // namespace

std::shared_ptr<CallDeadline> CallDeadline::start(std::shared_ptr<http::Runtime> runtime,
                                                  std::shared_ptr<http::CancelSignal> callerSignal, double timeoutMs,
                                                  std::string operation, OnExpire onExpire) {
    std::shared_ptr<CallDeadline> self(new CallDeadline());
    self->runtime_ = std::move(runtime);
    self->source_ = http::CancelSource::create(std::move(callerSignal));
    self->timeoutMs_ = timeoutMs > 0 ? timeoutMs : 0;
    self->lastActivityMs_ = self->runtime_->nowMs();
    self->operation_ = std::move(operation);
    self->onExpire_ = std::move(onExpire);
    startDetached(watch(self), [] {}, [](std::exception_ptr) {});
    return self;
}

void CallDeadline::touch() { lastActivityMs_ = runtime_->nowMs(); }

void CallDeadline::finish() {
    if (finished_) return;
    finished_ = true;
    source_->cancel();
}

void CallDeadline::expire(Error error) {
    if (finished_ || expired_) return;
    expired_ = error;
    auto self = shared_from_this();
    if (onExpire_) onExpire_(error);
    source_->cancel();
}

Task<void> CallDeadline::watch(std::shared_ptr<CallDeadline> self) {
    while (!self->finished_ && !self->expired_) {
        if (self->source_->aborted()) {
            self->expire(abortedCall(self->operation_));
            co_return;
        }
        double wait = kLongestSleepMs;
        if (self->timeoutMs_ > 0) {
            const double remaining = self->lastActivityMs_ + self->timeoutMs_ - self->runtime_->nowMs();
            if (remaining <= 0) {
                self->expire(timeoutError(self->operation_, self->timeoutMs_));
                co_return;
            }
            wait = std::min(remaining, kLongestSleepMs);
        }
        bool interrupted = false;
        try {
            co_await self->runtime_->sleep(wait, self->source_);
        } catch (const Error&) {
            interrupted = true;
        }
        if (interrupted && !self->finished_) {
            self->expire(abortedCall(self->operation_));
            co_return;
        }
    }
}

}  // namespace genai::mcp
