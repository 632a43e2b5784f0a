// Every MaaS operation of the current API against Prism serving the real MaaS OpenAPI spec:
// each request the SDK makes must be valid for the spec (no sl-violations header), and the
// documented error statuses must become the right error classes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot, recordingFetch, startPrism } from './helpers/peers.mjs';
import { genai, AuthenticationError, NotFoundError, PermissionDeniedError, ServerError, ValidationError } from './helpers/sdk.mjs';

let prism;
before(async () => {
  prism = await startPrism(`${repoRoot}tests/peers/specs/maas-api-openapi3.yaml`, { readyPath: '/health' });
});
after(async () => { await prism?.stop(); });

function client(token = 'user-token') {
  const fetch = recordingFetch();
  const { maas } = genai.createFactories({ maas: { baseURL: prism.url, fetch } });
  return { c: maas.createClient({ token }), seen: fetch.seen, factory: maas };
}

function assertNoViolations(seen) {
  assert.ok(seen.length > 0, 'no request reached Prism');
  for (const s of seen) assert.equal(s.violations, null, `${s.method} ${s.url}: ${s.violations}`);
}

describe('MaaS against Prism (maas-api-openapi3.yaml)', () => {
  test('listModels, with and without a subscription', async () => {
    const { c, seen } = client();
    const models = await c.listModels();
    assert.ok(models.length > 0);
    for (const m of models) {
      assert.equal(typeof m.id, 'string');
      assert.equal(typeof m.ready, 'boolean');
    }
    await c.listModels({ subscription: 'premium-subscription' });
    assertNoViolations(seen);
  });

  test('API keys: create, search, get, revoke, bulk revoke, config', async () => {
    const { c, seen } = client();
    const created = await c.createApiKey({ name: 'ci', description: 'made by the tests', expiresIn: '30d', subscription: 'premium' });
    assert.equal(typeof created.key, 'string');
    const ephemeral = await c.createApiKey({ ephemeral: true });
    assert.equal(typeof ephemeral.id, 'string');
    const page = await c.searchApiKeys({ username: 'alice', status: ['active', 'revoked'], includeEphemeral: true, sortBy: 'name', sortOrder: 'asc', limit: 20, offset: 0 });
    assert.ok(Array.isArray(page.data));
    assert.equal(typeof page.has_more, 'boolean');
    const all = [];
    for await (const key of c.listApiKeys({ limit: 100 })) { all.push(key); if (all.length > 50) break; }
    assert.ok(all.length > 0);
    const one = await c.getApiKey('key_abc123');
    assert.equal(typeof one.id, 'string');
    const revoked = await c.revokeApiKey('key_abc123');
    assert.equal(typeof revoked.status, 'string');
    const bulk = await c.bulkRevokeApiKeys({ username: 'alice', dryRun: true });
    assert.equal(typeof bulk.revokedCount, 'number');
    await c.bulkRevokeApiKeys({ subscription: 'premium' });
    const config = await c.getApiKeyConfig();
    assert.equal(typeof config.max_expiration_days, 'number');
    assertNoViolations(seen);
  });

  test('subscriptions, tenants, health', async () => {
    const { c, seen } = client();
    assert.ok(Array.isArray(await c.listSubscriptions()));
    assert.ok(Array.isArray(await c.listModelSubscriptions('facebook-opt-125m-simulated')));
    assert.ok(Array.isArray((await c.getTenants()).tenants));
    assert.equal((await c.health()).status, 'healthy');
    assertNoViolations(seen);
  });

  test('documented error statuses become typed errors with the upstream codes', async () => {
    const { c } = client();
    const prefer = (code) => ({ headers: { Prefer: `code=${code}` } });
    await assert.rejects(c.listModels(prefer(403)), (e) => {
      assert.ok(e instanceof PermissionDeniedError);
      assert.equal(e.status, 403);
      assert.equal(e.code, 'INVALID_RESPONSE');
      assert.equal(e.mappedStatus, 502);
      assert.match(e.message, /^API request failed with status 403: /);
      assert.ok(e.serverMessage.length > 0);
      return true;
    });
    await assert.rejects(c.listModels({ ...prefer(500), maxRetries: 0 }), (e) => {
      assert.ok(e instanceof ServerError);
      assert.equal(e.code, 'SERVER_UNAVAILABLE');
      assert.equal(e.mappedStatus, 503);
      assert.equal(e.serverMessage, 'Failed to retrieve LLM models');
      return true;
    });
    await assert.rejects(c.getApiKey('key_x', prefer(404)), NotFoundError);
    await assert.rejects(c.getTenants(prefer(404)), NotFoundError);
  });

  test('a missing token is a 401 AuthenticationError', async () => {
    const { c } = client('');
    await assert.rejects(c.listModels(), (e) => e instanceof AuthenticationError && e.status === 401);
  });

  test('invalid arguments fail before any request', async () => {
    const { c, seen } = client();
    await assert.rejects(c.searchApiKeys({ limit: 500 }), ValidationError);
    await assert.rejects(c.createApiKey({ description: 'no name' }), ValidationError);
    await assert.rejects(c.bulkRevokeApiKeys({}), ValidationError);
    await assert.rejects(c.getApiKey(''), ValidationError);
    assert.equal(seen.length, 0);
  });
});
