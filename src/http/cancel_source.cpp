#include "http/cancel_source.hpp"

namespace genai::http {

CancelSource::CancelSource(std::shared_ptr<CancelSignal> parent) : parent_(std::move(parent)) {}

std::shared_ptr<CancelSource> CancelSource::create(std::shared_ptr<CancelSignal> parent) {
    std::shared_ptr<CancelSource> source(new CancelSource(parent));
    if (auto* linked = dynamic_cast<CancelSource*>(parent.get())) {
        std::weak_ptr<CancelSource> weak = source;
        source->parentKey_ = linked->onCancel([weak] {
            if (auto child = weak.lock()) child->cancel();
        });
    }
    return source;
}

CancelSource::~CancelSource() {
    if (auto* linked = dynamic_cast<CancelSource*>(parent_.get())) linked->removeListener(parentKey_);
}

bool CancelSource::aborted() const { return cancelled_ || (parent_ && parent_->aborted()); }

void CancelSource::cancel() {
    if (cancelled_) return;
    cancelled_ = true;
    // A listener may resume a coroutine that drops the last reference to this source: keep it
    // alive (when shared) and run listeners from a local copy.
    std::shared_ptr<CancelSource> self = weak_from_this().lock();
    auto listeners = std::exchange(listeners_, {});
    for (auto& [key, listener] : listeners) listener();
}

size_t CancelSource::onCancel(std::function<void()> listener) {
    if (cancelled_) {
        listener();
        return 0;
    }
    const size_t key = nextKey_++;
    listeners_.emplace_back(key, std::move(listener));
    return key;
}

void CancelSource::removeListener(size_t key) {
    std::erase_if(listeners_, [key](const auto& entry) { return entry.first == key; });
}

}  // namespace genai::http
