// What every service factory of the facade shares: the native factory built from the config's
// {mock, fetch, record, replay}, isMock, exportRecording() and a string form without secrets.
import { Disposable } from './disposable.js';
import { nativeFactoryConfig } from './factory_config.js';

export class ServiceFactory extends Disposable {
  #defaults;
  /**
   * `NativeFactory`: the embind class; `config`: the service's entry of createFactories();
   * `extra`: more native settings (e.g. the LlamaStack Mock's streamDelayMs).
   */
  constructor(NativeFactory, config = {}, extra = {}) {
    super(new NativeFactory({ ...nativeFactoryConfig(config), ...extra }));
    this.#defaults = config;
  }
  /** The service's config as given to createFactories (client options default to it). */
  get defaults() { return this.#defaults; }
  /** True for a Mock factory and for one replaying a recording. */
  get isMock() { return this.native.isMock(); }
  /**
   * Every request/response pair so far (config `record: true`), credentials stripped, as a
   * bundle that `createFactories({<service>: {replay: bundle}})` answers from; null when not recording.
   */
  exportRecording() { return this.native.recording(); }
  toString() {
    return this.disposed ? `[${this.constructor.name} disposed]` : `[${this.constructor.name} ${this.isMock ? 'mock' : 'real'}]`;
  }
}
