// One contract, two factories: the same assertions run against the Mock factory and against the
// Real factory talking to real peers (Prism serving the Kubernetes 1.36 spec for the core API; the
// loopback cluster server for llamastack.io, serving.kserve.io and config.openshift.io). The
// mock cannot drift from what the real API answers without this file failing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startClusterServer } from '../peers/kubernetes/cluster-server.mjs';
import { routedFetch, startKubernetesPrism } from '../peers/kubernetes/prism.mjs';
import { genai, NotFoundError, ValidationError } from './helpers/sdk.mjs';

let prism;
let cluster;
before(async () => {
  prism = await startKubernetesPrism();
  cluster = await startClusterServer();
});
after(async () => { await prism?.stop(); await cluster?.stop(); });

const targets = {
  mock: () => genai.createFactories({ kubernetes: { mock: true }, maas: { mock: true } }),
  real: () => genai.createFactories({ kubernetes: { baseURL: prism.url, fetch: routedFetch(prism.url, cluster.url) } }),
};

const isString = (v) => typeof v === 'string';

for (const [name, make] of Object.entries(targets)) {
  describe(`Kubernetes contract: ${name} factory`, () => {
    const client = () => make().kubernetes.createClient({ token: 'user-token' });

    test('getNamespaces: Namespace objects, or the dashboard view', async () => {
      const c = client();
      const namespaces = await c.getNamespaces();
      assert.ok(namespaces.length >= 1);
      for (const ns of namespaces) assert.ok(isString(ns.metadata.name));
      const view = await c.getNamespaces({ dashboard: true });
      for (const ns of view) {
        assert.ok(isString(ns.name) && isString(ns.displayName));
        assert.ok(!/^(openshift-|kube-)/.test(ns.name));
      }
    });

    test('access reviews are booleans; getUser is a name', async () => {
      const c = client();
      assert.equal(typeof await c.canListNamespaces(), 'boolean');
      assert.equal(typeof await c.canListLlamaStackDistributions('mock-test-namespace-2'), 'boolean');
      assert.equal(typeof await c.isClusterAdmin(), 'boolean');
      const user = await c.getUser();
      assert.ok(isString(user) && user.length > 0);
      assert.equal(String(c.bearerToken()), '[REDACTED]');
    });

    test('getAAModels: the AAModel shape', async () => {
      const models = await client().getAAModels('mock-test-namespace-2');
      assert.ok(models.length >= 2);
      for (const m of models) {
        for (const field of ['model_name', 'model_id', 'serving_runtime', 'api_protocol', 'version', 'usecase', 'description', 'display_name']) {
          assert.ok(isString(m[field]), field);
        }
        assert.ok(['Running', 'Stop'].includes(m.status));
        assert.ok(m.endpoints.length >= 1);
        for (const e of m.endpoints) assert.match(e, /^(internal|external): https?:\/\//);
        assert.deepEqual(m.sa_token, { name: '', token_name: '', token: '' });
      }
      assert.ok(models.some((m) => m.serving_runtime === 'Distributed inference with llm-d'));
    });

    test('getConfigMap: a ConfigMap whose data values are strings', async () => {
      const cm = await client().getConfigMap('opendatahub', 'gen-ai-aa-mcp-servers');
      assert.ok(isString(cm.metadata.name));
      for (const value of Object.values(cm.data ?? {})) assert.ok(isString(value));
    });

    test('install, list, delete change the state', async () => {
      const f = make();
      const c = f.kubernetes.createClient({ token: 'user-token' });
      const ns = 'mock-test-namespace-3';
      assert.deepEqual((await c.getLlamaStackDistributions(ns)).items, []);
      const created = await c.installLlamaStackDistribution(ns, [{ model_name: 'granite-7b-code' }]);
      assert.equal(created.kind, 'LlamaStackDistribution');
      assert.equal(created.metadata.name, 'lsd-genai-playground');
      assert.ok(isString(created.metadata.uid));
      assert.equal(created.spec.server.userConfig.configMapName, 'llama-stack-config');
      const items = (await c.getLlamaStackDistributions(ns)).items;
      assert.deepEqual(items.map((i) => i.metadata.name), ['lsd-genai-playground']);
      assert.ok(isString(items[0].status.phase));
      await assert.rejects(c.installLlamaStackDistribution(ns, [{ model_name: 'granite-7b-code' }]),
        { name: 'ConflictError', message: `LlamaStackDistribution already exists in namespace ${ns}` });
      const deleted = await c.deleteLlamaStackDistribution(ns, 'lsd-genai-playground');
      assert.equal(deleted.metadata.name, 'lsd-genai-playground');
      assert.deepEqual((await c.getLlamaStackDistributions(ns)).items, []);
    });

    test('missing things are NotFoundErrors with the upstream words', async () => {
      const c = client();
      await assert.rejects(c.getModelProviderInfo('mock-test-namespace-1', 'x'),
        (e) => e instanceof NotFoundError && e.message === 'no LlamaStackDistribution found in namespace mock-test-namespace-1');
      await assert.rejects(c.deleteLlamaStackDistribution('mock-test-namespace-1', 'x'), (e) => e instanceof NotFoundError
        && e.message === 'no LlamaStackDistribution found in namespace mock-test-namespace-1 with OpenDataHubDashboardLabelKey annotation');
    });

    test('discoverClusterDomain', async () => {
      assert.equal(await client().discoverClusterDomain(), 'apps.example.com');
    });

    test('validation is identical', async () => {
      const c = client();
      await assert.rejects(c.getAAModels(''), { name: 'ValidationError', message: 'namespace is required' });
      await assert.rejects(c.getConfigMap('ns', 'Bad'), ValidationError);
      await assert.rejects(c.installLlamaStackDistribution('ns', [{ model_name: 'm', is_maas_model: true }]),
        { name: 'ValidationError', message: 'MaaS client not available but MaaS models were requested. Ensure MaaS is enabled and configured' });
    });
  });
}
