#include "core/error.hpp"
#include "mcp/client.hpp"
#include "mcp/jsonrpc.hpp"

namespace genai::mcp {

namespace {
[[noreturn]] void invalid(const std::string& message) { throwValidation("mcp", "createClient", message); }
}  // namespace

McpClientOptions parseClientOptions(const Json& options) {
    if (!options.is_object()) invalid("options must be an object");
    McpClientOptions out;
    auto server = options.find("server");
    if (server == options.end() || !server->is_object()) invalid("server is required: {url, transport?, name?}");
    out.server = ServerConfig::fromJson(*server, "createClient");
    if (auto it = options.find("timeout"); it != options.end() && !it->is_null()) {
        if (!it->is_number() || it->get<double>() < 0) invalid("timeout must be a number of milliseconds >= 0");
        out.timeoutMs = it->get<double>();
    }
    if (auto it = options.find("protocolVersion"); it != options.end() && !it->is_null()) {
        if (!it->is_string() || !isSupportedProtocolVersion(it->get<std::string>()))
            invalid("protocolVersion must be one of 2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05");
        out.protocolVersion = it->get<std::string>();
    }
    if (auto it = options.find("clientInfo"); it != options.end() && !it->is_null()) {
        if (!it->is_object() || !it->contains("name") || !(*it)["name"].is_string() || !it->contains("version") ||
            !(*it)["version"].is_string())
            invalid("clientInfo must be {name, version} with string values");
        out.clientInfo = *it;
    }
    if (auto it = options.find("maxToolPages"); it != options.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<long long>() < 1 || it->get<long long>() > 100000)
            invalid("maxToolPages must be an integer from 1 to 100000");
        out.maxToolPages = it->get<int>();
    }
    if (auto it = options.find("headers"); it != options.end() && !it->is_null()) {
        if (!it->is_object()) invalid("headers must be an object of strings");
        for (const auto& [name, value] : it->items()) {
            if (!value.is_string()) invalid("headers must be an object of strings");
            out.headers.set(name, value.get<std::string>());
        }
    }
    return out;
}

}  // namespace genai::mcp
