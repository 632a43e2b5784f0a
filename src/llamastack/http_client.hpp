// The one LlamaStack client implementation, over any Transport (fetch for Real factories, the
// fake LlamaStack service for Mock ones).
#pragma once

#include <memory>

#include "http/api_client.hpp"
#include "http/client_options.hpp"
#include "http/url.hpp"
#include "llamastack/client.hpp"
#include "llamastack/options.hpp"

namespace genai::llamastack {

class HttpLlamaStackClient final : public LlamaStackClient {
public:
    HttpLlamaStackClient(std::shared_ptr<http::Transport> transport, std::shared_ptr<http::Runtime> runtime,
                         const http::ClientOptions& options, LlamaStackOptions settings);

    Task<Json> listModels(CallOptions options) override;
    Task<Json> listVectorStores(ListVectorStoresRequest request, CallOptions options) override;
    Task<Json> createVectorStore(CreateVectorStoreRequest request, CallOptions options) override;
    Task<void> deleteVectorStore(std::string vectorStoreId, CallOptions options) override;
    Task<Json> uploadFile(UploadFileRequest request, CallOptions options) override;
    Task<Json> listFiles(ListFilesRequest request, CallOptions options) override;
    Task<Json> getFile(std::string fileId, CallOptions options) override;
    Task<void> deleteFile(std::string fileId, CallOptions options) override;
    Task<FileContent> getFileContent(std::string fileId, CallOptions options) override;
    Task<Json> listVectorStoreFiles(ListVectorStoreFilesRequest request, CallOptions options) override;
    Task<Json> getVectorStoreFile(std::string vectorStoreId, std::string fileId, CallOptions options) override;
    Task<void> deleteVectorStoreFile(std::string vectorStoreId, std::string fileId, CallOptions options) override;
    Task<Json> createResponse(CreateResponseRequest request, CallOptions options) override;
    std::shared_ptr<http::JsonEventStream> createResponseStream(CreateResponseRequest request,
                                                                CallOptions options) override;
    std::shared_ptr<http::JsonEventStream> createResponseStreamRaw(Json body, CallOptions options) override;
    Task<Json> getResponse(std::string responseId, CallOptions options) override;

private:
    http::UrlBuilder url() const { return http::UrlBuilder(apiBase_); }
    http::ApiRequest request(std::string operation, std::string method, const http::UrlBuilder& url) const;
    std::shared_ptr<http::JsonEventStream> openStream(http::ApiRequest request, CallOptions options) const;

    std::string apiBase_;
    LlamaStackOptions settings_;
    std::shared_ptr<http::ApiClient> api_;  // shared with streams, which may outlive the client
};

// A stream whose first next() throws `error`: how a request that failed validation is
// reported by an operation that returns a stream.
std::shared_ptr<http::JsonEventStream> failedResponseStream(Error error);

}  // namespace genai::llamastack
