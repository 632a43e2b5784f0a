// One contract, two factories: the same assertions run against the Mock factory and against the
// Real factory talking to real peers (Prism serving the MaaS spec; a loopback server for the
// upstream /v1/tokens API, which the current spec no longer lists). The mock cannot drift from
// what the real API answers without this file failing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot, startPrism, startServer } from './helpers/peers.mjs';
import { genai, ValidationError } from './helpers/sdk.mjs';

let prism;
let tokens;
before(async () => {
  prism = await startPrism(`${repoRoot}tests/peers/specs/maas-api-openapi3.yaml`, { readyPath: '/health' });
  tokens = await startServer((req, res, body) => {
    if (req.method === 'POST') {
      const seconds = { '4h': 14400, '1h': 3600 }[JSON.parse(body).expiration] ?? 0;
      res.writeHead(201, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ token: 'eyJhbGciOiJSUzI1NiJ9.real.sig', expiresAt: Math.floor(Date.now() / 1000) + seconds }));
    }
    res.writeHead(204);
    res.end();
  });
});
after(async () => { await prism?.stop(); await tokens?.stop(); });

// The Real factory's fetch: /v1/tokens to the loopback server, the rest to Prism.
const routedFetch = (url, init) => fetch(String(url).includes('/v1/tokens')
  ? String(url).replace(prism.url, tokens.url) : url, init);

const targets = {
  mock: () => genai.createFactories({ maas: { mock: true } }).maas.createClient({}),
  real: () => genai.createFactories({ maas: { baseURL: prism.url, fetch: routedFetch } }).maas.createClient({ token: 'user-token' }),
};

const isInt = (v) => Number.isInteger(v);

for (const [name, make] of Object.entries(targets)) {
  describe(`MaaS contract: ${name} factory`, () => {
    test('listModels: OpenAI-style model objects with readiness', async () => {
      const models = await make().listModels();
      assert.ok(models.length >= 1);
      for (const m of models) {
        assert.equal(typeof m.id, 'string');
        assert.equal(m.object, 'model');
        assert.ok(isInt(m.created));
        assert.equal(typeof m.owned_by, 'string');
        assert.equal(typeof m.ready, 'boolean');
      }
    });

    test('issueToken / revokeAllTokens', async () => {
      const c = make();
      const now = Math.floor(Date.now() / 1000);
      const token = await c.issueToken({ expiration: '1h' });
      assert.equal(typeof token.token, 'string');
      assert.ok(token.token.length > 10);
      assert.ok(isInt(token.expiresAt));
      assert.ok(token.expiresAt >= now + 3500 && token.expiresAt <= now + 3700, `${token.expiresAt - now}`);
      assert.equal(await c.revokeAllTokens(), undefined);
    });

    test('API keys: create, search, get, revoke, bulk revoke, config', async () => {
      const c = make();
      const created = await c.createApiKey({ name: 'contract', expiresIn: '30d' });
      for (const field of ['key', 'keyPrefix', 'id', 'name', 'subscription', 'createdAt', 'expiresAt']) {
        assert.equal(typeof created[field], 'string', field);
      }
      assert.equal(typeof created.ephemeral, 'boolean');
      assert.ok(!Number.isNaN(Date.parse(created.createdAt)));
      const page = await c.searchApiKeys({ status: ['active'], limit: 10 });
      assert.equal(page.object, 'list');
      assert.equal(typeof page.has_more, 'boolean');
      assert.ok(page.data.length >= 1);
      for (const key of page.data) {
        assert.equal(typeof key.id, 'string');
        assert.equal(typeof key.name, 'string');
        assert.ok(['active', 'revoked', 'expired'].includes(key.status));
        assert.ok(!Number.isNaN(Date.parse(key.creationDate)));
        assert.equal(typeof key.ephemeral, 'boolean');
        assert.equal(key.key, undefined, 'a listed key never carries its secret');
      }
      const id = page.data[0].id;
      assert.equal(typeof (await c.getApiKey(id)).id, 'string');
      const revoked = await c.revokeApiKey(id);
      assert.ok(['active', 'revoked', 'expired'].includes(revoked.status));
      const dry = await c.bulkRevokeApiKeys({ username: 'mock-user', dryRun: true });
      assert.ok(isInt(dry.revokedCount));
      const config = await c.getApiKeyConfig();
      assert.ok(isInt(config.max_expiration_days));
      assert.equal(typeof config.ephemeral_max_expiration, 'string');
    });

    test('subscriptions, tenants and health', async () => {
      const c = make();
      const subscriptions = await c.listSubscriptions();
      assert.ok(subscriptions.length >= 1);
      for (const s of subscriptions) {
        assert.equal(typeof s.subscription_id_header, 'string');
        assert.ok(isInt(s.priority));
        assert.ok(Array.isArray(s.model_refs));
      }
      assert.ok(Array.isArray(await c.listModelSubscriptions('llama-2-7b-chat')));
      const { tenants } = await c.getTenants();
      assert.equal(typeof tenants[0].name, 'string');
      assert.equal(typeof tenants[0].gateway.externalUrl, 'string');
      assert.equal((await c.health()).status, 'healthy');
    });

    test('validation is identical', async () => {
      const c = make();
      await assert.rejects(c.issueToken({ expiration: 'soon' }),
        { name: 'ValidationError', message: 'expiration must be a positive duration such as "4h" or "30m", got: soon' });
      await assert.rejects(c.searchApiKeys({ sortBy: 'owner' }), ValidationError);
      await assert.rejects(c.createApiKey({ expiresIn: '3 weeks', name: 'x' }), ValidationError);
    });
  });
}
