// Embind glue for the MCP factories and client. Each method converts its arguments, starts the
// C++ coroutine with a shared_ptr to the client (so a disposed client cannot die mid-call), and
// returns a Promise. JS callbacks (onProgress, onElicitation) arrive already wrapped by
// web/mcp.js so that they never throw into C++ and always return a Promise of JSON text.
#include <emscripten/bind.h>

#include <stdexcept>

#include "bindings/js_values.hpp"
#include "core/json.hpp"
#include "mcp/factory.hpp"

namespace genai::bindings {

using mcp::McpClient;

namespace {
bool present(const val& v) { return !v.isUndefined() && !v.isNull(); }

Task<Json> askElicitation(val handler, Json params) {
    std::string text;
    std::string failure;
    try {
        val reply = co_await web::awaitPromise(handler(web::jsonToJs(params.dump())));
        text = reply.isString() ? reply.as<std::string>() : "null";
    } catch (const web::JsRejection& rejection) {
        failure = rejection.reason["message"].isString() ? rejection.reason["message"].as<std::string>()
                                                          : "the elicitation handler failed";
    }
    if (!failure.empty()) throw std::runtime_error(failure);
    co_return parseJsonOrDiscarded(text);
}

mcp::CallContext callContext(const val& options) {
    mcp::CallContext context;
    http::CallOptions base = callOptions(options);
    context.signal = base.signal;
    context.timeoutMs = base.timeoutMs;
    context.headers = base.headers;
    if (present(options) && options["onProgress"].typeOf().as<std::string>() == "function") {
        val onProgress = options["onProgress"];
        context.onProgress = [onProgress](const Json& params) { onProgress(web::jsonToJs(params.dump())); };
    }
    return context;
}

}  // namespace

class JsMcpClient {
public:
    explicit JsMcpClient(std::shared_ptr<McpClient> client) : client_(std::move(client)) {}

    val listTools(val options) { return start(client_->listTools(callContext(options))); }
    val callTool(std::string name, std::string arguments, val options) {
        return guarded([&] { return start(client_->callTool(std::move(name), parseRequest(arguments), callContext(options))); });
    }
    val request(std::string method, std::string params, val options) {
        return guarded([&] { return start(client_->request(std::move(method), parseRequest(params), callContext(options))); });
    }
    val getServerConfig(val options) { return start(client_->getServerConfig(callContext(options))); }
    val checkConnectionStatus(val options) { return start(client_->checkConnectionStatus(callContext(options))); }
    val listToolsWithStatus(val options) { return start(client_->listToolsWithStatus(callContext(options))); }
    val close() { return promiseOf(whileAlive(client_, client_->close())); }
    void abandon() { client_->abandon(); }

private:
    val start(Task<Json> call) { return promiseOf(whileAlive(client_, std::move(call))); }

    std::shared_ptr<McpClient> client_;
};

class JsMcpFactory {
public:
    // `config`: the facade's {mock, fetch, record, replay}.
    explicit JsMcpFactory(val config) : setup_(factorySetup(config)) {
        if (setup_.mock) factory_ = std::make_shared<mcp::MockMcpClientFactory>(webRuntime());
        else factory_ = std::make_shared<mcp::RealMcpClientFactory>(setup_.transport, webRuntime());
    }
    // `optionsJson`: see mcp::parseClientOptions. Throws a ValidationError (as a JS error).
    JsMcpClient createClient(std::string optionsJson, std::string mcpToken, val fetchFn, val onElicitation) {
        return rethrowAsJs([&] {
            mcp::McpClientOptions options = mcp::parseClientOptions(parseRequest(optionsJson));
            options.mcpToken = Secret(std::move(mcpToken));
            // A client's own fetch is recorded too; a replaying factory answers every client.
            if (present(fetchFn) && !setup_.replay) options.transport = recorded(fetchTransport(fetchFn));
            if (present(onElicitation))
                options.onElicitation = [onElicitation](Json params) { return askElicitation(onElicitation, std::move(params)); };
            return JsMcpClient(std::shared_ptr<McpClient>(factory_->createClient(std::move(options))));
        });
    }
    bool isMock() const { return setup_.mock || setup_.replay; }
    val recording() const { return recordingToJs(setup_); }
    val parseServerConfigMap(std::string dataJson) {
        return web::jsonToJs(mcp::parseServerConfigMap(parseRequest(dataJson)).toJson().dump());
    }
    val mockServerConfigMapData() { return web::jsonToJs(mcp::mockServerConfigMapData().dump()); }

private:
    std::shared_ptr<http::Transport> recorded(std::shared_ptr<http::Transport> transport) const {
        if (!setup_.recording) return transport;
        return std::make_shared<http::RecordingTransport>(std::move(transport), setup_.recording);
    }

    FactorySetup setup_;
    std::shared_ptr<mcp::McpClientFactory> factory_;
};

EMSCRIPTEN_BINDINGS(genai_mcp) {
    emscripten::class_<JsMcpClient>("McpClient")
        .function("listTools", &JsMcpClient::listTools)
        .function("callTool", &JsMcpClient::callTool)
        .function("getServerConfig", &JsMcpClient::getServerConfig)
        .function("request", &JsMcpClient::request)
        .function("checkConnectionStatus", &JsMcpClient::checkConnectionStatus)
        .function("listToolsWithStatus", &JsMcpClient::listToolsWithStatus)
        .function("close", &JsMcpClient::close)
        .function("abandon", &JsMcpClient::abandon);
    emscripten::class_<JsMcpFactory>("McpFactory")
        .constructor<val>()
        .function("createClient", &JsMcpFactory::createClient)
        .function("isMock", &JsMcpFactory::isMock)
        .function("recording", &JsMcpFactory::recording)
        .function("parseServerConfigMap", &JsMcpFactory::parseServerConfigMap)
        .function("mockServerConfigMapData", &JsMcpFactory::mockServerConfigMapData);
}

}  // namespace genai::bindings
