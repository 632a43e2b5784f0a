// The fake Kubernetes API server behind Mock clients: the data of UPSTREAM.md §5.6 (namespaces
// mock-test-namespace-1..4, the serving objects behind the AA models of each namespace, mock-lsd
// in its phases with its run.yaml, the MCP servers ConfigMap) kept as API objects, with the REST
// verbs the client uses (list with label selectors, get, create, replace, delete), access reviews
// and the cluster ingress. Install and delete change its state like a real cluster's.
#pragma once

#include <memory>

#include "http/fixture_transport.hpp"
#include "http/transport.hpp"

namespace genai::kubernetes {

std::shared_ptr<http::Router> makeMockKubernetesRouter(std::shared_ptr<http::Runtime> runtime);

}  // namespace genai::kubernetes
