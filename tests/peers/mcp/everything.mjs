// Starts @modelcontextprotocol/server-everything in `streamableHttp` or `sse` mode on a free port
// (call it inside the loopback namespace: the server has no host option).
import { spawn } from 'node:child_process';
import { freePort, repoRoot } from '../../node/helpers/peers.mjs';

const EVERYTHING = `${repoRoot}node_modules/@modelcontextprotocol/server-everything/dist/index.js`;

export async function startEverything(mode, { timeoutMs = 30000 } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [EVERYTHING, mode], {
    env: { ...process.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server-everything exited early:\n${log}`);
    try {
      await fetch(`${base}/health-probe`);
      break;
    } catch {
      if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`server-everything did not start:\n${log}`); }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    base,
    url: mode === 'sse' ? `${base}/sse` : `${base}/mcp`,
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
