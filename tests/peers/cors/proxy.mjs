// A minimal CORS-adding reverse proxy for peers whose own CORS answer a browser cannot use
// (aimock answers preflights with `Access-Control-Allow-Headers: *`, which by the Fetch standard
// never covers `Authorization`). It answers preflights itself, forwards everything else to
// `target` on 127.0.0.1, streams the answer back unbuffered (SSE), and records each exchange:
// the Authorization header seen, the status, and whether the browser closed the connection
// before the answer ended (what a Stop button must do). Bodies are forwarded as UTF-8 text
// (JSON, SSE, text uploads): enough for these tests, not for binary uploads. `routes` sends the
// paths matching a pattern to another peer: `[[/^\/v1\/files/, otherUrl], …]`.
import http from 'node:http';
import { startServer } from '../../node/helpers/peers.mjs';

const EXPOSE = 'Retry-After, X-Request-Id, Mcp-Session-Id, WWW-Authenticate';

export async function startCorsProxy(target, { routes = [] } = {}) {
  const exchanges = [];
  const peer = await startServer((req, res, body) => {
    const origin = req.headers.origin ?? '*';
    const cors = { 'access-control-allow-origin': origin, vary: 'Origin', 'access-control-expose-headers': EXPOSE };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, POST, PUT, DELETE',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '', 'access-control-max-age': '600' });
      res.end();
      return;
    }
    const upstream = new URL(routes.find(([pattern]) => pattern.test(req.url))?.[1] ?? target);
    const exchange = { method: req.method, url: req.url, peer: upstream.origin, authorization: req.headers.authorization ?? null, status: 0, clientClosedEarly: false, upstreamEnded: false };
    exchanges.push(exchange);
    const { host: _host, origin: _origin, connection: _connection, 'content-length': _length, ...headers } = req.headers;
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url,
      headers: { ...headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } }, (answer) => {
      exchange.status = answer.statusCode;
      const out = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !name.startsWith('access-control-')));
      res.writeHead(answer.statusCode, { ...out, ...cors });
      res.flushHeaders();
      answer.on('data', (chunk) => res.write(chunk));
      answer.on('end', () => { exchange.upstreamEnded = true; res.end(); });
    });
    res.on('close', () => {
      if (!res.writableEnded) { exchange.clientClosedEarly = true; forward.destroy(); }
    });
    forward.on('error', (e) => { if (!res.headersSent) { res.writeHead(502, cors); } res.end(String(e.message)); });
    forward.end(body || undefined);
  });
  return { url: peer.url, exchanges, stop: () => peer.stop() };
}
