// Starts @modelcontextprotocol/server-everything in `streamableHttp` or `sse` mode on a free port
// (call it inside the loopback namespace: the server has no host option).
import { freePort, repoRoot, startNodePeer } from '../../node/helpers/peers.mjs';

const EVERYTHING = `${repoRoot}node_modules/@modelcontextprotocol/server-everything/dist/index.js`;

export async function startEverything(mode, { timeoutMs = 30000 } = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const peer = await startNodePeer('server-everything', [EVERYTHING, mode],
    { readyUrl: `${base}/health-probe`, env: { ...process.env, PORT: String(port) }, timeoutMs });
  return {
    base,
    url: mode === 'sse' ? `${base}/sse` : `${base}/mcp`,
    get log() { return peer.log; },
    stop: () => peer.stop(),
  };
}
