#include "http/message.hpp"

#include "core/text.hpp"

namespace genai::http {

void Headers::set(std::string name, std::string value) {
    remove(name);
    entries_.emplace_back(std::move(name), std::move(value));
}

void Headers::add(std::string name, std::string value) {
    entries_.emplace_back(std::move(name), std::move(value));
}

void Headers::remove(std::string_view name) {
    std::erase_if(entries_, [&](const Entry& e) { return equalsNoCase(e.first, name); });
}

std::optional<std::string> Headers::get(std::string_view name) const {
    for (const auto& [key, value] : entries_) {
        if (equalsNoCase(key, name)) return value;
    }
    return std::nullopt;
}

Task<std::string> BodyStream::readAll() {
    std::string all;
    while (auto chunk = co_await next()) all.append(*chunk);
    co_return all;
}

Task<std::string> Response::text() {
    if (!body) co_return std::string();
    co_return co_await body->readAll();
}

StringBodyStream::StringBodyStream(std::string data, size_t chunkSize)
    : data_(std::move(data)), chunkSize_(chunkSize) {}

Task<std::optional<std::string>> StringBodyStream::next() {
    if (cancelled_ || offset_ >= data_.size()) co_return std::nullopt;
    size_t n = chunkSize_ == 0 ? data_.size() - offset_ : std::min(chunkSize_, data_.size() - offset_);
    std::string piece = data_.substr(offset_, n);
    offset_ += n;
    co_return piece;
}

}  // namespace genai::http
