// The core Kubernetes API calls against Prism serving the real Kubernetes 1.36 API description:
// namespaces, SelfSubjectAccessReview, SelfSubjectReview, ConfigMaps, Secrets, ServiceAccounts and
// Services must be requests the spec accepts (no sl-violations header), and Prism's 401 without a
// token must become an AuthenticationError. An install sends its core requests to Prism and its
// custom-resource requests to the loopback cluster server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { recordingFetch } from './helpers/peers.mjs';
import { startClusterServer } from '../peers/kubernetes/cluster-server.mjs';
import { routedFetch, startKubernetesPrism } from '../peers/kubernetes/prism.mjs';
import { genai, AuthenticationError, ValidationError } from './helpers/sdk.mjs';

let prism;
let cluster;
before(async () => {
  prism = await startKubernetesPrism();
  cluster = await startClusterServer();
});
after(async () => { await prism?.stop(); await cluster?.stop(); });

function client(token = 'user-token') {
  const fetch = recordingFetch();
  const { kubernetes } = genai.createFactories({ kubernetes: { baseURL: prism.url, fetch } });
  return { c: kubernetes.createClient({ token }), seen: fetch.seen };
}

// Violations of the request. (Prism also reports where its own generated example breaks the
// spec's response schema, e.g. ConfigMap binaryData that is not base64: not the client's doing.)
function requestViolations(header) {
  if (!header) return [];
  return JSON.parse(header).filter((v) => v.location?.[0] !== 'response');
}

function assertNoViolations(seen) {
  assert.ok(seen.length > 0, 'no request reached Prism');
  for (const s of seen) assert.deepEqual(requestViolations(s.violations), [], `${s.method} ${s.url}: ${s.violations}`);
}

describe('Kubernetes against Prism (kubernetes-1.36-swagger.json)', () => {
  test('namespaces: the list, and the dashboard view', async () => {
    const { c, seen } = client();
    const namespaces = await c.getNamespaces();
    assert.ok(Array.isArray(namespaces) && namespaces.length > 0);
    for (const ns of namespaces) assert.equal(typeof ns.metadata.name, 'string');
    const view = await c.getNamespaces({ dashboard: true });
    for (const ns of view) assert.deepEqual(Object.keys(ns).sort(), ['displayName', 'name']);
    assertNoViolations(seen);
    assert.deepEqual(seen.map((s) => `${s.method} ${new URL(s.url).pathname}`), ['GET /api/v1/namespaces', 'GET /api/v1/namespaces']);
  });

  test('SelfSubjectAccessReviews: namespaces, distributions (both kinds), cluster admin', async () => {
    const { c, seen } = client();
    assert.equal(typeof await c.canListNamespaces(), 'boolean');
    assert.equal(typeof await c.canListLlamaStackDistributions('team-a'), 'boolean');
    assert.equal(typeof await c.isClusterAdmin(), 'boolean');
    const fetch = recordingFetch();
    const { kubernetes } = genai.createFactories({ kubernetes: { baseURL: prism.url, fetch, distributionKind: 'OGXServer' } });
    assert.equal(typeof await kubernetes.createClient({ token: 't' }).canListLlamaStackDistributions('team-a'), 'boolean');
    assertNoViolations([...seen, ...fetch.seen]);
    assert.equal(seen.length, 3);
    for (const s of seen) assert.equal(new URL(s.url).pathname, '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews');
  });

  test('SelfSubjectReview: getUser', async () => {
    const { c, seen } = client();
    const user = await c.getUser();
    assert.equal(typeof user, 'string');
    assert.ok(user.length > 0);
    assertNoViolations(seen);
  });

  test('ConfigMaps: get, and its errors', async () => {
    const { c, seen } = client();
    const cm = await c.getConfigMap('opendatahub', 'gen-ai-aa-mcp-servers');
    assert.equal(typeof cm.metadata.name, 'string');
    assertNoViolations(seen);
    await assert.rejects(c.getConfigMap('opendatahub', 'gone', { headers: { Prefer: 'code=401' } }), AuthenticationError);
    await assert.rejects(c.getConfigMap('Not A Namespace', 'x'), ValidationError);
    assert.equal(seen.length, 2);
  });

  test('an install: ServiceAccounts, Secrets, Services and ConfigMaps to Prism, the resources to the cluster server', async () => {
    const fetch = routedFetch(prism.url, cluster.url);
    const { kubernetes } = genai.createFactories({ kubernetes: { baseURL: prism.url, fetch } });
    const c = kubernetes.createClient({ token: 'user-token' });
    const created = await c.installLlamaStackDistribution('prism-ns', [{ model_name: 'granite-7b-code' }]);
    assert.equal(created.metadata.name, 'lsd-genai-playground');
    const toPrism = fetch.seen.filter((s) => s.peer === 'prism');
    assert.deepEqual(toPrism.map((s) => `${s.method} ${s.url.split('?')[0]}`), [
      'GET /api/v1/namespaces/prism-ns/serviceaccounts',
      'GET /api/v1/namespaces/prism-ns/secrets',
      'GET /api/v1/namespaces/prism-ns/services',
      'POST /api/v1/namespaces/prism-ns/configmaps',
      'PUT /api/v1/namespaces/prism-ns/configmaps/llama-stack-config',
    ]);
    assertNoViolations(toPrism);
    for (const s of toPrism) assert.ok(s.status < 300, `${s.method} ${s.url}: ${s.status}`);
    assert.deepEqual(cluster.violations, []);
    await c.deleteLlamaStackDistribution('prism-ns', 'lsd-genai-playground');
  });

  test('without a token: 401 AuthenticationError', async () => {
    const { c, seen } = client('');
    for (const s of [() => c.getNamespaces(), () => c.canListNamespaces(), () => c.getUser(), () => c.getConfigMap('a', 'b')]) {
      await assert.rejects(s(), (e) => {
        assert.ok(e instanceof AuthenticationError, `${e.name}: ${e.message}`);
        assert.equal(e.status, 401);
        assert.equal(e.code, 'UNAUTHORIZED');
        assert.match(e.message, /authentication failed: invalid or expired token$/);
        return true;
      });
    }
    // getNamespaces tried the OpenShift projects (unknown to this spec: 404) and kept the 401.
    assert.ok(seen.some((s) => s.url.endsWith('/apis/project.openshift.io/v1/projects') && s.status === 404));
    await assert.rejects(c.canListLlamaStackDistributions('team-a'), (e) => e instanceof AuthenticationError
      && e.message === 'Kubernetes error [UNAUTHORIZED] in namespace team-a: authentication failed: invalid or expired token');
  });
});
