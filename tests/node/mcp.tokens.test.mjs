// Tokens and MCP: the MCP token is sent as `Authorization: Bearer …` only when given; the user's
// Kubernetes token is never sent to an MCP server; no token shows in an error or a string form.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { startSdkServer } from '../peers/mcp/sdk-server.mjs';
import { recordingFetch } from '../peers/mcp/recording-fetch.mjs';
import { startServer } from './helpers/peers.mjs';
import { genai } from './helpers/sdk.mjs';

const K8S = 'sha256~k8s-user-token-NEVER-SEND';
const MCP = 'mcp-token-0123456789';
let server;
before(async () => { server = await startSdkServer('json'); });
after(async () => { await server?.stop(); });

for (const transport of ['streamable-http', 'sse']) {
  test(`${transport}: an identity from request headers: the MCP token as bearer, the Kubernetes token nowhere`, async () => {
    const sse = transport === 'sse' ? await startSdkServer('sse') : null;
    try {
      const identity = genai.extractRequestIdentity({ Authorization: `Bearer ${K8S}`, 'X-MCP-Bearer': `Bearer ${MCP}` });
      const fetch = recordingFetch();
      const mcp = genai.createFactories({ mcp: {} }).mcp;
      const c = mcp.createClient({ server: { url: (sse ?? server).url, transport }, fetch, ...identity });
      await c.listTools();
      await c.callTool('kubectl_get_pods', { namespace: 'default' });
      await c.checkConnectionStatus();
      await c.listToolsWithStatus();
      await c.close();
      assert.ok(fetch.calls.length >= 8);
      for (const call of fetch.calls) {
        assert.equal(call.headers.authorization, `Bearer ${MCP}`);
        assert.ok(!JSON.stringify(call).includes(K8S), `${call.method} ${call.url} carried the Kubernetes token`);
      }
      for (const r of (sse ?? server).requests) assert.ok(!JSON.stringify(r).includes(K8S));
      c.dispose();
    } finally {
      await sse?.stop();
    }
  });
}

test('without an MCP token no Authorization header is sent at all', async () => {
  const fetch = recordingFetch();
  const c = genai.createFactories({ mcp: {} }).mcp.createClient({ server: { url: server.url }, fetch, token: K8S });
  await c.listTools();
  for (const call of fetch.calls) assert.equal(call.headers.authorization, undefined);
  c.dispose();
});

test('a server that echoes the token into its error: the error never shows it', async () => {
  const echo = await startServer((req, res) => {
    res.writeHead(401, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `token rejected: ${req.headers.authorization}` }));
  });
  try {
    const c = genai.createFactories({ mcp: {} }).mcp.createClient({ server: { url: `${echo.url}/mcp` }, mcpToken: MCP, token: K8S });
    const error = await c.listTools().then(() => null, (e) => e);
    assert.equal(error.name, 'AuthenticationError');
    for (const text of [error.message, String(error), JSON.stringify(error), inspect(error), error.serverMessage ?? '']) {
      assert.ok(!text.includes(MCP) && !text.includes(K8S), text);
    }
    const status = await c.checkConnectionStatus();
    assert.ok(!JSON.stringify(status).includes(MCP));
    for (const text of [String(c), JSON.stringify(c), inspect(c)]) assert.ok(!text.includes(MCP) && !text.includes(K8S), text);
    c.dispose();
  } finally {
    await echo.stop();
  }
});
