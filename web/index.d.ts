// Type declarations for genai-clients (web/index.js). Hand-written: keep in step with web/*.js,
// bindings/*.cpp and src/maas/*. Checked by `tsc -p tests/types/tsconfig.json`.
//
// Needs the `dom` lib (fetch, AbortSignal, Headers, URL, BufferSource); `esnext.disposable`
// (`Symbol.dispose`, for `using`; TypeScript ≥ 5.2) is referenced below.

/// <reference lib="esnext.disposable" />

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
  /** LlamaStack service (factory not available yet: see {@link Factories}). */
  llamaStack?: ServiceConfig;
  /** MaaS (Model as a Service): gives {@link Factories.maas}. */
  maas?: ServiceConfig;
  /** MCP servers (factory not available yet: see {@link Factories}). */
  mcp?: ServiceConfig;
  /** Kubernetes API (factory not available yet: see {@link Factories}). */
  kubernetes?: ServiceConfig;
  /** The fetch used by every service that has no `fetch` of its own. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Token header settings; not read by createFactories (pass them to extractRequestIdentity). */
  auth?: IdentityOptions;
}

/**
 * The factories {@link GenAI.createFactories} built: one per service present in the config.
 * Factories live for the app; clients are created from them per request.
 */
export interface Factories {
  /** Present when the config has a `maas` entry. */
  maas?: MaaSClientFactory;
  // llamaStack, mcp and kubernetes factories land with their own issues.
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

/** The error classes and {@link makeError}, as {@link GenAI.errors} gives them. */
export interface GenAIErrors {
  readonly GenAIError: typeof GenAIError;
  readonly ValidationError: typeof ValidationError;
  readonly BadRequestError: typeof BadRequestError;
  readonly AuthenticationError: typeof AuthenticationError;
  readonly PermissionDeniedError: typeof PermissionDeniedError;
  readonly NotFoundError: typeof NotFoundError;
  readonly ConflictError: typeof ConflictError;
  readonly RateLimitError: typeof RateLimitError;
  readonly ServerError: typeof ServerError;
  readonly APIError: typeof APIError;
  readonly ConnectionError: typeof ConnectionError;
  readonly TimeoutError: typeof TimeoutError;
  readonly AbortError: typeof AbortError;
  readonly ProtocolError: typeof ProtocolError;
  readonly makeError: typeof makeError;
}

/** The loaded SDK. Obtain it from {@link loadGenAI}; it cannot be constructed directly. */
export class GenAI {
  #private;
  private constructor();

  /**
   * Builds one factory per service present in `config` (Real or Mock per its `mock` flag).
   * A top-level `fetch` is used by every service that has none of its own.
   * Today only MaaS has a factory; other entries are accepted and ignored.
   * This overload: `config.maas` is given (e.g. a literal, or {@link EnvConfig}), so `maas` is present.
   */
  createFactories(config: FactoriesConfig & { maas: ServiceConfig }): Factories & { maas: MaaSClientFactory };
  /**
   * Builds one factory per service present in `config` (Real or Mock per its `mock` flag).
   * A top-level `fetch` is used by every service that has none of its own.
   * Today only MaaS has a factory; other entries are accepted and ignored.
   * @param config Default `{}` (no factories).
   */
  createFactories(config?: FactoriesConfig): Factories;

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
// Per-call and per-client options
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Options of one call; each overrides the client's setting for this call only. */
export interface CallOptions {
  /** Aborts the call (including a pending retry wait): it rejects with an {@link AbortError}, code `ABORTED`. */
  signal?: AbortSignal;
  /** Timeout of each attempt, in milliseconds. Default: the client's `timeout` (MaaS: 30000). */
  timeout?: number;
  /**
   * Retries after a connection failure, a timeout, or status 408 / 409 / 429 / 5xx (a server's
   * `x-should-retry` wins; `Retry-After` is honoured up to 60 s, else exponential backoff from
   * 500 ms to 8 s). Only for retry-safe calls: GET, DELETE and the API key search; `issueToken`,
   * `createApiKey` and `bulkRevokeApiKeys` are never retried. Default: the client's `maxRetries` (2).
   */
  maxRetries?: number;
  /** Extra request headers, added last (they override the SDK's own). */
  headers?: Record<string, string>;
}

/** What a factory's `createClient()` takes: the per-request part of a client. */
export interface ClientOptions {
  /**
   * Base URL of the service, e.g. `https://maas.example.com/maas-api` (paths such as `v1/models`
   * are appended). Default: the factory config's `baseURL`. Ignored by Mock factories.
   */
  baseURL?: string;
  /** The user's bearer token (sent as `Authorization: Bearer <token>` when non-empty). Ignored by Mock factories. */
  token?: string;
  /** Timeout of each attempt, in milliseconds. Default 30000 for MaaS. */
  timeout?: number;
  /** Retries of retry-safe calls (see {@link CallOptions.maxRetries}). Default 2. */
  maxRetries?: number;
  /** Headers sent with every request of this client. */
  headers?: Record<string, string>;
  /** The fetch of this client, replacing the factory's. Ignored by Mock factories. */
  fetch?: typeof fetch;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// MaaS: request types
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Options of {@link MaaSClient.listModels}. */
export interface ListModelsOptions extends CallOptions {
  /** Scopes the list to one subscription (sent as the `X-MaaS-Subscription` header). */
  subscription?: string;
}

/** Body of `POST /v1/tokens`. */
export interface TokenRequest {
  /** Lifetime, a positive Go duration such as `"4h"`, `"30m"`, `"1h30m"`. Default `"4h"`. */
  expiration?: string;
}

/** What {@link MaaSClient.getModelToken} takes: the key of the token cache (ADR-0008). */
export interface ModelTokenRequest {
  /** Namespace of the request (cache key part; must not be empty). */
  namespace: string;
  /** The user (cache key part; must not be empty). */
  username: string;
  /** The model ID, e.g. `maas-vllm-inference-1/facebook/opt-125m` (cache key part; must not be empty). */
  modelId: string;
  /** Lifetime of a newly issued token and of its cache entry, a Go duration. Default `"30m"`. */
  expiration?: string;
}

/** Fields of {@link CreateApiKeyRequest} that every key may have. */
export interface CreateApiKeyFields {
  /** Optional description. */
  description?: string;
  /**
   * Lifetime: a number followed by `s`, `m`, `h` or `d` (e.g. `"30d"`). Default: the server's
   * maximum (`API_KEY_MAX_EXPIRATION_DAYS`, 90 days) for regular keys, 1 hour for ephemeral keys.
   */
  expiresIn?: string;
  /** MaaSSubscription to bind the key to. Default: the user's highest-priority subscription. */
  subscription?: string;
}

/** Body of `POST /v1/api-keys`: a regular key needs a `name`; an ephemeral key may omit it. */
export type CreateApiKeyRequest =
  | (CreateApiKeyFields & {
      /** Human-readable name (required for a regular key). */
      name: string;
      /** A regular key. Default `false`. */
      ephemeral?: false;
    })
  | (CreateApiKeyFields & {
      /** Human-readable name (optional for an ephemeral key). */
      name?: string;
      /** A short-lived programmatic key (at most 1 hour). */
      ephemeral: true;
    });

/** Status of an API key. */
export type ApiKeyStatus = 'active' | 'revoked' | 'expired';

/** Field {@link SearchApiKeysRequest.sortBy} sorts by. */
export type ApiKeySortField = 'created_at' | 'expires_at' | 'last_used_at' | 'name';

/**
 * A search of API keys (flat; the SDK sends it as `{filters, sort, pagination}` to
 * `POST /v1/api-keys/search`).
 */
export interface SearchApiKeysRequest {
  /** Only the keys of this user (admin only). */
  username?: string;
  /** Only keys with these statuses. Default (server): `['active']`. */
  status?: readonly ApiKeyStatus[];
  /** Include ephemeral keys. Default (server): `false`. */
  includeEphemeral?: boolean;
  /** Sort field. Default (server): `'created_at'`. */
  sortBy?: ApiKeySortField;
  /** Sort order. Default (server): `'desc'`. */
  sortOrder?: 'asc' | 'desc';
  /** Page size, an integer from 1 to 100. Default 50. */
  limit?: number;
  /** Keys to skip, an integer ≥ 0. Default 0. */
  offset?: number;
}

/** Fields of {@link BulkRevokeRequest} that every request may have. */
export interface BulkRevokeFields {
  /** Only count what would be revoked; revoke nothing. Default `false`. */
  dryRun?: boolean;
}

/** Body of `POST /v1/api-keys/bulk-revoke`: at least one of `username` and `subscription`. */
export type BulkRevokeRequest =
  | (BulkRevokeFields & {
      /** Revoke the keys of this user (another user's: admin only). */
      username: string;
      /** …bound to this subscription only (admin only). */
      subscription?: string;
    })
  | (BulkRevokeFields & {
      /** …of this user only. */
      username?: string;
      /** Revoke the keys bound to this subscription (admin only). */
      subscription: string;
    });

// ─────────────────────────────────────────────────────────────────────────────────────────────
// MaaS: response types (specs/maas-api-openapi3.yaml). Returned as the server sent them.
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Annotations of a model's MaaSModelRef. */
export interface MaaSModelDetails {
  /** From `openshift.io/display-name`. */
  displayName?: string;
  /** From `openshift.io/description`. */
  description?: string;
  /** From `opendatahub.io/genai-use-case`, e.g. `"chat"`. */
  genaiUseCase?: string;
  /** From `opendatahub.io/context-window`, e.g. `"4096"`. */
  contextWindow?: string;
  /** From `opendatahub.io/model-capabilities`, e.g. `["text-generation"]`. */
  modelCapabilities?: string[];
}

/** A subscription that gives access to a model (`SubscriptionInfo`). */
export interface MaaSSubscriptionInfo {
  /** Subscription name. */
  name: string;
  /** Human-readable name. */
  displayName?: string;
  /** Description. */
  description?: string;
}

/** A model of `GET /v1/models` (OpenAI-compatible). Unknown fields of newer servers are kept. */
export interface MaaSModel {
  /** Model identifier, e.g. `"llama-2-7b-chat"`. */
  id: string;
  /** Always `"model"`. */
  object: string;
  /** Creation time, Unix seconds. */
  created: number;
  /** `namespace/name` of the MaaSModelRef (older servers: the namespace). */
  owned_by: string;
  /** Whether the model is ready to serve. */
  ready: boolean;
  /** The model's URL. */
  url?: string;
  /** Model reference kind, e.g. `"LLMInferenceService"`. */
  kind?: string;
  /** Annotations of the MaaSModelRef. */
  modelDetails?: MaaSModelDetails;
  /** Subscriptions that give access to this model. */
  subscriptions?: MaaSSubscriptionInfo[];
  /** Fields added by newer servers. */
  [key: string]: unknown;
}

/** Answer of `POST /v1/tokens`. */
export interface MaaSToken {
  /** The token (a secret: do not log it). */
  token: string;
  /** Expiry, Unix seconds. */
  expiresAt: number;
}

/** Answer of {@link MaaSClient.getModelToken}. */
export interface ModelToken extends MaaSToken {
  /** `true` when it came from the factory's token cache, `false` when just issued. */
  cached: boolean;
}

/** Answer of `POST /v1/api-keys`. */
export interface CreatedApiKey {
  /** The plaintext key (`sk-oai-…`): shown only in this answer, never again. */
  key: string;
  /** Display prefix, e.g. `"sk-oai-abc"`. */
  keyPrefix: string;
  /** Key identifier (for getApiKey / revokeApiKey). */
  id: string;
  /** Key name. */
  name: string;
  /** MaaSSubscription bound to the key. */
  subscription: string;
  /** Creation time, RFC 3339. */
  createdAt: string;
  /** Expiry, RFC 3339. */
  expiresAt: string;
  /** Whether it is an ephemeral key. */
  ephemeral: boolean;
}

/** An API key's metadata (never the secret). */
export interface ApiKey {
  /** Key identifier. */
  id: string;
  /** Key name. */
  name: string;
  /** Description. */
  description?: string;
  /** Owner. */
  username?: string;
  /** MaaSSubscription bound at creation. */
  subscription?: string;
  /** The owner's groups at creation. */
  groups?: string[];
  /** Creation time, RFC 3339. */
  creationDate: string;
  /** Expiry, RFC 3339. */
  expirationDate?: string;
  /** Current status. */
  status: ApiKeyStatus;
  /** Last use, RFC 3339. */
  lastUsedAt?: string;
  /** Whether it is an ephemeral key. */
  ephemeral: boolean;
}

/** One page of `POST /v1/api-keys/search`. */
export interface ApiKeyPage {
  /** Always `"list"`. */
  object: string;
  /** The keys of this page. */
  data: ApiKey[];
  /** Whether more keys follow (next page: `offset + data.length`). */
  has_more: boolean;
}

/** Answer of `POST /v1/api-keys/bulk-revoke`. */
export interface BulkRevokeResult {
  /** Keys revoked (or that would be, with `dryRun`). */
  revokedCount: number;
  /** Human-readable result. */
  message?: string;
  /** `true` when nothing was revoked because of `dryRun`. */
  dryRun?: boolean;
}

/** Answer of `GET /v1/api-keys/config`: limits for creating keys. */
export interface ApiKeyConfig {
  /** Longest lifetime of a regular key, in days. */
  max_expiration_days: number;
  /** Longest lifetime of an ephemeral key, e.g. `"1h"`. */
  ephemeral_max_expiration: string;
}

/** A token rate limit of a model reference. */
export interface TokenRateLimit {
  /** Tokens allowed per window. */
  limit: number;
  /** Window, e.g. `"1m"`, `"24h"`. */
  window: string;
}

/** A model of a subscription, with its limits (`ModelRefInfo`). */
export interface ModelRefInfo {
  /** MaaSModelRef name. */
  name: string;
  /** Human-readable name. */
  display_name?: string;
  /** Description. */
  description?: string;
  /** On-cluster (`internal`) or third-party (`external`). */
  source?: 'internal' | 'external';
  /** Token rate limits. */
  token_rate_limits?: TokenRateLimit[];
  /** Cost. */
  billing_rate?: { per_token: string };
}

/** A subscription of `GET /v1/subscriptions` (`SubscriptionListItem`). */
export interface Subscription {
  /** Name to send as `X-MaaS-Subscription` (e.g. `listModels({ subscription })`). */
  subscription_id_header: string;
  /** Description (may be empty). */
  subscription_description?: string;
  /** Human-readable name. */
  display_name?: string;
  /** Priority; higher wins when choosing a default. */
  priority: number;
  /** Models of the subscription, with their limits. */
  model_refs: ModelRefInfo[];
  /** Organization, for metering and billing. */
  organization_id?: string;
  /** Cost center, for usage attribution. */
  cost_center?: string;
  /** Extra labels. */
  labels?: Record<string, string>;
}

/** How to reach a tenant's gateway. */
export interface GatewayMetadata {
  /** Gateway resource name. */
  name: string;
  /** Gateway namespace. */
  namespace: string;
  /** Protocol. */
  protocol: 'http' | 'https';
  /** Full external URL, e.g. `https://maas.apps.example.com`. */
  externalUrl: string;
  /** Port. */
  port: number;
}

/** A tenant of `GET /v1/tenants`. */
export interface TenantInfo {
  /** Tenant name. */
  name: string;
  /** Its gateway. */
  gateway: GatewayMetadata;
}

/** Answer of `GET /v1/tenants`. */
export interface TenantsResponse {
  /** Tenants (currently one). */
  tenants: TenantInfo[];
}

/** Answer of `GET /health`. */
export interface HealthResponse {
  /** e.g. `"healthy"`. */
  status: string;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// MaaS: client and factory
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A MaaS client for one request, from {@link MaaSClientFactory.createClient}. Every method
 * returns a Promise that rejects with a {@link GenAIError} subclass (validation errors too).
 * Free it with `dispose()` or `using`; after that every call rejects (code `DISPOSED`).
 */
export class MaaSClient {
  #private;
  private constructor();

  /** Models you can use: `GET /v1/models` → its `data` array. Retried (GET). */
  listModels(options?: ListModelsOptions): Promise<MaaSModel[]>;
  /**
   * Issues a MaaS token: `POST /v1/tokens` (expects 201) → `{token, expiresAt}`. Never retried.
   * @param request Default `{ expiration: "4h" }`.
   */
  issueToken(request?: TokenRequest, options?: CallOptions): Promise<MaaSToken>;
  /** Revokes every token of the user (`DELETE /v1/tokens`, expects 204) and empties the factory's token cache. */
  revokeAllTokens(options?: CallOptions): Promise<void>;
  /**
   * A token for one model, from the factory's cache (per namespace, user and model; ADR-0008),
   * else issued by `POST /v1/tokens` with `expiration` and cached for that long.
   */
  getModelToken(request: ModelTokenRequest, options?: CallOptions): Promise<ModelToken>;
  /**
   * Creates an API key: `POST /v1/api-keys` (expects 201). The secret `key` is only in this
   * answer. Never retried (a retry could mint a second key).
   */
  createApiKey(request: CreateApiKeyRequest, options?: CallOptions): Promise<CreatedApiKey>;
  /**
   * One page of API keys: `POST /v1/api-keys/search` → `{object, data, has_more}`. Retried (a search changes nothing).
   * @param request Default `{}`: active, non-ephemeral keys, newest first, 50 per page.
   */
  searchApiKeys(request?: SearchApiKeysRequest, options?: CallOptions): Promise<ApiKeyPage>;
  /**
   * Every API key matching `request`, fetched page by page with searchApiKeys (`limit` per page,
   * default 50, starting at `offset`). `break` stops fetching.
   */
  listApiKeys(request?: SearchApiKeysRequest, options?: CallOptions): AsyncGenerator<ApiKey, void, undefined>;
  /** One API key's metadata: `GET /v1/api-keys/{id}`. Rejects with NotFoundError for an unknown id. */
  getApiKey(id: string, options?: CallOptions): Promise<ApiKey>;
  /** Revokes one API key: `DELETE /v1/api-keys/{id}` → the key, now `revoked`. */
  revokeApiKey(id: string, options?: CallOptions): Promise<ApiKey>;
  /** Revokes the active keys of a user and/or subscription: `POST /v1/api-keys/bulk-revoke`. Never retried. */
  bulkRevokeApiKeys(request: BulkRevokeRequest, options?: CallOptions): Promise<BulkRevokeResult>;
  /** Limits for creating keys: `GET /v1/api-keys/config`. */
  getApiKeyConfig(options?: CallOptions): Promise<ApiKeyConfig>;
  /** Subscriptions the user has access to: `GET /v1/subscriptions`. */
  listSubscriptions(options?: CallOptions): Promise<Subscription[]>;
  /**
   * The user's subscriptions that include a model: `GET /v1/model/{modelRef}/subscriptions`.
   * @param modelRef The MaaSModelRef resource name (not the served model ID).
   */
  listModelSubscriptions(modelRef: string, options?: CallOptions): Promise<Subscription[]>;
  /** Tenant name and gateway metadata: `GET /v1/tenants`. */
  getTenants(options?: CallOptions): Promise<TenantsResponse>;
  /** Service health: `GET /health` (no authentication needed). */
  health(options?: CallOptions): Promise<HealthResponse>;

  /** `"[MaaSClient]"` (never shows the token). */
  toString(): string;
  /** `{ client: "MaaSClient" }` (never shows the token). */
  toJSON(): { client: 'MaaSClient' };
  /** Whether dispose() was called. */
  get disposed(): boolean;
  /** Frees the native client; later calls reject with code `DISPOSED`. Calling it again does nothing. */
  dispose(): void;
  /** Same as dispose(), for `using client = factory.createClient(…)`. */
  [Symbol.dispose](): void;
}

/**
 * Creates MaaS clients; Real (fetch) or Mock (in-memory fixtures), from
 * {@link GenAI.createFactories}. Lives for the app and holds the token cache shared by its clients.
 * After dispose(), its members throw a GenAIError with code `DISPOSED`.
 */
export class MaaSClientFactory {
  #private;
  private constructor();

  /** `true` for the Mock factory. */
  get isMock(): boolean;
  /**
   * A client for one request. `baseURL` defaults to the factory config's; a Real factory needs
   * one of the two.
   */
  createClient(options?: ClientOptions): MaaSClient;
  /** Number of cached model tokens (ADR-0008 cache). */
  get tokenCacheSize(): number;
  /** Empties the token cache. */
  clearTokenCache(): void;
  /** `"[MaaSClientFactory mock]"` or `"[MaaSClientFactory real]"`. */
  toString(): string;
  /** Whether dispose() was called. */
  get disposed(): boolean;
  /** Frees the native factory (clients already created keep working). Calling it again does nothing. */
  dispose(): void;
  /** Same as dispose(), for `using factory = …`. */
  [Symbol.dispose](): void;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Errors (DESIGN.md decision 6). Every rejection of the SDK is a GenAIError. No field holds a token.
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Upstream error codes. MaaS: `CONNECTION_FAILED` (503), `INVALID_RESPONSE` (502; bad body or a
 * 4xx), `SERVER_UNAVAILABLE` (503; a 5xx), `TIMEOUT` (408). Others: `INVALID_REQUEST`
 * (validation), `ABORTED`, `DISPOSED`, `INTERNAL_ERROR`, `HTTP_<status>`, `UNKNOWN`.
 */
export type GenAIErrorCode =
  | 'CONNECTION_FAILED'
  | 'INVALID_RESPONSE'
  | 'SERVER_UNAVAILABLE'
  | 'TIMEOUT'
  | 'INVALID_REQUEST'
  | 'ABORTED'
  | 'DISPOSED'
  | 'INTERNAL_ERROR'
  | 'UNKNOWN'
  | `HTTP_${number}`
  | (string & {});

/** Fields of a {@link GenAIError}, as its constructor takes them. */
export interface GenAIErrorFields {
  /** Upstream code. Default `"UNKNOWN"`. */
  code?: GenAIErrorCode;
  /** HTTP status received. */
  status?: number;
  /** Status the upstream BFF maps this error to. */
  mappedStatus?: number;
  /** Service: `maas`, `identity`, `config`, `cache`, `sdk`, … */
  service?: string;
  /** Operation, e.g. `listModels`. */
  operation?: string;
  /** The server's own message. */
  serverMessage?: string;
  /** The server's error type. */
  serverType?: string;
  /** Request ID of the failed response. */
  requestId?: string;
  /** Seconds the server asked to wait. */
  retryAfter?: number;
}

/** Name of an error class, as the wasm core sends it to {@link makeError}. */
export type GenAIErrorName =
  | 'ValidationError'
  | 'BadRequestError'
  | 'AuthenticationError'
  | 'PermissionDeniedError'
  | 'NotFoundError'
  | 'ConflictError'
  | 'RateLimitError'
  | 'ServerError'
  | 'APIError'
  | 'ConnectionError'
  | 'TimeoutError'
  | 'AbortError'
  | 'ProtocolError';

/** What {@link makeError} takes: the error class's name, the message, and the fields. */
export interface ErrorDescriptor extends GenAIErrorFields {
  /** Class name; an unknown name gives a plain GenAIError. */
  name: GenAIErrorName | (string & {});
  /** Error message. */
  message: string;
}

/** Base class of every SDK error. `name` is the class name (e.g. `"NotFoundError"`). */
export class GenAIError extends Error {
  /** @param fields Default `{}`. */
  constructor(message: string, fields?: GenAIErrorFields);
  /** Upstream code, e.g. `"CONNECTION_FAILED"`, `"INVALID_RESPONSE"`, `"SERVER_UNAVAILABLE"`; `"UNKNOWN"` if none. */
  readonly code: GenAIErrorCode;
  /** HTTP status received, when a response came. */
  readonly status?: number;
  /** The status the upstream BFF maps this error to (e.g. 503 for CONNECTION_FAILED). */
  readonly mappedStatus?: number;
  /** The service that failed: `maas`, `identity`, `config`, `cache`, `sdk`, … (may be empty). */
  readonly service?: string;
  /** The operation that failed, e.g. `listModels` (may be empty). */
  readonly operation?: string;
  /** The server's own message, parsed out of its error body (token-free). */
  readonly serverMessage?: string;
  /** The server's error type / reason, e.g. `permission_error`. */
  readonly serverType?: string;
  /** `x-request-id` (or similar) of the failed response. */
  readonly requestId?: string;
  /** Seconds the server asked to wait (`Retry-After` / `retry-after-ms`). */
  readonly retryAfter?: number;
}

/** A request the SDK rejected before sending it (code `INVALID_REQUEST`), or a bad config / identity. */
export class ValidationError extends GenAIError {}
/** HTTP 400 or 422. */
export class BadRequestError extends GenAIError {}
/** HTTP 401. */
export class AuthenticationError extends GenAIError {}
/** HTTP 403. */
export class PermissionDeniedError extends GenAIError {}
/** HTTP 404. */
export class NotFoundError extends GenAIError {}
/** HTTP 409. */
export class ConflictError extends GenAIError {}
/** HTTP 429; see `retryAfter`. */
export class RateLimitError extends GenAIError {}
/** HTTP 5xx. */
export class ServerError extends GenAIError {}
/** Any other unexpected HTTP status. */
export class APIError extends GenAIError {}
/** Network failure, DNS, CORS (code `CONNECTION_FAILED`). */
export class ConnectionError extends GenAIError {}
/** The attempt timed out, or HTTP 408 (code `TIMEOUT`). */
export class TimeoutError extends GenAIError {}
/** Stopped by the call's AbortSignal (code `ABORTED`). */
export class AbortError extends GenAIError {}
/** The server answered outside the protocol, e.g. a body that is not the expected JSON (code `INVALID_RESPONSE`). */
export class ProtocolError extends GenAIError {}

/** Builds the error subclass named by `descriptor.name` (GenAIError for an unknown name). */
export function makeError(descriptor: ErrorDescriptor): GenAIError;
