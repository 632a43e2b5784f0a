// The upstream /v1/tokens contract (UPSTREAM.md §3.2, §3.3) and the SDK's behaviour on bad input,
// against a loopback server that checks every request.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './helpers/peers.mjs';
import {
  genai, AbortError, ConnectionError, GenAIError, ProtocolError, ServerError, TimeoutError,
} from './helpers/sdk.mjs';

const TOKEN = 'sk-user-token-0123456789abcdef';
let server;
let behaviour = {};

before(async () => {
  server = await startServer((req, res, body) => {
    const b = behaviour[`${req.method} ${req.url.split('?')[0]}`];
    if (b) return b(req, res, body);
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'Authorization required', type: 'authentication_error' } }));
    }
    if (req.method === 'POST' && req.url === '/maas-api/v1/tokens') {
      const { expiration } = JSON.parse(body);
      res.writeHead(201, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ token: `issued-for-${expiration}`, expiresAt: 1735406400 }));
    }
    if (req.method === 'DELETE' && req.url === '/maas-api/v1/tokens') { res.writeHead(204); return res.end(); }
    if (req.method === 'GET' && req.url === '/maas-api/v1/models') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ object: 'list', data: [{ id: 'm', object: 'model', created: 1, owned_by: 'x', ready: true }] }));
    }
    res.writeHead(404);
    res.end();
  });
});
after(async () => { await server.stop(); });

function maasClient(options = {}) {
  const { maas } = genai.createFactories({ maas: { baseURL: `${server.url}/maas-api` } });
  return maas.createClient({ token: TOKEN, ...options });
}

describe('MaaS /v1/tokens contract', () => {
  test('issueToken posts {"expiration": "4h"} by default and reads the 201 answer', async () => {
    behaviour = {};
    const before = server.requests.length;
    const token = await maasClient().issueToken();
    assert.deepEqual(token, { token: 'issued-for-4h', expiresAt: 1735406400 });
    const sent = server.requests[before];
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, '/maas-api/v1/tokens');
    assert.equal(sent.headers['content-type'], 'application/json');
    assert.equal(sent.headers.authorization, `Bearer ${TOKEN}`);
    assert.deepEqual(JSON.parse(sent.body), { expiration: '4h' });
    assert.equal((await maasClient().issueToken({ expiration: '30m' })).token, 'issued-for-30m');
  });

  test('revokeAllTokens is DELETE /v1/tokens answered 204 and empties the token cache', async () => {
    behaviour = {};
    const { maas } = genai.createFactories({ maas: { baseURL: `${server.url}/maas-api` } });
    const c = maas.createClient({ token: TOKEN });
    const first = await c.getModelToken({ namespace: 'ns', username: 'alice', modelId: 'maas-vllm/opt' });
    const second = await maas.createClient({ token: TOKEN }).getModelToken({ namespace: 'ns', username: 'alice', modelId: 'maas-vllm/opt' });
    assert.equal(first.cached, false);
    assert.equal(second.cached, true);
    assert.equal(first.token, 'issued-for-30m');
    assert.equal(maas.tokenCacheSize, 1);
    assert.equal(await c.revokeAllTokens(), undefined);
    assert.equal(server.requests.at(-1).method, 'DELETE');
    assert.equal(maas.tokenCacheSize, 0);
  });

  test('an unexpected 2xx status is an INVALID_RESPONSE error', async () => {
    behaviour = { 'POST /maas-api/v1/tokens': (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"token":"t","expiresAt":1}'); } };
    await assert.rejects(maasClient().issueToken(), (e) => e instanceof GenAIError && e.code === 'INVALID_RESPONSE' && e.status === 200);
  });

  test('5xx is SERVER_UNAVAILABLE (503); a token-creating POST is never retried', async () => {
    let calls = 0;
    behaviour = { 'POST /maas-api/v1/tokens': (req, res) => { calls++; res.writeHead(503); res.end('busy'); } };
    await assert.rejects(maasClient().issueToken(), (e) => {
      assert.ok(e instanceof ServerError);
      assert.equal(e.code, 'SERVER_UNAVAILABLE');
      assert.equal(e.mappedStatus, 503);
      return true;
    });
    assert.equal(calls, 1);
  });

  test('a GET is retried on 503 with Retry-After, then succeeds', async () => {
    let calls = 0;
    behaviour = {
      'GET /maas-api/v1/models': (req, res) => {
        if (++calls < 3) { res.writeHead(503, { 'retry-after': '0' }); return res.end(); }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"object":"list","data":[{"id":"after-retry"}]}');
      },
    };
    const models = await maasClient().listModels();
    assert.equal(models[0].id, 'after-retry');
    assert.equal(calls, 3);
  });

  test('malformed JSON, a wrong shape and a cut body are ProtocolError / ConnectionError', async () => {
    behaviour = { 'GET /maas-api/v1/models': (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"object":"list","data":[{'); } };
    await assert.rejects(maasClient().listModels(), (e) => e instanceof ProtocolError && e.code === 'INVALID_RESPONSE');
    behaviour = { 'GET /maas-api/v1/models': (req, res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"data":{}}'); } };
    await assert.rejects(maasClient().listModels(), ProtocolError);
    behaviour = {
      'GET /maas-api/v1/models': (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"object":"list","data":[');
        setTimeout(() => res.destroy(), 20);
      },
    };
    await assert.rejects(maasClient({ maxRetries: 0 }).listModels(), (e) => {
      assert.ok(e instanceof ConnectionError, e.name);
      assert.equal(e.code, 'INVALID_RESPONSE');
      assert.match(e.message, /^failed to read response body/);
      return true;
    });
  });

  test('a refused connection is CONNECTION_FAILED (503)', async () => {
    const { maas } = genai.createFactories({ maas: { baseURL: 'http://127.0.0.1:9/maas-api' } });
    await assert.rejects(maas.createClient({ token: TOKEN, maxRetries: 0 }).listModels(), (e) => {
      assert.ok(e instanceof ConnectionError);
      assert.equal(e.code, 'CONNECTION_FAILED');
      assert.equal(e.mappedStatus, 503);
      assert.match(e.message, /^failed to connect to MaaS service: /);
      return true;
    });
  });

  test('timeout and abort are typed, and the next call still works', async () => {
    behaviour = { 'GET /maas-api/v1/models': () => { /* never answers */ } };
    await assert.rejects(maasClient({ maxRetries: 0 }).listModels({ timeout: 100 }), (e) => e instanceof TimeoutError && e.code === 'TIMEOUT');
    const controller = new AbortController();
    const pending = maasClient().listModels({ signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, (e) => e instanceof AbortError && e.code === 'ABORTED');
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(maasClient().listModels({ signal: aborted.signal }), AbortError);
    behaviour = {};
    assert.equal((await maasClient().listModels())[0].id, 'm');
  });

  test('the token never appears in errors or string forms', async () => {
    behaviour = {
      'GET /maas-api/v1/models': (req, res) => {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `invalid token ${req.headers.authorization}` } }));
      },
    };
    const c = maasClient();
    const error = await c.listModels().catch((e) => e);
    const everything = [error.message, error.serverMessage, String(error), JSON.stringify(error), error.stack, String(c), JSON.stringify(c)].join('\n');
    assert.ok(!everything.includes(TOKEN), everything);
    assert.match(error.serverMessage, /\[REDACTED\]/);
    const identity = genai.extractRequestIdentity({ Authorization: `Bearer ${TOKEN}` });
    assert.ok(!`${identity.token} ${JSON.stringify(identity)}`.includes(TOKEN));
    assert.equal(identity.token.reveal(), TOKEN);
  });

  test('an injected fetch replaces the global one', async () => {
    behaviour = {};
    const urls = [];
    const { maas } = genai.createFactories({
      maas: { baseURL: `${server.url}/maas-api` },
      fetch: (url, init) => { urls.push(url); return fetch(url, init); },
    });
    await maas.createClient({ token: TOKEN }).listModels();
    assert.deepEqual(urls, [`${server.url}/maas-api/v1/models`]);
  });
});
