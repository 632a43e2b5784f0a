// A CancelSignal the SDK fires itself: the deadline of a call that restarts on progress, or the
// end of a long-lived stream when its client closes. It may follow a parent (the caller's
// AbortSignal): it counts as aborted when either fired. Code waiting on it (a timer, a fetch)
// learns of cancel() through onCancel(); the web platform links a JS AbortController to it and
// keeps that controller in `platformHandle`.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "http/message.hpp"

namespace genai::http {

class CancelSource final : public CancelSignal, public std::enable_shared_from_this<CancelSource> {
public:
    // A parent that is itself a CancelSource passes its cancel() on; any other parent is polled.
    static std::shared_ptr<CancelSource> create(std::shared_ptr<CancelSignal> parent = nullptr);
    ~CancelSource() override;
    CancelSource(const CancelSource&) = delete;
    CancelSource& operator=(const CancelSource&) = delete;

    // Fires the signal and runs each listener once. Safe to call again (it does nothing).
    void cancel();
    // True after cancel() (or a CancelSource parent's cancel()); a polled parent is not counted.
    bool cancelled() const noexcept { return cancelled_; }
    bool aborted() const override;
    const std::shared_ptr<CancelSignal>& parent() const noexcept { return parent_; }

    // `listener` runs once at cancel(), or at once when already cancelled. The key removes it.
    size_t onCancel(std::function<void()> listener);
    void removeListener(size_t key);

    std::shared_ptr<void> platformHandle;

private:
    explicit CancelSource(std::shared_ptr<CancelSignal> parent);

    std::shared_ptr<CancelSignal> parent_;
    size_t parentKey_ = 0;
    bool cancelled_ = false;
    size_t nextKey_ = 1;
    std::vector<std::pair<size_t, std::function<void()>>> listeners_;
};

}  // namespace genai::http
