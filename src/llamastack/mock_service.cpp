#include "llamastack/mock_service.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/text.hpp"
#include "llamastack/mock_responses.hpp"
#include "llamastack/mock_state.hpp"
#include "llamastack/multipart.hpp"

namespace genai::llamastack {

namespace {
using http::FakeRequest;
using http::FakeResponse;
using State = std::shared_ptr<MockState>;

constexpr const char* kWavHeader = "RIFF\0\0\0\0WAVEfmt ";  // HEAD's mock file content (16 bytes)

[[noreturn]] void notFound(const std::string& what) { fakeFail(404, what + " not found", "not_found_error"); }

Json deleted(const std::string& id, const char* object) {
    return {{"id", id}, {"object", object}, {"deleted", true}};
}

// An error a transport would raise (the upstream mock's connection_failed / timeout).
[[noreturn]] void transportFailure(ErrorKind kind, const char* code, const char* message) {
    ErrorInfo info;
    info.kind = kind;
    info.code = code;
    info.message = message;
    throw Error(std::move(info));
}

// HEAD's MOCK:<scenario> inputs (lsmocks mockError), as the failures a real deployment gives.
void failIfScenario(const std::string& input) {
    if (!startsWith(input, "MOCK:")) return;
    const std::string scenario = toLower(input.substr(5));
    if (scenario == "timeout") transportFailure(ErrorKind::Timeout, "TIMEOUT", "Request timed out");
    if (scenario == "connection_failed")
        transportFailure(ErrorKind::Connection, "CONNECTION_FAILED", "Failed to connect to LlamaStack server");
    if (scenario == "server_unavailable") fakeFail(503, "LlamaStack server is unavailable", "server_error");
    if (scenario == "unauthorized") fakeFail(401, "Invalid authentication token", "authentication_error");
    if (scenario == "invalid_request") fakeFail(400, "Invalid request parameters", "invalid_request_error");
    if (scenario == "server_error")
        fakeFail(500, "Server encountered an internal error", "server_error", "server_error");
    if (scenario == "rate_limit_exceeded")
        fakeFail(429, "Rate limit exceeded: 60 requests per minute", "rate_limit_error", "rate_limit_exceeded");
    fakeFail(500,
             "Mock error scenario '" + input.substr(5) +
                 "' not recognized. Supported: timeout, connection_failed, server_unavailable, unauthorized, "
                 "invalid_request, server_error, rate_limit_exceeded",
             "server_error");
}

void checkProviderData(const FakeRequest& req) {
    for (const char* header : {"x-llamastack-provider-data", "x-ogx-provider-data"}) {
        auto value = req.raw->headers.get(header);
        if (value && !Json::parse(*value, nullptr, false).is_object())
            fakeFail(400, std::string("invalid ") + header + ": not a JSON object", "invalid_request_error");
    }
}

void addModelRoutes(http::Router& router, const std::string& base, const State& state) {
    router.add("GET", base + "/models", [state](const FakeRequest&) {
        return FakeResponse::json(200, {{"object", "list"}, {"data", state->models}});
    });
}

void addVectorStoreRoutes(http::Router& router, const std::string& base, const State& state) {
    router.add("GET", base + "/vector_stores", [state](const FakeRequest& req) {
        std::vector<Json> views;
        for (const auto& store : state->vectorStores) views.push_back(state->storeView(store));
        return FakeResponse::json(200, listPage(std::move(views), req, 20));
    });
    router.add("POST", base + "/vector_stores", [state](const FakeRequest& req) {
        Json body = req.json();
        if (!body.is_object()) fakeFail(400, "the body must be a JSON object", "invalid_request_error");
        const std::string id = state->newId("vs_", 32);
        const long long now = state->now();
        Json metadata = {{"provider_id", body.value("provider_id", "milvus")}, {"provider_vector_db_id", id}};
        if (body.contains("metadata") && body["metadata"].is_object()) metadata.update(body["metadata"]);
        Json store = {{"id", id},
                      {"object", "vector_store"},
                      {"created_at", now},
                      {"name", body.value("name", "Mock Vector Store")},
                      {"usage_bytes", 0},
                      {"status", "completed"},
                      {"last_active_at", now},
                      {"metadata", metadata},
                      {"expires_after", {{"anchor", "last_active_at"}, {"days", 0}}},
                      {"expires_at", nullptr}};
        state->vectorStores.push_back(store);
        return FakeResponse::json(200, state->storeView(store));
    });
    router.add("DELETE", base + "/vector_stores/{id}", [state](const FakeRequest& req) {
        const std::string& id = req.params.at("id");
        std::erase_if(state->vectorStores, [&](const Json& store) { return store["id"] == id; });
        state->attachments.erase(id);
        return FakeResponse::json(200, deleted(id, "vector_store.deleted"));
    });
    router.add("GET", base + "/vector_stores/{id}/files", [state](const FakeRequest& req) {
        const std::string& id = req.params.at("id");
        if (!state->findStore(id)) notFound("vector store " + id);
        std::vector<Json> files = state->attachments[id];
        if (const std::string filter = req.queryValue("filter"); !filter.empty())
            std::erase_if(files, [&](const Json& file) { return file["status"] != filter; });
        return FakeResponse::json(200, listPage(std::move(files), req, 20));
    });
    router.add("POST", base + "/vector_stores/{id}/files", [state](const FakeRequest& req) {
        const std::string& id = req.params.at("id");
        if (!state->findStore(id)) notFound("vector store " + id);
        Json body = req.json();
        const std::string fileId = body.is_object() ? body.value("file_id", "") : "";
        if (!state->files.count(fileId)) notFound("file " + fileId);
        Json chunking = body.value("chunking_strategy", Json{{"type", "auto"}});
        auto& list = state->attachments[id];
        std::erase_if(list, [&](const Json& file) { return file["id"] == fileId; });
        list.push_back(state->vectorStoreFile(id, fileId, chunking, state->now()));
        return FakeResponse::json(200, list.back());
    });
    router.add("GET", base + "/vector_stores/{id}/files/{file}", [state](const FakeRequest& req) {
        for (const auto& file : state->attachments[req.params.at("id")])
            if (file["id"] == req.params.at("file")) return FakeResponse::json(200, file);
        notFound("file " + req.params.at("file") + " in vector store " + req.params.at("id"));
    });
    router.add("DELETE", base + "/vector_stores/{id}/files/{file}", [state](const FakeRequest& req) {
        std::erase_if(state->attachments[req.params.at("id")],
                      [&](const Json& file) { return file["id"] == req.params.at("file"); });
        return FakeResponse::json(200, deleted(req.params.at("file"), "vector_store.file.deleted"));
    });
}

void addFileRoutes(http::Router& router, const std::string& base, const State& state) {
    router.add("POST", base + "/files", [state](const FakeRequest& req) {
        auto boundary = multipartBoundary(req.raw->headers.get("content-type").value_or(""));
        auto parts = boundary ? parseMultipart(req.raw->body, *boundary) : std::nullopt;
        if (!parts) fakeFail(400, "the body must be multipart/form-data", "invalid_request_error");
        const FormPart* file = nullptr;
        std::string purpose;
        for (const auto& part : *parts) {
            if (part.name == "file" && part.filename) file = &part;
            if (part.name == "purpose") purpose = part.data;
        }
        if (!file) fakeFail(400, "the form has no file", "invalid_request_error");
        static constexpr std::string_view purposes[] = {"assistants", "batch", "fine-tune", "vision", "user_data", "evals"};
        if (std::find(std::begin(purposes), std::end(purposes), purpose) == std::end(purposes))
            fakeFail(400, "invalid purpose: " + purpose, "invalid_request_error");
        Json object = {{"id", state->newId("file-", 32)},
                       {"object", "file"},
                       {"bytes", file->data.size()},
                       {"created_at", state->now()},
                       {"filename", *file->filename},
                       {"purpose", purpose},
                       {"expires_at", nullptr}};
        state->files[object["id"]] = StoredFile{object, file->data, file->contentType};
        return FakeResponse::json(200, object);
    });
    router.add("GET", base + "/files", [state](const FakeRequest& req) {
        std::vector<Json> files;
        const std::string purpose = req.queryValue("purpose");
        for (const auto& [id, file] : state->files)
            if (purpose.empty() || file.object["purpose"] == purpose) files.push_back(file.object);
        return FakeResponse::json(200, listPage(std::move(files), req, 10000));
    });
    router.add("GET", base + "/files/{id}", [state](const FakeRequest& req) {
        const std::string& id = req.params.at("id");
        if (auto it = state->files.find(id); it != state->files.end()) return FakeResponse::json(200, it->second.object);
        if (state->deletedFiles.count(id)) notFound("file " + id);
        // Never heard of: the upstream mock's generic answer.
        Json unknown = state->service["unknown_file"];
        unknown.update({{"id", id}, {"object", "file"}, {"purpose", "assistants"}});
        return FakeResponse::json(200, unknown);
    });
    router.add("DELETE", base + "/files/{id}", [state](const FakeRequest& req) {
        const std::string& id = req.params.at("id");
        if (state->files.erase(id)) state->deletedFiles.insert(id);
        state->detachEverywhere(id);
        return FakeResponse::json(200, deleted(id, "file"));
    });
    router.add("GET", base + "/files/{id}/content", [state](const FakeRequest& req) {
        const std::string& id = req.params.at("id");
        if (state->deletedFiles.count(id)) notFound("file " + id);
        FakeResponse response;
        auto it = state->files.find(id);
        if (it != state->files.end() && !it->second.content.empty()) {
            response.body = it->second.content;
            response.headers.set("Content-Type", it->second.contentType.empty() ? "application/octet-stream"
                                                                                : it->second.contentType);
        } else {
            response.body = std::string(kWavHeader, 16);
            response.headers.set("Content-Type", "audio/wav");
        }
        return response;
    });
}

void addResponseRoutes(http::Router& router, const std::string& base, const State& state, MockSettings settings) {
    router.add("POST", base + "/responses", [state, settings](const FakeRequest& req) {
        checkProviderData(req);
        const Json body = req.json();
        const MockTurn turn = MockTurn::fromBody(body);
        failIfScenario(turn.input);
        if (!body.value("stream", false)) {
            Json response = mockResponse(turn, *state);
            if (turn.store) state->responses[response["id"]] = response;
            return FakeResponse::json(200, response);
        }
        MockStream stream = mockResponseStream(turn, *state, settings.streamDelayMs);
        if (turn.store) state->responses[stream.finalResponse["id"]] = stream.finalResponse;
        FakeResponse response;
        response.headers.set("Content-Type", "text/event-stream; charset=utf-8");
        response.headers.set("Cache-Control", "no-cache");
        response.stream = std::make_unique<PacedBodyStream>(coalesce(std::move(stream.events)), state->runtime,
                                                            req.raw->signal);
        return response;
    });
    router.add("GET", base + "/responses/{id}", [state](const FakeRequest& req) {
        const std::string& id = req.params.at("id");
        if (auto it = state->responses.find(id); it != state->responses.end()) return FakeResponse::json(200, it->second);
        // The upstream mock's default for any other id.
        return FakeResponse::json(200, {{"id", id}, {"object", "response"}, {"model", "llama-3.1-8b"},
                                        {"status", "completed"}, {"created_at", 1234567890}, {"output", Json::array()}});
    });
}
}  // namespace

std::shared_ptr<http::Router> makeMockLlamaStackRouter(std::shared_ptr<http::Runtime> runtime, MockSettings settings) {
    auto state = std::make_shared<MockState>(std::move(runtime));
    auto router = std::make_shared<http::Router>();
    for (const std::string base : {"/v1", "/v1/openai/v1"}) {
        addModelRoutes(*router, base, state);
        addVectorStoreRoutes(*router, base, state);
        addFileRoutes(*router, base, state);
        addResponseRoutes(*router, base, state, settings);
    }
    return router;
}

}  // namespace genai::llamastack
