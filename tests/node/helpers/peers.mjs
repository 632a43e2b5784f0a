// Starting and stopping the peers the tests talk to: loopback HTTP servers written in the test,
// and Prism serving a real OpenAPI spec. Everything binds 127.0.0.1 and is stopped by the test.
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A loopback HTTP server; `handler(req, res, body)` gets the request body as a string. */
export async function startServer(handler) {
  const requests = [];
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      Promise.resolve(handler(req, res, body)).catch((e) => { res.statusCode = 599; res.end(String(e)); });
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    requests,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Runs `node <args>` as a peer server and resolves once `readyUrl` answers (any status); its
 * output is kept in `log`; `stop()` ends it (SIGTERM, then SIGKILL after 3 s).
 */
export async function startNodePeer(name, args, { readyUrl, env, timeoutMs = 30000, intervalMs = 100 }) {
  const child = spawn(process.execPath, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited early:\n${log}`);
    try {
      await fetch(readyUrl);
      break;
    } catch {
      if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`${name} did not start:\n${log}`); }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
  return {
    get log() { return log; },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Prism mock server for `specPath`; resolves once it answers. */
export async function startPrism(specPath, { readyPath = '/', timeoutMs = 60000 } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const peer = await startNodePeer('prism',
    [`${repoRoot}node_modules/@stoplight/prism-cli/dist/index.js`, 'mock', '-h', '127.0.0.1', '-p', String(port), specPath],
    { readyUrl: url + readyPath, timeoutMs, intervalMs: 200 });
  return { url, get log() { return peer.log; }, stop: () => peer.stop() };
}

/** A fetch that records every response's status and `sl-violations` header. */
export function recordingFetch() {
  const seen = [];
  const fn = async (url, init) => {
    const res = await fetch(url, init);
    seen.push({ url: String(url), method: init?.method ?? 'GET', status: res.status, violations: res.headers.get('sl-violations') });
    return res;
  };
  fn.seen = seen;
  return fn;
}
