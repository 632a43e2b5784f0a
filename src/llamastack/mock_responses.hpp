// The fake service's answers to POST responses (UPSTREAM.md §2.7, §2.8): the Response object,
// and the event sequence of a streamed one, built from the request body as the server got it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "llamastack/mock_state.hpp"
#include "llamastack/mock_stream.hpp"

namespace genai::llamastack {

// What the mock reads out of a Responses request body.
struct MockTurn {
    std::string model;
    std::string input;  // the text of the last user input
    std::string previousResponseId;
    std::vector<std::string> vectorStoreIds;
    std::string serverLabel;  // of the first MCP tool; empty without one
    bool hasMcpTools = false;
    bool store = true;

    // Throws FakeError 400 for a body a server would reject.
    static MockTurn fromBody(const Json& body);
};

Json mockResponse(const MockTurn& turn, const MockState& state);

struct MockStream {
    std::vector<PacedChunk> events;  // each one SSE event, with the wait before it
    Json finalResponse;              // what response.completed carries
};

// `delayMs`: the same wait before every event; nullopt: the upstream mock's pacing.
MockStream mockResponseStream(const MockTurn& turn, const MockState& state, std::optional<double> delayMs);

}  // namespace genai::llamastack
