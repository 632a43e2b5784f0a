#include "llamastack/mock_responses.hpp"

#include "core/text.hpp"

namespace genai::llamastack {

namespace {
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
        if (equalsNoCase(trim(input), answer["input"].get_ref<const std::string&>())) return answer["text"];
    }
    return state.text("echo") + input;
}

// The upstream mock's output items for MCP tools: a tool listing and one call.
void addMcpItems(Json& output, const MockTurn& turn, const MockState& state) {
    for (const char* name : {"mcp_list_tools", "mcp_call"}) {
        Json item = state.tmpl(name);
        item["server_label"] = turn.serverLabel;
        output.push_back(std::move(item));
    }
}

Json fileSearchItem(const MockTurn& turn, const MockState& state) {
    Json item = state.tmpl("file_search_call");
    item["queries"] = Json::array({turn.input});
    item["results"][0]["text"] = state.text("retrieved_before") + turn.input + state.text("retrieved_after");
    return item;
}

Json messageItem(const std::string& id, const std::string& text, const MockState& state) {
    Json item = state.tmpl("message");
    item["id"] = id;
    item["content"][0]["text"] = text;
    return item;
}

Json responseObject(const std::string& id, const MockTurn& turn, const char* status, Json output, const MockState& state) {
    Json response = state.tmpl("response");
    response["id"] = id;
    response["model"] = turn.model;
    response["status"] = status;
    response["output"] = std::move(output);
    if (!turn.previousResponseId.empty()) response["previous_response_id"] = turn.previousResponseId;
    if (std::string_view(status) == "completed") response["usage"] = state.tmpl("usage");
    return response;
}
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
    if (!body.contains("tools") || !body["tools"].is_array()) return turn;
    for (const auto& tool : body["tools"]) {
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
    if (!turn.previousResponseId.empty()) text = state.text("continuing") + turn.previousResponseId + ". " + text;
    Json output = Json::array();
    if (turn.hasMcpTools) {
        addMcpItems(output, turn, state);
        text = state.text("mcp_prefix") + text;
    }
    if (!turn.vectorStoreIds.empty()) {
        output.push_back(fileSearchItem(turn, state));
        text = state.text("rag") + turn.input;
    }
    output.push_back(messageItem("msg_mock123", text, state));
    return responseObject("resp_mock123", turn, "completed", std::move(output), state);
}

MockStream mockResponseStream(const MockTurn& turn, const MockState& state, std::optional<double> delayMs) {
    const char* itemId = "msg_mock_stream123";
    std::string text = turn.vectorStoreIds.empty() ? answerFor(turn.input, state) : state.text("rag") + turn.input;
    if (!turn.previousResponseId.empty()) text = state.text("continuing") + turn.previousResponseId + ". " + text;
    if (turn.hasMcpTools) text = state.text("mcp_prefix") + text;
    text = std::string(trim(text));

    MockStream stream;
    int sequence = 0;
    double waitBefore = 0;  // the upstream sleeps after an event; here it is the wait before the next
    auto emit = [&](Json event, const char* type, double upstreamSleepAfter) {
        event["type"] = type;
        event["sequence_number"] = sequence++;
        const double wait = delayMs ? (stream.events.empty() ? 0 : *delayMs) : waitBefore;
        stream.events.push_back(PacedChunk{wait, "data: " + event.dump() + "\n\n"});
        waitBefore = upstreamSleepAfter;
    };
    auto textEvent = [&](const char* type, const char* field, const Json& value, double sleepAfter) {
        Json event = state.tmpl("event_text");
        event[field] = value;
        emit(std::move(event), type, sleepAfter);
    };

    Json created = Json::object();
    created["response"] = responseObject("resp_mock_stream123", turn, "in_progress", Json::array(), state);
    emit(std::move(created), "response.created", 200);
    Json output = Json::array();
    if (turn.hasMcpTools) {
        addMcpItems(output, turn, state);
        Json listed = state.tmpl("event_mcp_list_tools");
        listed["server_label"] = turn.serverLabel;
        emit(std::move(listed), "mcp_list_tools", 300);
        Json called = state.tmpl("event_mcp_call");
        called["server_label"] = turn.serverLabel;
        emit(std::move(called), "mcp_call", 500);
    }
    if (!turn.vectorStoreIds.empty()) {
        output.push_back(fileSearchItem(turn, state));
        sequence += 3;  // the upstream skips the file search events' numbers
        waitBefore += 500;
    }
    Json part = state.tmpl("part");
    part["text"] = "";
    textEvent("response.content_part.added", "part", part, 150);
    // One delta per word, as the upstream mock; each word keeps the whitespace before it, so the
    // deltas add up to exactly the final text (line breaks of recorded answers included).
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t start = text.find_first_not_of(" \t\n\r", pos);
        if (start == std::string::npos) break;
        size_t end = text.find_first_of(" \t\n\r", start);
        if (end == std::string::npos) end = text.size();
        textEvent("response.output_text.delta", "delta", text.substr(pos, end - pos), 300);
        pos = end;
    }
    part["text"] = text;
    textEvent("response.content_part.done", "part", part, 100);
    output.push_back(messageItem(itemId, text, state));
    stream.finalResponse = responseObject("resp_mock_stream123", turn, "completed", std::move(output), state);
    Json completed = Json::object();
    completed["response"] = stream.finalResponse;
    emit(std::move(completed), "response.completed", 0);
    return stream;
}

}  // namespace genai::llamastack
