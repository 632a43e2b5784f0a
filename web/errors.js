// The SDK's error hierarchy (DESIGN.md decision 6). Every rejection of the SDK is one of these.
// A token never appears in any field: the C++ core redacts server text before it gets here.

export class GenAIError extends Error {
  constructor(message, fields = {}) {
    super(message);
    this.name = new.target.name;
    /** Upstream code, e.g. 'CONNECTION_FAILED', 'INVALID_RESPONSE', 'SERVER_UNAVAILABLE'. */
    this.code = fields.code ?? 'UNKNOWN';
    /** HTTP status received, when a response came. */
    this.status = fields.status;
    /** The status the upstream BFF maps this error to. */
    this.mappedStatus = fields.mappedStatus;
    this.service = fields.service;
    this.operation = fields.operation;
    /** The server's own message, parsed out of its error body. */
    this.serverMessage = fields.serverMessage;
    this.serverType = fields.serverType;
    /** The part of the system that failed, when the upstream names one (LlamaStack: ogx, rag, model). */
    this.component = fields.component;
    this.requestId = fields.requestId;
    /** Seconds the server asked to wait (Retry-After). */
    this.retryAfter = fields.retryAfter;
  }
}

export class ValidationError extends GenAIError {}
export class BadRequestError extends GenAIError {}
export class AuthenticationError extends GenAIError {}
export class PermissionDeniedError extends GenAIError {}
export class NotFoundError extends GenAIError {}
export class ConflictError extends GenAIError {}
export class RateLimitError extends GenAIError {}
export class ServerError extends GenAIError {}
export class APIError extends GenAIError {}
export class ConnectionError extends GenAIError {}
export class TimeoutError extends GenAIError {}
export class AbortError extends GenAIError {}
export class ProtocolError extends GenAIError {}

const classes = {
  ValidationError, BadRequestError, AuthenticationError, PermissionDeniedError, NotFoundError,
  ConflictError, RateLimitError, ServerError, APIError, ConnectionError, TimeoutError, AbortError,
  ProtocolError,
};

/** Builds the Error subclass for a descriptor sent by the wasm core. */
export function makeError(descriptor) {
  const Class = classes[descriptor.name] ?? GenAIError;
  return new Class(descriptor.message, descriptor);
}
