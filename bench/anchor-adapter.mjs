// Adapter for ../shared/anchor-bench/bench.mjs --adapter=/path/to/bench/anchor-adapter.mjs
// (contract in the header of anchor-bench/bench.mjs; template: adapter-example.mjs).
//
// listModels(): GET {origin}/v1/models through this SDK's MaaS client (Real factory, the global
// fetch). MaaS GET /v1/models is the OpenAI-style model list ({object:'list', data:[{id,…}]}), so
// it is the SDK call that fits the bench server's endpoint; it returns the `data` array, whose
// length the bench checks (20).
//
// stream(): POST {origin}/v1/responses with "stream": true through the LlamaStack client
// (createResponseStream, `for await` over its typed events), counting the text deltas:
//
//   node bench.mjs --adapter=/work/main/bench/anchor-adapter.mjs
//
// Options (environment): GENAI_ADAPTER_CLIENT_PER_CALL=1 creates (and disposes) one client per
// listModels() call, the per-request pattern of the upstream factories; default: one client.
import fs from 'node:fs';

const PACKAGE_JSON = new URL('../package.json', import.meta.url);

export default async function create({ origin, apiKey }) {
  const { loadGenAI } = await import(new URL('../web/index.js', import.meta.url).href);
  const genai = await loadGenAI();
  const factory = genai.createFactories({ maas: { baseURL: origin } }).maas;
  const llamaStack = genai.createFactories({ llamaStack: { baseURL: origin } }).llamaStack;
  const streamClient = llamaStack.createClient({ token: apiKey, maxRetries: 0 });
  const perCall = process.env.GENAI_ADAPTER_CLIENT_PER_CALL === '1';
  const client = perCall ? null : factory.createClient({ baseURL: origin, token: apiKey });
  let version = null;
  try { version = JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8')).version; } catch { /* unknown */ }

  return {
    name: `genai-clients (MaaS listModels${perCall ? ', client per call' : ''}; LlamaStack createResponseStream)`,
    versions: { 'genai-clients': version },
    async listModels() {
      if (!perCall) return (await client.listModels()).length;
      const c = factory.createClient({ baseURL: origin, token: apiKey });
      try { return (await c.listModels()).length; } finally { c.dispose(); }
    },
    async stream() {
      let deltas = 0, chars = 0, completed = false;
      for await (const ev of streamClient.createResponseStream({ model: 'm', input: 'hi' })) {
        if (ev.type === 'response.output_text.delta') { deltas++; chars += ev.delta.length; }
        else if (ev.type === 'response.completed') completed = true;
      }
      return { deltas, chars, completed };
    },
    async close() {
      client?.dispose();
      factory.dispose();
      streamClient.dispose();
      llamaStack.dispose();
    },
  };
}
