// Prism serving the Kubernetes 1.36 API description. The spec is committed gzip-compressed
// (4.1 MB → 0.3 MB); it is unpacked to a temporary file for the server's lifetime.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { repoRoot, startPrism } from '../../node/helpers/peers.mjs';

export async function startKubernetesPrism() {
  const dir = mkdtempSync(join(tmpdir(), 'genai-k8s-spec-'));
  const spec = join(dir, 'kubernetes-1.36-swagger.json');
  writeFileSync(spec, gunzipSync(readFileSync(`${repoRoot}tests/peers/specs/kubernetes-1.36-swagger.json.gz`)));
  let prism;
  try {
    prism = await startPrism(spec, { readyPath: '/version', timeoutMs: 120000 });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    url: prism.url,
    get log() { return prism.log; },
    async stop() {
      await prism.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Paths Prism's spec does not describe go to the loopback cluster server.
const CUSTOM = /^\/apis\/(llamastack\.io|ogx\.io|serving\.kserve\.io|config\.openshift\.io)\//;

/** A fetch that sends custom-resource paths to `cluster` and the rest to `prism`, recording both. */
export function routedFetch(prismUrl, clusterUrl) {
  const seen = [];
  const fn = async (url, init) => {
    const target = new URL(String(url));
    const custom = CUSTOM.test(target.pathname);
    const res = await fetch((custom ? clusterUrl : prismUrl) + target.pathname + target.search, init);
    seen.push({ url: target.pathname + target.search, method: init?.method ?? 'GET', status: res.status,
      peer: custom ? 'cluster' : 'prism', violations: res.headers.get('sl-violations') });
    return res;
  };
  fn.seen = seen;
  return fn;
}
