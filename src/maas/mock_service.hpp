// The fake MaaS service behind Mock clients: the fixtures of UPSTREAM.md §3.4 and the current
// MaaS API (API keys kept in state, so a created key shows up in the next search).
#pragma once

#include <memory>

#include "http/fixture_transport.hpp"
#include "http/transport.hpp"

namespace genai::maas {

std::shared_ptr<http::Router> makeMockMaaSRouter(std::shared_ptr<http::Runtime> runtime);

}  // namespace genai::maas
