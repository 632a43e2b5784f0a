// The custom resources (llamastack.io, ogx.io, serving.kserve.io, config.openshift.io) against the
// loopback cluster server, which checks the method, path, query, body and token of every request.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './helpers/peers.mjs';
import { startClusterServer } from '../peers/kubernetes/cluster-server.mjs';
import {
  genai, AbortError, AuthenticationError, ConflictError, ConnectionError, NotFoundError, ProtocolError,
  ValidationError, maasBaseURLForDomain,
} from './helpers/sdk.mjs';

let cluster;
let maasServer;
before(async () => {
  cluster = await startClusterServer();
  maasServer = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data: [
      { id: 'maas-llama', object: 'model', created: 1, owned_by: 'o', ready: true, url: 'https://maas.apps.example.com/llm/maas-llama/' },
      { id: 'maas-cold', object: 'model', created: 1, owned_by: 'o', ready: false, url: 'https://maas.apps.example.com/llm/maas-cold' },
    ] }));
  });
});
after(async () => { await cluster?.stop(); await maasServer?.stop(); });

const factories = (extra = {}) => genai.createFactories({ kubernetes: { baseURL: cluster.url, ...extra }, maas: { baseURL: maasServer.url } });
const k8s = (extra, token = 'user-token') => factories(extra).kubernetes.createClient({ token });

describe('Kubernetes custom resources against the loopback cluster server', () => {
  test('getAAModels: InferenceServices with their runtime, then LLMInferenceServices', async () => {
    const models = await k8s().getAAModels('team-a');
    assert.deepEqual(models, [
      {
        model_name: 'granite-7b-code', model_id: 'granite-7b-code', serving_runtime: 'vLLM ServingRuntime for KServe',
        api_protocol: 'REST', version: 'v0.9.1', usecase: 'Code generation', description: 'IBM Granite 7B for code',
        display_name: 'Granite 7B code', status: 'Running', sa_token: { name: '', token_name: '', token: '' },
        endpoints: ['internal: https://granite-7b-code-predictor.team-a.svc.cluster.local', 'external: https://granite-7b-code-team-a.apps.example.com'],
      },
      {
        model_name: 'llm-d-qwen', model_id: 'Qwen/Qwen2.5-7B-Instruct', serving_runtime: 'Distributed inference with llm-d',
        api_protocol: 'REST', version: '', usecase: '', description: '', display_name: 'Qwen 2.5 7B (llm-d)', status: 'Stop',
        sa_token: { name: '', token_name: '', token: '' }, endpoints: ['internal: http://llm-d-qwen.team-a.svc.cluster.local:80'],
      },
    ]);
    assert.deepEqual(cluster.violations, []);
  });

  test('install, list, provider info, delete: the whole §5.4 sequence with a MaaS model', async () => {
    const f = factories();
    const c = f.kubernetes.createClient({ token: 'user-token' });
    const maas = f.maas.createClient({ token: 'maas-token' });
    const before = cluster.requests.length;
    const created = await c.installLlamaStackDistribution('team-b',
      [{ model_name: 'granite-7b-code' }, { model_name: 'llm-d-qwen' }, { model_name: 'maas-llama', is_maas_model: true }], maas);
    assert.equal(created.kind, 'LlamaStackDistribution');
    assert.equal(created.status.phase, 'Pending');
    const sent = cluster.requests.slice(before).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(sent, [
      'GET /apis/llamastack.io/v1alpha1/namespaces/team-b/llamastackdistributions?labelSelector=opendatahub.io%2Fdashboard%3Dtrue',
      'GET /apis/serving.kserve.io/v1beta1/namespaces/team-b/inferenceservices',
      'GET /apis/serving.kserve.io/v1alpha1/namespaces/team-b/llminferenceservices',
      'GET /api/v1/namespaces/team-b/serviceaccounts',
      'GET /api/v1/namespaces/team-b/secrets',
      'GET /api/v1/namespaces/team-b/secrets/granite-7b-code-sa-token',
      'POST /apis/llamastack.io/v1alpha1/namespaces/team-b/llamastackdistributions',
      'GET /api/v1/namespaces/team-b/services?labelSelector=serving.kserve.io%2Finferenceservice%3Dgranite-7b-code',
      'GET /api/v1/namespaces/team-b/services?labelSelector=app.kubernetes.io%2Fname%3Dllm-d-qwen%2Capp.kubernetes.io%2Fcomponent%3Dllminferenceservice-workload',
      'POST /api/v1/namespaces/team-b/configmaps',
      'PUT /api/v1/namespaces/team-b/configmaps/llama-stack-config',
    ]);
    const cr = JSON.parse(cluster.requests[before + 6].body);
    assert.deepEqual(cr.spec.server.containerSpec.env.filter((e) => e.name.startsWith('VLLM_API_TOKEN_')), [
      { name: 'VLLM_API_TOKEN_1', valueFrom: { secretKeyRef: { name: 'granite-7b-code-sa-token', key: 'token' } } },
      { name: 'VLLM_API_TOKEN_2', value: 'fake' },
      { name: 'VLLM_API_TOKEN_3', value: 'fake' },
    ]);
    assert.deepEqual(cr.spec.server.distribution, { name: 'rh-dev' });
    const configMap = JSON.parse(cluster.requests[before + 9].body);
    const runYaml = configMap.data['run.yaml'];
    assert.match(runYaml, /^# Llama Stack Configuration\n/);
    assert.match(runYaml, /url: http:\/\/granite-7b-code-predictor\.team-b\.svc\.cluster\.local:8080\/v1\n/);
    assert.match(runYaml, /url: http:\/\/llm-d-qwen-kserve-workload-svc\.team-b\.svc\.cluster\.local:8000\/v1\n/);
    assert.match(runYaml, /url: https:\/\/maas\.apps\.example\.com\/llm\/maas-llama\/v1\n/);
    assert.match(runYaml, /version: "2"\n/);
    assert.equal(maasServer.requests.at(-1).url, '/v1/models');
    assert.equal(maasServer.requests.at(-1).headers.authorization, 'Bearer maas-token');

    const list = await c.getLlamaStackDistributions('team-b');
    assert.deepEqual(list.items.map((i) => i.metadata.name), ['lsd-genai-playground']);
    await assert.rejects(c.installLlamaStackDistribution('team-b', [{ model_name: 'granite-7b-code' }]),
      (e) => e instanceof ConflictError && e.message === 'LlamaStackDistribution already exists in namespace team-b');

    const info = await c.getModelProviderInfo('team-b', 'granite-7b-code');
    assert.deepEqual(info, { model_id: 'granite-7b-code', provider_id: 'vllm-inference-1', provider_type: 'remote::vllm',
      url: 'http://granite-7b-code-predictor.team.svc.cluster.local:8080/v1' });

    await assert.rejects(c.deleteLlamaStackDistribution('team-b', 'other'),
      (e) => e instanceof NotFoundError && e.message === "LlamaStackDistribution with name 'other' not found in namespace team-b");
    const deleted = await c.deleteLlamaStackDistribution('team-b', 'lsd-genai-playground');
    assert.equal(deleted.metadata.name, 'lsd-genai-playground');
    assert.deepEqual((await c.getLlamaStackDistributions('team-b')).items, []);
    assert.deepEqual(cluster.violations, []);
  });

  test('install: an unready MaaS model fails after the resource exists; no MaaS client is a ValidationError', async () => {
    const f = factories();
    const c = f.kubernetes.createClient({ token: 'user-token' });
    await assert.rejects(c.installLlamaStackDistribution('team-c', [{ model_name: 'maas-cold', is_maas_model: true }]),
      (e) => e instanceof ValidationError
        && e.message === 'MaaS client not available but MaaS models were requested. Ensure MaaS is enabled and configured');
    await assert.rejects(c.installLlamaStackDistribution('team-c', [{ model_name: 'maas-cold', is_maas_model: true }], { listModels() {} }),
      ValidationError);
    await assert.rejects(c.installLlamaStackDistribution('team-c', [{ model_name: 'maas-cold', is_maas_model: true }], f.maas.createClient({})),
      (e) => e.message === "failed to create ConfigMap: failed to generate Llama Stack configuration: MaaS model 'maas-cold' is not ready (status: false)");
    assert.equal((await c.getLlamaStackDistributions('team-c')).items.length, 1);
    await c.deleteLlamaStackDistribution('team-c', 'lsd-genai-playground');
    await assert.rejects(c.installLlamaStackDistribution('team-c', []), ValidationError);
    await assert.rejects(c.installLlamaStackDistribution('team-c', [{ name: 'x' }]), ValidationError);
    assert.deepEqual(cluster.violations, []);
  });

  test('OGXServer (distributionKind option): ConfigMap first, then the server, then the owner', async () => {
    const c = k8s({ distributionKind: 'OGXServer', distributionName: 'quay.io/opendatahub/ogx:latest' });
    const before = cluster.requests.length;
    const created = await c.installLlamaStackDistribution('team-d', [{ model_name: 'granite-7b-code' }]);
    assert.equal(created.kind, 'OGXServer');
    assert.deepEqual(created.spec.distribution, { image: 'quay.io/opendatahub/ogx:latest' });
    const writes = cluster.requests.slice(before).filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(writes, [
      'POST /api/v1/namespaces/team-d/configmaps',
      'POST /apis/ogx.io/v1beta1/namespaces/team-d/ogxservers',
      'PUT /api/v1/namespaces/team-d/configmaps/llama-stack-config',
    ]);
    const cm = JSON.parse(cluster.requests.filter((r) => r.method === 'POST' && r.url.endsWith('/configmaps')).at(-1).body);
    assert.deepEqual(Object.keys(cm.data), ['config.yaml']);
    assert.equal(cm.metadata.labels['ogx.io/watch'], 'true');
    assert.equal((await c.getLlamaStackDistributions('team-d')).items.length, 1);
    await c.deleteLlamaStackDistribution('team-d', 'lsd-genai-playground');
    assert.throws(() => k8s({ distributionKind: 'Deployment' }), ValidationError);
    assert.deepEqual(cluster.violations, []);
  });

  test('discoverClusterDomain and the MaaS URL of ADR-0009', async () => {
    const domain = await k8s().discoverClusterDomain();
    assert.equal(domain, 'apps.example.com');
    assert.equal(maasBaseURLForDomain(domain), 'https://maas.apps.example.com/maas-api');
  });

  test('a wrong token is a 401 AuthenticationError everywhere', async () => {
    const c = k8s({}, 'someone-else');
    await assert.rejects(c.getAAModels('team-a'), (e) => e instanceof AuthenticationError && e.code === 'UNAUTHORIZED'
      && e.message === 'failed to list InferenceServices: authentication failed: invalid or expired token');
    await assert.rejects(c.getLlamaStackDistributions('team-a'), AuthenticationError);
    await assert.rejects(c.discoverClusterDomain(), AuthenticationError);
  });

  test('the token never shows: not in errors, not in string forms', async () => {
    const c = k8s({}, 'secret-token-value');
    const token = c.bearerToken();
    assert.equal(String(token), '[REDACTED]');
    assert.equal(JSON.stringify({ token }), '{"token":"[REDACTED]"}');
    assert.equal(token.reveal(), 'secret-token-value');
    assert.equal(String(c), '[KubernetesClient]');
    const e = await c.getAAModels('team-a').catch((err) => err);
    assert.ok(!JSON.stringify({ ...e, message: e.message }).includes('secret-token-value'));
  });

  test('bad input: malformed answers, refused connections, aborts, invalid names', async () => {
    const broken = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url.includes('ingresses') ? '{"spec":{}}' : '{"items": "nope"}');
    });
    try {
      const c = genai.createFactories({ kubernetes: { baseURL: broken.url } }).kubernetes.createClient({ token: 't' });
      await assert.rejects(c.getLlamaStackDistributions('ns'), (e) => e instanceof ProtocolError && e.code === 'INVALID_RESPONSE');
      await assert.rejects(c.discoverClusterDomain(), (e) => e instanceof ProtocolError && e.message === 'invalid ingress config: missing domain');
    } finally {
      await broken.stop();
    }
    const down = genai.createFactories({ kubernetes: { baseURL: broken.url } }).kubernetes.createClient({ token: 't', maxRetries: 0 });
    await assert.rejects(down.getAAModels('ns'), (e) => e instanceof ConnectionError && e.code === 'CONNECTION_FAILED');
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(k8s().getAAModels('team-a', { signal: controller.signal }), AbortError);
    const before = cluster.requests.length;
    await assert.rejects(k8s().getConfigMap('team-a', 'a/b'), ValidationError);
    await assert.rejects(k8s().deleteLlamaStackDistribution('team_a', 'x'), ValidationError);
    await assert.rejects(k8s().getModelProviderInfo('team-a', ''), ValidationError);
    assert.equal(cluster.requests.length, before);
    // The client still works after all that.
    assert.equal((await k8s().getAAModels('team-a')).length, 2);
  });
});
