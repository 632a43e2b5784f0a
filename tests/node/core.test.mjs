// Loading, configuration, identity, errors and disposal: the parts of the facade that are not a
// service.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from './helpers/peers.mjs';
import * as sdk from './helpers/sdk.mjs';

const { genai } = sdk;

test('loadGenAI returns one shared instance', async () => {
  assert.equal(await sdk.loadGenAI(), genai);
});

test('configFromEnv reads the upstream names and rejects a bad boolean', () => {
  const config = genai.configFromEnv({ MOCK_MAAS_CLIENT: 'true', MAAS_URL: 'https://maas.example.com/maas-api', AUTH_TOKEN_HEADER: 'x-forwarded-access-token', AUTH_TOKEN_PREFIX: '' });
  assert.deepEqual(config.maas, { mock: true, baseURL: 'https://maas.example.com/maas-api' });
  assert.deepEqual(config.auth, { tokenHeader: 'x-forwarded-access-token', tokenPrefix: '' });
  assert.equal(config.llamaStack.mock, false);
  assert.throws(() => genai.configFromEnv({ MOCK_LS_CLIENT: 'maybe' }), sdk.ValidationError);
  const { maas } = genai.createFactories(config);
  assert.equal(maas.isMock, true);
});

test('extractRequestIdentity: headers of every form, configurable name and prefix', () => {
  assert.equal(genai.extractRequestIdentity(new Headers({ Authorization: 'Bearer a' })).token.reveal(), 'a');
  assert.equal(genai.extractRequestIdentity([['authorization', 'Bearer b']]).token.reveal(), 'b');
  const both = genai.extractRequestIdentity({ authorization: 'Bearer c', 'x-mcp-bearer': 'Bearer m' });
  assert.equal(both.mcpToken.reveal(), 'm');
  assert.equal(genai.extractRequestIdentity({ 'X-Forwarded-Access-Token': 'raw' }, { tokenHeader: 'x-forwarded-access-token', tokenPrefix: '' }).token.reveal(), 'raw');
  assert.throws(() => genai.extractRequestIdentity({}), { name: 'ValidationError', message: 'missing required Header: Authorization' });
  assert.throws(() => genai.extractRequestIdentity({ authorization: 'Token x' }),
    { message: 'expected token Header Authorization to start with Prefix "Bearer "' });
  assert.throws(() => genai.extractRequestIdentity({ authorization: 'Bearer x', 'x-mcp-bearer': 'x' }),
    { message: "malformed MCP token: expected X-MCP-Bearer header to start with 'Bearer '" });
});

test('validateRequestIdentity', () => {
  assert.throws(() => genai.validateRequestIdentity(null), { message: 'missing identity' });
  assert.throws(() => genai.validateRequestIdentity({ token: '' }), { message: 'token is required for token-based authentication' });
  assert.throws(() => genai.validateRequestIdentity({ token: '' }, { forMcp: true }), { message: 'token is required for MCP client authentication' });
  genai.validateRequestIdentity(genai.extractRequestIdentity({ authorization: 'Bearer ok' }));
});

test('errors are Error subclasses with a name, never numbers', async () => {
  const c = genai.createFactories({ maas: { mock: true } }).maas.createClient();
  const e = await c.getApiKey('missing').catch((x) => x);
  assert.ok(e instanceof Error);
  assert.ok(e instanceof sdk.GenAIError);
  assert.ok(e instanceof sdk.NotFoundError);
  assert.equal(e.name, 'NotFoundError');
  assert.equal(e.service, 'maas');
  assert.equal(e.operation, 'getApiKey');
  assert.match(String(e), /^NotFoundError: API request failed with status 404/);
});

test('dispose frees the native handle; calls after it reject; double dispose is harmless', async () => {
  const { maas } = genai.createFactories({ maas: { mock: true } });
  const before = genai.liveHandles;
  const c = maas.createClient();
  assert.equal(genai.liveHandles, before + 1);
  const pending = c.listModels();
  c.dispose();
  c.dispose();
  assert.equal(genai.liveHandles, before);
  assert.equal(c.disposed, true);
  assert.equal((await pending).length, 4, 'a call in flight finishes after dispose');
  await assert.rejects(c.listModels(), { code: 'DISPOSED' });
  // What `using scoped = maas.createClient()` does at the end of its block.
  const scoped = maas.createClient();
  assert.equal((await scoped.listModels()).length, 4);
  scoped[Symbol.dispose ?? Symbol.for('Symbol.dispose')]();
  assert.equal(genai.liveHandles, before);
  maas.dispose();
});

test('many concurrent calls all resolve', async () => {
  const c = genai.createFactories({ maas: { mock: true } }).maas.createClient();
  const results = await Promise.all(Array.from({ length: 1000 }, () => c.listModels()));
  assert.equal(results.length, 1000);
  assert.ok(results.every((r) => r.length === 4));
});

test('runs with code generation from strings disallowed (CSP without unsafe-eval)', async () => {
  const script = `import('genai-clients').then(async ({ loadGenAI }) => {
    const genai = await loadGenAI();
    const models = await genai.createFactories({ maas: { mock: true } }).maas.createClient().listModels();
    if (models.length !== 4) process.exit(2);
    console.log('ok');
  }).catch((e) => { console.error(e); process.exit(1); });`;
  const { stdout } = await promisify(execFile)(process.execPath,
    ['--disallow-code-generation-from-strings', '--input-type=module', '-e', script], { cwd: repoRoot });
  assert.equal(stdout.trim(), 'ok');
});

test('undefined values in an env or header object are ignored; bad option types are ValidationErrors', () => {
  const config = genai.configFromEnv({ MAAS_URL: undefined, MOCK_MAAS_CLIENT: undefined });
  assert.equal(config.maas.baseURL, undefined);
  assert.equal(config.maas.mock, false);
  assert.throws(() => genai.extractRequestIdentity({ authorization: 'Bearer x' }, { tokenHeader: 7 }),
    { name: 'ValidationError', message: 'tokenHeader must be a string' });
  const { maas } = genai.createFactories({ maas: { mock: true } });
  maas.dispose();
  assert.equal(String(maas), '[MaaSClientFactory disposed]');
});

test('createClient takes the token as a string or as the SecretToken of an identity', async () => {
  const { maas } = genai.createFactories({ maas: { mock: true } });
  const identity = genai.extractRequestIdentity({ authorization: 'Bearer from-headers' });
  const client = maas.createClient({ token: identity.token, timeout: 5000 });
  assert.equal((await client.listModels()).length, 4);
  client.dispose();
});
