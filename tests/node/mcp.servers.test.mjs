// The server list of the ConfigMap gen-ai-aa-mcp-servers (UPSTREAM.md §4.5): parsed from the
// ConfigMap's `data`, broken entries skipped and reported; the Mock factory knows the Kubernetes
// mock's ConfigMap. Also: disposed clients and handles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { repoRoot } from './helpers/peers.mjs';
import { genai } from './helpers/sdk.mjs';

const fixture = JSON.parse(readFileSync(`${repoRoot}src/fixtures/mcp/mcp_servers.json`, 'utf8'));

test('the Mock factory lists the eight servers of the mock ConfigMap', () => {
  const { mcp } = genai.createFactories({ mcp: { mock: true } });
  const list = mcp.parseServerConfigMap();
  assert.equal(list.total_count, 8);
  assert.deepEqual(list.skipped, []);
  const brave = list.servers.find((s) => s.name === 'brave');
  assert.deepEqual(brave, { name: 'brave', url: 'http://localhost:9090/sse', transport: 'sse',
    description: 'Search the Internet using Brave Search.', logo: null, status: 'healthy' });
  assert.equal(list.servers.find((s) => s.name === 'default-transport').transport, 'streamable-http');
  mcp.dispose();
});

test('a ConfigMap as the Kubernetes API returns it (values are JSON text); broken entries are skipped and reported', () => {
  const { mcp } = genai.createFactories({ mcp: {} });
  const data = Object.fromEntries(Object.entries(fixture).map(([k, v]) => [k, JSON.stringify(v)]));
  data['broken-json'] = '{"url": ';
  data['wrong-type'] = '{"url": ["x"]}';
  const list = mcp.parseServerConfigMap(data);
  assert.equal(list.total_count, 8);
  assert.deepEqual(list.skipped, [
    { name: 'broken-json', reason: 'the entry is not valid JSON' },
    { name: 'wrong-type', reason: 'field "url" must be a string' },
  ]);
  assert.deepEqual(mcp.parseServerConfigMap(undefined), { servers: [], total_count: 0, skipped: [] });
  mcp.dispose();
});

test('every server of the list gets a status from the Mock factory', async () => {
  const { mcp } = genai.createFactories({ mcp: { mock: true } });
  const { servers } = mcp.parseServerConfigMap();
  const statuses = await Promise.all(servers.map(async (server) => {
    const c = mcp.createClient({ server });
    try { return await c.checkConnectionStatus(); } finally { c.dispose(); }
  }));
  const byName = Object.fromEntries(servers.map((s, i) => [s.name, statuses[i]]));
  assert.equal(byName.brave.server_info.name, 'brave-search-mcp-server');
  assert.ok(byName.brave.ping_response_time_ms >= 25);
  assert.equal(byName['unavailable-server'].message, 'Server is not reachable');
  assert.equal(byName['error-server'].error_details.code, 'unauthorized');
  assert.equal(Object.values(byName).filter((s) => s.status === 'connected').length, 6);
  mcp.dispose();
});

test('a disposed client rejects with a GenAIError; handles are freed', async () => {
  const before = genai.liveHandles;
  const { mcp } = genai.createFactories({ mcp: { mock: true } });
  const c = mcp.createClient({ server: { url: 'http://localhost:9091/mcp' } });
  assert.equal(String(c), '[McpClient]');
  assert.equal(String(mcp), '[McpClientFactory mock]');
  await c.listTools();
  c.dispose();
  await assert.rejects(c.listTools(), { name: 'GenAIError', code: 'DISPOSED' });
  mcp.dispose();
  assert.equal(genai.liveHandles, before);
});
