// Hand-written type declarations; see web/index.d.ts. Checked by `tsc -p tests/types/tsconfig.json`.
/// <reference lib="esnext.disposable" />

import type { CallOptions, ClientOptions } from './options.js';
import type { ServiceConfig, SecretToken, Recording } from './index.js';
import type { MaaSClient } from './maas.js';

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Kubernetes: configuration
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The custom resource that runs the playground's LlamaStack server: the ADR-era
 * `llamastack.io/v1alpha1` LlamaStackDistribution (default) or the newer `ogx.io/v1beta1`
 * OGXServer. It decides the resource listed, installed and deleted, the access review's group,
 * and the ConfigMap key (`run.yaml` or `config.yaml`).
 */
export type DistributionKind = 'LlamaStackDistribution' | 'OGXServer';

/** What the Kubernetes factory and its clients take besides the common options. */
export interface KubernetesSettings {
  /** Default `'LlamaStackDistribution'`. Any other value throws a ValidationError from createClient(). */
  distributionKind?: DistributionKind;
  /**
   * The upstream `DISTRIBUTION_NAME`: a distribution name (`{name}`) or, when it contains `/` or
   * `:`, an image (`{image}`). Default `'rh-dev'`.
   */
  distributionName?: string;
}

/** The `kubernetes` entry of {@link FactoriesConfig}. */
export interface KubernetesServiceConfig extends ServiceConfig, KubernetesSettings {}

/** What {@link KubernetesClientFactory.createClient} takes. */
export interface KubernetesClientOptions extends ClientOptions, KubernetesSettings {}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Kubernetes: objects (the fields the SDK reads; the server's other fields are passed through)
// ─────────────────────────────────────────────────────────────────────────────────────────────

/** `metadata` of a Kubernetes object. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string | null;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  [field: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** A Kubernetes object as the API server returns it. */
export interface KubernetesObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface Namespace extends KubernetesObject {
  status?: { phase?: string; [field: string]: unknown };
}

/** An entry of `getNamespaces({dashboard: true})`. */
export interface DashboardNamespace {
  name: string;
  /** Annotation `openshift.io/display-name`, else the name. */
  displayName: string;
}

export interface ConfigMap extends KubernetesObject {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}

/** Phase of a distribution, as the operator reports it. */
export type DistributionPhase = 'Pending' | 'Initializing' | 'Ready' | 'Failed' | 'Terminating';

/** A LlamaStackDistribution (or OGXServer). */
export interface LlamaStackDistribution extends KubernetesObject {
  spec?: Record<string, unknown>;
  status?: {
    phase?: DistributionPhase | string;
    version?: { llamaStackServerVersion?: string; operatorVersion?: string; lastUpdated?: string };
    serviceURL?: string;
    distributionConfig?: {
      activeDistribution?: string;
      providers?: Array<{ api?: string; provider_id?: string; provider_type?: string; [field: string]: unknown }>;
      availableDistributions?: Record<string, string>;
    };
    conditions?: Array<Record<string, unknown>>;
    availableReplicas?: number;
    [field: string]: unknown;
  };
}

/** The list object of {@link KubernetesClient.getLlamaStackDistributions}. */
export interface LlamaStackDistributionList {
  apiVersion?: string;
  kind?: string;
  metadata?: Record<string, unknown>;
  items: LlamaStackDistribution[];
}

/** An AI-asset model (upstream `AAModel`). */
export interface AAModel {
  model_name: string;
  model_id: string;
  /** ServingRuntime annotation `opendatahub.io/template-display-name`, or `Distributed inference with llm-d`. */
  serving_runtime: string;
  api_protocol: string;
  version: string;
  usecase: string;
  description: string;
  /** `internal: <url>` and, when outside the cluster, `external: <url>`. */
  endpoints: string[];
  status: 'Running' | 'Stop';
  display_name: string;
  /** Never filled by getAAModels (as upstream). */
  sa_token: { name: string; token_name: string; token: string };
}

/** One model of an install. */
export interface InstallModel {
  /** An InferenceService or LLMInferenceService name in the namespace, or a MaaS model id. */
  model_name: string;
  /** Resolve the model through MaaS. Default `false`. */
  is_maas_model?: boolean;
}

/** What {@link KubernetesClient.getModelProviderInfo} returns. */
export interface ModelProviderInfo {
  model_id: string;
  provider_id: string;
  provider_type: string;
  /** The provider's `url`, `${env.X:=default}` reduced to its default. */
  url: string;
}

/** Options of {@link KubernetesClient.getNamespaces}. */
export interface GetNamespacesOptions extends CallOptions {
  /**
   * The dashboard's view: `default`, `system`, `openshift`, `opendatahub` and `openshift-*` /
   * `kube-*` dropped, each namespace as `{name, displayName}`. Default `false`.
   */
  dashboard?: boolean;
}

// ─────────────────────────────────────────────────────────────────────────────────────────────
// Kubernetes: client and factory
// ─────────────────────────────────────────────────────────────────────────────────────────────

/**
 * A Kubernetes client for one request, from {@link KubernetesClientFactory.createClient}: every
 * call goes to the API server (or a same-origin proxy in front of it) as the user, with
 * `Authorization: Bearer <token>`. Every method returns a Promise that rejects with a
 * {@link GenAIError} subclass; codes are `UNAUTHORIZED` (401), `FORBIDDEN` (403), `NOT_FOUND`
 * (404), `PERMISSION_DENIED`, `INTERNAL_ERROR` (other statuses; `serverType` holds the Status
 * reason), `ALREADY_EXISTS`, `CONNECTION_FAILED`, `TIMEOUT`, `INVALID_RESPONSE`, `ABORTED`,
 * `INVALID_REQUEST` (validation). Namespaces must be RFC 1123 labels and names RFC 1123
 * subdomains (checked before any request).
 */
export class KubernetesClient {
  #private;
  private constructor();

  /**
   * `GET /api/v1/namespaces`; when that fails, the OpenShift projects the user can see
   * (`GET /apis/project.openshift.io/v1/projects`, then each namespace). Timeout 30 s.
   */
  getNamespaces(options?: GetNamespacesOptions & { dashboard?: false }): Promise<Namespace[]>;
  getNamespaces(options: GetNamespacesOptions & { dashboard: true }): Promise<DashboardNamespace[]>;
  /** SelfSubjectAccessReview `list namespaces`. Timeout 10 s. */
  canListNamespaces(options?: CallOptions): Promise<boolean>;
  /**
   * SelfSubjectAccessReview `list llamastackdistributions.llamastack.io` (or `ogxservers.ogx.io`)
   * in `namespace`. Errors: `Kubernetes error [UNAUTHORIZED|PERMISSION_DENIED|INTERNAL_ERROR] in
   * namespace <ns>: …`.
   */
  canListLlamaStackDistributions(namespace: string, options?: CallOptions): Promise<boolean>;
  /** SelfSubjectAccessReview of verb `*` on resource `*`. */
  isClusterAdmin(options?: CallOptions): Promise<boolean>;
  /** SelfSubjectReview → the username; `system:serviceaccount:<ns>:<name>` gives `<name>`. */
  getUser(options?: CallOptions): Promise<string>;
  /** The distributions labelled `opendatahub.io/dashboard=true` in `namespace`. */
  getLlamaStackDistributions(namespace: string, options?: CallOptions): Promise<LlamaStackDistributionList>;
  /**
   * Installs `lsd-genai-playground` with `models`: the resource (token Secrets of the models'
   * ServiceAccounts, else `fake`), then ConfigMap `llama-stack-config` with the generated
   * run.yaml and its owner reference. `maasClient` (from this SDK's MaaS factory) is needed when
   * a model has `is_maas_model`. Resolves with the created resource. Timeout 60 s per request.
   * @throws {ConflictError} `LlamaStackDistribution already exists in namespace <ns>` (code `ALREADY_EXISTS`).
   */
  installLlamaStackDistribution(
    namespace: string,
    models: readonly InstallModel[],
    maasClient?: MaaSClient | null,
    options?: CallOptions,
  ): Promise<LlamaStackDistribution>;
  /** Deletes the named distribution of the dashboard; resolves with it. */
  deleteLlamaStackDistribution(namespace: string, name: string, options?: CallOptions): Promise<LlamaStackDistribution>;
  /** InferenceServices and LLMInferenceServices labelled `opendatahub.io/genai-asset=true`. */
  getAAModels(namespace: string, options?: CallOptions): Promise<AAModel[]>;
  /** Reads the distribution's run.yaml and finds `modelId` (or `<provider_id>/<model_id>`). */
  getModelProviderInfo(namespace: string, modelId: string, options?: CallOptions): Promise<ModelProviderInfo>;
  /** `GET /api/v1/namespaces/{namespace}/configmaps/{name}`. */
  getConfigMap(namespace: string, name: string, options?: CallOptions): Promise<ConfigMap>;
  /** `spec.domain` of `ingresses.config.openshift.io/cluster` (ADR-0009). */
  discoverClusterDomain(options?: CallOptions): Promise<string>;
  /** The user's token (Mock: `FAKE_BEARER_TOKEN` when none was given). */
  bearerToken(): SecretToken;

  /** `"[KubernetesClient]"` (never shows the token). */
  toString(): string;
  toJSON(): { client: 'KubernetesClient' };
  get disposed(): boolean;
  dispose(): void;
  [Symbol.dispose](): void;
}

/**
 * Creates Kubernetes clients; Real (fetch to `baseURL`) or Mock (a fake cluster with the data of
 * the upstream mock, whose state install and delete change), from {@link GenAI.createFactories}.
 */
export class KubernetesClientFactory {
  #private;
  private constructor();

  get isMock(): boolean;
  /** The exchanges recorded so far (config `record: true`), credentials stripped, else `null`. */
  exportRecording(): Recording | null;
  /** A client for one request; `baseURL`, `distributionKind`, `distributionName` default to the factory config's. */
  createClient(options?: KubernetesClientOptions): KubernetesClient;
  toString(): string;
  get disposed(): boolean;
  dispose(): void;
  [Symbol.dispose](): void;
}

/** `https://maas.<domain>/maas-api`, the MaaS base URL ADR-0009 derives from the cluster domain. */
export function maasBaseURLForDomain(domain: string): string;
