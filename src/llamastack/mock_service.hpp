// The fake LlamaStack service behind Mock clients: the OpenAI-compatible endpoints the client
// calls, under both API paths (/v1 and /v1/openai/v1), answered from MockState. The MOCK:<scenario>
// inputs of HEAD make POST responses fail the way a real server or network would.
#pragma once

#include <memory>

#include "http/fixture_transport.hpp"
#include "llamastack/factory.hpp"

namespace genai::llamastack {

std::shared_ptr<http::Router> makeMockLlamaStackRouter(std::shared_ptr<http::Runtime> runtime, MockSettings settings);

}  // namespace genai::llamastack
