// The Mock factory through the built package: the JS facade's conversions (file inputs, bytes
// out, settings), state across clients of one factory, the MOCK:<scenario> inputs, the paced
// stream, and the client's hygiene (dispose, no token in its string forms).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { genai, AbortError, AuthenticationError, ConnectionError, GenAIError, TimeoutError, ValidationError, liveHandleCount } from './helpers/sdk.mjs';

const mockFactory = (config = {}) => genai.createFactories({ llamaStack: { mock: true, streamDelayMs: 0, ...config } }).llamaStack;

describe('LlamaStack Mock factory', () => {
  test('a factory is Mock or Real as configured; configFromEnv reads MOCK_LS_CLIENT', () => {
    assert.equal(mockFactory().isMock, true);
    assert.equal(genai.createFactories({ llamaStack: { baseURL: 'http://x' } }).llamaStack.isMock, false);
    const config = genai.configFromEnv({ MOCK_LS_CLIENT: 'true', LLAMA_STACK_URL: 'http://lsd:8321' });
    assert.equal(genai.createFactories(config).llamaStack.isMock, true);
    assert.equal(String(mockFactory()), '[LlamaStackClientFactory mock]');
  });

  test('every kind of file input uploads the same bytes', async () => {
    const c = mockFactory().createClient();
    const text = 'llama ✓';
    const bytes = new TextEncoder().encode(text);
    const inputs = [
      { file: text, filename: 'a.txt' },
      { file: bytes, filename: 'b.txt' },
      { file: bytes.buffer.slice(0), filename: 'c.txt' },
      { file: new DataView(bytes.buffer.slice(0)), filename: 'd.txt' },
      { file: Buffer.from(text), filename: 'e.txt' },
      { file: new Blob([text], { type: 'text/plain' }), filename: 'f.txt' },
      { file: new File([text], 'named.txt', { type: 'text/markdown' }) },
    ];
    for (const input of inputs) {
      const uploaded = await c.uploadFile(input);
      assert.equal(uploaded.file.bytes, bytes.length, input.filename);
      const content = await c.getFileContent(uploaded.file_id);
      assert.deepEqual([...content.bytes], [...bytes]);
    }
    const named = (await c.listFiles()).find((f) => f.filename === 'named.txt');
    assert.ok(named, 'a File gives its name');
    assert.equal((await c.getFileContent(named.id)).contentType, 'text/markdown');
    await assert.rejects(c.uploadFile({ file: { not: 'bytes' }, filename: 'x' }), ValidationError);
    // A throwing onUploaded is reported and does not fail the upload.
    const reported = [];
    const original = console.error;
    console.error = (e) => reported.push(e);
    try {
      const result = await c.uploadFile({ file: 'x', filename: 'x.txt', onUploaded: () => { throw new Error('callback bug'); } });
      assert.equal(typeof result.file_id, 'string');
    } finally {
      console.error = original;
    }
    assert.deepEqual(reported.map((e) => e.message), ['callback bug']);
    await assert.rejects(c.uploadFile({ filename: 'x' }), { message: 'either FilePath or Reader+Filename must be provided' });
  });

  test('state is shared by the clients of one factory, not across factories', async () => {
    const factory = mockFactory();
    const store = await factory.createClient().createVectorStore({ name: 'shared' });
    assert.ok((await factory.createClient().listVectorStores()).some((s) => s.id === store.id));
    assert.ok(!(await mockFactory().createClient().listVectorStores()).some((s) => s.id === store.id));
    await factory.createClient().deleteVectorStore(store.id);
    assert.ok(!(await factory.createClient().listVectorStores()).some((s) => s.id === store.id));
  });

  test('MOCK:<scenario> inputs give the upstream errors, streamed or not', async () => {
    const c = mockFactory().createClient();
    await assert.rejects(c.createResponse({ model: 'm', input: 'MOCK:unauthorized' }),
      (e) => e instanceof AuthenticationError && e.code === 'UNAUTHORIZED' && e.message === 'LlamaStack error on operation CreateResponse: Invalid authentication token');
    await assert.rejects(c.createResponse({ model: 'm', input: 'MOCK:connection_failed' }),
      (e) => e instanceof ConnectionError && e.code === 'CONNECTION_FAILED' && e.mappedStatus === 502);
    await assert.rejects(c.createResponseStream({ model: 'm', input: 'MOCK:timeout' }).finalResponse(),
      (e) => e instanceof TimeoutError && e.code === 'TIMEOUT');
  });

  test('the default stream pace is lifelike; streamDelayMs sets it; abort ends it', async () => {
    const lifelike = genai.createFactories({ llamaStack: { mock: true } }).llamaStack.createClient();
    const stream = lifelike.createResponseStream({ model: 'm', input: 'Hello' });
    const t0 = performance.now();
    const first = await stream.next();
    const second = await stream.next();
    assert.equal(first.value.type, 'response.created');
    assert.equal(second.value.type, 'response.content_part.added');
    assert.ok(performance.now() - t0 >= 150, 'the upstream mock waits 200 ms after response.created');
    await stream.return();

    const controller = new AbortController();
    const paced = mockFactory({ streamDelayMs: 20 }).createClient().createResponseStream({ model: 'm', input: 'Tell me more' },
      { signal: controller.signal });
    await assert.rejects(async () => {
      for await (const e of paced) if (e.type === 'response.content_part.added') controller.abort();
    }, AbortError);
  });

  test('getFileContent gives the fixture bytes; results are plain data', async () => {
    const c = mockFactory().createClient();
    const { bytes, contentType } = await c.getFileContent('file-mock123abc456def');
    assert.equal(contentType, 'audio/wav');
    assert.equal(new TextDecoder().decode(bytes.subarray(8, 12)), 'WAVE');
    const models = await c.listModels();
    assert.equal(Object.getPrototypeOf(models[0]), Object.prototype);
  });

  test('settings are validated when the client is created', () => {
    const factory = mockFactory();
    assert.throws(() => factory.createClient({ apiPath: 'v1' }), (e) => e instanceof ValidationError && e.message.startsWith('apiPath must be'));
    assert.throws(() => factory.createClient({ providerDataHeader: 'bad header' }), ValidationError);
    assert.ok(factory.createClient({ apiPath: '/v1/openai/v1', providerDataHeader: 'x-ogx-provider-data' }));
  });

  test('clients and streams free their native handles; a disposed client rejects', async () => {
    const factory = mockFactory();
    const before = liveHandleCount();
    const c = factory.createClient({ token: 'sha256~secret-user-token' });
    assert.ok(!String(c).includes('secret') && !JSON.stringify(c).includes('secret'));
    const stream = c.createResponseStream({ model: 'm', input: 'Hello' });
    assert.equal(liveHandleCount(), before + 2);
    await stream.finalResponse();
    assert.equal(liveHandleCount(), before + 1, 'a finished stream is freed');
    c.dispose();
    assert.equal(liveHandleCount(), before);
    await assert.rejects(c.listModels(), (e) => e instanceof GenAIError && e.code === 'DISPOSED');
    await assert.rejects(c.createResponseStream({ model: 'm', input: 'x' }).next(), (e) => e.code === 'DISPOSED');
  });
});
