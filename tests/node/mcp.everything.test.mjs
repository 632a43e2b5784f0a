// The MCP client of the built package against the MCP reference server (server-everything), in
// both of its modes: streamable HTTP and legacy HTTP+SSE. server-everything listens on every
// interface, so this file runs itself inside a loopback-only network namespace.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runInLoopbackNamespace } from '../peers/mcp/netns.mjs';

if (runInLoopbackNamespace(import.meta.url)) {
  const { startEverything } = await import('../peers/mcp/everything.mjs');
  const { recordingFetch } = await import('../peers/mcp/recording-fetch.mjs');
  const { genai } = await import('./helpers/sdk.mjs');

  for (const [mode, transport] of [['streamableHttp', 'streamable-http'], ['sse', 'sse']]) {
    describe(`server-everything (${mode})`, () => {
      let server;
      const factory = () => genai.createFactories({ mcp: {} }).mcp;
      const client = (options = {}) => factory().createClient({ server: { name: 'everything', url: server.url, transport }, ...options });
      before(async () => { server = await startEverything(mode); });
      after(async () => { await server?.stop(); });

      test('initialize: server info, capabilities, negotiated version', async () => {
        const c = client();
        const config = await c.getServerConfig();
        assert.equal(config.protocolVersion, '2025-11-25');
        assert.match(config.serverInfo.name, /everything/);
        assert.equal(typeof config.capabilities.tools, 'object');
        await c.close();
        c.dispose();
      });

      test('listTools: every page, with echo, get-sum and the long-running tool', async () => {
        const c = client();
        const tools = await c.listTools();
        const names = tools.map((t) => t.name);
        for (const name of ['echo', 'get-sum', 'trigger-long-running-operation']) assert.ok(names.includes(name), name);
        assert.equal(tools.find((t) => t.name === 'get-sum').inputSchema.type, 'object');
        c.dispose();
      });

      test('callTool: echo and get-sum', async () => {
        const c = client();
        const echoed = await c.callTool('echo', { message: 'hello MCP' });
        assert.equal(echoed.isError, false);
        assert.equal(echoed.content[0].type, 'text');
        assert.match(echoed.content[0].text, /hello MCP/);
        const sum = await c.callTool('get-sum', { a: 2, b: 40 });
        assert.match(sum.content[0].text, /42/);
        c.dispose();
      });

      test('the long-running tool reports progress, and progress restarts the time limit', async () => {
        const c = client();
        const progress = [];
        // 1.2 s of work in 4 steps; 0.6 s without news would time out, but news comes every 0.3 s.
        const result = await c.callTool('trigger-long-running-operation', { duration: 1.2, steps: 4 },
          { timeout: 600, onProgress: (p) => progress.push(p) });
        assert.match(result.content[0].text, /completed/);
        assert.deepEqual(progress.map((p) => p.progress), [1, 2, 3, 4]);
        assert.ok(progress.every((p) => p.total === 4));
        c.dispose();
      });

      test('a silent call times out; an aborted call sends notifications/cancelled', async () => {
        const fetch = recordingFetch();
        const c = client({ fetch });
        await assert.rejects(c.callTool('trigger-long-running-operation', { duration: 2, steps: 1 }, { timeout: 300 }),
          { name: 'TimeoutError', code: 'TIMEOUT' });
        const ctrl = new AbortController();
        const pending = c.callTool('trigger-long-running-operation', { duration: 2, steps: 2 },
          { signal: ctrl.signal, onProgress: () => {} });
        setTimeout(() => ctrl.abort(), 200);
        await assert.rejects(pending, { name: 'AbortError', code: 'ABORTED' });
        const cancels = fetch.calls.filter((call) => call.json?.method === 'notifications/cancelled');
        assert.equal(cancels.length, 2);
        assert.equal(typeof cancels[1].json.params.requestId, 'number');
        // The session survives both.
        assert.match((await c.callTool('echo', { message: 'still here' })).content[0].text, /still here/);
        c.dispose();
      });

      test('an unknown tool is a result with isError; an unknown method a typed JSON-RPC error', async () => {
        const c = client();
        const unknown = await c.callTool('no-such-tool', {});
        assert.equal(unknown.isError, true);
        await assert.rejects(c.request('no/such/method', {}),
          (e) => e.name === 'NotFoundError' && e.code === 'METHOD_NOT_FOUND' && e.rpcCode === -32601 && e.service === 'mcp');
        assert.deepEqual(await c.request('ping'), {});
        c.dispose();
      });

      test('status objects: connected with a ping time, tools with reduced schemas', async () => {
        const c = client();
        const status = await c.checkConnectionStatus();
        assert.equal(status.status, 'connected');
        assert.equal(status.server_url, server.url);
        assert.ok(Number.isInteger(status.ping_response_time_ms) && status.ping_response_time_ms >= 0);
        assert.equal(status.server_info.protocol_version, '2025-11-25');
        const tools = await c.listToolsWithStatus();
        assert.equal(tools.status, 'success');
        assert.equal(tools.tools_count, tools.tools.length);
        const echo = tools.tools.find((t) => t.name === 'echo');
        assert.deepEqual(Object.keys(echo).sort(), ['description', 'input_schema', 'name']);
        assert.equal(echo.input_schema.properties.message.type, 'string');
        c.dispose();
      });

      test('the bearer MCP token is sent; the Kubernetes token never is', async () => {
        const fetch = recordingFetch();
        const c = client({ fetch, token: 'k8s-user-token-SECRET', mcpToken: 'mcp-token-123' });
        await c.callTool('echo', { message: 'x' });
        await c.close();
        assert.ok(fetch.calls.length >= 3);
        for (const call of fetch.calls) {
          assert.equal(call.headers.authorization, 'Bearer mcp-token-123');
          assert.ok(!JSON.stringify(call).includes('k8s-user-token-SECRET'));
        }
        c.dispose();
      });

      test('closing the client ends the session and every stream', async () => {
        const fetch = recordingFetch();
        const c = client({ fetch });
        await c.listTools();
        await c.close();
        if (transport === 'sse') {
          const get = fetch.calls.find((call) => call.method === 'GET');
          assert.ok(get.cancelled, 'the SSE GET stream was closed');
        } else {
          const del = fetch.calls.find((call) => call.method === 'DELETE');
          assert.ok(del, 'DELETE sent');
          assert.equal(del.status, 200);
          assert.ok(del.headers['mcp-session-id']);
        }
        c.dispose();
      });

      if (transport === 'streamable-http') {
        test('an expired session: one new initialize, then the call goes through', async () => {
          const fetch = recordingFetch();
          const c = client({ fetch });
          await c.listTools();
          const sessionId = fetch.calls.find((call) => call.method === 'POST' && call.json?.method === 'tools/list').headers['mcp-session-id'];
          const ended = await globalThis.fetch(server.url, { method: 'DELETE', headers: { 'mcp-session-id': sessionId } });
          assert.equal(ended.status, 200);
          const result = await c.callTool('echo', { message: 'after expiry' });
          assert.match(result.content[0].text, /after expiry/);
          assert.deepEqual(fetch.methods().filter((m) => m === 'initialize').length, 2);
          c.dispose();
        });
      } else {
        test('a reply that never comes (a session the server does not know) ends in TimeoutError', async () => {
          const lost = (url, init) => fetch(init?.method === 'POST' ? String(url).replace(/sessionId=[^&]+/, 'sessionId=unknown') : url, init);
          const c = client({ fetch: lost, timeout: 500 });
          await assert.rejects(c.listTools(), { name: 'TimeoutError' });
          c.dispose();
        });
      }
    });
  }
}
