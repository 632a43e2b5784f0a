#include "mcp/transport.hpp"

#include "mcp/sse_transport.hpp"
#include "mcp/streamable_http_transport.hpp"

namespace genai::mcp {

std::shared_ptr<McpTransport> makeTransport(TransportKind kind, std::shared_ptr<http::Transport> http,
                                            std::shared_ptr<http::Runtime> runtime, TransportSettings settings,
                                            std::weak_ptr<MessageSink> sink) {
    if (kind == TransportKind::Sse) return std::make_shared<SseTransport>(std::move(http), std::move(settings), std::move(sink));
    return std::make_shared<StreamableHttpTransport>(std::move(http), std::move(runtime), std::move(settings),
                                                     std::move(sink));
}

}  // namespace genai::mcp
