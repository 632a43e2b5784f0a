// Loopback MaaS stand-in for bench/run.mjs, run in its own process (child_process.fork) so that
// the server's CPU time is not billed to the client being measured.
//
// GET /v1/models -> a ModelListResponse (MaaS openapi3.yaml) with 4 models, shaped like the
// spec's examples (created, id, object, owned_by, ready, url, kind, subscriptions).
// Anything else -> 404 with a MaaS-style error body. Binds 127.0.0.1 only, HTTP/1.1 keep-alive.
// Reports {port, modelsBytes} over IPC; exits on SIGTERM or when the parent disconnects.
import http from 'node:http';

const NAMES = ['llama-2-7b-chat', 'llama-2-13b-chat', 'mistral-7b-instruct', 'granite-7b-lab'];

function modelsBody() {
  const data = NAMES.map((id, i) => ({
    created: 1672531200,
    id,
    object: 'model',
    owned_by: `model-namespace/${id}`,
    ready: i !== 2,
    url: `https://maas.apps.example.com/llm/${id}/v1/models/${id}`,
    kind: 'LLMInferenceService',
    subscriptions: i % 2 ? [{ name: 'basic-subscription', displayName: 'Basic Tier' },
      { name: 'premium-subscription', displayName: 'Premium Tier' }]
      : [{ name: 'basic-subscription', displayName: 'Basic Tier' }],
  }));
  return Buffer.from(JSON.stringify({ object: 'list', data }));
}

const body = modelsBody();
let nextId = 1;
const server = http.createServer((req, res) => {
  // Drain any request body before answering (GETs have none; keeps keep-alive healthy).
  req.resume();
  req.on('end', () => {
    if (req.method === 'GET' && (req.url === '/v1/models' || req.url.startsWith('/v1/models?'))) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length,
        'x-request-id': `req_${nextId++}` });
      return res.end(body);
    }
    const b = Buffer.from(JSON.stringify({ error: `no route ${req.method} ${req.url}` }));
    res.writeHead(404, { 'content-type': 'application/json', 'content-length': b.length });
    res.end(b);
  });
});
server.keepAliveTimeout = 120000;
server.headersTimeout = 130000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  if (process.send) process.send({ port, modelsBytes: body.length, modelCount: NAMES.length });
  else console.error(`bench server on http://127.0.0.1:${port}/v1/models`);
});
process.on('SIGTERM', () => { server.closeAllConnections?.(); server.close(() => process.exit(0)); });
process.on('disconnect', () => process.exit(0));
