// One contract, two factories: the same assertions run against the Mock factory and against the
// Real factory talking to real peers (Prism serving the llama-stack spec for models, vector
// stores and files; aimock for the Responses API, streamed or not). The mock cannot drift from
// what the real API answers without this file failing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot, startPrism } from './helpers/peers.mjs';
import { startAimock } from '../peers/llamastack/aimock.mjs';
import { genai, ValidationError } from './helpers/sdk.mjs';

let prism;
let aimock;
before(async () => {
  [prism, aimock] = await Promise.all([
    startPrism(`${repoRoot}tests/peers/specs/llama-stack-spec.yaml`, { readyPath: '/v1/models' }),
    startAimock(),
  ]);
});
after(async () => { await prism?.stop(); await aimock?.stop(); });

// The Real factory's fetch: POST /v1/responses to aimock (it streams), the rest to Prism.
const routedFetch = (url, init) => {
  const target = String(url);
  const toAimock = init?.method === 'POST' && new URL(target).pathname === '/v1/responses';
  return fetch(toAimock ? target.replace(prism.url, aimock.url) : target, init);
};

const targets = {
  mock: () => genai.createFactories({ llamaStack: { mock: true, streamDelayMs: 0 } }).llamaStack.createClient({}),
  real: () => genai.createFactories({ llamaStack: { baseURL: prism.url, fetch: routedFetch } }).llamaStack
    .createClient({ token: 'user-token' }),
};

// Prism's static list examples say has_more forever; `dynamic=true` makes it page like a server.
const paging = { headers: { Prefer: 'dynamic=true' } };
const isInt = (v) => Number.isInteger(v);
const GREETING = 'Hello! How can I help you today?'; // the OGX recording, and the aimock fixture

for (const [name, make] of Object.entries(targets)) {
  describe(`LlamaStack contract: ${name} factory`, () => {
    test('listModels: OpenAI model objects', async () => {
      const models = await make().listModels();
      assert.ok(models.length >= 1);
      for (const m of models) {
        assert.equal(typeof m.id, 'string');
        assert.equal(m.object, 'model');
        assert.equal(typeof m.owned_by, 'string');
        assert.ok(isInt(m.created));
      }
    });

    test('vector stores: create, list every page, delete', async () => {
      const c = make();
      const store = await c.createVectorStore({ name: 'contract docs', metadata: { team: 'ai' } });
      assert.equal(typeof store.id, 'string');
      assert.equal(store.object, 'vector_store');
      assert.equal(typeof store.name, 'string');
      assert.ok(isInt(store.created_at));
      const stores = await c.listVectorStores({ limit: 2 }, paging);
      assert.ok(Array.isArray(stores));
      for (const s of stores) {
        assert.equal(typeof s.id, 'string');
        assert.equal(s.object, 'vector_store');
      }
      assert.equal(await c.deleteVectorStore(store.id), undefined);
    });

    test('files: upload and attach, list, get, content, vector store files, delete', async () => {
      const c = make();
      const store = await c.createVectorStore({ name: 'contract files' });
      let settled = false;
      const steps = [];
      const uploading = c.uploadFile({ file: new Blob(['Llamas hum.'], { type: 'text/plain' }), filename: 'llamas.txt',
        vectorStoreId: store.id, chunkingStrategy: { type: 'static', static: { maxChunkSizeTokens: 100, chunkOverlapTokens: 10 } },
        onUploaded: (file) => steps.push({ file, settled }) });
      const uploaded = await uploading.finally(() => { settled = true; });
      assert.deepEqual(steps, [{ file: uploaded.file, settled: false }], 'onUploaded: once, with the file, before the attach ended');
      assert.equal(typeof uploaded.file_id, 'string');
      assert.equal(uploaded.file.object, 'file');
      assert.ok(isInt(uploaded.file.bytes));
      assert.equal(uploaded.vector_store_file.object, 'vector_store.file');
      const id = uploaded.file_id;
      const files = await c.listFiles({ purpose: 'assistants' });
      for (const f of files) assert.equal(f.object, 'file');
      const file = await c.getFile(id);
      assert.equal(file.object, 'file');
      assert.equal(typeof file.filename, 'string');
      const content = await c.getFileContent(id);
      assert.ok(content.bytes instanceof Uint8Array);
      assert.equal(typeof content.contentType, 'string');
      const attached = await c.listVectorStoreFiles(store.id, { filter: 'completed' });
      for (const f of attached) assert.equal(f.object, 'vector_store.file');
      const one = await c.getVectorStoreFile(store.id, id);
      assert.equal(one.object, 'vector_store.file');
      assert.ok(['in_progress', 'completed', 'failed', 'cancelled'].includes(one.status));
      assert.equal(await c.deleteVectorStoreFile(store.id, id), undefined);
      assert.equal(await c.deleteFile(id), undefined);
      await c.deleteVectorStore(store.id);
    });

    test('createResponse and getResponse', async () => {
      const c = make();
      const response = await c.createResponse({ model: 'gemini/models/gemini-2.5-flash', input: 'Hello' });
      assert.equal(typeof response.id, 'string');
      assert.equal(response.status, 'completed');
      const message = response.output.find((item) => item.type === 'message');
      assert.equal(message.content[0].type, 'output_text');
      assert.equal(message.content[0].text, GREETING);
      const again = await c.getResponse(response.id);
      assert.equal(typeof again.id, 'string');
      assert.equal(typeof again.status, 'string');
    });

    test('createResponseStream: typed events whose deltas make the final text', async () => {
      const stream = make().createResponseStream({ model: 'gemini/models/gemini-2.5-flash', input: 'Hello' });
      const events = [];
      for await (const event of stream) events.push(event);
      assert.equal(events[0].type, 'response.created');
      assert.equal(events.at(-1).type, 'response.completed');
      const text = events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta).join('');
      assert.equal(text, GREETING);
      assert.equal(stream.outputText, GREETING);
      const final = await stream.finalResponse();
      assert.equal(final.output_text, GREETING);
      assert.equal(final.status, 'completed');
    });

    test('validation is identical', async () => {
      const c = make();
      await assert.rejects(c.listFiles({ limit: 0 }), { name: 'ValidationError', message: 'limit must be between 1 and 10000, got: 0' });
      await assert.rejects(c.createVectorStore({ name: 'x', metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v'])) }),
        { message: 'metadata can have max 16 key-value pairs, got: 17' });
      await assert.rejects(c.createResponse({ input: 'hi', model: 'm', topP: 2 }), { message: 'top_p must be between 0 and 1, got: 2.00' });
      await assert.rejects(c.uploadFile({ file: 'x' }), { message: 'filename is required when using Reader' });
      const stream = c.createResponseStream({ input: 'hi', model: '' });
      await assert.rejects(stream.next(), ValidationError);
    });
  });
}
