// Adapter for ../shared/anchor-bench/bench.mjs --adapter=/path/to/bench/anchor-adapter.mjs
// (contract in the header of anchor-bench/bench.mjs; template: adapter-example.mjs).
//
// listModels(): GET {origin}/v1/models through this SDK's MaaS client (Real factory, the global
// fetch). MaaS GET /v1/models is the OpenAI-style model list ({object:'list', data:[{id,…}]}), so
// it is the SDK call that fits the bench server's endpoint; it returns the `data` array, whose
// length the bench checks (20).
//
// stream(): NOT SUPPORTED. This SDK has no streaming call yet (the LlamaStack client and its
// Responses stream do not exist), so stream() rejects with a clear error instead of faking one
// with plain fetch. The contract has no "optional stream", and a client child whose stream()
// fails is reported as an error by bench.mjs (its models.list figures are then lost), so run the
// adapter with streams switched off:
//
//   node bench.mjs --stream-runs=0 --stream-warmup=0 --adapter=/work/main/bench/anchor-adapter.mjs
//
// Options (environment): GENAI_ADAPTER_CLIENT_PER_CALL=1 creates (and disposes) one client per
// listModels() call, the per-request pattern of the upstream factories; default: one client.
import fs from 'node:fs';

const PACKAGE_JSON = new URL('../package.json', import.meta.url);

export const unsupported = {
  stream: 'genai-clients has no streaming call yet (LlamaStack client / Responses streaming not implemented); '
    + 'run anchor-bench with --stream-runs=0 --stream-warmup=0',
};

export default async function create({ origin, apiKey }) {
  const { loadGenAI } = await import(new URL('../web/index.js', import.meta.url).href);
  const genai = await loadGenAI();
  const factory = genai.createFactories({ maas: { baseURL: origin } }).maas;
  const perCall = process.env.GENAI_ADAPTER_CLIENT_PER_CALL === '1';
  const client = perCall ? null : factory.createClient({ baseURL: origin, token: apiKey });
  let version = null;
  try { version = JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8')).version; } catch { /* unknown */ }

  return {
    name: `genai-clients MaaS listModels${perCall ? ' (client per call)' : ''}; stream: not supported`,
    versions: { 'genai-clients': version },
    unsupported,
    async listModels() {
      if (!perCall) return (await client.listModels()).length;
      const c = factory.createClient({ baseURL: origin, token: apiKey });
      try { return (await c.listModels()).length; } finally { c.dispose(); }
    },
    async stream() {
      throw new Error(`stream() not supported: ${unsupported.stream}`);
    },
    async close() {
      client?.dispose();
      factory.dispose();
    },
  };
}
