// Request types of the LlamaStack client (UPSTREAM.md §2.1, §2.8), parsed and validated from the
// JSON the caller gives, with the upstream validation messages (§2.6). Field names are the JS
// facade's (camelCase). Results are the server's JSON, passed through.
#pragma once

#include <map>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace genai::llamastack {

using Json = nlohmann::json;

inline constexpr const char* kService = "llamastack";

// GET vector_stores, every page. `limit` is the page size (1–100, default 100).
struct ListVectorStoresRequest {
    int limit = 100;
    std::optional<std::string> order;  // "asc" | "desc"
    static ListVectorStoresRequest fromJson(const Json& input);
};

// GET files, first page only.
struct ListFilesRequest {
    std::optional<int> limit;  // 1–10000
    std::optional<std::string> order, purpose;
    static ListFilesRequest fromJson(const Json& input);
};

// GET vector_stores/{id}/files, first page only.
struct ListVectorStoreFilesRequest {
    std::string vectorStoreId;
    std::optional<int> limit;  // 1–100
    std::optional<std::string> order, filter;
    static ListVectorStoreFilesRequest fromJson(const std::string& vectorStoreId, const Json& input);
};

// POST vector_stores. Embedding model and dimension fall back to the client's defaults.
struct CreateVectorStoreRequest {
    std::string name;
    std::optional<std::string> providerId;  // sent only when given (servers ≥ 0.4 dropped it)
    std::optional<std::string> embeddingModel;
    std::optional<int> embeddingDimension;
    std::optional<std::map<std::string, std::string>> metadata;  // nullopt: sent as null
    static CreateVectorStoreRequest fromJson(const Json& input);
    Json toJson(const std::string& defaultModel, int defaultDimension) const;
};

// How a file attached to a vector store is split into chunks.
struct ChunkingStrategy {
    std::string type;  // "auto" | "static"
    std::optional<int> maxChunkSizeTokens, chunkOverlapTokens;  // both given for "static"
    Json toJson() const;
};

// POST files (multipart), then optionally POST vector_stores/{id}/files.
struct UploadFileRequest {
    std::string bytes;
    std::string filename;
    std::string contentType;  // of the file part; empty: application/octet-stream
    std::string purpose = "assistants";
    std::string vectorStoreId;  // empty: not attached
    std::optional<ChunkingStrategy> chunkingStrategy;
    // Called with the file object once the upload succeeded, before attaching: a UI shows the
    // two steps apart. Must not throw.
    std::function<void(const Json& file)> onUploaded;
    // `hasFile` says whether the caller gave any file data (an empty file is still a file).
    static UploadFileRequest fromJson(std::string bytes, bool hasFile, const Json& input);
};

// One piece of a multimodal input (HEAD): text, or an image uploaded as a file.
struct InputPart {
    std::string type;  // "input_text" | "input_image"
    std::string text, fileId;
    Json toJson() const;
};

// A string, or (HEAD) an array of parts.
struct InputContent {
    std::string text;
    std::vector<InputPart> parts;
    bool isParts = false;
    Json toJson() const;
    std::string textContent() const;  // the text parts joined by spaces
};

struct ChatMessage {
    std::string role;  // normalised to user | assistant | system
    InputContent content;
};

struct McpServer {
    std::string serverLabel, serverUrl;
    std::map<std::string, std::string> headers;
    std::optional<std::string> authorization;            // HEAD: the `mcp` tool's authorization
    std::optional<std::vector<std::string>> allowedTools;  // nullopt: all tools; []: none
};

// POST responses (UPSTREAM.md §2.4).
struct CreateResponseRequest {
    InputContent input;
    std::string model;
    std::vector<std::string> vectorStoreIds;
    std::vector<ChatMessage> chatContext;
    std::string previousResponseId;
    std::optional<double> temperature, topP;
    std::string instructions;
    bool store = true;
    std::vector<McpServer> mcpServers;
    Json providerData;  // an object; sent in the provider-data header when not empty

    static CreateResponseRequest fromJson(const Json& input);
    Json toJson(bool stream) const;
};

}  // namespace genai::llamastack
