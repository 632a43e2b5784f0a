// Type declarations for genai-clients (web/index.js). Hand-written: keep in step with web/*.js,
// bindings/*.cpp and src/maas/*. Checked by `tsc -p tests/types/tsconfig.json`.
//
// Needs the `dom` lib (fetch, AbortSignal, Headers, URL, BufferSource); `esnext.disposable`
// (`Symbol.dispose`, for `using`; TypeScript ≥ 5.2) is referenced below.

/// <reference lib="esnext.disposable" />

import type { MaaSClientFactory } from './maas.js';
import type { KubernetesClientFactory, KubernetesServiceConfig } from './kubernetes.js';
import type { LlamaStackClientFactory, LlamaStackServiceConfig } from './llamastack.js';
import type { McpClientFactory } from './mcp.js';
import type { GenAIErrors, ValidationError } from './errors.js';

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Loading
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Where loadGenAI() gets genai_core.wasm. Give at most one of the two. */
export interface LoadOptions {
  /**
   * The bytes of genai_core.wasm, already in memory (e.g. a Node `Buffer`).
   * With this option every call instantiates a new module (no caching).
   */
  wasmBinary?: BufferSource | Uint8Array;
  /**
   * The URL the wasm is fetched from (used as Emscripten's `locateFile`).
   * With this option every call instantiates a new module (no caching).
   */
  wasmUrl?: string | URL;
}

/**
 * Instantiates the SDK (the C++ core compiled to WebAssembly).
 *
 * Without options, Node reads `dist/genai_core.wasm` from the package and a browser / bundler
 * fetches it next to the JS; that default instance is created once and the same promise is
 * returned on every later call. With `wasmBinary` or `wasmUrl` each call creates a new instance.
 *
 * @example
 * const genai = await loadGenAI();
 * const { maas } = genai.createFactories({ maas: { mock: true } });
 */
export function loadGenAI(options?: LoadOptions): Promise<GenAI>;

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Configuration, identity
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Configuration of one service in {@link FactoriesConfig}. A service whose entry is absent gets
 * no factory.
 */
export interface ServiceConfig {
  /** `true`: the Mock factory (in-memory fixtures, no network). Default `false` (Real). */
  mock?: boolean;
  /**
   * Default base URL of the service's clients, e.g. `https://maas.example.com/maas-api`; a
   * `baseURL` given to `createClient()` wins. Ignored by Mock factories.
   */
  baseURL?: string;
  /** The fetch this service's Real clients use. Default: the top-level `fetch`, else `globalThis.fetch`. */
  fetch?: typeof fetch;
  /**
   * Record every request/response pair of this Real factory's clients (credentials stripped);
   * read it with the factory's `exportRecording()`.
   */
  record?: boolean;
  /**
   * Answer from a recording made with `record: true` instead of the network (the factory then
   * reports `isMock`). A bundle that is not a recording throws a {@link ValidationError}.
   */
  replay?: Recording | string;
}

/** A recording: what `exportRecording()` returns and `replay` takes. */
export interface Recording {
  format: 'genai-clients/recording';
  version: 1;
  entries: Array<{
    request: { method: string; path: string; query: string; body?: unknown };
    response: { status: number; headers: Record<string, string>; chunks: string[] };
  }>;
}

/** How the user's token is read from request headers (the upstream `AUTH_TOKEN_*` settings). */
export interface IdentityOptions {
  /** Header that carries the user's token, matched case-insensitively. Default `"Authorization"`. */
  tokenHeader?: string;
  /** Prefix stripped from that header's value; may be `""`. Default `"Bearer "`. */
  tokenPrefix?: string;
}

/**
 * What {@link GenAI.createFactories} takes. The result of {@link GenAI.configFromEnv} is one
 * (spread it and add `fetch` if needed).
 */
export interface FactoriesConfig {
  /**
   * LlamaStack: gives {@link Factories.llamaStack}. Also takes the client settings (`apiPath`,
   * `providerDataHeader`, `embeddingModel`, `embeddingDimension`) and, for the Mock,
   * `streamDelayMs`.
   */
  llamaStack?: LlamaStackServiceConfig;
  /** MaaS (Model as a Service): gives {@link Factories.maas}. */
  maas?: ServiceConfig;
  /** MCP servers: gives {@link Factories.mcp}. `baseURL` is not used (each client names its server). */
  mcp?: ServiceConfig;
  /**
   * Kubernetes API (usually a same-origin proxy in front of the API server): gives
   * {@link Factories.kubernetes}. Also takes `distributionKind` and `distributionName`.
   */
  kubernetes?: KubernetesServiceConfig;
  /** The fetch used by every service that has no `fetch` of its own. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Token header settings; not read by createFactories (pass them to extractRequestIdentity). */
  auth?: IdentityOptions;
}

// The keys of T that are not optional.
type RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

/**
 * What {@link GenAI.createFactories} returns for a config of type `C`: every service whose entry
 * `C` surely has (a literal, or {@link EnvConfig}) has its factory; the others may be absent.
 */
export type FactoriesFor<C extends FactoriesConfig> = Factories & {
  [K in RequiredKeys<C> & keyof Factories]-?: NonNullable<Factories[K]>;
};

/**
 * The factories {@link GenAI.createFactories} built: one per service present in the config.
 * Factories live for the app; clients are created from them per request.
 */
export interface Factories {
  /** Present when the config has a `maas` entry. */
  maas?: MaaSClientFactory;
  /** Present when the config has a `kubernetes` entry. */
  kubernetes?: KubernetesClientFactory;
  /** Present when the config has a `llamaStack` entry. */
  llamaStack?: LlamaStackClientFactory;
  /** Present when the config has an `mcp` entry. */
  mcp?: McpClientFactory;
}

/** One service as read from the environment by {@link GenAI.configFromEnv}. */
export interface EnvServiceConfig {
  /** From `MOCK_LS_CLIENT` / `MOCK_MAAS_CLIENT` / `MOCK_MCP_CLIENT` / `MOCK_K8S_CLIENT`; default `false`. */
  mock: boolean;
  /** From `LLAMA_STACK_URL` / `MAAS_URL`; absent when unset or empty (always absent for mcp and kubernetes). */
  baseURL?: string;
}

/** What {@link GenAI.configFromEnv} returns; assignable to {@link FactoriesConfig}. */
export interface EnvConfig {
  llamaStack: EnvServiceConfig;
  maas: EnvServiceConfig;
  mcp: EnvServiceConfig;
  kubernetes: EnvServiceConfig;
  /** From `AUTH_TOKEN_HEADER` (default `"Authorization"`) and `AUTH_TOKEN_PREFIX` (default `"Bearer "`). */
  auth: { tokenHeader: string; tokenPrefix: string };
}

/**
 * Environment variables: a `process.env`-like record, a Map, or `[name, value]` pairs.
 * Give only defined values: an `undefined` entry is read as the text `"undefined"`.
 */
export type EnvSource =
  | Readonly<Record<string, string | undefined>>
  | ReadonlyMap<string, string>
  | ReadonlyArray<readonly [string, string]>;

/**
 * Request headers: a fetch `Headers`, a Map, `[name, value]` pairs, or a Node-style record whose
 * values may be arrays (joined with `", "`). Names are matched case-insensitively.
 */
export type HeaderSource =
  | Headers
  | ReadonlyMap<string, string>
  | ReadonlyArray<readonly [string, string]>
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A token that prints as `[REDACTED]` in logs, JSON, string templates and Node's inspect. */
export class SecretToken {
  #private;
  /** Wraps `value`. */
  constructor(value: string);
  /** The token itself; pass it to `createClient({ token })`. */
  reveal(): string;
  /** Always `"[REDACTED]"`. */
  toString(): string;
  /** Always `"[REDACTED]"`, so `JSON.stringify` never leaks the token. */
  toJSON(): string;
}

/** The caller's identity, from {@link GenAI.extractRequestIdentity} (upstream `RequestIdentity`). */
export interface RequestIdentity {
  /** The user's (Kubernetes / OpenShift) bearer token. */
  token: SecretToken;
  /** The token of the `X-MCP-Bearer` header (prefix `Bearer ` stripped), or `null` without one. */
  mcpToken: SecretToken | null;
}

/** What {@link GenAI.validateRequestIdentity} checks: a RequestIdentity or a plain-string token. */
export interface RequestIdentityLike {
  token?: SecretToken | string | null;
  mcpToken?: SecretToken | null;
}

/** Options of {@link GenAI.validateRequestIdentity}. */
export interface ValidateIdentityOptions {
  /** Check for an MCP call (message `token is required for MCP client authentication`). Default `false`. */
  forMcp?: boolean;
}

/** The loaded SDK. Obtain it from {@link loadGenAI}; it cannot be constructed directly. */
export class GenAI {
  #private;
  private constructor();

  /**
   * Builds one factory per service present in `config` (Real or Mock per its `mock` flag).
   * A top-level `fetch` is used by every service that has none of its own. The result's type
   * has a factory for each service the config's type surely has (see {@link FactoriesFor}).
   * @param config Default `{}` (no factories).
   */
  createFactories<C extends FactoriesConfig = {}>(config?: C): FactoriesFor<C>;

  /**
   * Reads the upstream environment names: `MOCK_LS_CLIENT`, `MOCK_MAAS_CLIENT`, `MOCK_MCP_CLIENT`,
   * `MOCK_K8S_CLIENT` (Go `strconv.ParseBool` syntax: `1 t T TRUE true True 0 f F FALSE false False`),
   * `LLAMA_STACK_URL`, `MAAS_URL`, `AUTH_TOKEN_HEADER`, `AUTH_TOKEN_PREFIX`. Other names are ignored.
   * @param env Default `process.env` in Node, `{}` elsewhere.
   * @throws {ValidationError} a `MOCK_*` value that is not a boolean.
   */
  configFromEnv(env?: EnvSource): EnvConfig;

  /**
   * The user's token (and MCP token, from `X-MCP-Bearer`) taken from request headers.
   * @param options Default `{ tokenHeader: "Authorization", tokenPrefix: "Bearer " }`.
   * @throws {ValidationError} `missing required Header: <h>`, `expected token Header <h> to start
   *   with Prefix "<p>"`, or a malformed `X-MCP-Bearer`.
   */
  extractRequestIdentity(headers: HeaderSource, options?: IdentityOptions): RequestIdentity;

  /**
   * Returns normally when the identity has a non-empty token.
   * @throws {ValidationError} `missing identity` (null / undefined identity), or
   *   `token is required for token-based authentication` (`… for MCP client authentication` with `forMcp`).
   */
  validateRequestIdentity(
    identity: RequestIdentity | RequestIdentityLike | null | undefined,
    options?: ValidateIdentityOptions,
  ): void;

  /** Native handles (clients, factories) not yet disposed; same as {@link liveHandleCount}. */
  get liveHandles(): number;
  /** Bytes of wasm linear memory (`HEAPU8.length`), for leak checks. */
  get wasmHeapBytes(): number;
  /** The error classes and makeError (the same objects this module exports). */
  get errors(): GenAIErrors;
}

/** Number of native handles (clients, factories) not yet disposed, across every GenAI instance. */
export function liveHandleCount(): number;

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Per-service declarations (one file per service, like web/*.js)
// ─────────────────────────────────────────────────────────────────────────────────────────────

export * from './options.js';
export * from './errors.js';
export * from './maas.js';
export * from './kubernetes.js';
export * from './llamastack.js';
export * from './mcp.js';
