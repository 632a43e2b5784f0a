#include "llamastack/types.hpp"

#include <algorithm>
#include <cstdio>

#include "core/error.hpp"

namespace genai::llamastack {

namespace {
using Names = std::initializer_list<std::string_view>;

[[noreturn]] void invalid(std::string_view operation, std::string message) {
    throwValidation(kService, operation, std::move(message));
}

template <typename Range>
std::string joinNames(const Range& names, const char* separator) {
    std::string out;
    for (auto name : names) out += (out.empty() ? "" : separator) + std::string(name);
    return out;
}

// The request must be an object (or absent); a field the SDK does not know is a mistake worth
// reporting (`top_p` for `topP`), not something to drop silently.
void requireObject(const Json& input, std::string_view operation, Names known) {
    if (input.is_null()) return;
    if (!input.is_object()) invalid(operation, "the request must be an object");
    for (const auto& [key, value] : input.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end())
            invalid(operation, "unknown field '" + key + "'; known fields: " + joinNames(known, ", "));
    }
}

const Json* field(const Json& input, const char* name) {
    if (!input.is_object()) return nullptr;
    auto it = input.find(name);
    if (it == input.end() || it->is_null()) return nullptr;
    return &*it;
}

std::optional<std::string> optString(const Json& input, const char* name, std::string_view operation) {
    const Json* value = field(input, name);
    if (!value) return std::nullopt;
    if (!value->is_string()) invalid(operation, std::string(name) + " must be a string");
    return value->get<std::string>();
}

std::optional<long long> optInt(const Json& input, const char* name, std::string_view operation) {
    const Json* value = field(input, name);
    if (!value) return std::nullopt;
    if (value->is_number_unsigned()) {
        const auto v = value->get<unsigned long long>();
        return v > 1'000'000'000'000ULL ? 1'000'000'000'000LL : static_cast<long long>(v);
    }
    if (!value->is_number_integer()) invalid(operation, std::string(name) + " must be an integer");
    return value->get<long long>();
}

std::optional<double> optNumber(const Json& input, const char* name, std::string_view operation) {
    const Json* value = field(input, name);
    if (!value) return std::nullopt;
    if (!value->is_number()) invalid(operation, std::string(name) + " must be a number");
    return value->get<double>();
}

std::optional<bool> optBool(const Json& input, const char* name, std::string_view operation) {
    const Json* value = field(input, name);
    if (!value) return std::nullopt;
    if (!value->is_boolean()) invalid(operation, std::string(name) + " must be a boolean");
    return value->get<bool>();
}

std::optional<int> limitIn(const Json& input, long long max, std::string_view operation) {
    auto limit = optInt(input, "limit", operation);
    if (!limit) return std::nullopt;
    if (*limit < 1 || *limit > max)
        invalid(operation, "limit must be between 1 and " + std::to_string(max) + ", got: " + std::to_string(*limit));
    return static_cast<int>(*limit);
}

std::optional<std::string> orderOf(const Json& input, std::string_view operation) {
    auto order = optString(input, "order", operation);
    if (order && *order != "asc" && *order != "desc")
        invalid(operation, "order must be 'asc' or 'desc', got: " + *order);
    return order;
}

// Go's fmt "%v" of a []string: "[a b c]".
template <typename Range>
void requireOneOf(const std::string& value, const char* name, const Range& allowed, std::string_view operation) {
    if (std::find(std::begin(allowed), std::end(allowed), value) != std::end(allowed)) return;
    invalid(operation, std::string(name) + " must be one of [" + joinNames(allowed, " ") + "], got: " + value);
}

constexpr std::string_view kPurposes[] = {"assistants", "batch", "fine-tune", "vision", "user_data", "evals"};
constexpr std::string_view kFileStatuses[] = {"in_progress", "completed", "failed", "cancelled"};

// Characters as a reader counts them (UTF-8 code points), not bytes.
size_t codePoints(std::string_view text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(),
                                             [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string twoDecimals(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", value);
    return buf;
}

bool isLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

bool isFileId(std::string_view id) {
    return id.size() > 5 && id.substr(0, 5) == "file-" && std::all_of(id.begin() + 5, id.end(), isLowerHex);
}

InputContent parseContent(const Json& value, const char* name, std::string_view operation) {
    InputContent content;
    if (value.is_string()) {
        content.text = value.get<std::string>();
        return content;
    }
    if (!value.is_array()) invalid(operation, std::string(name) + " must be a string or an array of content parts");
    content.isParts = true;
    if (value.empty()) invalid(operation, "input array must contain at least one content part");
    for (const auto& item : value) {
        if (!item.is_object()) invalid(operation, std::string(name) + " must be a string or an array of content parts");
        requireObject(item, operation, {"type", "text", "fileId"});
        InputPart part;
        part.type = optString(item, "type", operation).value_or("");
        if (part.type == "input_text") {
            part.text = optString(item, "text", operation).value_or("");
            if (part.text.empty()) invalid(operation, "input_text part requires non-empty text");
        } else if (part.type == "input_image") {
            part.fileId = optString(item, "fileId", operation).value_or("");
            if (part.fileId.empty())
                invalid(operation, "file_id is required for input_image; upload a file via POST /lsd/files first");
            if (!isFileId(part.fileId))
                invalid(operation, "invalid file_id \"" + part.fileId +
                                       "\"; expected format 'file-<hex>' from the file upload endpoint");
        } else {
            invalid(operation, "unsupported content part type \"" + part.type +
                                   "\"; expected 'input_text' or 'input_image'");
        }
        content.parts.push_back(std::move(part));
    }
    return content;
}

std::string normaliseRole(const std::string& role) {
    return role == "assistant" || role == "system" ? role : "user";
}

std::map<std::string, std::string> stringMap(const Json& value, const std::string& what, std::string_view operation) {
    if (!value.is_object()) invalid(operation, what + " must be an object of strings");
    std::map<std::string, std::string> out;
    for (const auto& [key, entry] : value.items()) {
        if (!entry.is_string()) invalid(operation, what + " value for '" + key + "' must be a string");
        out[key] = entry.get<std::string>();
    }
    return out;
}

McpServer parseMcpServer(const Json& value, std::string_view operation) {
    if (!value.is_object()) invalid(operation, "mcpServers must be an array of objects");
    requireObject(value, operation, {"serverLabel", "serverUrl", "headers", "authorization", "allowedTools"});
    McpServer server;
    server.serverLabel = optString(value, "serverLabel", operation).value_or("");
    server.serverUrl = optString(value, "serverUrl", operation).value_or("");
    if (server.serverLabel.empty()) invalid(operation, "server_label is required for MCP server");
    if (server.serverUrl.empty()) invalid(operation, "server_url is required for MCP server");
    if (const Json* headers = field(value, "headers")) server.headers = stringMap(*headers, "headers", operation);
    server.authorization = optString(value, "authorization", operation);
    if (const Json* tools = field(value, "allowedTools")) {
        if (!tools->is_array()) invalid(operation, "allowedTools must be an array of strings");
        server.allowedTools.emplace();
        for (size_t i = 0; i < tools->size(); ++i) {
            const Json& tool = (*tools)[i];
            if (!tool.is_string() || tool.get<std::string>().empty())
                invalid(operation, "MCP server '" + server.serverLabel + "': allowed_tools[" + std::to_string(i) +
                                       "] cannot be empty string");
            server.allowedTools->push_back(tool.get<std::string>());
        }
    }
    return server;
}
}  // namespace

ListVectorStoresRequest ListVectorStoresRequest::fromJson(const Json& input) {
    constexpr std::string_view op = "listVectorStores";
    requireObject(input, op, {"limit", "order"});
    ListVectorStoresRequest r;
    r.limit = limitIn(input, 100, op).value_or(100);
    r.order = orderOf(input, op);
    return r;
}

ListFilesRequest ListFilesRequest::fromJson(const Json& input) {
    constexpr std::string_view op = "listFiles";
    requireObject(input, op, {"limit", "order", "purpose"});
    ListFilesRequest r;
    r.limit = limitIn(input, 10000, op);
    r.order = orderOf(input, op);
    r.purpose = optString(input, "purpose", op);
    if (r.purpose) requireOneOf(*r.purpose, "purpose", kPurposes, op);
    return r;
}

ListVectorStoreFilesRequest ListVectorStoreFilesRequest::fromJson(const std::string& vectorStoreId, const Json& input) {
    constexpr std::string_view op = "listVectorStoreFiles";
    if (vectorStoreId.empty()) invalid(op, "vectorStoreID is required");
    requireObject(input, op, {"limit", "order", "filter"});
    ListVectorStoreFilesRequest r;
    r.vectorStoreId = vectorStoreId;
    r.limit = limitIn(input, 100, op);
    r.order = orderOf(input, op);
    r.filter = optString(input, "filter", op);
    if (r.filter) requireOneOf(*r.filter, "filter", kFileStatuses, op);
    return r;
}

CreateVectorStoreRequest CreateVectorStoreRequest::fromJson(const Json& input) {
    constexpr std::string_view op = "createVectorStore";
    requireObject(input, op, {"name", "metadata", "embeddingModel", "embeddingDimension", "providerId"});
    CreateVectorStoreRequest r;
    r.name = optString(input, "name", op).value_or("");
    if (r.name.empty()) invalid(op, "name is required");
    r.providerId = optString(input, "providerId", op);
    r.embeddingModel = optString(input, "embeddingModel", op);
    if (r.embeddingModel && r.embeddingModel->empty()) r.embeddingModel.reset();
    if (auto dimension = optInt(input, "embeddingDimension", op)) {
        if (*dimension < 1 || *dimension > 1'000'000)
            invalid(op, "embeddingDimension must be a positive integer, got: " + std::to_string(*dimension));
        r.embeddingDimension = static_cast<int>(*dimension);
    }
    if (const Json* metadata = field(input, "metadata")) {
        auto pairs = stringMap(*metadata, "metadata", op);
        if (pairs.size() > 16)
            invalid(op, "metadata can have max 16 key-value pairs, got: " + std::to_string(pairs.size()));
        for (const auto& [key, value] : pairs) {
            if (codePoints(key) > 64) invalid(op, "metadata key '" + key + "' exceeds 64 chars");
            if (codePoints(value) > 512) invalid(op, "metadata value for '" + key + "' exceeds 512 chars");
        }
        r.metadata = std::move(pairs);
    }
    return r;
}

// Bodies are built field by field: nlohmann's initializer lists cost far more wasm code.
Json CreateVectorStoreRequest::toJson(const std::string& defaultModel, int defaultDimension) const {
    Json body = Json::object();
    body["name"] = name;
    body["metadata"] = metadata ? Json(*metadata) : Json();
    body["embedding_model"] = embeddingModel.value_or(defaultModel);
    body["embedding_dimension"] = embeddingDimension.value_or(defaultDimension);
    if (providerId && !providerId->empty()) body["provider_id"] = *providerId;
    return body;
}

Json ChunkingStrategy::toJson() const {
    Json out = Json::object();
    out["type"] = type;
    if (type == "static") {
        Json& sizes = out["static"];
        sizes["max_chunk_size_tokens"] = *maxChunkSizeTokens;
        sizes["chunk_overlap_tokens"] = *chunkOverlapTokens;
    }
    return out;
}

UploadFileRequest UploadFileRequest::fromJson(std::string bytes, bool hasFile, const Json& input) {
    constexpr std::string_view op = "uploadFile";
    requireObject(input, op, {"filename", "contentType", "purpose", "vectorStoreId", "chunkingStrategy"});
    UploadFileRequest r;
    r.filename = optString(input, "filename", op).value_or("");
    if (!hasFile) invalid(op, "either FilePath or Reader+Filename must be provided");
    if (r.filename.empty()) invalid(op, "filename is required when using Reader");
    r.bytes = std::move(bytes);
    r.contentType = optString(input, "contentType", op).value_or("");
    if (auto purpose = optString(input, "purpose", op); purpose && !purpose->empty()) r.purpose = *purpose;
    requireOneOf(r.purpose, "purpose", kPurposes, op);
    r.vectorStoreId = optString(input, "vectorStoreId", op).value_or("");
    if (const Json* chunking = field(input, "chunkingStrategy")) {
        if (!chunking->is_object()) invalid(op, "chunkingStrategy must be an object");
        requireObject(*chunking, op, {"type", "static"});
        ChunkingStrategy strategy;
        strategy.type = optString(*chunking, "type", op).value_or("");
        if (strategy.type != "auto" && strategy.type != "static")
            invalid(op, "chunkingStrategy type must be 'auto' or 'static', got: " + strategy.type);
        if (strategy.type == "static") {
            const Json* settings = field(*chunking, "static");
            if (!settings || !settings->is_object())
                invalid(op, "a static chunkingStrategy needs static: {maxChunkSizeTokens, chunkOverlapTokens}");
            requireObject(*settings, op, {"maxChunkSizeTokens", "chunkOverlapTokens"});
            auto size = optInt(*settings, "maxChunkSizeTokens", op);
            auto overlap = optInt(*settings, "chunkOverlapTokens", op);
            if (!size || *size < 1 || *size > 1'000'000)
                invalid(op, "maxChunkSizeTokens must be a positive integer");
            if (!overlap || *overlap < 0 || *overlap >= *size)
                invalid(op, "chunkOverlapTokens must be an integer from 0 to less than maxChunkSizeTokens");
            strategy.maxChunkSizeTokens = static_cast<int>(*size);
            strategy.chunkOverlapTokens = static_cast<int>(*overlap);
        }
        r.chunkingStrategy = std::move(strategy);
    }
    return r;
}

Json InputPart::toJson() const {
    Json part = Json::object();
    part["type"] = type;
    if (type == "input_image") {
        part["detail"] = "auto";
        part["file_id"] = fileId;
    } else {
        part["text"] = text;
    }
    return part;
}

Json InputContent::toJson() const {
    if (!isParts) return text;
    Json parts = Json::array();
    for (const auto& part : this->parts) parts.push_back(part.toJson());
    return parts;
}

std::string InputContent::textContent() const {
    if (!isParts) return text;
    std::string out;
    for (const auto& part : parts) {
        if (part.type != "input_text") continue;
        out += (out.empty() ? "" : " ") + part.text;
    }
    return out;
}

CreateResponseRequest CreateResponseRequest::fromJson(const Json& input) {
    constexpr std::string_view op = "createResponse";
    requireObject(input, op, {"input", "model", "vectorStoreIds", "chatContext", "previousResponseId", "temperature",
                              "topP", "instructions", "store", "mcpServers", "providerData"});
    CreateResponseRequest r;
    const Json* text = field(input, "input");
    if (!text || (text->is_string() && text->get<std::string>().empty())) invalid(op, "input is required");
    r.input = parseContent(*text, "input", op);
    r.model = optString(input, "model", op).value_or("");
    if (r.model.empty()) invalid(op, "model is required");
    r.temperature = optNumber(input, "temperature", op);
    if (r.temperature && (*r.temperature < 0 || *r.temperature > 2))
        invalid(op, "temperature must be between 0 and 2, got: " + twoDecimals(*r.temperature));
    r.topP = optNumber(input, "topP", op);
    if (r.topP && (*r.topP < 0 || *r.topP > 1))
        invalid(op, "top_p must be between 0 and 1, got: " + twoDecimals(*r.topP));
    if (const Json* servers = field(input, "mcpServers")) {
        if (!servers->is_array()) invalid(op, "mcpServers must be an array of objects");
        for (const auto& server : *servers) r.mcpServers.push_back(parseMcpServer(server, op));
    }
    if (const Json* ids = field(input, "vectorStoreIds")) {
        if (!ids->is_array()) invalid(op, "vectorStoreIds must be an array of strings");
        for (size_t i = 0; i < ids->size(); ++i) {
            if (!(*ids)[i].is_string() || (*ids)[i].get<std::string>().empty())
                invalid(op, "vectorStoreIds[" + std::to_string(i) + "] must be a non-empty string");
            r.vectorStoreIds.push_back((*ids)[i].get<std::string>());
        }
    }
    if (const Json* context = field(input, "chatContext")) {
        if (!context->is_array()) invalid(op, "chatContext must be an array of {role, content}");
        for (const auto& message : *context) {
            if (!message.is_object()) invalid(op, "chatContext must be an array of {role, content}");
            requireObject(message, op, {"role", "content"});
            ChatMessage m;
            m.role = normaliseRole(optString(message, "role", op).value_or("user"));
            const Json* content = field(message, "content");
            m.content = content ? parseContent(*content, "chatContext content", op) : InputContent{};
            r.chatContext.push_back(std::move(m));
        }
    }
    r.previousResponseId = optString(input, "previousResponseId", op).value_or("");
    if (!r.chatContext.empty() && !r.previousResponseId.empty())
        invalid(op, "chat_context and previous_response_id cannot be used together. Use either chat_context for "
                    "manual conversation history or previous_response_id for automatic conversation threading");
    r.instructions = optString(input, "instructions", op).value_or("");
    r.store = optBool(input, "store", op).value_or(true);
    if (const Json* data = field(input, "providerData")) {
        if (!data->is_object()) invalid(op, "providerData must be an object");
        r.providerData = *data;
    }
    return r;
}

Json CreateResponseRequest::toJson(bool stream) const {
    Json body = Json::object();
    body["model"] = model;
    body["store"] = store;
    if (chatContext.empty() && !input.isParts) {
        body["input"] = input.text;
    } else {
        Json& items = body["input"] = Json::array();
        auto addItem = [&items](const std::string& role, const InputContent& content) {
            Json item = Json::object();
            item["role"] = role;
            item["content"] = content.toJson();
            items.push_back(std::move(item));
        };
        for (const auto& message : chatContext) addItem(message.role, message.content);
        addItem("user", input);
    }
    if (!instructions.empty()) body["instructions"] = instructions;
    if (temperature) body["temperature"] = *temperature;
    if (topP) body["top_p"] = *topP;
    Json tools = Json::array();
    if (!vectorStoreIds.empty()) {
        Json search = Json::object();
        search["type"] = "file_search";
        search["vector_store_ids"] = vectorStoreIds;
        tools.push_back(std::move(search));
    }
    for (const auto& server : mcpServers) {
        Json tool = Json::object();
        tool["type"] = "mcp";
        tool["server_label"] = server.serverLabel;
        tool["server_url"] = server.serverUrl;
        if (!server.headers.empty()) tool["headers"] = server.headers;
        if (server.authorization) tool["authorization"] = *server.authorization;
        if (server.allowedTools) tool["allowed_tools"] = *server.allowedTools;
        tools.push_back(std::move(tool));
    }
    if (!tools.empty()) body["tools"] = std::move(tools);
    if (!previousResponseId.empty()) body["previous_response_id"] = previousResponseId;
    if (!vectorStoreIds.empty()) body["include"].push_back("file_search_call.results");
    if (stream) body["stream"] = true;
    return body;
}

}  // namespace genai::llamastack
