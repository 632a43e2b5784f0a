// The MCP client against servers built with the MCP TypeScript SDK on 127.0.0.1: streamable HTTP
// in JSON-reply mode (StreamableHTTPServerTransport({enableJsonResponse: true})) and the legacy
// HTTP+SSE transport. Also: bad input of every kind leaves the client working.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startSdkServer } from '../peers/mcp/sdk-server.mjs';
import { recordingFetch } from '../peers/mcp/recording-fetch.mjs';
import { freePort, startServer } from './helpers/peers.mjs';
import { genai } from './helpers/sdk.mjs';

const mcp = genai.createFactories({ mcp: {} }).mcp;

describe('SDK server, JSON replies (enableJsonResponse)', () => {
  let server;
  before(async () => { server = await startSdkServer('json'); });
  after(async () => { await server?.stop(); });
  const client = (options = {}) => mcp.createClient({ server: { url: server.url }, ...options });

  test('every reply is application/json; session id and protocol version headers are sent back', async () => {
    const fetch = recordingFetch();
    const c = client({ fetch });
    const tools = await c.listTools();
    assert.deepEqual(tools.map((t) => t.name), ['kubectl_get_pods', 'kubectl_describe_pod']);
    const result = await c.callTool('kubectl_get_pods', { namespace: 'default' });
    assert.deepEqual(result.structuredContent, { tool: 'kubectl_get_pods', arguments: { namespace: 'default' } });
    assert.deepEqual(fetch.methods(), ['initialize', 'notifications/initialized', 'tools/list', 'tools/call']);
    const [init, initialized, list] = fetch.calls;
    assert.equal(init.headers.accept, 'application/json, text/event-stream');
    assert.equal(init.headers['mcp-session-id'], undefined);
    assert.equal(initialized.status, 202);
    assert.equal(list.headers['mcp-protocol-version'], '2025-11-25');
    assert.ok(list.headers['mcp-session-id']);
    await c.close();
    assert.equal(fetch.calls.at(-1).method, 'DELETE');
    assert.equal(server.openSessions, 0);
    c.dispose();
  });

  test('a 404 for an expired session: one new initialize, then the call', async () => {
    const fetch = recordingFetch();
    const c = client({ fetch });
    await c.getServerConfig();
    server.expireSessions();
    const result = await c.callTool('kubectl_describe_pod', { namespace: 'ns', pod_name: 'p' });
    assert.equal(result.isError, false);
    assert.equal(fetch.methods().filter((m) => m === 'initialize').length, 2);
    assert.ok(fetch.calls.some((call) => call.status === 404));
    c.dispose();
  });

  test('an older protocol version offered by the client is used by both sides', async () => {
    const fetch = recordingFetch();
    const c = client({ fetch, protocolVersion: '2025-03-26' });
    assert.equal((await c.getServerConfig()).protocolVersion, '2025-03-26');
    await c.listTools();
    assert.equal(fetch.calls.at(-1).headers['mcp-protocol-version'], '2025-03-26');
    c.dispose();
  });

  test('a tool given bad arguments is a result with isError; bad input is a ValidationError before any request', async () => {
    const fetch = recordingFetch();
    const c = client({ fetch });
    const bad = await c.callTool('kubectl_get_pods', { namespace: 42 });
    assert.equal(bad.isError, true);
    const before = fetch.calls.length;
    await assert.rejects(c.callTool('', {}), { name: 'ValidationError', message: 'tool name is required' });
    await assert.rejects(c.callTool('x', [1]), { name: 'ValidationError' });
    assert.equal(fetch.calls.length, before);
    assert.throws(() => mcp.createClient({}), { name: 'ValidationError' });
    assert.throws(() => mcp.createClient({ server: { url: server.url }, timeout: -5 }), { name: 'ValidationError' });
    await assert.rejects(mcp.createClient({ server: { url: 'not a url' } }).listTools(), { name: 'ValidationError' });
    c.dispose();
  });

  test('a required bearer token: 401 without it (typed), success with it', async () => {
    const guarded = await startSdkServer('json', { token: 'right-token' });
    try {
      const denied = mcp.createClient({ server: { url: guarded.url }, mcpToken: 'wrong-token-XYZ' });
      await assert.rejects(denied.listTools(), (e) => e.name === 'AuthenticationError' && e.code === 'unauthorized'
        && e.status === 401 && e.message === 'HTTP 401: invalid or missing token' && !String(e).includes('wrong-token-XYZ'));
      const status = await denied.listToolsWithStatus();
      assert.equal(status.status, 'error');
      assert.equal(status.message, 'Authentication failed');
      assert.deepEqual(status.error_details, { code: 'unauthorized', status_code: 401, raw_error: 'HTTP 401: invalid or missing token' });
      assert.deepEqual(status.tools, []);
      const allowed = mcp.createClient({ server: { url: guarded.url }, mcpToken: 'right-token' });
      assert.equal((await allowed.listTools()).length, 2);
      denied.dispose();
      allowed.dispose();
    } finally {
      await guarded.stop();
    }
  });
});

describe('SDK server, legacy HTTP+SSE', () => {
  let server;
  before(async () => { server = await startSdkServer('sse'); });
  after(async () => { await server?.stop(); });

  test('tools over the SSE transport; closing ends the GET stream', async () => {
    const fetch = recordingFetch();
    const c = mcp.createClient({ server: { url: server.url, transport: 'sse' }, fetch });
    assert.equal((await c.listTools()).length, 2);
    const result = await c.callTool('kubectl_get_pods', { namespace: 'default' });
    assert.equal(result.isError, false);
    assert.equal(fetch.calls[0].method, 'GET');
    assert.match(fetch.calls[1].url, /\/messages\?sessionId=/);
    await c.close();
    assert.ok(fetch.calls[0].cancelled);
    c.dispose();
  });
});

describe('bad servers', () => {
  test('unreachable, not MCP, cut mid-stream, malformed: typed errors, and the status objects report them', async () => {
    const closedPort = await freePort();
    const down = mcp.createClient({ server: { name: 'down', url: `http://127.0.0.1:${closedPort}/mcp` } });
    await assert.rejects(down.listTools(), { name: 'ConnectionError', code: 'CONNECTION_FAILED', mappedStatus: 503 });
    const status = await down.checkConnectionStatus();
    assert.equal(status.status, 'error');
    assert.equal(status.message, 'Server is not reachable');
    assert.equal(status.error_details.code, 'CONNECTION_FAILED');
    assert.deepEqual(status.server_info, { name: 'down', version: 'N/A', protocol_version: '' });
    down.dispose();

    let mode = 'html';
    const weird = await startServer((req, res, body) => {
      const request = body ? JSON.parse(body) : {};
      if (mode === 'html') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end('<html></html>'); }
      if (mode === 'garbage') { res.writeHead(200, { 'content-type': 'application/json' }); return res.end('{nope'); }
      if (mode === 'cut') {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.write(': starting\n\n');
        return setTimeout(() => res.socket.destroy(), 20);
      }
      if (mode === 'old') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ jsonrpc: '2.0', id: request.id, result: { protocolVersion: '2023-01-01', capabilities: {}, serverInfo: { name: 'old' } } }));
      }
      res.writeHead(500, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: 'boom' }));
    });
    try {
      const c = mcp.createClient({ server: { url: `${weird.url}/mcp` } });
      await assert.rejects(c.listTools(), { name: 'ProtocolError', message: 'unsupported content type "text/html"' });
      mode = 'garbage';
      await assert.rejects(c.listTools(), { name: 'ProtocolError' });
      mode = 'cut';
      await assert.rejects(c.listTools(), { name: 'ConnectionError' });
      mode = 'old';
      await assert.rejects(c.listTools(), { name: 'ProtocolError', code: 'UNSUPPORTED_PROTOCOL_VERSION' });
      mode = 'error';
      await assert.rejects(c.listTools(), { name: 'ServerError', code: 'server_error', message: 'HTTP 500: boom' });
      c.dispose();
    } finally {
      await weird.stop();
    }
  });
});
