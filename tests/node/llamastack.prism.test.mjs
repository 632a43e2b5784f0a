// Every LlamaStack operation against Prism serving the real llama-stack OpenAPI spec: each request
// the SDK makes must be valid for the spec (no request violation in `sl-violations`), and the
// documented error statuses must become the upstream codes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot, recordingFetch, startPrism } from './helpers/peers.mjs';
import { genai, AuthenticationError, BadRequestError, NotFoundError, ProtocolError, RateLimitError, ServerError, ValidationError } from './helpers/sdk.mjs';

let prism;
before(async () => {
  prism = await startPrism(`${repoRoot}tests/peers/specs/llama-stack-spec.yaml`, { readyPath: '/v1/models' });
});
after(async () => { await prism?.stop(); });

function client(settings = {}) {
  const fetch = recordingFetch();
  const { llamaStack } = genai.createFactories({ llamaStack: { baseURL: prism.url, fetch } });
  return { c: llamaStack.createClient({ token: 'user-token', ...settings }), seen: fetch.seen };
}

// Prism reports violations of its own static examples too (POST /v1/responses, PEERS.md); only
// the request side is ours.
function assertRequestsValid(seen) {
  assert.ok(seen.length > 0, 'no request reached Prism');
  for (const s of seen) {
    const requestSide = JSON.parse(s.violations ?? '[]').filter((v) => v.location?.[0] === 'request');
    assert.deepEqual(requestSide, [], `${s.method} ${s.url}`);
    assert.ok(s.status !== 422 && s.status !== 400, `${s.method} ${s.url} answered ${s.status}`);
  }
}

describe('LlamaStack against Prism (llama-stack-spec.yaml)', () => {
  test('listModels', async () => {
    const { c, seen } = client();
    const models = await c.listModels();
    assert.ok(models.length > 0);
    assert.equal(models[0].object, 'model');
    assert.equal(typeof models[0].id, 'string');
    assertRequestsValid(seen);
  });

  test('vector stores: list (with limit and order), create (with and without provider_id), delete', async () => {
    const { c, seen } = client();
    // Prism's dynamic answers page like a server: the walk follows `after` until has_more is false.
    const stores = await c.listVectorStores({ limit: 5, order: 'asc' }, { headers: { Prefer: 'dynamic=true' } });
    assert.ok(Array.isArray(stores));
    for (const s of stores) assert.equal(typeof s.id, 'string');
    // Its static example says has_more with the same cursor forever: typed, not an endless loop.
    await assert.rejects(c.listVectorStores(), (e) => e instanceof ProtocolError && /same page twice/.test(e.message));
    const created = await c.createVectorStore({ name: 'docs', metadata: { team: 'ai', env: 'dev' } });
    assert.equal(typeof created.id, 'string');
    await c.createVectorStore({ name: 'legacy', providerId: 'milvus', embeddingModel: 'granite-embedding-125m', embeddingDimension: 768 });
    assert.equal(await c.deleteVectorStore(created.id), undefined);
    assertRequestsValid(seen);
    assert.ok(seen[0].url.includes('/v1/vector_stores?limit=5&order=asc'));
    assert.ok(seen.some((s) => s.url.includes('/v1/vector_stores?limit=100&after=')), 'the cursor was sent');
  });

  test('files: upload (string, bytes, Blob), attach with auto and static chunking, list, get, content, delete', async () => {
    const { c, seen } = client();
    const plain = await c.uploadFile({ file: 'Llamas are camelids.', filename: 'notes.txt', contentType: 'text/plain' });
    assert.equal(typeof plain.file_id, 'string');
    assert.equal(plain.file.object, 'file');
    assert.equal(plain.vector_store_file, undefined);
    const pdf = await c.uploadFile({ file: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255]), filename: 'a.pdf', purpose: 'assistants',
      vectorStoreId: 'vs_1', chunkingStrategy: { type: 'static', static: { maxChunkSizeTokens: 800, chunkOverlapTokens: 400 } } });
    assert.equal(typeof pdf.vector_store_file.id, 'string');
    const blob = await c.uploadFile({ file: new Blob(['from a blob'], { type: 'text/markdown' }), filename: 'b.md',
      vectorStoreId: 'vs_1', chunkingStrategy: { type: 'auto' } });
    assert.equal(typeof blob.file_id, 'string');
    const files = await c.listFiles({ limit: 10, order: 'desc', purpose: 'assistants' });
    assert.ok(Array.isArray(files));
    assert.equal((await c.getFile(plain.file_id)).object, 'file');
    const content = await c.getFileContent(plain.file_id);
    assert.ok(content.bytes instanceof Uint8Array);
    assert.equal(typeof content.contentType, 'string');
    assert.equal(await c.deleteFile(plain.file_id), undefined);
    assertRequestsValid(seen);
    assert.equal(seen.filter((s) => s.method === 'POST' && s.url.endsWith('/v1/files')).length, 3);
  });

  test('vector store files: list (limit, order, filter), get, delete', async () => {
    const { c, seen } = client();
    const files = await c.listVectorStoreFiles('vs_1', { limit: 20, order: 'desc', filter: 'completed' });
    assert.ok(Array.isArray(files));
    assert.equal((await c.getVectorStoreFile('vs_1', 'file-abc123')).object, 'vector_store.file');
    assert.equal(await c.deleteVectorStoreFile('vs_1', 'file-abc123'), undefined);
    assertRequestsValid(seen);
  });

  test('responses: create with every §2.4 field, get, and the streaming request body', async () => {
    const { c, seen } = client({ providerDataHeader: 'x-ogx-provider-data' });
    const response = await c.createResponse({
      input: 'What is in my documents?', model: 'llama-3.1-8b-instruct', instructions: 'Be brief', temperature: 0.2, topP: 0.9,
      store: false, vectorStoreIds: ['vs_1'], providerData: { vllm_api_token: 'maas-token' },
      mcpServers: [{ serverLabel: 'github', serverUrl: 'https://mcp.example/github', headers: { Authorization: 'Bearer gh' } },
        { serverLabel: 'k8s', serverUrl: 'https://mcp.example/k8s', allowedTools: [] }],
    });
    assert.equal(typeof response.id, 'string');
    await c.createResponse({ model: 'm', input: 'And then?', chatContext: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello' }] });
    await c.createResponse({ model: 'm', input: [{ type: 'input_text', text: 'What is this?' }, { type: 'input_image', fileId: 'file-0a1b2c' }] });
    await c.createResponse({ model: 'm', input: 'Go on', previousResponseId: 'resp_1' });
    assert.equal(typeof (await c.getResponse('resp_1')).id, 'string');
    // Prism cannot stream (500 NO_COMPLEX_OBJECT_TEXT), but it validates the request first.
    const streamed = c.createResponseStream({ model: 'm', input: 'Stream it', vectorStoreIds: ['vs_1'] });
    await assert.rejects(streamed.finalResponse(), (e) => e instanceof ServerError && e.status === 500 && e.code === 'INTERNAL_ERROR');
    const raw = c.createResponseStreamRaw({ model: 'm', input: [{ role: 'user', content: 'Raw' }], stream: true, max_output_tokens: 64 });
    await assert.rejects(raw.finalResponse(), (e) => e instanceof ServerError && e.status === 500);
    assertRequestsValid(seen);
  });

  test('older servers: apiPath /v1/openai/v1 is used for every path', async () => {
    const { c, seen } = client({ apiPath: '/v1/openai/v1' });
    await assert.rejects(c.listModels({ maxRetries: 0 }), (e) => e instanceof NotFoundError && e.code === 'NOT_FOUND');
    assert.ok(seen[0].url.endsWith('/v1/openai/v1/models'));
  });

  test('documented error statuses become the HEAD codes', async () => {
    const { c } = client();
    const prefer = (code) => ({ headers: { Prefer: `code=${code}` }, maxRetries: 0 });
    await assert.rejects(c.listModels(prefer(400)), (e) => e instanceof BadRequestError && e.code === 'INVALID_REQUEST' && e.mappedStatus === 400);
    await assert.rejects(c.listFiles({}, prefer(429)), (e) => e instanceof RateLimitError && e.code === 'SERVER_UNAVAILABLE' && e.mappedStatus === 429);
    await assert.rejects(c.getFile('file-1', prefer(500)), (e) => {
      assert.ok(e instanceof ServerError);
      assert.equal(e.code, 'INTERNAL_ERROR');
      assert.equal(e.mappedStatus, 500);
      assert.equal(e.component, 'ogx');
      assert.match(e.message, /^LlamaStack error on operation GetFile: /);
      return true;
    });
  });

  test('invalid arguments fail before any request', async () => {
    const { c, seen } = client();
    await assert.rejects(c.listVectorStores({ limit: 101 }), { message: 'limit must be between 1 and 100, got: 101' });
    await assert.rejects(c.createVectorStore({}), { message: 'name is required' });
    await assert.rejects(c.uploadFile({ file: 'x', filename: 'a', purpose: 'nope' }), ValidationError);
    await assert.rejects(c.uploadFile({ file: 42, filename: 'a' }), ValidationError);
    await assert.rejects(c.listVectorStoreFiles('', {}), { message: 'vectorStoreID is required' });
    await assert.rejects(c.createResponse({ model: 'm' }), { message: 'input is required' });
    await assert.rejects(c.getResponse(''), { message: 'responseID is required' });
    assert.equal(seen.length, 0);
  });

  test('a wrong token is answered 401 by a server that checks it', async () => {
    // Prism does not check auth; the loopback answer stands in for a server that does.
    const fetch = async () => new Response(JSON.stringify({ error: { message: 'Invalid token' } }), { status: 401 });
    const c = genai.createFactories({ llamaStack: { baseURL: 'http://127.0.0.1:1', fetch } }).llamaStack.createClient({ token: 'sha256~leaky-token-value' });
    await assert.rejects(c.listModels(), (e) => e instanceof AuthenticationError && e.code === 'UNAUTHORIZED'
      && !JSON.stringify({ ...e, message: e.message }).includes('leaky-token-value'));
    assert.ok(!String(c).includes('leaky') && !JSON.stringify(c).includes('leaky'));
  });
});
