// The LlamaStack-specific part of a client's options (beside http::ClientOptions).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace genai::llamastack {

struct LlamaStackOptions {
    // Path of the OpenAI-compatible API below the base URL: "/v1" (llama-stack ≥ 0.4, HEAD) or
    // "/v1/openai/v1" (older servers, the ADR commit).
    std::string apiPath = "/v1";
    // Header carrying `providerData` (HEAD renamed it x-ogx-provider-data).
    std::string providerDataHeader = "x-llamastack-provider-data";
    // Defaults of createVectorStore (HEAD; DEFAULT_EMBEDDING_MODEL / _DIMENSION upstream).
    std::string embeddingModel = "sentence-transformers/ibm-granite/granite-embedding-125m-english";
    int embeddingDimension = 768;

    // `{apiPath, providerDataHeader, embeddingModel, embeddingDimension}`, each optional.
    // Throws a ValidationError for a value that cannot work.
    static LlamaStackOptions fromJson(const nlohmann::json& input);
};

}  // namespace genai::llamastack
