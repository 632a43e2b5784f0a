// Record and replay (issue 6): RecordingTransport wraps any Real transport and keeps every
// request/response pair (streamed bodies chunk by chunk) in a Recording, with credentials
// stripped; ReplayTransport answers from such a recording, so a team can turn answers from their
// own cluster into a demo or a test. The bundle is plain JSON:
//   {"format": "genai-clients/recording", "version": 1,
//    "entries": [{"request": {"method", "path", "query", "body"?},
//                 "response": {"status", "headers": {...}, "chunks": ["...", ...]}}]}
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/transport.hpp"

namespace genai::http {

class Recording {
public:
    // Adds an entry and returns its index; chunks are appended while the body is read.
    size_t add(nlohmann::json request, int status, nlohmann::json headers);
    void appendChunk(size_t entry, std::string_view chunk);
    nlohmann::json toJson() const;
    size_t size() const noexcept { return entries_.size(); }
    void clear() { entries_.clear(); }

private:
    std::vector<nlohmann::json> entries_;
};

// Credentials never enter a recording: the Authorization header is dropped, JSON fields whose
// name says secret (token, key, api_key, password, secret, authorization, …) are replaced, and
// bearer tokens, sk- keys and JWTs inside any text are redacted.
std::string stripSecretsFromBody(std::string_view body);

class RecordingTransport final : public Transport {
public:
    RecordingTransport(std::shared_ptr<Transport> inner, std::shared_ptr<Recording> recording);
    Task<Response> send(Request request) override;

private:
    std::shared_ptr<Transport> inner_;
    std::shared_ptr<Recording> recording_;
};

class ReplayTransport final : public Transport {
public:
    // Throws a ValidationError when `bundle` is not a recording.
    explicit ReplayTransport(const nlohmann::json& bundle);
    // The first unused entry with the same method, path and query answers; when all are used,
    // the last one answers again (so a polled GET keeps working); none: a 404 naming the request.
    // A recorded path matches when it equals the request's or ends with it at a '/', so a
    // recording made under `https://host/maas-api` replays for any base URL.
    Task<Response> send(Request request) override;

private:
    struct Entry {
        std::string method, path, query;
        int status;
        Headers headers;
        std::vector<std::string> chunks;
        bool used = false;
    };
    std::vector<Entry> entries_;
};

}  // namespace genai::http
