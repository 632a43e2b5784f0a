#include "http/recording.hpp"

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "http/url.hpp"

namespace genai::http {

namespace {
using nlohmann::json;

constexpr const char* kFormat = "genai-clients/recording";

// Response headers worth replaying; the rest (dates, cookies, server names) are noise or private.
constexpr std::string_view kKeptHeaders[] = {"content-type", "retry-after", "retry-after-ms", "mcp-session-id",
                                             "x-request-id", "location"};

bool isSecretField(std::string_view name) {
    const std::string lower = toLower(name);
    for (std::string_view word : {"token", "key", "secret", "password", "authorization", "credential"}) {
        if (lower.find(word) != std::string::npos) return true;
    }
    return false;
}

void stripJson(json& value) {
    if (value.is_object()) {
        for (auto& [name, item] : value.items()) {
            // Only text: counts such as `input_tokens` are numbers and stay.
            if (isSecretField(name) && item.is_string()) item = "[REDACTED]";
            else stripJson(item);
        }
    } else if (value.is_array()) {
        for (auto& item : value) stripJson(item);
    } else if (value.is_string()) {
        value = redactSecrets(value.get<std::string>());
    }
}


bool pathMatches(std::string_view recorded, std::string_view requested) {
    if (recorded == requested) return true;
    return recorded.size() > requested.size() && endsWith(recorded, requested) &&
           (requested.front() == '/' || recorded[recorded.size() - requested.size() - 1] == '/');
}

class RecordingBodyStream final : public BodyStream {
public:
    RecordingBodyStream(std::unique_ptr<BodyStream> inner, std::shared_ptr<Recording> recording, size_t entry)
        : inner_(std::move(inner)), recording_(std::move(recording)), entry_(entry) {}
    Task<std::optional<std::string>> next() override {
        auto chunk = co_await inner_->next();
        if (chunk) recording_->appendChunk(entry_, *chunk);
        co_return chunk;
    }
    Task<std::string> readAll() override {
        std::string all = co_await inner_->readAll();
        recording_->appendChunk(entry_, all);
        co_return all;
    }
    void cancel() override { inner_->cancel(); }

private:
    std::unique_ptr<BodyStream> inner_;
    std::shared_ptr<Recording> recording_;
    size_t entry_;
};

class ChunkBodyStream final : public BodyStream {
public:
    explicit ChunkBodyStream(std::vector<std::string> chunks) : chunks_(std::move(chunks)) {}
    Task<std::optional<std::string>> next() override {
        if (cancelled_ || index_ >= chunks_.size()) co_return std::nullopt;
        co_return chunks_[index_++];
    }
    void cancel() override { cancelled_ = true; }

private:
    std::vector<std::string> chunks_;
    size_t index_ = 0;
    bool cancelled_ = false;
};
}  // namespace

std::string stripSecretsFromBody(std::string_view body) {
    json parsed = parseJsonOrDiscarded(body);
    if (parsed.is_discarded()) return redactSecrets(body);
    stripJson(parsed);
    return parsed.dump();
}

size_t Recording::add(json request, int status, json headers) {
    entries_.push_back({{"request", std::move(request)},
                        {"response", {{"status", status}, {"headers", std::move(headers)}, {"chunks", json::array()}}}});
    return entries_.size() - 1;
}

void Recording::appendChunk(size_t entry, std::string_view chunk) {
    if (entry >= entries_.size() || chunk.empty()) return;
    // A chunk is stripped on its own; a secret split across two chunks would survive, so JSON
    // bodies are read whole (readAll) and only streams arrive in pieces (SSE events rarely split).
    entries_[entry]["response"]["chunks"].push_back(stripSecretsFromBody(chunk));
}

json Recording::toJson() const { return {{"format", kFormat}, {"version", 1}, {"entries", entries_}}; }

RecordingTransport::RecordingTransport(std::shared_ptr<Transport> inner, std::shared_ptr<Recording> recording)
    : inner_(std::move(inner)), recording_(std::move(recording)) {}

Task<Response> RecordingTransport::send(Request request) {
    const auto [path, query] = requestTargetOf(request.url);
    json recorded = {{"method", request.method}, {"path", std::string(path)}, {"query", std::string(query)}};
    if (request.hasBody) {
        json body = parseJsonOrDiscarded(request.body);
        if (!body.is_discarded()) {
            stripJson(body);
            recorded["body"] = body;
        }
    }
    Response response = co_await inner_->send(std::move(request));
    json headers = json::object();
    for (const auto& [name, value] : response.headers.entries()) {
        for (auto kept : kKeptHeaders)
            if (equalsNoCase(name, kept)) headers[toLower(name)] = value;
    }
    size_t entry = recording_->add(std::move(recorded), response.status, std::move(headers));
    response.body = std::make_unique<RecordingBodyStream>(std::move(response.body), recording_, entry);
    co_return response;
}

ReplayTransport::ReplayTransport(const json& bundle) {
    if (!bundle.is_object() || bundle.value("format", std::string()) != kFormat || !bundle.contains("entries") ||
        !bundle["entries"].is_array())
        throwValidation("replay", "load", "not a genai-clients recording (format \"genai-clients/recording\")");
    for (const auto& e : bundle["entries"]) {
        try {
            Entry entry;
            entry.method = e.at("request").at("method").get<std::string>();
            entry.path = e.at("request").at("path").get<std::string>();
            entry.query = e.at("request").value("query", std::string());
            entry.status = e.at("response").at("status").get<int>();
            const json headers = e.at("response").value("headers", json::object());  // a copy: items() must not outlive it
            for (const auto& [name, value] : headers.items())
                if (value.is_string()) entry.headers.set(name, value.get<std::string>());
            const json chunks = e.at("response").value("chunks", json::array());
            for (const auto& chunk : chunks) entry.chunks.push_back(chunk.get<std::string>());
            entries_.push_back(std::move(entry));
        } catch (const json::exception&) {
            throwValidation("replay", "load", "a recording entry is malformed");
        }
    }
}

Task<Response> ReplayTransport::send(Request request) {
    if (request.signal && request.signal->aborted()) throw abortError();
    const auto [path, query] = requestTargetOf(request.url);
    Entry* chosen = nullptr;
    Entry* lastMatch = nullptr;
    for (auto& entry : entries_) {
        if (entry.method != request.method || entry.query != query || !pathMatches(entry.path, path)) continue;
        lastMatch = &entry;
        if (!entry.used) {
            chosen = &entry;
            break;
        }
    }
    if (!chosen) chosen = lastMatch;
    Response response;
    if (!chosen) {
        response.status = 404;
        response.headers.set("content-type", "application/json");
        json body = {{"error", {{"message", "no recorded answer for " + request.method + " " + std::string(path)}, {"type", "not_found"}}}};
        response.body = std::make_unique<StringBodyStream>(body.dump());
        co_return response;
    }
    chosen->used = true;
    response.status = chosen->status;
    response.headers = chosen->headers;
    response.body = std::make_unique<ChunkBodyStream>(chosen->chunks);
    co_return response;
}

}  // namespace genai::http
