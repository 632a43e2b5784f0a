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

/** Prism mock server for `specPath`; resolves once it answers. */
export async function startPrism(specPath, { readyPath = '/', timeoutMs = 60000 } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath,
    [`${repoRoot}node_modules/@stoplight/prism-cli/dist/index.js`, 'mock', '-h', '127.0.0.1', '-p', String(port), specPath],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited early:\n${log}`);
    try {
      await fetch(url + readyPath);
      break;
    } catch {
      if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`prism did not start:\n${log}`); }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return {
    url,
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
