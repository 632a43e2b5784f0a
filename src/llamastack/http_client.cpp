#include "llamastack/http_client.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "llamastack/errors.hpp"
#include "llamastack/multipart.hpp"
#include "llamastack/stream_policy.hpp"

namespace genai::llamastack {

namespace {
// Past this many pages listVectorStores gives up: a server that never says has_more=false.
constexpr int kMaxPages = 1000;

http::ApiClientSettings settingsFor(const http::ClientOptions& options) {
    http::ApiClientSettings settings;
    settings.service = kService;
    settings.token = options.token;
    settings.timeoutMs = options.timeoutMs.value_or(8 * 60 * 1000);  // the upstream http.Client's 8 min
    if (options.maxRetries) settings.retry.maxRetries = *options.maxRetries;
    settings.defaultHeaders = options.defaultHeaders;
    settings.adjustError = adjustLlamaStackError;
    return settings;
}

// IDs go into the path: empty ones are the upstream's "<what> is required"; "." and ".." would
// change the path's shape.
std::optional<Error> badId(const std::string& id, std::string_view operation, const char* what) {
    try {
        if (id.empty()) throwValidation(kService, operation, std::string(what) + " is required");
        if (id == "." || id == "..") throwValidation(kService, operation, std::string(what) + " is invalid: " + id);
    } catch (const Error& e) {
        return e;
    }
    return std::nullopt;
}

// Non-ASCII text in a header value is not portable (fetch takes Latin-1): escape it in the JSON.
std::string asciiJson(const Json& value) { return value.dump(-1, ' ', /*ensure_ascii=*/true); }

// What a JSON answer must look like: an object with a string `id`, or a list whose `data` is
// returned.
enum class Expect { Object, DataArray };

Json checked(const http::ApiClient& api, const http::ApiRequest& request, Json body, Expect expect) {
    const char* field = expect == Expect::Object ? "id" : "data";
    if (!body.is_object()) api.throwBadBody(request, "failed to unmarshal response: expected a JSON object");
    auto it = body.find(field);
    const bool ok = it != body.end() && (expect == Expect::DataArray ? it->is_array() : it->is_string());
    if (!ok)
        api.throwBadBody(request, std::string("failed to unmarshal response: field '") + field +
                                      "' is missing or has the wrong type");
    if (expect == Expect::DataArray) return std::move(*it);
    return body;
}

// The calls that send one request and check its JSON answer share this one coroutine (each
// coroutine costs its own frame code in the wasm); `api` keeps the client's settings alive.
Task<Json> fetchJson(std::shared_ptr<http::ApiClient> api, http::ApiRequest request, CallOptions options,
                     Expect expect) {
    Json body = co_await api->sendJson(request, options);
    co_return checked(*api, request, std::move(body), expect);
}

Task<void> fetchNothing(std::shared_ptr<http::ApiClient> api, http::ApiRequest request, CallOptions options) {
    co_await api->sendNoContent(std::move(request), options);
}

template <typename T>
Task<T> failed(Error error) {
    throw error;
    co_return T{};  // unreachable; makes this a coroutine
}

template <>
Task<void> failed<void>(Error error) {
    throw error;
    co_return;
}

Task<http::Response> sendStreamRequest(std::shared_ptr<http::ApiClient> api, http::ApiRequest request,
                                       CallOptions options) {
    http::Response response = co_await api->send(request, options);
    // A JSON answer to a streaming call means the server did not stream (e.g. a raw body
    // without "stream": true); reading it as SSE would silently give no events.
    const std::string type = toLower(response.headers.get("content-type").value_or(""));
    if (type.find("json") != std::string::npos && type.find("event-stream") == std::string::npos) {
        response.body->cancel();
        api->throwBadBody(request, "expected an event stream but the server answered " + type +
                                       " (a streaming request needs \"stream\": true)");
    }
    co_return response;
}
}  // namespace

std::shared_ptr<http::JsonEventStream> failedResponseStream(Error error) {
    return std::make_shared<http::JsonEventStream>(
        failed<http::Response>(std::move(error)), std::make_unique<ResponseStreamPolicy>(),
        [](ErrorInfo info, int) { return Error(std::move(info)); });
}

HttpLlamaStackClient::HttpLlamaStackClient(std::shared_ptr<http::Transport> transport,
                                           std::shared_ptr<http::Runtime> runtime, const http::ClientOptions& options,
                                           LlamaStackOptions settings)
    : apiBase_(http::joinUrl(options.baseUrl, settings.apiPath)),
      settings_(std::move(settings)),
      api_(std::make_shared<http::ApiClient>(std::move(transport), std::move(runtime), settingsFor(options))) {}

http::ApiRequest HttpLlamaStackClient::request(std::string operation, std::string method,
                                               const http::UrlBuilder& url) const {
    http::ApiRequest r;
    r.operation = std::move(operation);
    r.method = std::move(method);
    r.url = url.str();
    r.expectedStatus = 200;
    r.headers.set("Accept", "application/json");
    return r;
}

Task<Json> HttpLlamaStackClient::listModels(CallOptions options) {
    return fetchJson(api_, request("listModels", "GET", url().path("models")), std::move(options), Expect::DataArray);
}

Task<Json> HttpLlamaStackClient::listVectorStores(ListVectorStoresRequest list, CallOptions options) {
    Json all = Json::array();
    std::string after;
    for (int page = 0; page < kMaxPages; ++page) {
        auto u = url().path("vector_stores").query("limit", std::to_string(list.limit));
        if (list.order) u.query("order", *list.order);
        if (!after.empty()) u.query("after", after);
        auto r = request("listVectorStores", "GET", u);
        Json body = co_await api_->sendJson(r, options);
        const bool hasMore = body.is_object() && body.value("has_more", false);
        Json data = checked(*api_, r, std::move(body), Expect::DataArray);
        if (data.empty()) co_return all;
        for (auto& store : data) all.push_back(std::move(store));
        if (!hasMore) co_return all;
        const Json& last = all.back();
        if (!last.is_object() || !last.contains("id") || !last["id"].is_string())
            api_->throwBadBody(r, "failed to unmarshal response: a vector store has no string 'id'");
        if (last["id"].get<std::string>() == after)
            api_->throwBadBody(r, "the server returned the same page twice (has_more without progress)");
        after = last["id"].get<std::string>();
    }
    auto r = request("listVectorStores", "GET", url().path("vector_stores"));
    api_->throwBadBody(r, "the server kept answering has_more after " + std::to_string(kMaxPages) + " pages");
}

Task<Json> HttpLlamaStackClient::createVectorStore(CreateVectorStoreRequest create, CallOptions options) {
    auto r = request("createVectorStore", "POST", url().path("vector_stores"));
    r.jsonBody = create.toJson(settings_.embeddingModel, settings_.embeddingDimension);
    return fetchJson(api_, std::move(r), std::move(options), Expect::Object);
}

Task<void> HttpLlamaStackClient::deleteVectorStore(std::string vectorStoreId, CallOptions options) {
    if (auto e = badId(vectorStoreId, "deleteVectorStore", "vectorStoreID")) return failed<void>(std::move(*e));
    return fetchNothing(api_, request("deleteVectorStore", "DELETE", url().path("vector_stores").segment(vectorStoreId)),
                        std::move(options));
}

Task<Json> HttpLlamaStackClient::uploadFile(UploadFileRequest upload, CallOptions options) {
    if (!upload.vectorStoreId.empty()) {
        if (auto e = badId(upload.vectorStoreId, "uploadFile", "vectorStoreID")) throw *e;
    }
    auto& runtime = api_->runtime();
    MultipartForm form(MultipartForm::makeBoundary([&] { return runtime.random(); }, {upload.bytes, upload.filename}));
    form.addFile("file", upload.filename, upload.contentType, std::move(upload.bytes));
    form.addField("purpose", upload.purpose);

    auto r = request("uploadFile", "POST", url().path("files"));
    r.body = form.body();
    r.headers.set("Content-Type", form.contentType());
    Json file = checked(*api_, r, co_await api_->sendJson(r, options), Expect::Object);
    Json result = Json::object();
    result["file_id"] = file["id"];
    result["file"] = file;
    if (upload.onUploaded) upload.onUploaded(file);
    if (upload.vectorStoreId.empty()) co_return result;

    auto attach = request("uploadFile", "POST", url().path("vector_stores").segment(upload.vectorStoreId).path("files"));
    Json attachBody = Json::object();
    attachBody["file_id"] = file["id"];
    if (upload.chunkingStrategy) attachBody["chunking_strategy"] = upload.chunkingStrategy->toJson();
    attach.jsonBody = std::move(attachBody);
    std::optional<ErrorInfo> failure;
    try {
        result["vector_store_file"] = checked(*api_, attach, co_await api_->sendJson(attach, options), Expect::Object);
    } catch (const Error& e) {
        failure = e.info();
    }
    if (failure) {
        // The file exists now; say so, so the caller can attach it again or delete it.
        failure->message = "failed to add file to vector store: " + failure->message + " (file " +
                           file["id"].get<std::string>() + " was uploaded)";
        throw Error(std::move(*failure));
    }
    co_return result;
}

Task<Json> HttpLlamaStackClient::listFiles(ListFilesRequest list, CallOptions options) {
    auto u = url().path("files");
    if (list.limit) u.query("limit", std::to_string(*list.limit));
    if (list.order) u.query("order", *list.order);
    if (list.purpose) u.query("purpose", *list.purpose);
    return fetchJson(api_, request("listFiles", "GET", u), std::move(options), Expect::DataArray);
}

Task<Json> HttpLlamaStackClient::getFile(std::string fileId, CallOptions options) {
    if (auto e = badId(fileId, "getFile", "fileID")) return failed<Json>(std::move(*e));
    return fetchJson(api_, request("getFile", "GET", url().path("files").segment(fileId)), std::move(options),
                     Expect::Object);
}

Task<void> HttpLlamaStackClient::deleteFile(std::string fileId, CallOptions options) {
    if (auto e = badId(fileId, "deleteFile", "fileID")) return failed<void>(std::move(*e));
    return fetchNothing(api_, request("deleteFile", "DELETE", url().path("files").segment(fileId)), std::move(options));
}

Task<FileContent> HttpLlamaStackClient::getFileContent(std::string fileId, CallOptions options) {
    if (auto e = badId(fileId, "getFileContent", "fileID")) throw *e;
    auto r = request("getFileContent", "GET", url().path("files").segment(fileId).path("content"));
    // Any type will do (a file is whatever it is); application/binary first, as the upstream asks.
    r.headers.set("Accept", "application/binary, */*;q=0.5");
    http::Response response = co_await api_->send(r, options);
    FileContent content;
    content.contentType = response.headers.get("content-type").value_or("");
    std::optional<ErrorInfo> failure;
    try {
        content.bytes = co_await response.text();
    } catch (const Error& e) {
        failure = e.info();
    }
    if (failure) throw api_->makeError(std::move(*failure), http::FailureContext{r, response.status, {}});
    co_return content;
}

Task<Json> HttpLlamaStackClient::listVectorStoreFiles(ListVectorStoreFilesRequest list, CallOptions options) {
    if (auto e = badId(list.vectorStoreId, "listVectorStoreFiles", "vectorStoreID")) return failed<Json>(std::move(*e));
    auto u = url().path("vector_stores").segment(list.vectorStoreId).path("files");
    if (list.limit) u.query("limit", std::to_string(*list.limit));
    if (list.order) u.query("order", *list.order);
    if (list.filter) u.query("filter", *list.filter);
    return fetchJson(api_, request("listVectorStoreFiles", "GET", u), std::move(options), Expect::DataArray);
}

Task<Json> HttpLlamaStackClient::getVectorStoreFile(std::string vectorStoreId, std::string fileId,
                                                    CallOptions options) {
    if (auto e = badId(vectorStoreId, "getVectorStoreFile", "vectorStoreID")) return failed<Json>(std::move(*e));
    if (auto e = badId(fileId, "getVectorStoreFile", "fileID")) return failed<Json>(std::move(*e));
    return fetchJson(api_,
                     request("getVectorStoreFile", "GET",
                             url().path("vector_stores").segment(vectorStoreId).path("files").segment(fileId)),
                     std::move(options), Expect::Object);
}

Task<void> HttpLlamaStackClient::deleteVectorStoreFile(std::string vectorStoreId, std::string fileId,
                                                       CallOptions options) {
    if (auto e = badId(vectorStoreId, "deleteVectorStoreFile", "vectorStoreID")) return failed<void>(std::move(*e));
    if (auto e = badId(fileId, "deleteVectorStoreFile", "fileID")) return failed<void>(std::move(*e));
    return fetchNothing(api_,
                        request("deleteVectorStoreFile", "DELETE",
                                url().path("vector_stores").segment(vectorStoreId).path("files").segment(fileId)),
                        std::move(options));
}

Task<Json> HttpLlamaStackClient::createResponse(CreateResponseRequest create, CallOptions options) {
    auto r = request("createResponse", "POST", url().path("responses"));
    r.jsonBody = create.toJson(/*stream=*/false);
    if (create.providerData.is_object() && !create.providerData.empty())
        r.headers.set(settings_.providerDataHeader, asciiJson(create.providerData));
    return fetchJson(api_, std::move(r), std::move(options), Expect::Object);
}

std::shared_ptr<http::JsonEventStream> HttpLlamaStackClient::openStream(http::ApiRequest r, CallOptions options) const {
    r.streaming = true;
    r.headers.set("Accept", "text/event-stream");
    auto api = api_;
    auto makeError = [api, r](ErrorInfo info, int status) {
        return api->makeError(std::move(info), http::FailureContext{r, status, {}});
    };
    return std::make_shared<http::JsonEventStream>(sendStreamRequest(api, r, std::move(options)),
                                                   std::make_unique<ResponseStreamPolicy>(), std::move(makeError));
}

std::shared_ptr<http::JsonEventStream> HttpLlamaStackClient::createResponseStream(CreateResponseRequest create,
                                                                                  CallOptions options) {
    auto r = request("createResponseStream", "POST", url().path("responses"));
    r.jsonBody = create.toJson(/*stream=*/true);
    if (create.providerData.is_object() && !create.providerData.empty())
        r.headers.set(settings_.providerDataHeader, asciiJson(create.providerData));
    return openStream(std::move(r), std::move(options));
}

std::shared_ptr<http::JsonEventStream> HttpLlamaStackClient::createResponseStreamRaw(Json body, CallOptions options) {
    if (!body.is_object()) {
        try {
            throwValidation(kService, "createResponseStreamRaw", "the body must be a JSON object");
        } catch (const Error& e) {
            return failedResponseStream(e);
        }
    }
    auto r = request("createResponseStreamRaw", "POST", url().path("responses"));
    r.jsonBody = std::move(body);
    return openStream(std::move(r), std::move(options));
}

Task<Json> HttpLlamaStackClient::getResponse(std::string responseId, CallOptions options) {
    if (auto e = badId(responseId, "getResponse", "responseID")) return failed<Json>(std::move(*e));
    return fetchJson(api_, request("getResponse", "GET", url().path("responses").segment(responseId)), std::move(options),
                     Expect::Object);
}

}  // namespace genai::llamastack
