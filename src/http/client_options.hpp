// What a factory's createClient() takes: the per-request part of a client (DESIGN.md §1.1).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/secret.hpp"
#include "http/message.hpp"
#include "http/transport.hpp"

namespace genai::http {

struct ClientOptions {
    std::string baseUrl;                   // ignored by Mock factories
    Secret token;                          // the user's bearer token; may be empty
    std::optional<double> timeoutMs;
    std::optional<int> maxRetries;
    Headers defaultHeaders;
    std::shared_ptr<Transport> transport;  // replaces the factory's transport (e.g. another fetch)
};

}  // namespace genai::http
