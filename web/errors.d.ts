// Hand-written type declarations; see web/index.d.ts. Checked by `tsc -p tests/types/tsconfig.json`.

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Errors (DESIGN.md decision 6). Every rejection of the SDK is a GenAIError. No field holds a token.
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * Upstream error codes. MaaS: `CONNECTION_FAILED` (503), `INVALID_RESPONSE` (502; bad body or a
 * 4xx), `SERVER_UNAVAILABLE` (503; a 5xx), `TIMEOUT` (408). LlamaStack: `CONNECTION_FAILED` (502),
 * `INVALID_REQUEST` (400), `UNAUTHORIZED` (401), `NOT_FOUND` (404), `SERVER_UNAVAILABLE`
 * (408 / 429 / 503 / 504), `TIMEOUT` (504), `INTERNAL_ERROR` (any other status). Others:
 * `INVALID_REQUEST` (validation), `ABORTED`, `DISPOSED`, `INTERNAL_ERROR`, `HTTP_<status>`, `UNKNOWN`.
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
  | 'UNAUTHORIZED'
  | 'NOT_FOUND'
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
  /** The failing component the upstream names (LlamaStack: `ogx`, `rag`, `model`). */
  component?: string;
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
  /** The part of the system that failed, when the upstream names one (LlamaStack: `ogx`, `rag`, `model`). */
  readonly component?: string;
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
