// The status objects of UPSTREAM.md §4.1 / §4.4: ConnectionStatus and ToolsStatus, failures
// reported inside them, and tool schemas reduced the way the upstream BFF reduces them.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "mcp/server_config.hpp"

namespace genai::mcp {

// Keeps only `type` (the single-string form), `title`, `description`, `properties` (each reduced
// the same way), `required` and `enum`; anything that is not an object gives {}.
Json reduceSchema(const Json& schema);
// {name, description, input_schema} of an MCP Tool.
Json reduceTool(const Json& tool);

// What a status call learned before it stopped.
struct StatusContext {
    const ServerConfig& server;
    double checkedAtUnixSeconds = 0;
    std::optional<Json> initializeResult;  // present once the session was created
};

// server_info {name, version, protocol_version} from the initialize result, else the ConfigMap
// key / "N/A" / "".
Json serverInfo(const StatusContext& context);

Json connectedStatus(const StatusContext& context, long long pingMs);
Json toolsStatus(const StatusContext& context, const Json& tools);
// status "error" with the mapped message and error_details{code, status_code, raw_error}.
Json connectionErrorStatus(const StatusContext& context, const Error& error);
Json toolsErrorStatus(const StatusContext& context, const Error& error);

}  // namespace genai::mcp
