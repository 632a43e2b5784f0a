// LlamaStack client and factory (UPSTREAM.md §2): models, vector stores, files and the
// OpenAI-compatible Responses API, Real or Mock.
import { Disposable, call } from './disposable.js';
import { ValidationError } from './errors.js';
import { ServiceFactory } from './service_factory.js';
import { EventStream, ResponseStream } from './llamastack_stream.js';

export { EventStream, ResponseStream };

const json = (value) => (value === undefined ? '' : JSON.stringify(value));
const encoder = new TextEncoder();
const SETTINGS = ['apiPath', 'providerDataHeader', 'embeddingModel', 'embeddingDimension'];

/** The file's bytes as one Uint8Array: it then crosses into wasm in a single copy. */
async function fileBytes(file) {
  if (file === undefined || file === null) return null;
  if (typeof file === 'string') return encoder.encode(file);
  if (file instanceof Uint8Array) return file;
  if (ArrayBuffer.isView(file)) return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  if (file instanceof ArrayBuffer) return new Uint8Array(file);
  if (typeof Blob === 'function' && file instanceof Blob) return new Uint8Array(await file.arrayBuffer());
  throw new ValidationError('file must be a File, Blob, ArrayBuffer, typed array or string',
    { code: 'INVALID_REQUEST', mappedStatus: 400, service: 'llamastack', operation: 'uploadFile' });
}

export class LlamaStackClient extends Disposable {
  /** GET models → the model objects (`{id, object, created, owned_by}`). */
  listModels(options) { return call(() => this.native.listModels(options)); }
  /** Every vector store, page by page (`limit` per page, 1–100, default 100; `order` asc | desc). */
  listVectorStores(request = {}, options) { return call(() => this.native.listVectorStores(json(request), options)); }
  /** Creates a vector store. Never retried automatically. */
  createVectorStore(request, options) { return call(() => this.native.createVectorStore(json(request), options)); }
  deleteVectorStore(vectorStoreId, options) {
    return call(() => this.native.deleteVectorStore(String(vectorStoreId ?? ''), options));
  }
  /**
   * Uploads a file (multipart/form-data), then attaches it to `vectorStoreId` if given.
   * `file`: a File, Blob, ArrayBuffer, typed array or string; `filename` defaults to a File's name
   * and `contentType` to a Blob's type. `onUploaded(file)` is called once the file is uploaded,
   * before it is attached (a UI can show the two steps). → `{file_id, file, vector_store_file?}`.
   */
  async uploadFile(request = {}, options) {
    const { file, onUploaded, ...rest } = request ?? {};
    const bytes = await fileBytes(file);
    if (rest.filename === undefined && typeof file?.name === 'string' && file.name) rest.filename = file.name;
    if (rest.contentType === undefined && typeof file?.type === 'string' && file.type) rest.contentType = file.type;
    // A throwing callback must not unwind through the wasm frames that call it: its error is
    // reported as an event listener's would be (reportError in browsers, console.error in Node).
    const report = typeof onUploaded === 'function'
      ? (uploaded) => { try { onUploaded(uploaded); } catch (e) { (globalThis.reportError ?? console.error)(e); } }
      : undefined;
    return this.native.uploadFile(bytes, json(rest), options, report);
  }
  /** The first page of files (`limit` 1–10000, `order`, `purpose`). */
  listFiles(request = {}, options) { return call(() => this.native.listFiles(json(request), options)); }
  getFile(fileId, options) { return call(() => this.native.getFile(String(fileId ?? ''), options)); }
  deleteFile(fileId, options) { return call(() => this.native.deleteFile(String(fileId ?? ''), options)); }
  /** The file's bytes: `{bytes: Uint8Array, contentType}`. */
  getFileContent(fileId, options) { return call(() => this.native.getFileContent(String(fileId ?? ''), options)); }
  /** The first page of a vector store's files (`limit` 1–100, `order`, `filter`). */
  listVectorStoreFiles(vectorStoreId, request = {}, options) {
    return call(() => this.native.listVectorStoreFiles(String(vectorStoreId ?? ''), json(request), options));
  }
  getVectorStoreFile(vectorStoreId, fileId, options) {
    return call(() => this.native.getVectorStoreFile(String(vectorStoreId ?? ''), String(fileId ?? ''), options));
  }
  deleteVectorStoreFile(vectorStoreId, fileId, options) {
    return call(() => this.native.deleteVectorStoreFile(String(vectorStoreId ?? ''), String(fileId ?? ''), options));
  }
  /** POST responses → the Response. */
  createResponse(request, options) { return call(() => this.native.createResponse(json(request), options)); }
  /**
   * A streamed Response: iterate it with `for await`. Nothing is sent until it is read; every
   * failure (validation, HTTP, the stream itself) is thrown from the iteration.
   */
  createResponseStream(request, options) {
    return this.#stream(() => this.native.createResponseStream(json(request), options), options);
  }
  /** Like createResponseStream, with the caller's JSON body sent as is (set `"stream": true`). */
  createResponseStreamRaw(body, options) {
    return this.#stream(() => this.native.createResponseStreamRaw(json(body), options), options);
  }
  getResponse(responseId, options) { return call(() => this.native.getResponse(String(responseId ?? ''), options)); }

  #stream(open, options) {
    let native;
    try { native = open(); } catch (e) { native = e; }
    return new ResponseStream(native, { signal: options?.signal });
  }

  toString() { return '[LlamaStackClient]'; }
  toJSON() { return { client: 'LlamaStackClient' }; }
}

export class LlamaStackClientFactory extends ServiceFactory {
  /**
   * `config`: `{mock, baseURL, fetch, apiPath, providerDataHeader, embeddingModel,
   * embeddingDimension, streamDelayMs}`; `streamDelayMs` (Mock only) is the wait between streamed
   * events, default: the upstream mock's lifelike pacing; 0 in tests.
   */
  constructor(module, config = {}) { super(module.LlamaStackFactory, config, { streamDelayMs: config.streamDelayMs }); }
  /**
   * A client for one request: `{baseURL, token, timeout, maxRetries, headers, fetch, apiPath,
   * providerDataHeader, embeddingModel, embeddingDimension}`; unset ones come from the factory config.
   */
  createClient(options = {}) {
    const settings = {};
    for (const key of SETTINGS) settings[key] = options[key] ?? this.defaults[key];
    const common = { ...options };
    for (const key of SETTINGS) delete common[key];
    if (common.baseURL === undefined && this.defaults.baseURL) common.baseURL = this.defaults.baseURL;
    return new LlamaStackClient(this.native.createClient(common, JSON.stringify(settings)));
  }
}
