// genai-clients: the four Gen AI clients (LlamaStack, MaaS, MCP, Kubernetes) of a C++ core
// compiled to WebAssembly. loadGenAI() instantiates the wasm once; factories are created from a
// configuration that picks Real or Mock per service; clients are created per request.
import { instantiate } from './loader.js';
import { liveHandleCount } from './disposable.js';
// One import and one export line per service.
import { MaaSClientFactory } from './maas.js';
import { KubernetesClientFactory } from './kubernetes.js';
import { LlamaStackClientFactory } from './llamastack.js';
import { McpClientFactory } from './mcp.js';

export * from './errors.js';
export { liveHandleCount } from './disposable.js';
export { MaaSClient, MaaSClientFactory } from './maas.js';
export { KubernetesClient, KubernetesClientFactory, maasBaseURLForDomain } from './kubernetes.js';
export { LlamaStackClient, LlamaStackClientFactory, EventStream, ResponseStream } from './llamastack.js';
export { McpClient, McpClientFactory, createMcpOAuthFetch } from './mcp.js';

// The factory class of each service, by its key in the createFactories() config.
const FACTORIES = {
  maas: MaaSClientFactory,
  kubernetes: KubernetesClientFactory,
  llamaStack: LlamaStackClientFactory,
  mcp: McpClientFactory,
};

function plainHeaders(headers) {
  if (!headers) return {};
  if (typeof headers.forEach === 'function' && typeof headers.get === 'function') {
    const out = {};
    headers.forEach((value, name) => { out[name] = value; });
    return out;
  }
  if (Array.isArray(headers)) return Object.fromEntries(headers);
  const out = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** A token that prints as [REDACTED] in logs, JSON and string templates. */
export class SecretToken {
  #value;
  constructor(value) { this.#value = value; }
  reveal() { return this.#value; }
  toString() { return '[REDACTED]'; }
  toJSON() { return '[REDACTED]'; }
  [Symbol.for('nodejs.util.inspect.custom')]() { return 'SecretToken [REDACTED]'; }
}

export class GenAI {
  #module;
  constructor(module) { this.#module = module; }

  /**
   * Factories for the configured services: `{maas: {mock, baseURL, fetch}, …, fetch}`.
   * A top-level `fetch` is used by every service that has none of its own.
   */
  createFactories(config = {}) {
    const factories = {};
    for (const [name, Factory] of Object.entries(FACTORIES)) {
      const service = config[name];
      if (service) factories[name] = new Factory(this.#module, { fetch: config.fetch, ...service });
    }
    return factories;
  }

  /**
   * Reads the upstream environment names (MOCK_LS_CLIENT, MOCK_MAAS_CLIENT, MOCK_MCP_CLIENT,
   * MOCK_K8S_CLIENT, LLAMA_STACK_URL, MAAS_URL, AUTH_TOKEN_HEADER, AUTH_TOKEN_PREFIX).
   */
  configFromEnv(env = (typeof process === 'object' ? process.env : {})) {
    return this.#module.configFromEnv(JSON.stringify(plainHeaders(env)));
  }

  /**
   * The user's token (and MCP token) from request headers. Options `{tokenHeader, tokenPrefix}`
   * default to `Authorization` / `Bearer `; the MCP token comes from `X-MCP-Bearer`.
   * Returns `{token, mcpToken}` as SecretTokens.
   */
  extractRequestIdentity(headers, options = {}) {
    const raw = this.#module.extractRequestIdentity(JSON.stringify(plainHeaders(headers)), JSON.stringify(options));
    return {
      token: new SecretToken(raw.token),
      mcpToken: raw.mcpToken === null ? null : new SecretToken(raw.mcpToken),
    };
  }

  /** Throws a ValidationError unless the identity has a token. */
  validateRequestIdentity(identity, { forMcp = false } = {}) {
    if (!identity) {
      const { ValidationError } = this.errors;
      throw new ValidationError('missing identity', { code: 'INVALID_REQUEST', service: 'identity' });
    }
    const token = identity.token instanceof SecretToken ? identity.token.reveal() : (identity.token ?? '');
    this.#module.validateRequestIdentity(String(token), forMcp);
  }

  /** Native handles not yet disposed (clients, factories). */
  get liveHandles() { return liveHandleCount(); }
  /** Bytes of wasm memory in use (for leak checks). */
  get wasmHeapBytes() { return this.#module.HEAPU8.length; }
}

import * as errors from './errors.js';
Object.defineProperty(GenAI.prototype, 'errors', { get() { return errors; } });

const loaded = new Map();
/**
 * Instantiates the SDK. Options: `wasmBinary` (bytes of genai_core.wasm) or `wasmUrl` (where to
 * fetch it); by default Node reads it from the package and a bundler serves it next to the JS.
 */
export function loadGenAI(options = {}) {
  const key = options.wasmBinary || options.wasmUrl ? null : 'default';
  if (key && loaded.has(key)) return loaded.get(key);
  const promise = instantiate(options).then((module) => new GenAI(module));
  if (key) loaded.set(key, promise);
  return promise;
}
