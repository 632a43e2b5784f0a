// Wraps an embind object so users never call .delete(): dispose() (or `using`) frees it, and a
// FinalizationRegistry frees what was forgotten. Calls after dispose() reject with a GenAIError.
import { GenAIError } from './errors.js';

let liveHandles = 0;

const registry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((native) => {
    liveHandles--;
    try { native.delete(); } catch { /* already freed */ }
  })
  : null;
/** Number of native handles not yet freed (for leak checks). */
export function liveHandleCount() { return liveHandles; }

export class Disposable {
  #native;
  constructor(native) {
    this.#native = native;
    liveHandles++;
    registry?.register(this, native, this);
  }
  /** The embind object; throws once disposed. */
  get native() {
    if (!this.#native) throw new GenAIError(`${this.constructor.name} is disposed`, { code: 'DISPOSED' });
    return this.#native;
  }
  get disposed() { return !this.#native; }
  dispose() {
    if (!this.#native) return;
    registry?.unregister(this);
    this.#native.delete();
    this.#native = null;
    liveHandles--;
  }
  [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() { this.dispose(); }
}

/** Runs `fn` and turns a synchronous throw (e.g. a disposed client) into a rejected promise. */
export function call(fn) {
  try { return fn(); } catch (e) { return Promise.reject(e); }
}
