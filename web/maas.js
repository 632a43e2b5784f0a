// MaaS client and factory (UPSTREAM.md §3 and the current MaaS API).
import { Disposable, call } from './disposable.js';
import { tokenText } from './factory_config.js';
import { ServiceFactory } from './service_factory.js';

const json = (value) => (value === undefined ? '' : JSON.stringify(value));

export class MaaSClient extends Disposable {
  /** Models you can use: GET /v1/models → the `data` array. */
  listModels(options = {}) { return call(() => this.native.listModels(options.subscription ?? '', options)); }
  /** A MaaS token: POST /v1/tokens → {token, expiresAt}. `expiration` is a Go duration (default "4h"). */
  issueToken(request = {}, options) { return call(() => this.native.issueToken(json(request), options)); }
  /** Revokes every token of the user (DELETE /v1/tokens) and empties the factory's token cache. */
  revokeAllTokens(options) { return call(() => this.native.revokeAllTokens(options)); }
  /** A token for one model, cached per namespace, user and model (ADR-0008). */
  getModelToken(request, options) { return call(() => this.native.getModelToken(json(request), options)); }
  /** Creates an API key; the secret `key` is only in this answer. Never retried automatically. */
  createApiKey(request, options) { return call(() => this.native.createApiKey(json(request), options)); }
  /** One page of API keys: {object, data, has_more}. */
  searchApiKeys(request = {}, options) { return call(() => this.native.searchApiKeys(json(request), options)); }
  /** Every API key matching `request`, page by page (`limit` per page, default 50). */
  async *listApiKeys(request = {}, options) {
    const limit = request.limit ?? 50;
    let offset = request.offset ?? 0;
    for (let page = 0; page < 10000; page++) {
      const result = await this.searchApiKeys({ ...request, limit, offset }, options);
      yield* result.data;
      if (!result.has_more || result.data.length === 0) return;
      offset += result.data.length;
    }
  }
  getApiKey(id, options) { return call(() => this.native.getApiKey(String(id ?? ''), options)); }
  revokeApiKey(id, options) { return call(() => this.native.revokeApiKey(String(id ?? ''), options)); }
  bulkRevokeApiKeys(request, options) { return call(() => this.native.bulkRevokeApiKeys(json(request), options)); }
  getApiKeyConfig(options) { return call(() => this.native.getApiKeyConfig(options)); }
  listSubscriptions(options) { return call(() => this.native.listSubscriptions(options)); }
  listModelSubscriptions(modelRef, options) {
    return call(() => this.native.listModelSubscriptions(String(modelRef ?? ''), options));
  }
  getTenants(options) { return call(() => this.native.getTenants(options)); }
  health(options) { return call(() => this.native.health(options)); }
  toString() { return '[MaaSClient]'; }
  toJSON() { return { client: 'MaaSClient' }; }
}

export class MaaSClientFactory extends ServiceFactory {
  constructor(module, config = {}) { super(module.MaaSFactory, config); }
  /** A client for one request: `{baseURL, token, timeout, maxRetries, headers, fetch}`. */
  createClient(options = {}) {
    const { baseURL = this.defaults.baseURL, token, timeout, maxRetries, headers, fetch } = options;
    const extra = timeout !== undefined || maxRetries !== undefined || headers !== undefined || fetch !== undefined
      ? { timeout, maxRetries, headers, fetch } : undefined;
    return new MaaSClient(this.native.createClient(baseURL ?? '', tokenText(token), extra));
  }
  /** Number of cached model tokens (ADR-0008 cache). */
  get tokenCacheSize() { return this.native.tokenCacheSize(); }
  clearTokenCache() { this.native.clearTokenCache(); }
}
