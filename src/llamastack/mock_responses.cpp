#include "llamastack/mock_responses.hpp"

#include "core/text.hpp"

namespace genai::llamastack {

namespace {
constexpr const char* kMcpPrefix = "Based on the GitHub MCP tool results, the latest release is v1.95.0. ";
constexpr const char* kCitedFile = "e6053358-ab61-48cb-a600-2d04dfcbb51b";
constexpr const char* kMcpArguments = R"({"owner":"llamastack","repo":"llama-stack"})";

std::string textOf(const Json& content) {
    if (content.is_string()) return content.get<std::string>();
    std::string out;
    if (!content.is_array()) return out;
    for (const auto& part : content) {
        if (part.is_object() && part.value("type", "") == "input_text")
            out += (out.empty() ? "" : " ") + part.value("text", "");
    }
    return out;
}

// A recorded answer of the OGX test server when the prompt is one of its recordings, else the
// upstream mock's echo.
std::string answerFor(const std::string& input, const MockState& state) {
    for (const auto& answer : state.answers) {
        if (equalsNoCase(trim(input), answer["input"].get<std::string>())) return answer["text"];
    }
    return "This is a mock response to your query: " + input;
}

std::string ragText(const std::string& input) {
    return std::string("Based on retrieved documents <|") + kCitedFile + "|>, this is a mock response to your query: " +
           input;
}

Json mcpItems(const MockTurn& turn, const MockState& state) {
    return Json::array({{{"id", "mcp_list_mock123"},
                         {"type", "mcp_list_tools"},
                         {"server_label", turn.serverLabel},
                         {"tools", Json::array()}},
                        {{"id", "call_mock456"},
                         {"type", "mcp_call"},
                         {"server_label", turn.serverLabel},
                         {"name", "get_latest_release"},
                         {"arguments", kMcpArguments},
                         {"output", state.service["mcp_output"]}}});
}

Json fileSearchItem(const MockTurn& turn) {
    return {{"id", "call_mock123"},
            {"type", "file_search_call"},
            {"status", "completed"},
            {"queries", Json::array({turn.input})},
            {"results", Json::array({{{"file_id", kCitedFile},
                                      {"filename", kCitedFile},
                                      {"score", 0.8542},
                                      {"text", "This is mock retrieved content that relates to your query: " +
                                                   turn.input +
                                                   ". This content comes from the vector store and provides context "
                                                   "for the AI response."},
                                      {"attributes", {{"filename", "mock_document.txt"}}}}})}};
}

Json messageItem(const std::string& id, const std::string& text) {
    return {{"id", id},
            {"type", "message"},
            {"role", "assistant"},
            {"status", "completed"},
            {"content", Json::array({{{"type", "output_text"}, {"text", text}, {"annotations", Json::array()}}})}};
}

Json responseObject(const std::string& id, const MockTurn& turn, const std::string& status, Json output) {
    Json response = {{"id", id},         {"object", "response"}, {"created_at", 1234567890},
                     {"model", turn.model}, {"status", status},   {"metadata", Json::object()},
                     {"output", std::move(output)}};
    if (!turn.previousResponseId.empty()) response["previous_response_id"] = turn.previousResponseId;
    if (status == "completed") response["usage"] = {{"input_tokens", 10}, {"output_tokens", 25}, {"total_tokens", 35}};
    return response;
}

std::string sse(const Json& event) { return "data: " + event.dump() + "\n\n"; }
}  // namespace

MockTurn MockTurn::fromBody(const Json& body) {
    if (!body.is_object() || !body.contains("model") || !body["model"].is_string() || !body.contains("input"))
        fakeFail(400, "input and model are required", "invalid_request_error");
    MockTurn turn;
    turn.model = body["model"];
    const Json& input = body["input"];
    if (input.is_array() && !input.empty() && input.back().is_object()) turn.input = textOf(input.back().value("content", Json()));
    else turn.input = textOf(input);
    turn.previousResponseId = body.value("previous_response_id", "");
    turn.store = body.value("store", true);
    for (const auto& tool : body.value("tools", Json::array())) {
        const std::string type = tool.value("type", "");
        if (type == "file_search") {
            for (const auto& id : tool.value("vector_store_ids", Json::array())) turn.vectorStoreIds.push_back(id);
        } else if (type == "mcp") {
            if (!turn.hasMcpTools) turn.serverLabel = tool.value("server_label", "");
            turn.hasMcpTools = true;
        }
    }
    return turn;
}

Json mockResponse(const MockTurn& turn, const MockState& state) {
    std::string text = answerFor(turn.input, state);
    if (!turn.previousResponseId.empty()) text = "Continuing from previous response " + turn.previousResponseId + ". " + text;
    Json output = Json::array();
    if (turn.hasMcpTools) {
        output = mcpItems(turn, state);
        text = kMcpPrefix + text;
    }
    if (!turn.vectorStoreIds.empty()) {
        output.push_back(fileSearchItem(turn));
        text = ragText(turn.input);
    }
    output.push_back(messageItem("msg_mock123", text));
    return responseObject("resp_mock123", turn, "completed", std::move(output));
}

MockStream mockResponseStream(const MockTurn& turn, const MockState& state, std::optional<double> delayMs) {
    const std::string responseId = "resp_mock_stream123";
    const std::string itemId = "msg_mock_stream123";
    std::string text = turn.vectorStoreIds.empty() ? answerFor(turn.input, state) : ragText(turn.input);
    if (!turn.previousResponseId.empty()) text = "Continuing from previous response " + turn.previousResponseId + ". " + text;
    if (turn.hasMcpTools) text = kMcpPrefix + text;
    text = std::string(trim(text));

    MockStream stream;
    int sequence = 0;
    double waitBefore = 0;  // the upstream sleeps after an event; here it is the wait before the next
    auto emit = [&](Json event, double upstreamSleepAfter) {
        event["sequence_number"] = sequence++;
        stream.events.push_back(PacedChunk{delayMs ? (stream.events.empty() ? 0 : *delayMs) : waitBefore, sse(event)});
        waitBefore = upstreamSleepAfter;
    };

    emit({{"type", "response.created"},
          {"response", responseObject(responseId, turn, "in_progress", Json::array())}},
         200);
    Json output = Json::array();
    if (turn.hasMcpTools) {
        output = mcpItems(turn, state);
        emit({{"type", "mcp_list_tools"}, {"item_id", "mcp_list_mock123"}, {"output_index", 0},
              {"server_label", turn.serverLabel}},
             300);
        emit({{"type", "mcp_call"}, {"item_id", "call_mock456"}, {"output_index", 0},
              {"server_label", turn.serverLabel}, {"name", "get_latest_release"}, {"arguments", kMcpArguments},
              {"output", state.service["mcp_output"]}},
             500);
    }
    if (!turn.vectorStoreIds.empty()) {
        output.push_back(fileSearchItem(turn));
        sequence += 3;  // the upstream skips the file search events' numbers
        waitBefore += 500;
    }
    emit({{"type", "response.content_part.added"}, {"item_id", itemId}, {"output_index", 0}, {"content_index", 0},
          {"part", {{"type", "output_text"}, {"text", ""}, {"annotations", Json::array()}}}},
         150);
    // One delta per word, as the upstream mock; each word keeps the whitespace before it, so the
    // deltas add up to exactly the final text (line breaks of recorded answers included).
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t start = text.find_first_not_of(" \t\n\r", pos);
        if (start == std::string::npos) break;
        size_t end = text.find_first_of(" \t\n\r", start);
        if (end == std::string::npos) end = text.size();
        emit({{"type", "response.output_text.delta"}, {"item_id", itemId}, {"output_index", 0}, {"content_index", 0},
              {"delta", text.substr(pos, end - pos)}},
             300);
        pos = end;
    }
    emit({{"type", "response.content_part.done"}, {"item_id", itemId}, {"output_index", 0}, {"content_index", 0},
          {"part", {{"type", "output_text"}, {"text", text}, {"annotations", Json::array()}}}},
         100);
    output.push_back(messageItem(itemId, text));
    stream.finalResponse = responseObject(responseId, turn, "completed", std::move(output));
    emit({{"type", "response.completed"}, {"response", stream.finalResponse}}, 0);
    return stream;
}

}  // namespace genai::llamastack
