// Streams of JSON events as JS async iterables. The wasm core hands over one batch of parsed
// events per network chunk (bindings/llamastack_stream.cpp); this side only walks the batch, so
// `for await` costs one wasm crossing per chunk, not per event.
import { Disposable } from './disposable.js';
import { AbortError, GenAIError, ProtocolError, ServerError } from './errors.js';

const DONE = Object.freeze({ value: undefined, done: true });
const NO_EVENTS = [];

function abortError(service) {
  return new AbortError('the request was aborted', { code: 'ABORTED', service });
}

/**
 * An async iterable over a native EventStream. Read it once, with `for await`; `break` (or
 * `return()`) stops the transfer; an AbortSignal given to the call stops it too (the iteration
 * then throws an AbortError). A failure is thrown exactly once; the iteration ends after it.
 */
export class EventStream extends Disposable {
  #batch = NO_EVENTS;
  #index = 0;
  #open = true;
  #claimed = false;
  #signal;
  #service;
  #waiters = [];
  #failure;

  /** `native`: the wasm EventStream, or an Error to throw on the first read. */
  constructor(native, { signal, service } = {}) {
    super(native instanceof Error ? { next() {}, cancel() {}, delete() {} } : native);
    this.#signal = signal ?? undefined;
    this.#service = service;
    if (native instanceof Error) this.#failure = native;
  }

  [Symbol.asyncIterator]() {
    if (this.#claimed) {
      throw new GenAIError('this stream is already being read; a stream can be read only once',
        { code: 'STREAM_CONSUMED', service: this.#service });
    }
    this.#claimed = true;
    return this;
  }

  /** Called with each event before it is handed out (subclasses accumulate state here). */
  onEvent(event) {} // eslint-disable-line no-unused-vars

  next() {
    if (this.#index < this.#batch.length) {
      if (this.#signal?.aborted) return this.#fail(abortError(this.#service));
      const value = this.#batch[this.#index++];
      this.onEvent(value);
      return Promise.resolve({ value, done: false });
    }
    if (!this.#open) return Promise.resolve(DONE);
    return this.#fill();
  }

  async #fill() {
    if (this.#failure) return this.#fail(this.#failure);
    if (this.#signal?.aborted) return this.#fail(abortError(this.#service));
    let batch;
    try {
      batch = await this.native.next();
    } catch (e) {
      return this.#fail(this.#signal?.aborted && !(e instanceof AbortError) ? abortError(this.#service) : e);
    }
    if (batch.length === 0) {
      // A cancel racing the abort of the fetch ends the native stream quietly: say why.
      if (this.#signal?.aborted) return this.#fail(abortError(this.#service));
      this.#finish();
      return DONE;
    }
    this.#batch = batch;
    this.#index = 1;
    const value = batch[0];
    this.onEvent(value);
    return { value, done: false };
  }

  /** Stops reading: the transfer is cancelled and the connection released. */
  return() {
    if (this.#open) {
      try { this.native.cancel(); } catch { /* already freed */ }
      this.#finish();
    }
    return Promise.resolve(DONE);
  }

  /** The same as breaking out of `for await`. */
  cancel() { return this.return(); }

  /** Resolves (never rejects) once the stream has ended: `{ error }` says how. */
  whenFinished() {
    if (!this.#open) return Promise.resolve({ error: this.#failure });
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #fail(error) {
    this.#failure = error;
    this.#finish();
    return Promise.reject(error);
  }

  #finish() {
    this.#open = false;
    this.#batch = NO_EVENTS;
    this.dispose();
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve({ error: this.#failure });
  }
}

const FINAL_TYPES = new Set(['response.completed', 'response.incomplete', 'response.failed']);

function outputTextOf(response) {
  let text = '';
  for (const item of response?.output ?? []) {
    if (item?.type !== 'message') continue;
    for (const part of item.content ?? []) if (part?.type === 'output_text') text += part.text ?? '';
  }
  return text;
}

/**
 * A streamed Response: typed events (`for await (const event of stream)`), the text so far
 * (`outputText`), and `finalResponse()`, which reads the stream to its end if nobody else does.
 */
export class ResponseStream extends EventStream {
  #text = '';
  #response;
  #final;

  constructor(native, options = {}) { super(native, { ...options, service: 'llamastack' }); }

  onEvent(event) {
    const type = event.type;
    if (type === 'response.output_text.delta') this.#text += event.delta ?? '';
    else if (FINAL_TYPES.has(type)) this.#response = event.response;
  }

  /** The text of every `response.output_text.delta` received so far. */
  get outputText() { return this.#text; }

  /**
   * The Response of the final event (`response.completed`, or `response.incomplete`), with
   * `output_text` filled in. Reads the stream to its end unless a `for await` loop already
   * does. Rejects with the stream's error, a ServerError for `response.failed`, or a
   * ProtocolError when the stream ended without a final event.
   */
  finalResponse() {
    this.#final ??= this.#settle();
    return this.#final;
  }

  async #settle() {
    let claimed = false;
    try {
      this[Symbol.asyncIterator]();
      claimed = true;
    } catch { /* someone is iterating: wait for them */ }
    if (claimed) {
      for await (const event of { [Symbol.asyncIterator]: () => this }) void event;
    } else {
      const { error } = await this.whenFinished();
      if (error) throw error;
    }
    const response = this.#response;
    if (!response) {
      throw new ProtocolError('the stream ended without a response.completed event',
        { code: 'INTERNAL_ERROR', service: 'llamastack', operation: 'createResponseStream' });
    }
    if (response.status === 'failed') {
      throw new ServerError(`the response failed: ${response.error?.message ?? 'no reason given'}`,
        { code: 'INTERNAL_ERROR', service: 'llamastack', operation: 'createResponseStream',
          serverMessage: response.error?.message, serverType: response.error?.code });
    }
    return { ...response, output_text: response.output_text ?? (outputTextOf(response) || this.#text) };
  }

  toString() { return '[ResponseStream]'; }
}
