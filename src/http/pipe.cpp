#include "http/pipe.hpp"

namespace genai::http {

class PipeReader final : public BodyStream {
public:
    explicit PipeReader(std::shared_ptr<Pipe> pipe) : pipe_(std::move(pipe)) {}
    ~PipeReader() override { cancel(); }

    Task<std::optional<std::string>> next() override {
        // Hold the pipe: a writer woken on our stack may drop its own reference.
        std::shared_ptr<Pipe> pipe = pipe_;
        while (pipe->chunks_.empty() && !pipe->closed_ && !pipe->readerGone_) {
            pipe->readable_.reset();
            co_await pipe->readable_.wait();
        }
        if (pipe->readerGone_) co_return std::nullopt;
        if (!pipe->chunks_.empty()) {
            std::string chunk = std::move(pipe->chunks_.front());
            pipe->chunks_.pop_front();
            co_return chunk;
        }
        if (pipe->failure_) throw *pipe->failure_;
        co_return std::nullopt;
    }

    void cancel() override {
        if (pipe_->readerGone_) return;
        pipe_->readerGone_ = true;
        pipe_->chunks_.clear();
        pipe_->readable_.set();
    }

private:
    std::shared_ptr<Pipe> pipe_;
};

void Pipe::write(std::string bytes) {
    if (closed_ || readerGone_ || bytes.empty()) return;
    chunks_.push_back(std::move(bytes));
    auto self = shared_from_this();
    readable_.set();
}

void Pipe::close() {
    if (closed_) return;
    closed_ = true;
    auto self = shared_from_this();
    readable_.set();
}

void Pipe::fail(Error error) {
    if (closed_) return;
    failure_ = std::move(error);
    close();
}

std::unique_ptr<BodyStream> Pipe::reader() { return std::make_unique<PipeReader>(shared_from_this()); }

}  // namespace genai::http
