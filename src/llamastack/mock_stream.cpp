#include "llamastack/mock_stream.hpp"

namespace genai::llamastack {

PacedBodyStream::PacedBodyStream(std::vector<PacedChunk> chunks, std::shared_ptr<http::Runtime> runtime,
                                 std::shared_ptr<http::CancelSignal> signal)
    : chunks_(std::move(chunks)), runtime_(std::move(runtime)), signal_(std::move(signal)) {}

Task<std::optional<std::string>> PacedBodyStream::next() {
    if (cancelled_ || index_ >= chunks_.size()) co_return std::nullopt;
    PacedChunk& chunk = chunks_[index_++];
    // An abort during the wait throws the Runtime's AbortError, as a fetch body read would.
    if (chunk.delayMs > 0) co_await runtime_->sleep(chunk.delayMs, signal_);
    if (cancelled_) co_return std::nullopt;
    co_return std::move(chunk.data);
}

std::vector<PacedChunk> coalesce(std::vector<PacedChunk> events) {
    std::vector<PacedChunk> out;
    for (auto& event : events) {
        if (!out.empty() && event.delayMs <= 0) out.back().data += event.data;
        else out.push_back(std::move(event));
    }
    return out;
}

}  // namespace genai::llamastack
