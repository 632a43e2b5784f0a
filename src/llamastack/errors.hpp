// The LlamaStack error mapping of UPSTREAM.md §2.6 (HEAD `wrapClientError` → LlamaStackError):
// codes, the status the BFF answers with, the message shape and the failing component.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "http/api_client.hpp"

namespace genai::llamastack {

// The ErrorAdjuster of every LlamaStack client.
void adjustLlamaStackError(ErrorInfo& info, const http::FailureContext& context);

// `ResolveComponent` of the upstream: the component an OpenAI-style error `code` points at.
std::string_view resolveComponent(std::string_view errorCode);

// The upstream (Go) name of an operation: "listModels" → "ListModels".
std::string upstreamOperationName(std::string_view operation);

}  // namespace genai::llamastack
