// OAuth 2.1 for MCP servers (MCP authorization spec 2025-11-25, with the 2025-06-18 and
// 2025-03-26 discovery rules as fallbacks), as a fetch wrapper: give the result as the `fetch`
// of an MCP client and requests to that server carry a bearer token it obtains on demand.
//
// On a 401 from the server: protected-resource metadata (RFC 9728; the URL from the
// WWW-Authenticate challenge, else the path-based and root well-known URLs), a check that the
// metadata's resource is this server, authorization-server metadata (RFC 8414 and OpenID
// Connect discovery, path-aware), a client (pre-registered credentials, a Client ID Metadata
// Document URL when the server supports them, else dynamic registration RFC 7591), the
// authorization-code flow with PKCE S256 and the resource indicator (RFC 8707), then the request
// again with the token. A 403 insufficient_scope asks again with the scope the server names; a
// request gets at most `maxAuthorizations` authorizations. The token goes only to the server's
// origin. This lives in the facade, not the C++ core: it needs the platform's crypto and
// redirect handling, which differ between a browser (a redirect or popup) and Node.
import { ValidationError, AuthenticationError, ProtocolError } from './errors.js';

const enc = new TextEncoder();

function base64url(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes = 32) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

async function pkcePair() {
  const verifier = randomString(32);
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(verifier))));
  return { verifier, challenge };
}

/** The auth-params of a `Bearer` challenge: `Bearer a="x", b=y` → {a: 'x', b: 'y'}. */
export function parseBearerChallenge(header) {
  const params = {};
  if (!header) return params;
  const bearer = header.search(/\bBearer\b/i);
  if (bearer < 0) return params;
  const text = header.slice(bearer + 6);
  const pattern = /\s*,?\s*([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  let match;
  while ((match = pattern.exec(text))) {
    params[match[1].toLowerCase()] = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3];
  }
  return params;
}

/** A resource named by protected-resource metadata covers `serverUrl`: same origin, path prefix. */
export function resourceCovers(resource, serverUrl) {
  let r;
  let s;
  try { r = new URL(resource); s = new URL(serverUrl); } catch { return false; }
  if (r.origin !== s.origin || r.hash) return false;
  const base = r.pathname.endsWith('/') ? r.pathname : `${r.pathname}/`;
  const path = s.pathname.endsWith('/') ? s.pathname : `${s.pathname}/`;
  return path.startsWith(base);
}

function wellKnown(base, name) {
  const url = new URL(base);
  const path = url.pathname.replace(/\/+$/, '');
  return path ? [`${url.origin}/.well-known/${name}${path}`] : [`${url.origin}/.well-known/${name}`];
}

/** Where the metadata of an authorization server may be, in the order to try them. */
export function authServerMetadataUrls(issuer) {
  const url = new URL(issuer);
  const path = url.pathname.replace(/\/+$/, '');
  if (!path) return [`${url.origin}/.well-known/oauth-authorization-server`, `${url.origin}/.well-known/openid-configuration`];
  return [`${url.origin}/.well-known/oauth-authorization-server${path}`, `${url.origin}/.well-known/openid-configuration${path}`,
    `${url.origin}${path}/.well-known/openid-configuration`];
}

function pickAuthMethod(client, supported) {
  if (client.token_endpoint_auth_method) return client.token_endpoint_auth_method;
  if (!client.client_secret) return 'none';
  const methods = supported ?? ['client_secret_basic'];
  if (methods.includes('client_secret_basic')) return 'client_secret_basic';
  if (methods.includes('client_secret_post')) return 'client_secret_post';
  return 'client_secret_basic';
}

/**
 * A fetch for one MCP server that handles OAuth. Options:
 *   serverUrl      the MCP server URL (required)
 *   redirectUrl    the redirect URI registered for this client (required)
 *   authorize      async (authorizationUrl: URL) => the URL the authorization server redirected
 *                  back to (with `code` and `state`). A browser app redirects or opens a popup;
 *                  a headless client follows the redirect itself.
 *   clientId, clientSecret   pre-registered credentials (used as they are, no registration)
 *   clientMetadataUrl        a Client ID Metadata Document URL, used as client_id when the
 *                            authorization server supports them
 *   clientMetadata           for dynamic registration (default {client_name: 'genai-clients'})
 *   maxAuthorizations        per request (default 3)
 *   fetch                    the fetch to wrap (default globalThis.fetch)
 */
export function createMcpOAuthFetch(options = {}) {
  const { serverUrl, redirectUrl, authorize, clientId, clientSecret, clientMetadataUrl,
    clientMetadata = { client_name: 'genai-clients' }, maxAuthorizations = 3 } = options;
  const inner = options.fetch ?? ((...args) => globalThis.fetch(...args));
  if (!serverUrl || !redirectUrl || typeof authorize !== 'function') {
    throw new ValidationError('createMcpOAuthFetch needs serverUrl, redirectUrl and an authorize function',
      { code: 'INVALID_REQUEST', service: 'mcp', operation: 'oauth' });
  }
  const origin = new URL(serverUrl).origin;
  const state = { token: null, refreshToken: null, client: null, server: null, resource: null, pending: null };

  const fail = (Class, message, code = 'OAUTH_FAILED') => new Class(message, { code, service: 'mcp', operation: 'oauth' });

  async function getJson(url, signal) {
    const res = await inner(url, { headers: { Accept: 'application/json' }, signal });
    if (!res.ok) { await res.body?.cancel(); return null; }
    try { return await res.json(); } catch { return null; }
  }

  async function discoverResource(challenge, signal) {
    const candidates = challenge.resource_metadata ? [challenge.resource_metadata]
      : [...wellKnown(serverUrl, 'oauth-protected-resource'), `${origin}/.well-known/oauth-protected-resource`];
    for (const url of [...new Set(candidates)]) {
      const prm = await getJson(url, signal);
      if (prm) {
        if (prm.resource && !resourceCovers(prm.resource, serverUrl)) {
          throw fail(AuthenticationError, `the protected-resource metadata names another resource: ${prm.resource}`, 'RESOURCE_MISMATCH');
        }
        return prm;
      }
    }
    return null;  // a 2025-03-26 server: no resource metadata, the server is its own authorization server
  }

  async function discoverAuthServer(issuer, signal) {
    for (const url of authServerMetadataUrls(issuer)) {
      const metadata = await getJson(url, signal);
      if (metadata?.authorization_endpoint && metadata?.token_endpoint) return metadata;
    }
    const base = new URL(issuer).origin;  // the 2025-03-26 default endpoints
    return { issuer: base, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token`, registration_endpoint: `${base}/register` };
  }

  async function registerClient(server, signal) {
    if (clientId) return { client_id: clientId, ...(clientSecret ? { client_secret: clientSecret } : {}) };
    if (clientMetadataUrl && server.client_id_metadata_document_supported) return { client_id: clientMetadataUrl };
    if (!server.registration_endpoint) throw fail(AuthenticationError, 'the authorization server offers no client registration and no client id was given');
    const supported = server.token_endpoint_auth_methods_supported;
    const method = !supported || supported.includes('none') ? 'none' : supported[0];
    const res = await inner(server.registration_endpoint, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' }, signal,
      body: JSON.stringify({ redirect_uris: [redirectUrl], grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'], token_endpoint_auth_method: method, ...clientMetadata }),
    });
    if (!res.ok) throw fail(AuthenticationError, `client registration failed with HTTP ${res.status}`);
    return res.json();
  }

  async function requestToken(params, signal) {
    const { client, server } = state;
    const body = new URLSearchParams(params);
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' };
    const method = pickAuthMethod(client, server.token_endpoint_auth_methods_supported);
    if (method === 'client_secret_basic') {
      headers.Authorization = `Basic ${btoa(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret ?? '')}`)}`;
    } else {
      body.set('client_id', client.client_id);
      if (method === 'client_secret_post' && client.client_secret) body.set('client_secret', client.client_secret);
    }
    if (state.resource) body.set('resource', state.resource);
    const res = await inner(server.token_endpoint, { method: 'POST', headers, body: body.toString(), signal });
    const json = await res.json().catch(() => null);
    if (!res.ok || !json?.access_token) throw fail(AuthenticationError, `the token request failed with HTTP ${res.status}${json?.error ? `: ${json.error}` : ''}`);
    state.token = json.access_token;
    state.refreshToken = json.refresh_token ?? state.refreshToken;
  }

  async function authorizeOnce(challenge, signal) {
    if (!state.server || challenge.resource_metadata) {
      const prm = await discoverResource(challenge, signal);
      state.prm = prm;
      state.resource = prm?.resource ?? serverUrl;
      state.server = await discoverAuthServer(prm?.authorization_servers?.[0] ?? origin, signal);
      state.client = null;
    }
    state.client ??= await registerClient(state.server, signal);
    const scope = challenge.scope ?? state.prm?.scopes_supported?.join(' ');
    const { verifier, challenge: codeChallenge } = await pkcePair();
    const expectedState = randomString(16);
    const url = new URL(state.server.authorization_endpoint);
    const query = { response_type: 'code', client_id: state.client.client_id, redirect_uri: redirectUrl,
      code_challenge: codeChallenge, code_challenge_method: 'S256', state: expectedState, resource: state.resource };
    if (scope) query.scope = scope;
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const callback = new URL(String(await authorize(url)), redirectUrl);
    if (callback.searchParams.get('state') !== expectedState) throw fail(ProtocolError, 'the authorization response has the wrong state');
    const code = callback.searchParams.get('code');
    if (!code) throw fail(AuthenticationError, `authorization was refused: ${callback.searchParams.get('error') ?? 'no code'}`);
    await requestToken({ grant_type: 'authorization_code', code, redirect_uri: redirectUrl, code_verifier: verifier }, signal);
  }

  // One authorization at a time; requests that hit a 401 meanwhile wait for it.
  function authorizeShared(challenge, signal, staleToken) {
    if (state.token && state.token !== staleToken) return Promise.resolve();
    state.pending ??= authorizeOnce(challenge, signal).finally(() => { state.pending = null; });
    return state.pending;
  }

  const oauthFetch = async (url, init = {}) => {
    if (new URL(String(url)).origin !== origin) return inner(url, init);
    const send = () => {
      const headers = new Headers(init.headers ?? {});
      if (state.token) headers.set('Authorization', `Bearer ${state.token}`);
      return inner(url, { ...init, headers });
    };
    let response = await send();
    for (let attempt = 0; attempt < maxAuthorizations; attempt++) {
      const challenge = parseBearerChallenge(response.headers.get('www-authenticate'));
      const stepUp = response.status === 403 && challenge.error === 'insufficient_scope';
      if (response.status !== 401 && !stepUp) return response;
      await response.body?.cancel();
      const stale = state.token;
      if (stepUp) state.token = null;
      if (response.status === 401 && state.refreshToken && state.server) {
        try {
          await requestToken({ grant_type: 'refresh_token', refresh_token: state.refreshToken }, init.signal);
          response = await send();
          continue;
        } catch { state.refreshToken = null; }
      }
      try {
        await authorizeShared(challenge, init.signal, stale);
      } catch (e) {
        if (init.signal?.aborted) throw e;
        // The client reports this as the server's 401, with the reason as the server's message.
        return new Response(JSON.stringify({ error: e.message }), { status: 401, headers: { 'content-type': 'application/json' } });
      }
      response = await send();
    }
    return response;
  };
  Object.defineProperty(oauthFetch, 'authorized', { get: () => !!state.token });
  oauthFetch.toString = () => '[McpOAuthFetch]';
  return oauthFetch;
}
