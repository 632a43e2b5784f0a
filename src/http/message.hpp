// Plain HTTP request and response values that every transport speaks.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/task.hpp"

namespace genai::http {

// Ordered, case-insensitive header list (order kept for multipart and for tests).
class Headers {
public:
    using Entry = std::pair<std::string, std::string>;

    void set(std::string name, std::string value);  // replaces any earlier value
    void add(std::string name, std::string value);  // keeps earlier values
    void remove(std::string_view name);
    std::optional<std::string> get(std::string_view name) const;
    bool has(std::string_view name) const { return get(name).has_value(); }
    const std::vector<Entry>& entries() const noexcept { return entries_; }
    bool empty() const noexcept { return entries_.empty(); }

private:
    std::vector<Entry> entries_;
};

// Lets a pending request notice an abort. The web platform wraps a JS AbortSignal; native tests
// use ManualCancelSignal.
class CancelSignal {
public:
    virtual ~CancelSignal() = default;
    virtual bool aborted() const = 0;
};

class ManualCancelSignal final : public CancelSignal {
public:
    void abort() noexcept { aborted_ = true; }
    bool aborted() const override { return aborted_; }

private:
    bool aborted_ = false;
};

struct Request {
    std::string method = "GET";
    std::string url;
    Headers headers;
    std::string body;                     // bytes; empty means no body
    bool hasBody = false;
    double timeoutMs = 0;                 // 0: no timeout
    bool streaming = false;               // timeout covers only the headers, not the body
    std::shared_ptr<CancelSignal> signal;  // may be null
};

// A response body read piece by piece. next() returns std::nullopt at the end.
class BodyStream {
public:
    virtual ~BodyStream() = default;
    virtual Task<std::optional<std::string>> next() = 0;
    // The rest of the body in one piece. Transports override it when they can read it faster.
    virtual Task<std::string> readAll();
    // Stops the transfer (the reader is cancelled, the connection released). Safe to call twice.
    virtual void cancel() = 0;
};

struct Response {
    int status = 0;
    std::string statusText;
    Headers headers;
    std::unique_ptr<BodyStream> body;  // never null for a Response handed out by a transport

    // Reads the whole body into one string.
    Task<std::string> text();
};

// A body that is already in memory: used by the fixture and scripted transports.
class StringBodyStream final : public BodyStream {
public:
    explicit StringBodyStream(std::string data, size_t chunkSize = 0);
    Task<std::optional<std::string>> next() override;
    void cancel() override { cancelled_ = true; }
    bool cancelled() const noexcept { return cancelled_; }

private:
    std::string data_;
    size_t offset_ = 0;
    size_t chunkSize_;
    bool cancelled_ = false;
};

}  // namespace genai::http
