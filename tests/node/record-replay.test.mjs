// Record and replay: a Real factory with `record: true` keeps every exchange (credentials
// stripped); a factory with `replay: bundle` answers the same calls from it, offline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot, startPrism, startServer } from './helpers/peers.mjs';
import { contentFor, startAimock } from '../peers/llamastack/aimock.mjs';
import { startSdkServer } from '../peers/mcp/sdk-server.mjs';
import { genai, NotFoundError, ValidationError } from './helpers/sdk.mjs';

const TOKEN = 'sk-live-user-token-0123456789';
let prism;
before(async () => { prism = await startPrism(`${repoRoot}tests/peers/specs/maas-api-openapi3.yaml`, { readyPath: '/health' }); });
after(async () => { await prism?.stop(); });

test('a recording replays the same answers, without the token', async () => {
  const { maas: recorder } = genai.createFactories({ maas: { baseURL: `${prism.url}/`, record: true } });
  const live = recorder.createClient({ token: TOKEN });
  const models = await live.listModels();
  const key = await live.createApiKey({ name: 'recorded' });
  const page = await live.searchApiKeys({ limit: 5 });
  const bundle = recorder.exportRecording();

  const text = JSON.stringify(bundle);
  assert.ok(!text.includes(TOKEN), 'the bearer token is not in the recording');
  assert.equal(bundle.format, 'genai-clients/recording');
  assert.equal(bundle.entries.length, 3);
  assert.equal(bundle.entries[1].request.body.name, 'recorded');

  const { maas: replayer } = genai.createFactories({ maas: { replay: JSON.parse(text) } });
  assert.equal(replayer.isMock, true);
  const offline = replayer.createClient();
  assert.deepEqual(await offline.listModels(), models);
  const replayedKey = await offline.createApiKey({ name: 'recorded' });
  assert.equal(replayedKey.key, '[REDACTED]', 'secrets in answers are stripped too');
  assert.equal(replayedKey.id, key.id);
  assert.deepEqual(await offline.searchApiKeys({ limit: 5 }), page);
  await assert.rejects(offline.getTenants(), (e) => e instanceof NotFoundError && /no recorded answer for GET \/v1\/tenants/.test(e.serverMessage));
});

test('a factory that does not record exports null; a bad bundle is a ValidationError', () => {
  assert.equal(genai.createFactories({ maas: { baseURL: prism.url } }).maas.exportRecording(), null);
  assert.throws(() => genai.createFactories({ maas: { replay: { entries: [] } } }), ValidationError);
});

// Every service records and replays the same way: a streamed LlamaStack answer (aimock), a
// Kubernetes list (loopback cluster), an MCP session (the MCP SDK's own server).
test('LlamaStack: a recorded stream replays event by event, without the token', async () => {
  const aimock = await startAimock();
  try {
    const { llamaStack: recorder } = genai.createFactories({ llamaStack: { baseURL: aimock.url, record: true } });
    const live = recorder.createClient({ token: TOKEN });
    const stream = live.createResponseStream({ model: 'gpt-4o', input: 'Talk slowly' });
    const liveTypes = [];
    for await (const event of stream) liveTypes.push(event.type);
    const liveText = stream.outputText;
    assert.equal(liveText, contentFor('Talk slowly'));
    const bundle = recorder.exportRecording();
    assert.ok(!JSON.stringify(bundle).includes(TOKEN));
    assert.ok(bundle.entries[0].response.chunks.length > 1, 'the stream is kept chunk by chunk');

    const { llamaStack: replayer } = genai.createFactories({ llamaStack: { replay: bundle } });
    assert.equal(replayer.isMock, true);
    const offline = replayer.createClient().createResponseStream({ model: 'gpt-4o', input: 'Talk slowly' });
    const offlineTypes = [];
    for await (const event of offline) offlineTypes.push(event.type);
    assert.deepEqual(offlineTypes, liveTypes);
    assert.equal(offline.outputText, liveText);
  } finally {
    await aimock.stop();
  }
});

test('Kubernetes: a recorded list replays; the token stays out', async () => {
  const cluster = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ kind: 'NamespaceList', apiVersion: 'v1', metadata: {},
      items: [{ metadata: { name: 'team-a', annotations: { 'openshift.io/display-name': 'Team A' } } }] }));
  });
  try {
    const { kubernetes: recorder } = genai.createFactories({ kubernetes: { baseURL: cluster.url, record: true } });
    const live = await recorder.createClient({ token: TOKEN }).getNamespaces();
    const bundle = recorder.exportRecording();
    assert.ok(!JSON.stringify(bundle).includes(TOKEN));
    assert.equal(cluster.requests[0].headers.authorization, `Bearer ${TOKEN}`);
    const { kubernetes: replayer } = genai.createFactories({ kubernetes: { replay: bundle } });
    assert.deepEqual(await replayer.createClient().getNamespaces(), live);
    assert.equal(cluster.requests.length, 1, 'the replay made no request');
  } finally {
    await cluster.stop();
  }
});

test('MCP: a recorded session (initialize, tools, a call) replays in order', async () => {
  const server = await startSdkServer('json');
  try {
    const { mcp: recorder } = genai.createFactories({ mcp: { record: true } });
    const live = recorder.createClient({ server: { url: server.url }, mcpToken: TOKEN });
    const tools = await live.listTools();
    const result = await live.callTool('kubectl_get_pods', { namespace: 'team-a' });
    await live.close();
    const bundle = recorder.exportRecording();
    assert.ok(!JSON.stringify(bundle).includes(TOKEN));
    const seen = server.requests.length;

    const { mcp: replayer } = genai.createFactories({ mcp: { replay: bundle } });
    assert.equal(replayer.isMock, true);
    const offline = replayer.createClient({ server: { url: server.url } });
    assert.deepEqual(await offline.listTools(), tools);
    assert.deepEqual(await offline.callTool('kubectl_get_pods', { namespace: 'team-a' }), result);
    await offline.close();
    assert.equal(server.requests.length, seen, 'the replay made no request');
  } finally {
    await server.stop();
  }
});
