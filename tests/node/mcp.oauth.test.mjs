// The OAuth fetch of MCP clients (web/mcp_oauth.js): its parsing and discovery rules, and its
// behaviour around a real loopback server. The full flows run in the conformance suite
// (tests/node/mcp.conformance.test.mjs, 14 auth scenarios).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseBearerChallenge, resourceCovers, authServerMetadataUrls } from '../../web/mcp_oauth.js';
import { startServer } from './helpers/peers.mjs';
import { genai, createMcpOAuthFetch } from './helpers/sdk.mjs';

test('Bearer challenges: quoted and bare values, escapes, other schemes', () => {
  assert.deepEqual(parseBearerChallenge('Bearer error="insufficient_scope", scope="a b", resource_metadata="https://x/y"'),
    { error: 'insufficient_scope', scope: 'a b', resource_metadata: 'https://x/y' });
  assert.deepEqual(parseBearerChallenge('Basic realm="x", Bearer realm=api, error_description="say \\"hi\\""'),
    { realm: 'api', error_description: 'say "hi"' });
  assert.deepEqual(parseBearerChallenge(null), {});
  assert.deepEqual(parseBearerChallenge('Basic realm="x"'), {});
});

test('a protected resource covers the server when it is the same origin and a path prefix', () => {
  assert.ok(resourceCovers('http://h:1/mcp', 'http://h:1/mcp'));
  assert.ok(resourceCovers('http://h:1', 'http://h:1/mcp'));
  assert.ok(resourceCovers('http://h:1/', 'http://h:1/a/mcp'));
  assert.ok(!resourceCovers('https://evil.example.com/mcp', 'http://h:1/mcp'));
  assert.ok(!resourceCovers('http://h:1/mc', 'http://h:1/mcp'));
  assert.ok(!resourceCovers('http://h:1/mcp#x', 'http://h:1/mcp'));
  assert.ok(!resourceCovers('not a url', 'http://h:1/mcp'));
});

test('authorization-server metadata URLs in the order of the MCP spec', () => {
  assert.deepEqual(authServerMetadataUrls('https://as.example.com'),
    ['https://as.example.com/.well-known/oauth-authorization-server', 'https://as.example.com/.well-known/openid-configuration']);
  assert.deepEqual(authServerMetadataUrls('https://as.example.com/tenant1/'), [
    'https://as.example.com/.well-known/oauth-authorization-server/tenant1',
    'https://as.example.com/.well-known/openid-configuration/tenant1',
    'https://as.example.com/tenant1/.well-known/openid-configuration']);
});

test('bad options are a ValidationError', () => {
  assert.throws(() => createMcpOAuthFetch({ serverUrl: 'http://x/mcp' }), { name: 'ValidationError' });
});

test('a refused authorization is the server\'s 401 with the reason; other origins never see the token', async () => {
  const seen = [];
  const server = await startServer((req, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization });
    if (req.url.startsWith('/.well-known/oauth-protected-resource')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ resource: 'https://evil.example.com/mcp', authorization_servers: ['https://as.example.com'] }));
    }
    res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"', 'content-type': 'application/json' });
    return res.end(JSON.stringify({ error: 'invalid_token' }));
  });
  try {
    let asked = 0;
    const oauthFetch = createMcpOAuthFetch({ serverUrl: `${server.url}/mcp`, redirectUrl: 'http://localhost/cb',
      authorize: async () => { asked++; return 'http://localhost/cb?code=x'; } });
    const { mcp } = genai.createFactories({ mcp: {} });
    const c = mcp.createClient({ server: { url: `${server.url}/mcp` }, fetch: oauthFetch });
    await assert.rejects(c.listTools(), (e) => e.name === 'AuthenticationError'
      && /protected-resource metadata names another resource: https:\/\/evil\.example\.com\/mcp/.test(e.message));
    assert.equal(asked, 0, 'no authorization for a resource that is not this server');
    assert.equal(oauthFetch.authorized, false);
    const status = await c.checkConnectionStatus();
    assert.equal(status.error_details.code, 'unauthorized');
    c.dispose();
    assert.ok(seen.every((r) => r.authorization === undefined));
  } finally {
    await server.stop();
  }
});
