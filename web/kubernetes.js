// Kubernetes client and factory (UPSTREAM.md §5): namespaces, access reviews, the playground's
// LlamaStackDistribution (or OGXServer), AI-asset models, ConfigMaps, as the user of the token.
import { Disposable, call } from './disposable.js';
import { MaaSClient } from './maas.js';
import { ValidationError } from './errors.js';
import { ServiceFactory } from './service_factory.js';
import { SecretToken } from './index.js';

const text = (value) => (value === undefined || value === null ? '' : String(value));

export class KubernetesClient extends Disposable {
  /** Namespace objects; `{dashboard: true}` gives the dashboard's `{name, displayName}` list. */
  getNamespaces(options = {}) { return call(() => this.native.getNamespaces(!!options.dashboard, options)); }
  /** SelfSubjectAccessReview: may the user list namespaces? */
  canListNamespaces(options) { return call(() => this.native.canListNamespaces(options)); }
  /** SelfSubjectAccessReview: may the user list LlamaStackDistributions (or OGXServers) in `namespace`? */
  canListLlamaStackDistributions(namespace, options) {
    return call(() => this.native.canListLlamaStackDistributions(text(namespace), options));
  }
  /** SelfSubjectAccessReview of verb `*` on resource `*`. */
  isClusterAdmin(options) { return call(() => this.native.isClusterAdmin(options)); }
  /** SelfSubjectReview → the username (a service account's own name). */
  getUser(options) { return call(() => this.native.getUser(options)); }
  /** The list object of the dashboard's distributions in `namespace` (`items`). */
  getLlamaStackDistributions(namespace, options) {
    return call(() => this.native.getLlamaStackDistributions(text(namespace), options));
  }
  /**
   * Installs the playground server: `models` is `[{model_name, is_maas_model}]`; `maasClient`
   * (a client of this SDK's MaaS factory) resolves MaaS models. Returns the created resource.
   */
  installLlamaStackDistribution(namespace, models, maasClient = null, options = undefined) {
    return call(() => {
      if (maasClient !== null && maasClient !== undefined && !(maasClient instanceof MaaSClient)) {
        throw new ValidationError('maasClient must be a MaaSClient created by a MaaS factory of this SDK',
          { code: 'INVALID_REQUEST', service: 'kubernetes', operation: 'installLlamaStackDistribution' });
      }
      return this.native.installLlamaStackDistribution(text(namespace), JSON.stringify(models ?? null),
        maasClient ? maasClient.native : null, options);
    });
  }
  /** Deletes the named distribution; returns it. */
  deleteLlamaStackDistribution(namespace, name, options) {
    return call(() => this.native.deleteLlamaStackDistribution(text(namespace), text(name), options));
  }
  /** AI-asset models of `namespace`: InferenceServices and LLMInferenceServices. */
  getAAModels(namespace, options) { return call(() => this.native.getAAModels(text(namespace), options)); }
  /** `{model_id, provider_id, provider_type, url}` of a model in the distribution's run.yaml. */
  getModelProviderInfo(namespace, modelId, options) {
    return call(() => this.native.getModelProviderInfo(text(namespace), text(modelId), options));
  }
  getConfigMap(namespace, name, options) {
    return call(() => this.native.getConfigMap(text(namespace), text(name), options));
  }
  /** The OpenShift cluster's ingress domain (ADR-0009); see {@link maasBaseURLForDomain}. */
  discoverClusterDomain(options) { return call(() => this.native.discoverClusterDomain(options)); }
  /** The user's token, as a SecretToken (prints `[REDACTED]`). */
  bearerToken() { return new SecretToken(this.native.bearerToken()); }
  toString() { return '[KubernetesClient]'; }
  toJSON() { return { client: 'KubernetesClient' }; }
}

export class KubernetesClientFactory extends ServiceFactory {
  constructor(module, config = {}) { super(module.KubernetesFactory, config); }
  /**
   * A client for one request: `{baseURL, token, timeout, maxRetries, headers, fetch,
   * distributionKind, distributionName}`; unset fields come from the factory config.
   */
  createClient(options = {}) {
    const merged = { ...options };
    for (const key of ['baseURL', 'distributionKind', 'distributionName']) {
      if (merged[key] === undefined && this.defaults[key] !== undefined) merged[key] = this.defaults[key];
    }
    return new KubernetesClient(this.native.createClient(merged));
  }
}

/** The MaaS base URL ADR-0009 derives from a cluster domain: `https://maas.<domain>/maas-api`. */
export function maasBaseURLForDomain(domain) {
  return `https://maas.${domain}/maas-api`;
}
