#include "llamastack/mock_service.hpp"

#include <algorithm>

#include "core/error.hpp"
#include "core/json.hpp"
#include "core/text.hpp"
#include "llamastack/mock_responses.hpp"
#include "llamastack/mock_state.hpp"
#include "llamastack/multipart.hpp"

namespace genai::llamastack {

namespace {
using http::FakeRequest;
using http::FakeResponse;
using Handler = FakeResponse (*)(MockState&, const FakeRequest&);

constexpr const char* kWavHeader = "RIFF\0\0\0\0WAVEfmt ";  // HEAD's mock file content (16 bytes)

[[noreturn]] void notFound(const std::string& what) { fakeFail(404, what + " not found", "not_found_error"); }

FakeResponse ok(const Json& body) { return FakeResponse::json(200, body); }

FakeResponse deleted(const std::string& id, const char* object) {
    Json body = Json::object();
    body["id"] = id;
    body["object"] = object;
    body["deleted"] = true;
    return ok(body);
}

const std::string& param(const FakeRequest& req, const char* name) { return req.params.at(name); }

// HEAD's MOCK:<scenario> inputs (lsmocks mockError), as the failures a real deployment gives:
// transport errors for timeout and connection_failed, HTTP errors for the rest.
void failIfScenario(const MockState& state, const std::string& input) {
    if (!startsWith(input, "MOCK:")) return;
    const std::string scenario = toLower(input.substr(5));
    const Json& scenarios = state.service["scenarios"];
    auto it = scenarios.find(scenario);
    if (it == scenarios.end())
        fakeFail(500, "Mock error scenario '" + input.substr(5) + state.text("unknown_scenario"), "server_error");
    const Json& s = *it;
    if (s.contains("transport")) {
        ErrorInfo info;
        info.kind = s["transport"] == "timeout" ? ErrorKind::Timeout : ErrorKind::Connection;
        info.code = info.kind == ErrorKind::Timeout ? "TIMEOUT" : "CONNECTION_FAILED";
        info.message = s["message"];
        throw Error(std::move(info));
    }
    fakeFail(s["status"], s["message"], s["type"], s.value("code", ""));
}

void checkProviderData(const FakeRequest& req) {
    for (const char* header : {"x-llamastack-provider-data", "x-ogx-provider-data"}) {
        auto value = req.raw->headers.get(header);
        if (value && !parseJsonOrDiscarded(*value).is_object())
            fakeFail(400, std::string("invalid ") + header + ": not a JSON object", "invalid_request_error");
    }
}

FakeResponse listModels(MockState& state, const FakeRequest&) {
    Json body = Json::object();
    body["object"] = "list";
    body["data"] = state.models;
    return ok(body);
}

FakeResponse listVectorStores(MockState& state, const FakeRequest& req) {
    std::vector<Json> views;
    for (const auto& store : state.vectorStores) views.push_back(state.storeView(store));
    return ok(listPage(std::move(views), req, 20));
}

FakeResponse createVectorStore(MockState& state, const FakeRequest& req) {
    const Json body = req.json();
    if (!body.is_object()) fakeFail(400, "the body must be a JSON object", "invalid_request_error");
    Json store = state.tmpl("vector_store");
    const std::string id = state.newId("vs_", 32);
    store["id"] = id;
    store["name"] = body.value("name", "Mock Vector Store");
    store["created_at"] = store["last_active_at"] = state.now();
    Json& metadata = store["metadata"] = Json::object();
    metadata["provider_id"] = body.value("provider_id", "milvus");
    metadata["provider_vector_db_id"] = id;
    if (body.contains("metadata") && body["metadata"].is_object()) metadata.update(body["metadata"]);
    state.vectorStores.push_back(store);
    return ok(state.storeView(store));
}

FakeResponse deleteVectorStore(MockState& state, const FakeRequest& req) {
    const std::string& id = param(req, "id");
    std::erase_if(state.vectorStores, [&](const Json& store) { return store["id"] == id; });
    state.attachments.erase(id);
    return deleted(id, "vector_store.deleted");
}

FakeResponse listVectorStoreFiles(MockState& state, const FakeRequest& req) {
    const std::string& id = param(req, "id");
    if (!state.findStore(id)) notFound("vector store " + id);
    std::vector<Json> files = state.attachments[id];
    if (const std::string filter = req.queryValue("filter"); !filter.empty())
        std::erase_if(files, [&](const Json& file) { return file["status"] != filter; });
    return ok(listPage(std::move(files), req, 20));
}

FakeResponse attachFile(MockState& state, const FakeRequest& req) {
    const std::string& id = param(req, "id");
    if (!state.findStore(id)) notFound("vector store " + id);
    const Json body = req.json();
    const std::string fileId = body.is_object() ? body.value("file_id", "") : "";
    if (!state.files.count(fileId)) notFound("file " + fileId);
    Json chunking = body.contains("chunking_strategy") ? body["chunking_strategy"] : Json::object({{"type", "auto"}});
    auto& list = state.attachments[id];
    std::erase_if(list, [&](const Json& file) { return file["id"] == fileId; });
    list.push_back(state.vectorStoreFile(id, fileId, chunking, state.now()));
    return ok(list.back());
}

FakeResponse getVectorStoreFile(MockState& state, const FakeRequest& req) {
    for (const auto& file : state.attachments[param(req, "id")])
        if (file["id"] == param(req, "file")) return ok(file);
    notFound("file " + param(req, "file") + " in vector store " + param(req, "id"));
}

FakeResponse detachFile(MockState& state, const FakeRequest& req) {
    std::erase_if(state.attachments[param(req, "id")], [&](const Json& file) { return file["id"] == param(req, "file"); });
    return deleted(param(req, "file"), "vector_store.file.deleted");
}

FakeResponse uploadFile(MockState& state, const FakeRequest& req) {
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
    Json object = state.tmpl("file");
    const std::string id = state.newId("file-", 32);
    object["id"] = id;
    object["bytes"] = file->data.size();
    object["created_at"] = state.now();
    object["filename"] = *file->filename;
    object["purpose"] = purpose;
    state.files[id] = StoredFile{object, file->data, file->contentType};
    return ok(object);
}

FakeResponse listFiles(MockState& state, const FakeRequest& req) {
    std::vector<Json> files;
    const std::string purpose = req.queryValue("purpose");
    for (const auto& [id, file] : state.files)
        if (purpose.empty() || file.object["purpose"] == purpose) files.push_back(file.object);
    return ok(listPage(std::move(files), req, 10000));
}

FakeResponse getFile(MockState& state, const FakeRequest& req) {
    const std::string& id = param(req, "id");
    if (auto it = state.files.find(id); it != state.files.end()) return ok(it->second.object);
    if (state.deletedFiles.count(id)) notFound("file " + id);
    // Never heard of: the upstream mock's generic answer.
    Json unknown = state.tmpl("file");
    unknown.update(state.service["unknown_file"]);
    unknown["id"] = id;
    return ok(unknown);
}

FakeResponse deleteFile(MockState& state, const FakeRequest& req) {
    const std::string& id = param(req, "id");
    if (state.files.erase(id)) state.deletedFiles.insert(id);
    state.detachEverywhere(id);
    return deleted(id, "file");
}

FakeResponse fileContent(MockState& state, const FakeRequest& req) {
    const std::string& id = param(req, "id");
    if (state.deletedFiles.count(id)) notFound("file " + id);
    FakeResponse response;
    auto it = state.files.find(id);
    const bool uploaded = it != state.files.end() && !it->second.content.empty();
    response.body = uploaded ? it->second.content : std::string(kWavHeader, 16);
    response.headers.set("Content-Type", !uploaded ? "audio/wav"
                                         : it->second.contentType.empty() ? "application/octet-stream"
                                                                          : it->second.contentType);
    return response;
}

FakeResponse createResponse(MockState& state, const FakeRequest& req) {
    checkProviderData(req);
    const Json body = req.json();
    const MockTurn turn = MockTurn::fromBody(body);
    failIfScenario(state, turn.input);
    if (!body.value("stream", false)) {
        Json response = mockResponse(turn, state);
        if (turn.store) state.responses[response["id"]] = response;
        return ok(response);
    }
    MockStream stream = mockResponseStream(turn, state, state.streamDelayMs);
    if (turn.store) state.responses[stream.finalResponse["id"]] = stream.finalResponse;
    FakeResponse response;
    response.headers.set("Content-Type", "text/event-stream; charset=utf-8");
    response.stream = std::make_unique<PacedBodyStream>(coalesce(std::move(stream.events)), state.runtime, req.raw->signal);
    return response;
}

FakeResponse getResponse(MockState& state, const FakeRequest& req) {
    const std::string& id = param(req, "id");
    if (auto it = state.responses.find(id); it != state.responses.end()) return ok(it->second);
    Json response = state.tmpl("unknown_response");  // the upstream mock's default for any other id
    response["id"] = id;
    return ok(response);
}
}  // namespace

std::shared_ptr<http::Router> makeMockLlamaStackRouter(std::shared_ptr<http::Runtime> runtime, MockSettings settings) {
    auto state = std::make_shared<MockState>(std::move(runtime), settings.streamDelayMs);
    auto router = std::make_shared<http::Router>();
    // One lambda type for every route keeps the std::function code to one instantiation.
    auto route = [&](const char* method, const std::string& pattern, Handler handler) {
        router->add(method, pattern, [state, handler](const FakeRequest& req) { return handler(*state, req); });
    };
    for (const std::string base : {"/v1", "/v1/openai/v1"}) {
        route("GET", base + "/models", listModels);
        route("GET", base + "/vector_stores", listVectorStores);
        route("POST", base + "/vector_stores", createVectorStore);
        route("DELETE", base + "/vector_stores/{id}", deleteVectorStore);
        route("GET", base + "/vector_stores/{id}/files", listVectorStoreFiles);
        route("POST", base + "/vector_stores/{id}/files", attachFile);
        route("GET", base + "/vector_stores/{id}/files/{file}", getVectorStoreFile);
        route("DELETE", base + "/vector_stores/{id}/files/{file}", detachFile);
        route("POST", base + "/files", uploadFile);
        route("GET", base + "/files", listFiles);
        route("GET", base + "/files/{id}", getFile);
        route("DELETE", base + "/files/{id}", deleteFile);
        route("GET", base + "/files/{id}/content", fileContent);
        route("POST", base + "/responses", createResponse);
        route("GET", base + "/responses/{id}", getResponse);
    }
    return router;
}

}  // namespace genai::llamastack
