// One contract, two factories: the same assertions run against the Mock factory (the mock
// servers of UPSTREAM.md §4.6) and against the Real factory talking to real MCP servers built
// with the MCP TypeScript SDK on 127.0.0.1 (tools mirroring the mock's kubernetes server), over
// both transports, plus an unreachable server and one that demands a token.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSdkServer } from '../peers/mcp/sdk-server.mjs';
import { freePort } from './helpers/peers.mjs';
import { genai } from './helpers/sdk.mjs';

const VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'];
let real;
before(async () => {
  const [json, sse, guarded, closedPort] = await Promise.all([
    startSdkServer('json'), startSdkServer('sse'), startSdkServer('json', { token: 'only-this-token' }), freePort()]);
  real = { json, sse, guarded, closedPort };
});
after(async () => { await Promise.all([real?.json.stop(), real?.sse.stop(), real?.guarded.stop()]); });

const targets = {
  mock: () => ({
    factory: genai.createFactories({ mcp: { mock: true } }).mcp,
    tools: { name: 'kubernetes', url: 'http://localhost:9091/mcp' },
    toolsOverSse: { name: 'kubernetes', url: 'http://localhost:9091/mcp', transport: 'sse' },
    unreachable: { name: 'unavailable-server', url: 'https://mcp-unavailable:8080/sse', transport: 'sse' },
    unauthorized: { name: 'error-server', url: 'https://mcp-error:8080/mcp' },
  }),
  real: () => ({
    factory: genai.createFactories({ mcp: {} }).mcp,
    tools: { name: 'kubernetes', url: real.json.url },
    toolsOverSse: { name: 'kubernetes', url: real.sse.url, transport: 'sse' },
    unreachable: { name: 'unavailable-server', url: `http://127.0.0.1:${real.closedPort}/sse`, transport: 'sse' },
    unauthorized: { name: 'error-server', url: real.guarded.url },
  }),
};

const GET_PODS = {
  name: 'kubectl_get_pods',
  description: 'Get list of pods in a namespace',
  input_schema: { type: 'object', properties: { namespace: { type: 'string', description: 'Kubernetes namespace' } }, required: ['namespace'] },
};

for (const [name, setup] of Object.entries(targets)) {
  describe(`MCP contract: ${name} factory`, () => {
    for (const over of ['tools', 'toolsOverSse']) {
      test(`${over}: connection status, tools with status, tools, calls, server config`, async () => {
        const t = setup();
        const c = t.factory.createClient({ server: t[over] });
        const now = Math.floor(Date.now() / 1000);

        const status = await c.checkConnectionStatus();
        assert.equal(status.server_url, t[over].url);
        assert.equal(status.status, 'connected');
        assert.equal(status.message, 'Connection successful');
        assert.ok(Number.isInteger(status.ping_response_time_ms) && status.ping_response_time_ms >= 0);
        assert.ok(Math.abs(status.last_checked - now) < 60);
        assert.equal(status.server_info.name, 'kubernetes-mcp-server');
        assert.equal(status.server_info.version, '2.0.1');
        assert.ok(VERSIONS.includes(status.server_info.protocol_version));
        assert.equal(status.error_details, undefined);

        const tools = await c.listToolsWithStatus();
        assert.equal(tools.status, 'success');
        assert.equal(tools.message, 'Successfully retrieved 2 tools');
        assert.equal(tools.tools_count, 2);
        assert.deepEqual(tools.tools[0], GET_PODS);
        assert.deepEqual(tools.tools[1].input_schema.required, ['namespace', 'pod_name']);

        const raw = await c.listTools();
        assert.deepEqual(raw.map((tool) => tool.name), ['kubectl_get_pods', 'kubectl_describe_pod']);
        assert.equal(raw[0].inputSchema.type, 'object');

        const ok = await c.callTool('kubectl_get_pods', { namespace: 'default' });
        assert.equal(ok.isError, false);
        assert.equal(ok.content[0].type, 'text');
        assert.deepEqual(ok.structuredContent, { tool: 'kubectl_get_pods', arguments: { namespace: 'default' } });
        assert.equal((await c.callTool('kubectl_describe_pod', { namespace: 'default' })).isError, true);
        assert.equal((await c.callTool('no_such_tool', {})).isError, true);

        const config = await c.getServerConfig();
        assert.equal(config.serverInfo.name, 'kubernetes-mcp-server');
        assert.equal(typeof config.capabilities.tools, 'object');
        assert.ok(VERSIONS.includes(config.protocolVersion));
        await c.close();
        c.dispose();
      });
    }

    test('an unreachable server is reported inside the status objects', async () => {
      const t = setup();
      const c = t.factory.createClient({ server: t.unreachable });
      for (const status of [await c.checkConnectionStatus(), await c.listToolsWithStatus()]) {
        assert.equal(status.status, 'error');
        assert.equal(status.message, 'Server is not reachable');
        assert.deepEqual(status.server_info, { name: 'unavailable-server', version: 'N/A', protocol_version: '' });
        assert.equal(status.error_details.code, 'CONNECTION_FAILED');
        assert.equal(status.error_details.status_code, 503);
        assert.equal(typeof status.error_details.raw_error, 'string');
      }
      assert.deepEqual((await c.listToolsWithStatus()).tools, []);
      await assert.rejects(c.listTools(), { name: 'ConnectionError', code: 'CONNECTION_FAILED' });
      c.dispose();
    });

    test('a server that refuses the client is reported as unauthorized', async () => {
      const t = setup();
      const c = t.factory.createClient({ server: t.unauthorized });
      const status = await c.checkConnectionStatus();
      assert.equal(status.status, 'error');
      assert.equal(status.message, 'Authentication failed');
      assert.equal(status.error_details.code, 'unauthorized');
      assert.equal(status.error_details.status_code, 401);
      assert.match(status.error_details.raw_error, /^HTTP 401: /);
      await assert.rejects(c.callTool('x', {}), { name: 'AuthenticationError', code: 'unauthorized', status: 401 });
      c.dispose();
    });

    test('validation is identical', async () => {
      const t = setup();
      const c = t.factory.createClient({ server: t.tools });
      await assert.rejects(c.callTool('', {}), { name: 'ValidationError', message: 'tool name is required' });
      await assert.rejects(c.callTool('x', 'not an object'), { name: 'ValidationError', message: 'tool arguments must be an object' });
      await assert.rejects(c.request('initialize'), { name: 'ValidationError' });
      assert.throws(() => t.factory.createClient({ server: { url: 3 } }),
        { name: 'ValidationError', message: 'invalid server config: field "url" must be a string' });
      c.dispose();
    });
  });
}
