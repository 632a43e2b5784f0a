// The LlamaStack client interface: the 13 operations of the ADR commit plus the 3 of HEAD
// (UPSTREAM.md §2.1, §2.8). Real and Mock factories both hand out this interface.
#pragma once

#include <memory>
#include <string>

#include "core/task.hpp"
#include "http/api_client.hpp"
#include "http/json_event_stream.hpp"
#include "llamastack/types.hpp"

namespace genai::llamastack {

using http::CallOptions;

struct FileContent {
    std::string bytes;
    std::string contentType;
};

class LlamaStackClient {
public:
    virtual ~LlamaStackClient() = default;

    // GET models → the `data` array.
    virtual Task<Json> listModels(CallOptions options) = 0;
    // GET vector_stores, following `after` while `has_more` → every store.
    virtual Task<Json> listVectorStores(ListVectorStoresRequest request, CallOptions options) = 0;
    // POST vector_stores → the VectorStore. Never retried automatically.
    virtual Task<Json> createVectorStore(CreateVectorStoreRequest request, CallOptions options) = 0;
    virtual Task<void> deleteVectorStore(std::string vectorStoreId, CallOptions options) = 0;
    // POST files (multipart), then POST vector_stores/{id}/files when a store is named
    // → {file_id, file, vector_store_file?}. Never retried automatically.
    virtual Task<Json> uploadFile(UploadFileRequest request, CallOptions options) = 0;
    // GET files → the first page's `data`.
    virtual Task<Json> listFiles(ListFilesRequest request, CallOptions options) = 0;
    virtual Task<Json> getFile(std::string fileId, CallOptions options) = 0;
    virtual Task<void> deleteFile(std::string fileId, CallOptions options) = 0;
    // GET files/{id}/content → the bytes and their Content-Type.
    virtual Task<FileContent> getFileContent(std::string fileId, CallOptions options) = 0;
    // GET vector_stores/{id}/files → the first page's `data`.
    virtual Task<Json> listVectorStoreFiles(ListVectorStoreFilesRequest request, CallOptions options) = 0;
    virtual Task<Json> getVectorStoreFile(std::string vectorStoreId, std::string fileId, CallOptions options) = 0;
    virtual Task<void> deleteVectorStoreFile(std::string vectorStoreId, std::string fileId, CallOptions options) = 0;
    // POST responses → the Response.
    virtual Task<Json> createResponse(CreateResponseRequest request, CallOptions options) = 0;
    // POST responses with "stream": true. Nothing is sent until the stream is first read; every
    // failure, of the request or of the stream, surfaces from its next().
    virtual std::shared_ptr<http::JsonEventStream> createResponseStream(CreateResponseRequest request,
                                                                        CallOptions options) = 0;
    // POST responses with the caller's JSON object as the body, unvalidated (HEAD).
    virtual std::shared_ptr<http::JsonEventStream> createResponseStreamRaw(Json body, CallOptions options) = 0;
    virtual Task<Json> getResponse(std::string responseId, CallOptions options) = 0;
};

}  // namespace genai::llamastack
