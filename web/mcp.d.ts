// Hand-written type declarations; see web/index.d.ts. Checked by `tsc -p tests/types/tsconfig.json`.
/// <reference lib="esnext.disposable" />

import type { CallOptions } from './options.js';
import type { SecretToken, Recording } from './index.js';

// ─────────────────────────────────────────────────────────────────────────────────────────────
// MCP: configuration
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** The wire transport of an MCP server. Anything else (or nothing) means streamable HTTP. */
export type McpTransportName = 'sse' | 'streamable-http' | (string & {});

/** One MCP server (upstream `MCPServerConfig`; an entry of the ConfigMap gen-ai-aa-mcp-servers). */
export interface McpServerConfig {
  /** Full endpoint URL, e.g. `https://mcp.example.com/mcp` (streamable HTTP) or `…/sse` (legacy). */
  url: string;
  /** `"sse"`: legacy HTTP+SSE (MCP 2024-11-05); `"streamable-http"` or anything else: streamable HTTP. */
  transport?: McpTransportName;
  /** The ConfigMap key; reported as `server_info.name` when the server cannot be reached. */
  name?: string;
  description?: string;
  logo?: string | null;
}

/** A protocol version this client speaks, newest first. */
export type McpProtocolVersion = '2025-11-25' | '2025-06-18' | '2025-03-26' | '2024-11-05';

/** What the server asks the user for (`elicitation/create` params, form mode). */
export interface McpElicitationRequest {
  message: string;
  /** A flat JSON Schema object; a property's `default` is filled in when the user leaves it out. */
  requestedSchema?: { type: 'object'; properties?: Record<string, Record<string, unknown>>; required?: string[] };
  [key: string]: unknown;
}

/** The user's answer to an elicitation. */
export interface McpElicitationResult {
  action: 'accept' | 'decline' | 'cancel';
  /** For `accept`: the values; schema defaults are added for the fields that are missing. */
  content?: Record<string, string | number | boolean | string[]>;
}

/** What {@link McpClientFactory.createClient} takes. */
export interface McpClientOptions {
  /** The server this client talks to. */
  server: McpServerConfig;
  /** Sent as `Authorization: Bearer <mcpToken>` on every request when given (header `X-MCP-Bearer` upstream). */
  mcpToken?: SecretToken | string | null;
  /**
   * The user's Kubernetes token. Accepted so that a {@link RequestIdentity} can be spread in;
   * it is never sent to an MCP server.
   */
  token?: SecretToken | string | null;
  /** Silence allowed per call before a TimeoutError, restarted by each progress notification. Default 60000 ms; 0: none. */
  timeout?: number;
  /** Headers sent with every request of this client. */
  headers?: Record<string, string>;
  /** The fetch of this client (e.g. {@link createMcpOAuthFetch}). Ignored by the Mock factory. */
  fetch?: typeof fetch;
  /** Version offered at initialize. Default `"2025-11-25"`; the server may answer with an older one it supports. */
  protocolVersion?: McpProtocolVersion;
  /** `clientInfo` of initialize. Default `{name: "llama-stack-bff-client", version: "v1.0.0"}` (the upstream BFF's). */
  clientInfo?: { name: string; version: string; [key: string]: unknown };
  /** Stop listTools with a ProtocolError past this many pages. Default 100. */
  maxToolPages?: number;
  /**
   * Answers the server's `elicitation/create`. Setting it declares the elicitation capability and
   * opens the standalone GET stream on which servers send such requests.
   */
  onElicitation?: (request: McpElicitationRequest) => McpElicitationResult | Promise<McpElicitationResult>;
}

/** A progress notification's params. */
export interface McpProgress {
  progressToken: number | string;
  progress: number;
  total?: number;
  message?: string;
}

/** Options of one MCP call. */
export interface McpCallOptions extends Omit<CallOptions, 'maxRetries'> {
  /** Silence allowed before a TimeoutError (ms), restarted by each progress notification. */
  timeout?: number;
  /** Receives each progress notification of this call (a `progressToken` is sent for you). */
  onProgress?: (progress: McpProgress) => void;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// MCP: results
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** A JSON Schema object (as the server sent it). */
export type McpJsonSchema = { type?: string | string[]; properties?: Record<string, McpJsonSchema>; required?: string[]; [key: string]: unknown };

/** A tool as tools/list returns it. */
export interface McpTool {
  name: string;
  title?: string;
  description?: string;
  inputSchema: McpJsonSchema;
  outputSchema?: McpJsonSchema;
  annotations?: { title?: string; readOnlyHint?: boolean; destructiveHint?: boolean; idempotentHint?: boolean; openWorldHint?: boolean };
  _meta?: Record<string, unknown>;
  [key: string]: unknown;
}

/** One content item of a tool result. */
export type McpContent =
  | { type: 'text'; text: string; [key: string]: unknown }
  | { type: 'image' | 'audio'; data: string; mimeType: string; [key: string]: unknown }
  | { type: 'resource_link'; uri: string; name: string; [key: string]: unknown }
  | { type: 'resource'; resource: { uri: string; mimeType?: string; text?: string; blob?: string }; [key: string]: unknown };

/** tools/call result. A tool's own failure is `isError: true`, not a rejection. */
export interface McpCallToolResult {
  content: McpContent[];
  structuredContent?: Record<string, unknown>;
  /** Always present (`false` when the server left it out). */
  isError: boolean;
  _meta?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The initialize result. */
export interface McpInitializeResult {
  protocolVersion: McpProtocolVersion;
  capabilities: { tools?: { listChanged?: boolean }; resources?: Record<string, unknown>; prompts?: Record<string, unknown>; logging?: Record<string, unknown>; [key: string]: unknown };
  serverInfo: { name?: string; title?: string; version?: string; [key: string]: unknown };
  instructions?: string;
}

/** `server_info` of the status objects. */
export interface McpServerInfo {
  /** serverInfo.name, else the ConfigMap key. */
  name: string;
  /** serverInfo.version, else `"N/A"`. */
  version: string;
  /** The negotiated version, else `""`. */
  protocol_version: string;
}

/** Why a status call failed (upstream mapMCPError). */
export interface McpErrorDetails {
  /** `CONNECTION_FAILED`, `TIMEOUT`, `unauthorized`, `forbidden`, `not_found`, `bad_request`, `server_error`, `internal_error`. */
  code: string;
  /** 503, 408, 401, 403, 404, 400, 500. */
  status_code: number;
  /** The error's own message. Never holds a token. */
  raw_error: string;
}

/** Upstream `ConnectionStatus`. */
export interface McpConnectionStatus {
  server_url: string;
  status: 'connected' | 'error';
  /** `"Connection successful"`, or the mapped message such as `"Server is not reachable"`. */
  message: string;
  /** Unix seconds. */
  last_checked: number;
  server_info: McpServerInfo;
  /** Round trip of a ping, whole milliseconds (success only). */
  ping_response_time_ms?: number;
  error_details?: McpErrorDetails;
}

/** A tool reduced the upstream way: schema kept to type, title, description, properties, required, enum. */
export interface McpStatusTool {
  name: string;
  description: string;
  input_schema: McpJsonSchema;
}

/** Upstream `ToolsStatus`. */
export interface McpToolsStatus {
  server_url: string;
  status: 'success' | 'error';
  /** `"Successfully retrieved <n> tools"`, or the mapped message. */
  message: string;
  last_checked: number;
  server_info: McpServerInfo;
  /** Success only. */
  tools_count?: number;
  /** Always an array (`[]` on error). */
  tools: McpStatusTool[];
  error_details?: McpErrorDetails;
}

/** A server of the ConfigMap list (upstream `MCPServerSummary`). */
export interface McpServerSummary {
  name: string;
  url: string;
  /** Empty in the ConfigMap → `"streamable-http"`. */
  transport: string;
  description: string;
  logo: string | null;
  /** `"healthy"` when it has a url, else `"error"` (the server is not contacted). */
  status: 'healthy' | 'error';
}

/** {@link McpClientFactory.parseServerConfigMap}'s result. */
export interface McpServerList {
  servers: McpServerSummary[];
  total_count: number;
  /** Entries that could not be read, with the reason. */
  skipped: { name: string; reason: string }[];
}

/** The data of a ConfigMap: server name → its JSON text (or the parsed object). */
export type McpServerConfigMapData = Record<string, string | { url?: string; transport?: string; description?: string; logo?: string }>;

// ─────────────────────────────────────────────────────────────────────────────────────────────
// MCP: client and factory
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A client of one MCP server (Real over fetch, or Mock). Its session opens on the first call and
 * is reused; close() or dispose() ends it. Rejections are GenAIError subclasses; a JSON-RPC error
 * of the server is one with `code` (`METHOD_NOT_FOUND`, `INVALID_PARAMS`, …, `JSONRPC_ERROR`),
 * `serverMessage`, and `rpcCode` (the number). HTTP failures carry the upstream mapMCPError codes
 * (`unauthorized`, `not_found`, `server_error`, …); network failures `CONNECTION_FAILED`.
 */
export class McpClient {
  #private;
  private constructor();

  /** Every tool (tools/list, following `nextCursor` to the last page). */
  listTools(options?: McpCallOptions): Promise<McpTool[]>;
  /** Calls a tool. `args` must be a plain object. */
  callTool(name: string, args?: Record<string, unknown>, options?: McpCallOptions): Promise<McpCallToolResult>;
  /** The initialize result. */
  getServerConfig(options?: McpCallOptions): Promise<McpInitializeResult>;
  /** Any other MCP request (`ping`, `resources/list`, `prompts/get`, …) → its raw result. */
  request<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>, options?: McpCallOptions): Promise<T>;
  /** A fresh session: initialize + ping. Failures are reported inside the result (only an abort or bad input rejects). */
  checkConnectionStatus(options?: McpCallOptions): Promise<McpConnectionStatus>;
  /** A fresh session: initialize + tools/list. Failures are reported inside the result. */
  listToolsWithStatus(options?: McpCallOptions): Promise<McpToolsStatus>;
  /** Ends the session: DELETE (streamable HTTP) or the end of the GET stream (SSE). A later call opens a new one. */
  close(): Promise<void>;

  /** `"[McpClient]"` (never shows a token). */
  toString(): string;
  toJSON(): { client: 'McpClient' };
  get disposed(): boolean;
  /** Ends the session at once (streams closed, DELETE sent without waiting) and frees the client. */
  dispose(): void;
  [Symbol.dispose](): void;
}

/** Creates MCP clients; Real (fetch) or Mock (the mock servers of the upstream BFF). */
export class McpClientFactory {
  #private;
  private constructor();

  /** `true` for the Mock factory and for one replaying a recording. */
  get isMock(): boolean;
  /** The exchanges recorded so far (config `record: true`), credentials stripped, else `null`. */
  exportRecording(): Recording | null;
  /**
   * A client for one server.
   * @throws {ValidationError} a missing or malformed option (e.g. `server is required: {url, transport?, name?}`).
   */
  createClient(options: McpClientOptions): McpClient;
  /**
   * The servers of the ConfigMap gen-ai-aa-mcp-servers, from its `data`. The Mock factory uses
   * the Kubernetes mock's ConfigMap when `data` is left out.
   */
  parseServerConfigMap(data?: McpServerConfigMapData | null): McpServerList;
  toString(): string;
  get disposed(): boolean;
  dispose(): void;
  [Symbol.dispose](): void;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// MCP: OAuth
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Options of {@link createMcpOAuthFetch}. */
export interface McpOAuthOptions {
  /** The MCP server URL (the protected resource). */
  serverUrl: string;
  /** The redirect URI of this client. */
  redirectUrl: string;
  /**
   * Sends the user to `authorizationUrl` and resolves with the URL the authorization server
   * redirected back to (it carries `code` and `state`): a redirect or a popup in a browser.
   */
  authorize: (authorizationUrl: URL) => Promise<string | URL>;
  /** Pre-registered client id (no registration is attempted). */
  clientId?: string;
  /** Its secret, if it has one. */
  clientSecret?: string;
  /** A Client ID Metadata Document URL, used as client_id when the authorization server supports them. */
  clientMetadataUrl?: string;
  /** Fields for dynamic client registration. Default `{client_name: "genai-clients"}`. */
  clientMetadata?: Record<string, unknown>;
  /** Authorizations per request (a 401, then 403 insufficient_scope step-ups). Default 3. */
  maxAuthorizations?: number;
  /** The fetch to wrap. Default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

/** A fetch that authorizes requests to one MCP server with OAuth 2.1. */
export type McpOAuthFetch = typeof fetch & { readonly authorized: boolean };

/**
 * A fetch for one MCP server that handles OAuth 2.1 as the MCP authorization spec describes it:
 * resource and authorization-server discovery, client registration, the authorization-code flow
 * with PKCE and resource indicators, and scope step-up. Give it as the client's `fetch`.
 * @throws {ValidationError} without serverUrl, redirectUrl or authorize.
 */
export function createMcpOAuthFetch(options: McpOAuthOptions): McpOAuthFetch;
