// Hand-written type declarations; see web/index.d.ts. Checked by `tsc -p tests/types/tsconfig.json`.

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
  /**
   * The user's bearer token (sent as `Authorization: Bearer <token>` when non-empty), as text or
   * as the SecretToken of {@link GenAI.extractRequestIdentity}. Ignored by Mock factories.
   */
  token?: string | { reveal(): string };
  /** Timeout of each attempt, in milliseconds. Default 30000 for MaaS. */
  timeout?: number;
  /** Retries of retry-safe calls (see {@link CallOptions.maxRetries}). Default 2. */
  maxRetries?: number;
  /** Headers sent with every request of this client. */
  headers?: Record<string, string>;
  /** The fetch of this client, replacing the factory's. Ignored by Mock factories. */
  fetch?: typeof fetch;
}
