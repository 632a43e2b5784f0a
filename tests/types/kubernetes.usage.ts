// Type-level test of web/kubernetes.d.ts: uses every Kubernetes export with correct types, and
// proves misuse is rejected (`@ts-expect-error` fails the build if the line below type-checks).
// Only checked by `node_modules/.bin/tsc -p tests/types/tsconfig.json`, never run.
import {
  loadGenAI,
  maasBaseURLForDomain,
  KubernetesClient,
  KubernetesClientFactory,
  MaaSClientFactory,
  SecretToken,
} from 'genai-clients';
import type {
  AAModel,
  ConfigMap,
  DashboardNamespace,
  DistributionKind,
  InstallModel,
  KubernetesClientOptions,
  KubernetesServiceConfig,
  LlamaStackDistribution,
  LlamaStackDistributionList,
  ModelProviderInfo,
  Namespace,
} from 'genai-clients';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<A, B>(_proof: Equal<A, B>): void {}

const genai = await loadGenAI();
const serviceConfig: KubernetesServiceConfig = { baseURL: '/api/k8s', distributionKind: 'OGXServer', distributionName: 'rh-dev' };
const factories = genai.createFactories({ kubernetes: serviceConfig, maas: { mock: true } });
assertType<typeof factories.kubernetes, KubernetesClientFactory>(true);
const both = genai.createFactories({ maas: { mock: true } });
assertType<typeof both.kubernetes, KubernetesClientFactory | undefined>(true);
const fromEnv = genai.createFactories(genai.configFromEnv({ MOCK_K8S_CLIENT: 'true' }));
assertType<typeof fromEnv.kubernetes, KubernetesClientFactory>(true);

const options: KubernetesClientOptions = { token: 'user-token', timeout: 5000, distributionKind: 'LlamaStackDistribution' };
const k8s: KubernetesClient = factories.kubernetes.createClient(options);
const isMock: boolean = factories.kubernetes.isMock;
const kind: DistributionKind = 'OGXServer';

const namespaces: Namespace[] = await k8s.getNamespaces();
const view: DashboardNamespace[] = await k8s.getNamespaces({ dashboard: true });
const firstName: string | undefined = namespaces[0]?.metadata.name;
const display: string | undefined = view[0]?.displayName;
const allowed: boolean = await k8s.canListNamespaces({ timeout: 1000 });
const lsdAllowed: boolean = await k8s.canListLlamaStackDistributions('team-a', { signal: new AbortController().signal });
const admin: boolean = await k8s.isClusterAdmin();
const user: string = await k8s.getUser();
const list: LlamaStackDistributionList = await k8s.getLlamaStackDistributions('team-a');
const phase: string | undefined = list.items[0]?.status?.phase;
const models: InstallModel[] = [{ model_name: 'granite' }, { model_name: 'maas-llama', is_maas_model: true }];
const maas = factories.maas.createClient({});
const created: LlamaStackDistribution = await k8s.installLlamaStackDistribution('team-a', models, maas, { maxRetries: 0 });
await k8s.installLlamaStackDistribution('team-a', [{ model_name: 'granite' }]);
const deleted: LlamaStackDistribution = await k8s.deleteLlamaStackDistribution('team-a', created.metadata.name);
const aa: AAModel[] = await k8s.getAAModels('team-a');
const status: 'Running' | 'Stop' | undefined = aa[0]?.status;
const info: ModelProviderInfo = await k8s.getModelProviderInfo('team-a', 'granite');
const cm: ConfigMap = await k8s.getConfigMap('opendatahub', 'gen-ai-aa-mcp-servers');
const value: string | undefined = cm.data?.['brave'];
const domain: string = await k8s.discoverClusterDomain();
const maasURL: string = maasBaseURLForDomain(domain);
const token: SecretToken = k8s.bearerToken();
const text: string = String(k8s);
k8s.dispose();
factories.kubernetes.dispose();

// @ts-expect-error distributionKind is one of two names
genai.createFactories({ kubernetes: { distributionKind: 'Deployment' } });
// @ts-expect-error models are {model_name, is_maas_model}
await k8s.installLlamaStackDistribution('team-a', ['granite']);
// @ts-expect-error the MaaS client, not its factory
await k8s.installLlamaStackDistribution('team-a', models, factories.maas as MaaSClientFactory);
// @ts-expect-error a namespace is a string
await k8s.getAAModels(3);
// @ts-expect-error dashboard is a boolean
await k8s.getNamespaces({ dashboard: 'yes' });

export { isMock, kind, firstName, display, allowed, lsdAllowed, admin, user, phase, deleted, status, info, value, maasURL, token, text };
