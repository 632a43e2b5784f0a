// A loopback Kubernetes API server for the resources Prism's Kubernetes spec does not describe
// (llamastack.io, ogx.io, serving.kserve.io, config.openshift.io), and for the core resources an
// install touches. It checks the method, path, query, body and token of every request against what
// UPSTREAM.md §5 says the client sends, answers with realistic objects, and keeps the
// distributions it is given. Every request it did not expect is recorded in `violations`.
import { startServer } from '../../node/helpers/peers.mjs';

const LSD = '/apis/llamastack.io/v1alpha1';
const OGX = '/apis/ogx.io/v1beta1';
const KSERVE = '/apis/serving.kserve.io';
const DASHBOARD = 'opendatahub.io/dashboard=true';
const GENAI_ASSET = 'opendatahub.io/genai-asset=true';

function status(code, reason, message) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
}

function list(kind, items) {
  return { apiVersion: 'v1', kind: `${kind}List`, metadata: { resourceVersion: '4711' }, items };
}

// The serving objects of one namespace.
function servingObjects(ns) {
  const isvc = {
    apiVersion: 'serving.kserve.io/v1beta1', kind: 'InferenceService',
    metadata: {
      name: 'granite-7b-code', namespace: ns, uid: 'a3c1d1c6-6c1b-4a34-9d0d-6a7d3b1f0001',
      labels: { 'opendatahub.io/genai-asset': 'true', 'opendatahub.io/dashboard': 'true' },
      annotations: { 'openshift.io/display-name': 'Granite 7B code', 'opendatahub.io/genai-use-case': 'Code generation',
        'openshift.io/description': 'IBM Granite 7B for code' },
    },
    spec: { predictor: { model: { modelFormat: { name: 'vLLM' }, runtime: 'vllm-runtime', storageUri: 'oci://quay.io/org/granite:1' } } },
    status: {
      address: { url: `https://granite-7b-code-predictor.${ns}.svc.cluster.local` },
      url: `https://granite-7b-code-${ns}.apps.example.com`,
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }],
    },
  };
  const runtime = {
    apiVersion: 'serving.kserve.io/v1alpha1', kind: 'ServingRuntime',
    metadata: { name: 'vllm-runtime', namespace: ns, annotations: {
      'opendatahub.io/template-display-name': 'vLLM ServingRuntime for KServe', 'opendatahub.io/apiProtocol': 'REST',
      'opendatahub.io/runtime-version': 'v0.9.1' } },
    spec: { supportedModelFormats: [{ name: 'vLLM', autoSelect: true }], containers: [{ name: 'kserve-container', image: 'quay.io/modh/vllm:v0.9.1' }] },
  };
  const llm = {
    apiVersion: 'serving.kserve.io/v1alpha1', kind: 'LLMInferenceService',
    metadata: { name: 'llm-d-qwen', namespace: ns, labels: { 'opendatahub.io/genai-asset': 'true' },
      annotations: { 'openshift.io/display-name': 'Qwen 2.5 7B (llm-d)' } },
    spec: { model: { name: 'Qwen/Qwen2.5-7B-Instruct', uri: 'hf://Qwen/Qwen2.5-7B-Instruct' } },
    status: { address: { url: `http://llm-d-qwen.${ns}.svc.cluster.local:80` }, conditions: [{ type: 'Ready', status: 'False' }] },
  };
  return { isvc, runtime, llm };
}

export async function startClusterServer({ token = 'user-token' } = {}) {
  const violations = [];
  const distributions = new Map();  // `${group}/${ns}` → [objects]
  let uid = 0;

  const answer = (res, code, body) => {
    res.writeHead(code, { 'content-type': 'application/json', 'audit-id': `audit-${code}` });
    res.end(JSON.stringify(body));
  };
  const expect = (ok, what) => { if (!ok) violations.push(what); return ok; };

  const server = await startServer((req, res, body) => {
    const url = new URL(req.url, 'http://x');
    const path = url.pathname;
    const query = [...url.searchParams.entries()];
    const where = `${req.method} ${req.url}`;
    const labelSelector = url.searchParams.get('labelSelector');
    const onlyQuery = (...allowed) => expect(query.every(([k]) => allowed.includes(k)), `${where}: unexpected query`);

    expect((req.headers.accept ?? '').includes('application/json'), `${where}: no Accept: application/json`);
    if (req.headers.authorization !== `Bearer ${token}`) return answer(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
    if (body) expect(req.headers['content-type'] === 'application/json', `${where}: body without JSON content type`);

    let m;
    // The playground's custom resource, LlamaStackDistribution or OGXServer.
    if ((m = path.match(/^(\/apis\/(?:llamastack\.io\/v1alpha1|ogx\.io\/v1beta1))\/namespaces\/([a-z0-9-]+)\/(llamastackdistributions|ogxservers)(?:\/([a-z0-9.-]+))?$/))) {
      const [, prefix, ns, plural, name] = m;
      const key = `${prefix}/${ns}`;
      const items = distributions.get(key) ?? [];
      const kind = plural === 'ogxservers' ? 'OGXServer' : 'LlamaStackDistribution';
      if (req.method === 'GET' && !name) {
        onlyQuery('labelSelector');
        expect(labelSelector === DASHBOARD, `${where}: label selector ${labelSelector}`);
        return answer(res, 200, { ...list(kind, items), apiVersion: prefix.slice(6) });
      }
      if (req.method === 'POST' && !name) {
        onlyQuery();
        const object = JSON.parse(body);
        const good = object.apiVersion === prefix.slice(6) && object.kind === kind
          && object.metadata?.name === 'lsd-genai-playground'
          && object.metadata?.labels?.['opendatahub.io/dashboard'] === 'true'
          && (kind === 'OGXServer'
            ? object.spec?.overrideConfig?.name === 'llama-stack-config' && object.spec?.network?.port === 8321
            : object.spec?.server?.userConfig?.configMapName === 'llama-stack-config'
              && object.spec?.server?.containerSpec?.port === 8321 && object.spec?.replicas === 1);
        if (!expect(good, `${where}: not the playground resource: ${body}`)) return answer(res, 422, status(422, 'Invalid', 'invalid'));
        if (items.some((o) => o.metadata.name === object.metadata.name)) {
          return answer(res, 409, status(409, 'AlreadyExists', `${plural}.${prefix.split('/')[2]} "${object.metadata.name}" already exists`));
        }
        object.metadata = { ...object.metadata, namespace: ns, uid: `6f1c2b9e-0000-4000-8000-${String(++uid).padStart(12, '0')}`,
          resourceVersion: String(5000 + uid), creationTimestamp: '2026-01-02T03:04:05Z' };
        object.status = { phase: 'Pending' };
        distributions.set(key, [...items, object]);
        return answer(res, 201, object);
      }
      if (req.method === 'DELETE' && name) {
        onlyQuery();
        const found = items.find((o) => o.metadata.name === name);
        if (!found) return answer(res, 404, status(404, 'NotFound', `${plural} "${name}" not found`));
        distributions.set(key, items.filter((o) => o !== found));
        return answer(res, 200, found);
      }
    }
    if ((m = path.match(/^\/apis\/serving\.kserve\.io\/(v1beta1|v1alpha1)\/namespaces\/([a-z0-9-]+)\/(inferenceservices|llminferenceservices|servingruntimes)(?:\/([a-z0-9.-]+))?$/)) && req.method === 'GET') {
      const [, version, ns, plural, name] = m;
      const objects = servingObjects(ns);
      if (plural === 'inferenceservices' && version === 'v1beta1' && !name) {
        onlyQuery('labelSelector');
        expect(labelSelector === null || labelSelector === GENAI_ASSET, `${where}: label selector ${labelSelector}`);
        return answer(res, 200, list('InferenceService', [objects.isvc]));
      }
      if (plural === 'llminferenceservices' && version === 'v1alpha1' && !name) {
        onlyQuery('labelSelector');
        expect(labelSelector === null || labelSelector === GENAI_ASSET, `${where}: label selector ${labelSelector}`);
        return answer(res, 200, list('LLMInferenceService', [objects.llm]));
      }
      if (plural === 'servingruntimes' && version === 'v1alpha1' && name === 'vllm-runtime') {
        onlyQuery();
        return answer(res, 200, objects.runtime);
      }
    }
    if (path === '/apis/config.openshift.io/v1/ingresses/cluster' && req.method === 'GET') {
      onlyQuery();
      return answer(res, 200, { apiVersion: 'config.openshift.io/v1', kind: 'Ingress', metadata: { name: 'cluster' },
        spec: { domain: 'apps.example.com', appsDomain: '' } });
    }
    // Core resources of an install (when the test does not send them to Prism).
    if ((m = path.match(/^\/api\/v1\/namespaces\/([a-z0-9-]+)\/(serviceaccounts|secrets|services|configmaps)(?:\/([a-z0-9.-]+))?$/))) {
      const [, ns, plural, name] = m;
      if (req.method === 'GET' && plural === 'serviceaccounts' && !name) {
        onlyQuery();
        return answer(res, 200, list('ServiceAccount', [{ metadata: { name: 'granite-7b-code-sa', namespace: ns,
          ownerReferences: [{ apiVersion: 'serving.kserve.io/v1beta1', kind: 'InferenceService', name: 'granite-7b-code', uid: 'x' }] } }]));
      }
      if (req.method === 'GET' && plural === 'secrets' && !name) {
        onlyQuery();
        return answer(res, 200, list('Secret', [{ type: 'kubernetes.io/service-account-token', metadata: { name: 'granite-7b-code-sa-token',
          namespace: ns, annotations: { 'kubernetes.io/service-account.name': 'granite-7b-code-sa' } }, data: { token: 'dG9rZW4=' } }]));
      }
      if (req.method === 'GET' && plural === 'secrets' && name === 'granite-7b-code-sa-token') {
        onlyQuery();
        return answer(res, 200, { kind: 'Secret', metadata: { name, namespace: ns }, data: { token: 'dG9rZW4=' } });
      }
      if (req.method === 'GET' && plural === 'services' && !name) {
        onlyQuery('labelSelector');
        if (labelSelector === 'serving.kserve.io/inferenceservice=granite-7b-code') {
          return answer(res, 200, list('Service', [{ metadata: { name: 'granite-7b-code-predictor', namespace: ns },
            spec: { clusterIP: 'None', ports: [{ name: 'http', port: 80, targetPort: 8080 }] } }]));
        }
        expect(labelSelector === 'app.kubernetes.io/name=llm-d-qwen,app.kubernetes.io/component=llminferenceservice-workload',
          `${where}: label selector ${labelSelector}`);
        return answer(res, 200, list('Service', [{ metadata: { name: 'llm-d-qwen-kserve-workload-svc', namespace: ns },
          spec: { clusterIP: '10.0.0.7', ports: [{ name: 'https', port: 8000, targetPort: 8000 }] } }]));
      }
      if (req.method === 'POST' && plural === 'configmaps' && !name) {
        onlyQuery();
        const cm = JSON.parse(body);
        expect(cm.metadata?.name === 'llama-stack-config' && typeof Object.values(cm.data ?? {})[0] === 'string'
          && !cm.metadata.ownerReferences, `${where}: not the run.yaml ConfigMap: ${body}`);
        return answer(res, 201, { ...cm, metadata: { ...cm.metadata, namespace: ns, uid: 'cm-uid', resourceVersion: '77' } });
      }
      if (req.method === 'PUT' && plural === 'configmaps' && name === 'llama-stack-config') {
        onlyQuery();
        const cm = JSON.parse(body);
        const owner = cm.metadata?.ownerReferences?.[0];
        expect(cm.metadata?.resourceVersion === '77' && owner?.controller === true && owner?.blockOwnerDeletion === false
          && owner?.name === 'lsd-genai-playground' && owner?.uid?.startsWith('6f1c2b9e-'), `${where}: owner reference: ${body}`);
        return answer(res, 200, cm);
      }
      if (req.method === 'GET' && plural === 'configmaps' && name === 'llama-stack-config') {
        onlyQuery();
        return answer(res, 200, { kind: 'ConfigMap', metadata: { name, namespace: ns }, data: { 'run.yaml': RUN_YAML } });
      }
    }
    violations.push(`${where}: unexpected request`);
    return answer(res, 404, status(404, 'NotFound', 'the server could not find the requested resource'));
  });

  return {
    url: server.url,
    requests: server.requests,
    violations,
    distributions,
    stop: () => server.stop(),
  };
}

const RUN_YAML = `# Llama Stack Configuration
version: "2"
image_name: rh
providers:
  inference:
  - provider_id: vllm-inference-1
    provider_type: remote::vllm
    config:
      url: http://granite-7b-code-predictor.team.svc.cluster.local:8080/v1
      max_tokens: \${env.VLLM_MAX_TOKENS:=4096}
      api_token: \${env.VLLM_API_TOKEN_1:=fake}
registered_resources:
  models:
  - model_id: granite-7b-code
    provider_id: vllm-inference-1
    model_type: llm
`;
