#include "mcp/mock_service.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "core/fixtures.hpp"
#include "core/json.hpp"
#include "http/pipe.hpp"
#include "mcp/jsonrpc.hpp"

namespace genai::mcp {

namespace {

std::string sseEvent(const Json& message) {
    return "event: message\ndata: " + message.dump() + "\n\n";
}

http::Response respond(int status, std::string contentType, std::unique_ptr<http::BodyStream> body) {
    http::Response response;
    response.status = status;
    if (!contentType.empty()) response.headers.set("Content-Type", std::move(contentType));
    response.body = std::move(body);
    return response;
}

http::Response jsonResponse(int status, const Json& body) {
    return respond(status, "application/json", std::make_unique<http::StringBodyStream>(body.dump()));
}

http::Response emptyResponse(int status) { return respond(status, "", std::make_unique<http::StringBodyStream>("")); }

Task<void> writeLater(std::shared_ptr<http::Runtime> runtime, std::shared_ptr<http::Pipe> pipe, std::string event,
                      double delayMs, bool closeAfter) {
    if (delayMs > 0) co_await runtime->sleep(delayMs, nullptr);
    pipe->write(std::move(event));
    if (closeAfter) pipe->close();
}

class MockMcpServers final : public http::Transport {
public:
    explicit MockMcpServers(std::shared_ptr<http::Runtime> runtime)
        : runtime_(std::move(runtime)), table_(parseJson(fixtureText("mcp/servers.json"))) {}

    // The servers answer at once; only the Task wrapper is a coroutine.
    Task<http::Response> send(http::Request request) override {
        std::optional<Error> failure;
        std::optional<http::Response> response;
        try {
            response.emplace(dispatch(request));
        } catch (const Error& e) {
            failure = e;
        }
        return failure ? failed(std::move(*failure)) : ready(std::move(*response));
    }

private:
    static Task<http::Response> ready(http::Response response) { co_return response; }
    static Task<http::Response> failed(Error error) {
        throw error;
        co_return http::Response();
    }

    http::Response dispatch(const http::Request& request) {
        if (request.signal && request.signal->aborted()) throw abortError();
        const size_t q = request.url.find('?');
        const std::string base = request.url.substr(0, q);
        const std::string query = q == std::string::npos ? "" : request.url.substr(q + 1);

        if (auto legacy = legacy_.find(queryValue(query, "sessionId")); legacy != legacy_.end())
            return postToLegacySession(legacy, request);

        const Json& profile = profileFor(base);
        if (profile.contains("unreachable")) {
            ErrorInfo info;
            info.kind = ErrorKind::Connection;
            info.code = "CONNECTION_FAILED";
            info.message = "failed to connect: " + profile["unreachable"].get<std::string>();
            throw Error(std::move(info));
        }
        if (profile.contains("httpError"))
            return jsonResponse(profile["httpError"]["status"].get<int>(), profile["httpError"]["body"]);

        if (request.method == "GET") {
            if (request.headers.has("mcp-session-id")) return emptyResponse(405);  // no standalone stream
            return openLegacySession(base);
        }
        if (request.method == "DELETE") {
            streamable_.erase(request.headers.get("mcp-session-id").value_or(""));
            return emptyResponse(200);
        }
        return postStreamable(base, profile, request);
    }

    using LegacyMap = std::map<std::string, std::pair<std::string, std::shared_ptr<http::Pipe>>>;

    static std::string queryValue(const std::string& query, const std::string& name) {
        const std::string key = name + "=";
        size_t start = 0;
        while (start < query.size()) {
            size_t end = query.find('&', start);
            if (end == std::string::npos) end = query.size();
            if (query.compare(start, key.size(), key) == 0) return query.substr(start + key.size(), end - start - key.size());
            start = end + 1;
        }
        return {};
    }

    const Json& profileFor(const std::string& url) const {
        const Json& servers = table_["servers"];
        auto it = servers.find(url);
        return it != servers.end() ? *it : table_["default"];
    }

    // The reply to one JSON-RPC message, if it needs one; `delayMs` is how long to wait first.
    std::optional<Json> handle(const Json& profile, const Json& message, double& delayMs) const {
        delayMs = 0;
        if (classify(message) != MessageKind::Request) return std::nullopt;  // notifications, replies
        const Json& id = message["id"];
        const std::string method = message["method"];
        const Json params = message.value("params", Json::object());
        if (method == "initialize") {
            Json result;
            result["protocolVersion"] = table_["protocolVersion"];
            result["capabilities"]["tools"]["listChanged"] = false;
            result["serverInfo"] = profile["serverInfo"];
            return makeResult(id, std::move(result));
        }
        if (method == "ping") {
            delayMs = profile.value("pingMs", 0.0);
            return makeResult(id, Json::object());
        }
        if (method == "tools/list") return listTools(profile, id, params);
        if (method == "tools/call") return makeResult(id, callTool(profile, params));
        return makeErrorReply(id, kMethodNotFound, "Method not found");
    }

    Json listTools(const Json& profile, const Json& id, const Json& params) const {
        const Json& tools = profile["tools"];
        const size_t pageSize = table_["pageSize"].get<size_t>();
        size_t offset = 0;
        if (params.contains("cursor")) {
            const Json& cursor = params["cursor"];
            if (!cursor.is_string() || cursor.get<std::string>().find_first_not_of("0123456789") != std::string::npos ||
                cursor.get<std::string>().empty())
                return makeErrorReply(id, kInvalidParams, "Invalid cursor");
            offset = std::stoul(cursor.get<std::string>());
        }
        Json page = Json::array();
        for (size_t i = offset; i < tools.size() && i < offset + pageSize; ++i) page.push_back(tools[i]);
        Json result;
        result["tools"] = std::move(page);
        if (offset + pageSize < tools.size()) result["nextCursor"] = std::to_string(offset + pageSize);
        return makeResult(id, std::move(result));
    }

    static Json textResult(std::string text, bool isError) {
        Json result;
        result["content"][0]["type"] = "text";
        result["content"][0]["text"] = std::move(text);
        result["isError"] = isError;
        return result;
    }

    static Json callTool(const Json& profile, const Json& params) {
        const std::string name = params.value("name", std::string());
        const Json arguments = params.value("arguments", Json::object());
        for (const auto& tool : profile["tools"]) {
            if (tool["name"] != name) continue;
            for (const auto& field : tool["inputSchema"].value("required", Json::array())) {
                if (!arguments.is_object() || !arguments.contains(field.get<std::string>()))
                    return textResult("missing required argument: " + field.get<std::string>(), true);
            }
            Json result = textResult("Mock result of " + name + " for " + arguments.dump(), false);
            result["structuredContent"]["tool"] = name;
            result["structuredContent"]["arguments"] = arguments;
            return result;
        }
        return textResult("Unknown tool: " + name, true);
    }

    static Json errorBody(const char* message) {
        Json body;
        body["error"] = message;
        return body;
    }

    http::Response openLegacySession(const std::string& base) {
        auto pipe = http::Pipe::create();
        const std::string id = "legacy-" + std::to_string(nextSession_++);
        legacy_[id] = {base, pipe};
        pipe->write("event: endpoint\ndata: message?sessionId=" + id + "\n\n");
        return respond(200, "text/event-stream", pipe->reader());
    }

    http::Response postToLegacySession(LegacyMap::iterator session, const http::Request& request) {
        auto [serverUrl, pipe] = session->second;
        if (pipe->readerGone()) {
            legacy_.erase(session);
            return jsonResponse(404, errorBody("unknown session"));
        }
        Json message = parseJsonOrDiscarded(request.body);
        if (message.is_discarded()) return jsonResponse(400, errorBody("invalid JSON"));
        double delayMs = 0;
        if (auto reply = handle(profileFor(serverUrl), message, delayMs))
            startDetached(writeLater(runtime_, pipe, sseEvent(*reply), delayMs, false), [] {}, [](std::exception_ptr) {});
        return emptyResponse(202);
    }

    http::Response postStreamable(const std::string& base, const Json& profile, const http::Request& request) {
        Json message = parseJsonOrDiscarded(request.body);
        if (message.is_discarded())
            return jsonResponse(400, makeErrorReply(nullptr, kParseError, "Parse error"));
        std::string session = request.headers.get("mcp-session-id").value_or("");
        const bool initializing = message.is_object() && message.value("method", "") == "initialize";
        if (initializing) {
            session = "mock-session-" + std::to_string(nextSession_++);
            streamable_[session] = base;
        } else if (!streamable_.count(session)) {
            return jsonResponse(404, makeErrorReply(nullptr, -32001, "Session not found"));
        }
        double delayMs = 0;
        std::optional<Json> reply = handle(profile, message, delayMs);
        http::Response response;
        if (!reply) {
            response = emptyResponse(202);
        } else if (delayMs > 0) {
            auto pipe = http::Pipe::create();
            startDetached(writeLater(runtime_, pipe, sseEvent(*reply), delayMs, true), [] {}, [](std::exception_ptr) {});
            response = respond(200, "text/event-stream", pipe->reader());
        } else {
            response = jsonResponse(200, *reply);
        }
        if (initializing) response.headers.set("Mcp-Session-Id", session);
        return response;
    }

    std::shared_ptr<http::Runtime> runtime_;
    Json table_;
    std::map<std::string, std::string> streamable_;  // session id → server URL
    LegacyMap legacy_;                                // session id → server URL, GET stream
    long nextSession_ = 1;
};

}  // namespace

std::shared_ptr<http::Transport> makeMockMcpServers(std::shared_ptr<http::Runtime> runtime) {
    return std::make_shared<MockMcpServers>(std::move(runtime));
}

}  // namespace genai::mcp
