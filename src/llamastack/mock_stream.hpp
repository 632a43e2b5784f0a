// A response body that arrives in timed pieces, as a streaming server sends it: each piece is
// handed out after waiting on the Runtime's sleep, so the Mock's stream is lifelike in a demo,
// instant in tests (delay 0), and stopped by the request's AbortSignal like a real one.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "http/message.hpp"
#include "http/transport.hpp"

namespace genai::llamastack {

struct PacedChunk {
    double delayMs = 0;  // wait before this chunk
    std::string data;
};

class PacedBodyStream final : public http::BodyStream {
public:
    PacedBodyStream(std::vector<PacedChunk> chunks, std::shared_ptr<http::Runtime> runtime,
                    std::shared_ptr<http::CancelSignal> signal);
    Task<std::optional<std::string>> next() override;
    void cancel() override { cancelled_ = true; }

private:
    std::vector<PacedChunk> chunks_;
    size_t index_ = 0;
    std::shared_ptr<http::Runtime> runtime_;
    std::shared_ptr<http::CancelSignal> signal_;
    bool cancelled_ = false;
};

// Adjacent events with no delay between them travel together, as they would in one network read.
std::vector<PacedChunk> coalesce(std::vector<PacedChunk> events);

}  // namespace genai::llamastack
