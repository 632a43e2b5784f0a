// State of the fake LlamaStack service behind Mock clients: the fixtures of UPSTREAM.md §2.7 and
// §2.8, changed by the calls (a created store shows up in the next list, a deleted file is gone).
// Shared by every Mock client of one factory. Objects are built from the JSON templates of
// service.json, not from code: the templates cost data, not wasm instructions.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "http/fixture_transport.hpp"
#include "http/transport.hpp"

namespace genai::llamastack {

using Json = nlohmann::json;

struct StoredFile {
    Json object;  // the FileObject
    std::string content;
    std::string contentType;
};

struct MockState {
    MockState(std::shared_ptr<http::Runtime> runtime, std::optional<double> streamDelayMs);

    std::shared_ptr<http::Runtime> runtime;
    std::optional<double> streamDelayMs;                   // see MockSettings
    Json models;                                           // the `data` array
    Json service;                                          // service.json: templates, texts, scenarios
    Json answers;                                          // recorded prompt → answer texts
    std::vector<Json> vectorStores;                        // VectorStore objects, file_counts left out
    std::map<std::string, StoredFile> files;               // by id
    std::set<std::string> deletedFiles;                    // known once, gone now: 404
    std::map<std::string, std::vector<Json>> attachments;  // store id → VectorStoreFile objects
    std::map<std::string, Json> responses;                 // stored Responses by id
    unsigned long idsIssued = 0;

    const Json& tmpl(const char* name) const { return service["templates"][name]; }
    const std::string& text(const char* name) const { return service["texts"][name].get_ref<const std::string&>(); }
    long long now() const;
    // A fresh id: prefix + `hexDigits` lowercase hex digits, random then a serial number.
    std::string newId(std::string_view prefix, size_t hexDigits);

    Json* findStore(const std::string& id);
    // The store as the API shows it: file_counts from its attachments.
    Json storeView(const Json& store) const;
    Json vectorStoreFile(const std::string& storeId, const std::string& fileId, const Json& chunkingStrategy,
                         long long createdAt) const;
    void detachEverywhere(const std::string& fileId);
};

// One page of `items` (each with `id` and `created_at`) as a cursor page, the way the OpenAI list
// endpoints answer: `order` (default desc), `after`, `limit` (default `defaultLimit`), from the query.
Json listPage(std::vector<Json> items, const http::FakeRequest& request, int defaultLimit);

[[noreturn]] void fakeFail(int status, const std::string& message, const std::string& type,
                           const std::string& code = {});

}  // namespace genai::llamastack
