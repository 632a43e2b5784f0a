// Hand-written type declarations; see web/index.d.ts. Checked by `tsc -p tests/types/tsconfig.json`.
/// <reference lib="esnext.disposable" />

import type { CallOptions, ClientOptions } from './options.js';
import type { ServiceConfig, Recording } from './index.js';

// ─────────────────────────────────────────────────────────────────────────────────────────────
// LlamaStack: configuration
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** The LlamaStack-specific settings of a client (each may also be set in the factory config). */
export interface LlamaStackSettings {
  /**
   * Path of the OpenAI-compatible API below `baseURL`: `"/v1"` (llama-stack ≥ 0.4 / OGX) or
   * `"/v1/openai/v1"` (older servers). Default `"/v1"`.
   */
  apiPath?: string;
  /**
   * Header that carries `providerData`: `"x-llamastack-provider-data"` (default) or
   * `"x-ogx-provider-data"` (OGX).
   */
  providerDataHeader?: string;
  /** Default embedding model of createVectorStore. Default `"sentence-transformers/ibm-granite/granite-embedding-125m-english"`. */
  embeddingModel?: string;
  /** Default embedding dimension of createVectorStore. Default `768`. */
  embeddingDimension?: number;
}

/** `createFactories({ llamaStack: … })`. */
export interface LlamaStackServiceConfig extends ServiceConfig, LlamaStackSettings {
  /**
   * Mock only: milliseconds between streamed events. Default: the upstream mock's lifelike pacing
   * (200 ms after `response.created`, 300 ms per word, …); use `0` in tests.
   */
  streamDelayMs?: number;
}

/** What {@link LlamaStackClientFactory.createClient} takes. */
export interface LlamaStackClientOptions extends ClientOptions, LlamaStackSettings {}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// LlamaStack: requests
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** Sort order by `created_at`. */
export type SortOrder = 'asc' | 'desc';

/** What {@link LlamaStackClient.listVectorStores} takes. */
export interface ListVectorStoresRequest {
  /** Page size, 1–100. Default 100 (every page is read). */
  limit?: number;
  /** Default (server): `desc`. */
  order?: SortOrder;
}

/** Purpose of an uploaded file. */
export type FilePurpose = 'assistants' | 'batch' | 'fine-tune' | 'vision' | 'user_data' | 'evals';

/** What {@link LlamaStackClient.listFiles} takes (first page only). */
export interface ListFilesRequest {
  /** 1–10000. */
  limit?: number;
  order?: SortOrder;
  purpose?: FilePurpose;
}

/** Status of a file in a vector store. */
export type VectorStoreFileStatus = 'in_progress' | 'completed' | 'failed' | 'cancelled';

/** What {@link LlamaStackClient.listVectorStoreFiles} takes (first page only). */
export interface ListVectorStoreFilesRequest {
  /** 1–100. */
  limit?: number;
  order?: SortOrder;
  filter?: VectorStoreFileStatus;
}

/** What {@link LlamaStackClient.createVectorStore} takes. */
export interface CreateVectorStoreRequest {
  /** Required. */
  name: string;
  /** At most 16 pairs; keys up to 64 characters, values up to 512. Sent as `null` when absent. */
  metadata?: Record<string, string>;
  /** Default: the client's `embeddingModel`. */
  embeddingModel?: string;
  /** Default: the client's `embeddingDimension`. */
  embeddingDimension?: number;
  /** Vector IO provider (servers before 0.4 need it; newer ones ignore it). Sent only when given. */
  providerId?: string;
}

/** How a file attached to a vector store is chunked. */
export type ChunkingStrategy =
  | { type: 'auto' }
  | {
      type: 'static';
      static: {
        /** Tokens per chunk (positive). */
        maxChunkSizeTokens: number;
        /** Overlap between chunks, 0 up to less than `maxChunkSizeTokens`. */
        chunkOverlapTokens: number;
      };
    };

/** What {@link LlamaStackClient.uploadFile} takes. */
export interface UploadFileRequest {
  /** The content: a File, Blob, ArrayBuffer, typed array (e.g. a Node Buffer) or string (UTF-8). */
  file: Blob | ArrayBuffer | ArrayBufferView | string;
  /** Required unless `file` is a File (its name is used). */
  filename?: string;
  /** Content type of the file part. Default: a Blob's `type`, else `application/octet-stream`. */
  contentType?: string;
  /** Default `"assistants"`. */
  purpose?: FilePurpose;
  /** Attach the uploaded file to this vector store (a second request). */
  vectorStoreId?: string;
  /** Chunking when attaching. Default (server): `auto`. */
  chunkingStrategy?: ChunkingStrategy;
  /**
   * Called with the file object once the upload succeeded, before it is attached to
   * `vectorStoreId`: a UI can show the two steps apart. An exception it throws is reported, not
   * passed to the upload.
   */
  onUploaded?: (file: FileObject) => void;
}

/** A part of a multimodal input. */
export type InputPart =
  | { type: 'input_text'; text: string }
  | {
      type: 'input_image';
      /** An uploaded file's ID, `file-<hex>`. */
      fileId: string;
    };

/** A message of the conversation so far. */
export interface ChatContextMessage {
  /** `user`, `assistant` or `system`; anything else is sent as `user`. */
  role: string;
  content: string | InputPart[];
}

/** An MCP server the model may use (sent as a Responses `mcp` tool). */
export interface McpServerParam {
  serverLabel: string;
  serverUrl: string;
  /** Headers LlamaStack sends to the MCP server. */
  headers?: Record<string, string>;
  /** The `mcp` tool's `authorization` (OGX). */
  authorization?: string;
  /** Absent: every tool; `[]`: none. */
  allowedTools?: string[];
}

/** What {@link LlamaStackClient.createResponse} and createResponseStream take. */
export interface CreateResponseRequest {
  /** Required: text, or parts for a multimodal input (then sent as an item list). */
  input: string | InputPart[];
  /** Required. */
  model: string;
  /** Adds a `file_search` tool over these stores (and includes its results). */
  vectorStoreIds?: string[];
  /** Earlier messages; not together with `previousResponseId`. */
  chatContext?: ChatContextMessage[];
  /** Continue the conversation of a stored response. */
  previousResponseId?: string;
  /** 0–2. */
  temperature?: number;
  /** 0–1. */
  topP?: number;
  instructions?: string;
  /** Store the response on the server. Default `true`. */
  store?: boolean;
  mcpServers?: McpServerParam[];
  /** Sent as JSON in the provider-data header, e.g. `{ vllm_api_token: "…" }`. */
  providerData?: Record<string, unknown>;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// LlamaStack: results (the server's JSON, passed through; fields as openai-go reads them)
// ─────────────────────────────────────────────────────────────────────────────────────────────

export interface LlamaStackModel {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  [field: string]: unknown;
}

export interface VectorStoreFileCounts {
  in_progress: number;
  completed: number;
  failed: number;
  cancelled: number;
  total: number;
}

export interface VectorStore {
  id: string;
  object: 'vector_store';
  created_at: number;
  name: string;
  usage_bytes?: number;
  file_counts?: VectorStoreFileCounts;
  status?: string;
  last_active_at?: number | null;
  metadata?: Record<string, string> | null;
  expires_after?: { anchor: string; days: number } | null;
  expires_at?: number | null;
  [field: string]: unknown;
}

export interface FileObject {
  id: string;
  object: 'file';
  bytes: number;
  created_at: number;
  filename: string;
  purpose: string;
  status?: string;
  expires_at?: number | null;
  [field: string]: unknown;
}

export interface VectorStoreFile {
  id: string;
  object: 'vector_store.file';
  created_at: number;
  vector_store_id: string;
  status: VectorStoreFileStatus | string;
  usage_bytes?: number;
  last_error?: { code: string; message: string } | null;
  attributes?: Record<string, unknown> | null;
  chunking_strategy?:
    | { type: 'auto' }
    | { type: 'static'; static: { max_chunk_size_tokens: number; chunk_overlap_tokens: number } };
  [field: string]: unknown;
}

/** What {@link LlamaStackClient.uploadFile} resolves to. */
export interface FileUploadResult {
  file_id: string;
  /** The uploaded file. */
  file: FileObject;
  /** Present when `vectorStoreId` was given. */
  vector_store_file?: VectorStoreFile;
}

export interface FileContent {
  bytes: Uint8Array;
  contentType: string;
}

export interface ResponseOutputText {
  type: 'output_text';
  text: string;
  annotations?: unknown[];
}

/** An item of a Response's `output`; `type` says which fields it has. */
export interface ResponseOutputItem {
  id?: string;
  type: 'message' | 'file_search_call' | 'function_call' | 'mcp_list_tools' | 'mcp_call' | (string & {});
  role?: string;
  status?: string;
  content?: Array<ResponseOutputText | { type: string; [field: string]: unknown }>;
  queries?: string[];
  results?: Array<{ file_id?: string; filename?: string; score?: number; text?: string; attributes?: Record<string, unknown> }>;
  server_label?: string;
  name?: string;
  arguments?: string;
  output?: string;
  error?: unknown;
  tools?: Array<{ name: string; description?: string; input_schema?: unknown }>;
  [field: string]: unknown;
}

export interface LlamaStackResponse {
  id: string;
  object?: 'response';
  created_at: number;
  model: string;
  status: 'completed' | 'failed' | 'in_progress' | 'incomplete' | 'queued' | (string & {});
  output?: ResponseOutputItem[];
  error?: { code?: string; message: string } | null;
  previous_response_id?: string | null;
  usage?: { input_tokens: number; output_tokens: number; total_tokens: number };
  [field: string]: unknown;
}

/** A Response from {@link ResponseStream.finalResponse}, with its text joined. */
export interface FinalResponse extends LlamaStackResponse {
  /** The text of the output messages. */
  output_text: string;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// LlamaStack: streamed events (UPSTREAM.md §2.5). Every type passes through, unknown ones too.
// ─────────────────────────────────────────────────────────────────────────────────────────────

interface StreamEventBase {
  sequence_number?: number;
  [field: string]: unknown;
}

export interface ResponseLifecycleEvent extends StreamEventBase {
  type:
    | 'response.created'
    | 'response.in_progress'
    | 'response.queued'
    | 'response.completed'
    | 'response.failed'
    | 'response.incomplete';
  response: LlamaStackResponse;
}

export interface OutputTextDeltaEvent extends StreamEventBase {
  type: 'response.output_text.delta';
  delta: string;
  item_id: string;
  output_index: number;
  content_index?: number;
}

export interface OutputTextDoneEvent extends StreamEventBase {
  type: 'response.output_text.done';
  text: string;
  item_id: string;
  output_index: number;
  content_index?: number;
}

export interface OutputItemEvent extends StreamEventBase {
  type: 'response.output_item.added' | 'response.output_item.done';
  output_index: number;
  item: ResponseOutputItem;
}

export interface ContentPartEvent extends StreamEventBase {
  type: 'response.content_part.added' | 'response.content_part.done';
  item_id: string;
  output_index: number;
  content_index?: number;
  part?: ResponseOutputText;
}

export interface ArgumentsDeltaEvent extends StreamEventBase {
  type: 'response.function_call_arguments.delta' | 'response.mcp_call_arguments.delta';
  item_id: string;
  output_index: number;
  delta: string;
}

export interface ArgumentsDoneEvent extends StreamEventBase {
  type: 'response.function_call_arguments.done' | 'response.mcp_call_arguments.done';
  item_id: string;
  output_index: number;
  arguments: string;
}

/** Tool progress events (`response.mcp_call.completed`, `response.file_search_call.searching`, …). */
export interface ToolProgressEvent extends StreamEventBase {
  type:
    | 'response.mcp_list_tools.in_progress'
    | 'response.mcp_list_tools.completed'
    | 'response.mcp_list_tools.failed'
    | 'response.mcp_call.in_progress'
    | 'response.mcp_call.completed'
    | 'response.mcp_call.failed'
    | 'response.file_search_call.in_progress'
    | 'response.file_search_call.searching'
    | 'response.file_search_call.completed'
    | 'response.web_search_call.in_progress'
    | 'response.web_search_call.searching'
    | 'response.web_search_call.completed';
  item_id?: string;
  output_index?: number;
}

/** An event whose type the SDK has no declaration for (e.g. the Mock's `mcp_list_tools`, `mcp_call`). */
export interface OtherStreamEvent extends StreamEventBase {
  type: string & {};
}

export type ResponseStreamEvent =
  | ResponseLifecycleEvent
  | OutputTextDeltaEvent
  | OutputTextDoneEvent
  | OutputItemEvent
  | ContentPartEvent
  | ArgumentsDeltaEvent
  | ArgumentsDoneEvent
  | ToolProgressEvent
  | OtherStreamEvent;

/**
 * An async iterable over a stream's events, which arrive from the wasm core one batch per network
 * chunk. Read it once; `break` stops the transfer; the call's AbortSignal stops it too (the loop
 * then throws an {@link AbortError}). A failure is thrown exactly once.
 */
export class EventStream<Event = unknown> implements AsyncIterableIterator<Event> {
  #private;
  protected constructor();
  [Symbol.asyncIterator](): this;
  next(): Promise<IteratorResult<Event, undefined>>;
  /** Stops reading and releases the connection (what `break` does). */
  return(): Promise<IteratorResult<Event, undefined>>;
  /** The same as {@link return}. */
  cancel(): Promise<IteratorResult<Event, undefined>>;
  /** Resolves (never rejects) once the stream has ended; `error` is why, if it failed. */
  whenFinished(): Promise<{ error?: Error }>;
  get disposed(): boolean;
  dispose(): void;
  [Symbol.dispose](): void;
}

/** A streamed Response ({@link LlamaStackClient.createResponseStream}). */
export class ResponseStream extends EventStream<ResponseStreamEvent> {
  /** The text of every `response.output_text.delta` received so far. */
  get outputText(): string;
  /**
   * The final Response (`response.completed` or `response.incomplete`) with `output_text`.
   * Reads the stream to its end unless a `for await` loop already does.
   * @throws the stream's error; a ServerError for `response.failed`; a ProtocolError when the
   *   stream ended without a final event.
   */
  finalResponse(): Promise<FinalResponse>;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// LlamaStack: client and factory
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A LlamaStack client for one request, from {@link LlamaStackClientFactory.createClient}. Every
 * method returns a Promise that rejects with a {@link GenAIError} subclass (validation errors
 * too, code `INVALID_REQUEST`), except the streaming ones, whose failures are thrown by the
 * iteration. Codes: `CONNECTION_FAILED` (502), `INVALID_REQUEST` (400), `UNAUTHORIZED` (401),
 * `NOT_FOUND` (404), `SERVER_UNAVAILABLE` (408/429/503/504), `TIMEOUT`, `INTERNAL_ERROR`.
 */
export class LlamaStackClient {
  #private;
  private constructor();
  /** `GET models` → the models. Retried (GET). */
  listModels(options?: CallOptions): Promise<LlamaStackModel[]>;
  /** Every vector store (`GET vector_stores`, page after page). */
  listVectorStores(request?: ListVectorStoresRequest, options?: CallOptions): Promise<VectorStore[]>;
  /** `POST vector_stores`. Never retried automatically. */
  createVectorStore(request: CreateVectorStoreRequest, options?: CallOptions): Promise<VectorStore>;
  /** `DELETE vector_stores/{id}`. */
  deleteVectorStore(vectorStoreId: string, options?: CallOptions): Promise<void>;
  /** `POST files` (multipart/form-data), then `POST vector_stores/{id}/files` if `vectorStoreId` is given. */
  uploadFile(request: UploadFileRequest, options?: CallOptions): Promise<FileUploadResult>;
  /** `GET files` → the first page. */
  listFiles(request?: ListFilesRequest, options?: CallOptions): Promise<FileObject[]>;
  getFile(fileId: string, options?: CallOptions): Promise<FileObject>;
  deleteFile(fileId: string, options?: CallOptions): Promise<void>;
  /** `GET files/{id}/content` → the bytes and their Content-Type. */
  getFileContent(fileId: string, options?: CallOptions): Promise<FileContent>;
  /** `GET vector_stores/{id}/files` → the first page. */
  listVectorStoreFiles(vectorStoreId: string, request?: ListVectorStoreFilesRequest, options?: CallOptions): Promise<VectorStoreFile[]>;
  getVectorStoreFile(vectorStoreId: string, fileId: string, options?: CallOptions): Promise<VectorStoreFile>;
  deleteVectorStoreFile(vectorStoreId: string, fileId: string, options?: CallOptions): Promise<void>;
  /** `POST responses`. */
  createResponse(request: CreateResponseRequest, options?: CallOptions): Promise<LlamaStackResponse>;
  /** `POST responses` with `"stream": true`. Sent when first read. */
  createResponseStream(request: CreateResponseRequest, options?: CallOptions): ResponseStream;
  /** `POST responses` with `body` sent as is (unvalidated; set `"stream": true`). */
  createResponseStreamRaw(body: Record<string, unknown>, options?: CallOptions): ResponseStream;
  /** `GET responses/{id}`. */
  getResponse(responseId: string, options?: CallOptions): Promise<LlamaStackResponse>;
  /** `"[LlamaStackClient]"`: never the token. */
  toString(): string;
  toJSON(): { client: string };
  get disposed(): boolean;
  dispose(): void;
  [Symbol.dispose](): void;
}

/**
 * Creates LlamaStack clients; Real (fetch) or Mock (the fake service), from
 * {@link GenAI.createFactories}. The Mock keeps state: created stores and files show up in lists.
 */
export class LlamaStackClientFactory {
  #private;
  private constructor();
  /** `true` for the Mock factory and for one replaying a recording. */
  get isMock(): boolean;
  /** The exchanges recorded so far (config `record: true`), credentials stripped, else `null`. */
  exportRecording(): Recording | null;
  /**
   * A client for one request. Unset settings come from the factory config.
   * @throws {ValidationError} an `apiPath` or `providerDataHeader` that cannot work.
   */
  createClient(options?: LlamaStackClientOptions): LlamaStackClient;
  toString(): string;
  get disposed(): boolean;
  dispose(): void;
  [Symbol.dispose](): void;
}
