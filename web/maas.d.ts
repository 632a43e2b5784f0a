// Hand-written type declarations; see web/index.d.ts. Checked by `tsc -p tests/types/tsconfig.json`.
/// <reference lib="esnext.disposable" />

import type { CallOptions, ClientOptions } from './options.js';
import type { Recording } from './index.js';
import type { GenAIError, ValidationError, NotFoundError, AbortError } from './errors.js';

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

  /** `true` for the Mock factory and for one replaying a recording. */
  get isMock(): boolean;
  /**
   * A client for one request. `baseURL` defaults to the factory config's; a Real factory needs
   * one of the two.
   */
  createClient(options?: ClientOptions): MaaSClient;
  /** The exchanges recorded so far (config `record: true`), else `null`. */
  exportRecording(): Recording | null;
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
