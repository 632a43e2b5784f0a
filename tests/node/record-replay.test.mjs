// Record and replay: a Real factory with `record: true` keeps every exchange (credentials
// stripped); a factory with `replay: bundle` answers the same calls from it, offline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot, startPrism } from './helpers/peers.mjs';
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
