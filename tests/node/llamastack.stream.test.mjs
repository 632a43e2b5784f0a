// Streamed Responses through the built package: against aimock (a real OpenAI-style SSE server,
// PEERS.md) for text, tool calls, a cut stream, chaos and abort; and against loopback servers that
// write crafted bytes in chosen pieces, for the parser cases and the stream's error rules.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startServer } from './helpers/peers.mjs';
import { contentFor, startAimock } from '../peers/llamastack/aimock.mjs';
import { genai, AbortError, ConnectionError, GenAIError, ProtocolError, RateLimitError, ServerError } from './helpers/sdk.mjs';

const unhandled = [];
process.on('unhandledRejection', (reason) => { unhandled.push(reason); });

let aimock;
before(async () => { aimock = await startAimock(); });
after(async () => { await aimock?.stop(); });

const client = (baseURL, options = {}) =>
  genai.createFactories({ llamaStack: { baseURL } }).llamaStack.createClient({ token: 'user-token', maxRetries: 0, ...options });

async function collect(stream) {
  const events = [];
  for await (const event of stream) events.push(event);
  return events;
}

const deltasOf = (events) => events.filter((e) => e.type === 'response.output_text.delta').map((e) => e.delta).join('');

/** Reads the stream until it throws; returns the events before the error and the error. */
async function collectUntilError(stream) {
  const events = [];
  let error;
  try {
    for await (const event of stream) events.push(event);
  } catch (e) {
    error = e;
  }
  return { events, error };
}

describe('LlamaStack streaming against aimock', () => {
  test('the assembled text equals the fixture; finalResponse agrees', async () => {
    const expected = contentFor('Tell me about llamas');
    const stream = client(aimock.url).createResponseStream({ model: 'gemini/models/gemini-2.5-flash', input: 'Tell me about llamas' });
    const events = await collect(stream);
    assert.equal(events[0].type, 'response.created');
    assert.equal(events.at(-1).type, 'response.completed');
    assert.ok(events.filter((e) => e.type === 'response.output_text.delta').length > 10, 'many small deltas');
    assert.equal(deltasOf(events), expected);
    assert.equal(stream.outputText, expected);
    const final = await stream.finalResponse();
    assert.equal(final.output_text, expected);
    assert.equal(final.status, 'completed');
    assert.equal(stream.disposed, true, 'the native stream is freed at the end');
    // The request aimock saw is the §2.4 body plus stream: true.
    const journal = await aimock.journal();
    assert.equal(journal.at(-1).body.stream, true);
  });

  test('finalResponse() alone reads the whole stream', async () => {
    const final = await client(aimock.url).createResponseStream({ model: 'm', input: 'Hello' }).finalResponse();
    assert.equal(final.output_text, 'Hello! How can I help you today?');
  });

  test('tool-call events arrive with their arguments', async () => {
    const events = await collect(client(aimock.url).createResponseStream({ model: 'm', input: 'What is the weather in Paris?' }));
    const added = events.find((e) => e.type === 'response.output_item.added');
    assert.equal(added.item.type, 'function_call');
    assert.equal(added.item.name, 'get_weather');
    const args = events.filter((e) => e.type === 'response.function_call_arguments.delta').map((e) => e.delta).join('');
    assert.deepEqual(JSON.parse(args), { city: 'Paris', unit: 'celsius' });
    const done = events.find((e) => e.type === 'response.function_call_arguments.done');
    assert.equal(done.arguments, args);
    assert.equal(events.at(-1).response.output[0].type, 'function_call');
  });

  test('a stream cut in the middle gives a typed error, once, after the events that came', async () => {
    const stream = client(aimock.url).createResponseStream({ model: 'm', input: 'Cut me off' });
    const { events, error } = await collectUntilError(stream);
    assert.ok(events.length >= 1, 'events before the cut are delivered');
    assert.ok(error instanceof ConnectionError, `got ${error?.name}: ${error?.message}`);
    assert.equal(error.code, 'CONNECTION_FAILED');
    assert.equal(error.mappedStatus, 502);
    assert.equal(error.service, 'llamastack');
    assert.deepEqual(await stream.next(), { value: undefined, done: true }, 'thrown exactly once');
    await assert.rejects(stream.finalResponse(), ConnectionError);
  });

  test('after every kind of failure the same client keeps working', async () => {
    const c = client(aimock.url);
    await collectUntilError(c.createResponseStream({ model: 'm', input: 'Cut me off' }));
    await collectUntilError(c.createResponseStream({ model: 'm', input: 'Hello' }, { headers: { 'x-aimock-chaos-malformed': '1' } }));
    await collectUntilError(c.createResponseStream({ model: 'm', input: 'Hello' }, { headers: { 'x-aimock-chaos-disconnect': '1' } }));
    await assert.rejects(c.createResponse({ model: 'm', input: 'x', temperature: 9 }), { name: 'ValidationError' });
    const final = await c.createResponseStream({ model: 'm', input: 'Hello' }).finalResponse();
    assert.equal(final.output_text, 'Hello! How can I help you today?');
    assert.equal((await c.createResponse({ model: 'm', input: 'Hello' })).status, 'completed');
  });

  test('aborting stops the transfer and throws an AbortError', async () => {
    const controller = new AbortController();
    const stream = client(aimock.url).createResponseStream({ model: 'm', input: 'Talk slowly' }, { signal: controller.signal });
    const seen = [];
    await assert.rejects(async () => {
      for await (const event of stream) {
        seen.push(event);
        if (event.type === 'response.output_text.delta') controller.abort();
      }
    }, (e) => e instanceof AbortError && e.code === 'ABORTED');
    assert.equal(seen.filter((e) => e.type === 'response.output_text.delta').length, 1, 'nothing after the abort');
    assert.ok(!seen.some((e) => e.type === 'response.completed'));
  });

  test('chaos: a malformed body, a dropped connection and a 429 become typed errors', async () => {
    const c = client(aimock.url);
    const malformed = await collectUntilError(c.createResponseStream({ model: 'm', input: 'Hello' },
      { headers: { 'x-aimock-chaos-malformed': '1' } }));
    assert.ok(malformed.error instanceof ProtocolError, `${malformed.error?.name}`);
    assert.match(malformed.error.message, /"stream": true|event stream/);
    const dropped = await collectUntilError(c.createResponseStream({ model: 'm', input: 'Hello' },
      { headers: { 'x-aimock-chaos-disconnect': '1' } }));
    assert.ok(dropped.error instanceof ConnectionError, `${dropped.error?.name}`);
    const limited = await collectUntilError(c.createResponseStream({ model: 'm', input: 'Hello' },
      { headers: { 'x-aimock-chaos-ratelimit': '1' } }));
    assert.ok(limited.error instanceof RateLimitError, `${limited.error?.name}`);
    assert.equal(limited.error.code, 'SERVER_UNAVAILABLE');
    assert.equal(limited.error.mappedStatus, 429);
  });

  test('createResponseStreamRaw sends the caller\'s JSON as is', async () => {
    const body = { model: 'raw-model', input: [{ role: 'user', content: 'Hello' }], stream: true, temperature: 0.3, metadata: { trace: 'x' } };
    const events = await collect(client(aimock.url).createResponseStreamRaw(body));
    assert.equal(deltasOf(events), 'Hello! How can I help you today?');
    const journal = await aimock.journal();
    assert.equal(journal.at(-1).body.model, 'raw-model');
    assert.equal(journal.at(-1).body.temperature, 0.3);
  });
});

/** A loopback SSE server: `script(res)` writes the body; the response's end is recorded. */
async function sseServer(script) {
  const closed = [];
  const server = await startServer(async (req, res) => {
    res.on('close', () => closed.push({ finished: res.writableFinished }));
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    await script(res);
  });
  return { ...server, closed };
}

/** Writes each piece as its own network chunk (a pause lets it leave on its own). */
async function writePieces(res, pieces, { end = true } = {}) {
  for (const piece of pieces) {
    if (res.destroyed) return;
    res.write(piece);
    await sleep(5);
  }
  if (end) res.end();
}

const event = (obj) => `data: ${JSON.stringify(obj)}\n\n`;
const delta = (text) => event({ type: 'response.output_text.delta', delta: text, item_id: 'msg_1', output_index: 0 });
const completed = (text) => event({ type: 'response.completed', response: { id: 'resp_1', status: 'completed',
  output: [{ type: 'message', content: [{ type: 'output_text', text }] }] } });

describe('LlamaStack stream parsing and rules through the package (loopback server)', () => {
  test('multi-byte characters split across chunks, at every byte', async () => {
    const text = 'Grüße, 世界! 🦙';
    const bytes = Buffer.from(delta('Grüße,') + delta(' 世界!') + delta(' 🦙') + completed(text));
    const server = await sseServer((res) => writePieces(res, [...bytes].map((b) => Buffer.from([b])).reduce((acc, b, i) => {
      // 1–3 byte pieces, so every kind of split occurs.
      if (i % 3 === 0) acc.push(b); else acc[acc.length - 1] = Buffer.concat([acc.at(-1), b]);
      return acc;
    }, [])));
    try {
      const stream = client(server.url).createResponseStream({ model: 'm', input: 'x' });
      const events = await collect(stream);
      assert.equal(deltasOf(events), text);
      assert.equal((await stream.finalResponse()).output_text, text);
    } finally { await server.stop(); }
  });

  test('CRLF line ends, multi-line data, comments and event: lines', async () => {
    const server = await sseServer((res) => writePieces(res, [
      ': keep-alive\r\n\r\n',
      'event: response.output_text.delta\r\ndata: {"type":"response.output_text.delta",\r\n',
      'data: "delta":"two\\nlines"}\r\n\r\n',
      ': a comment\n' + completed('two\nlines'),
    ]));
    try {
      const events = await collect(client(server.url).createResponseStream({ model: 'm', input: 'x' }));
      assert.equal(events.length, 2);
      assert.equal(events[0].delta, 'two\nlines');
    } finally { await server.stop(); }
  });

  test('an event larger than one chunk', async () => {
    const big = 'x'.repeat(300_000);
    const server = await sseServer((res) => { res.write(delta(big)); res.end(completed(big)); });
    try {
      const events = await collect(client(server.url).createResponseStream({ model: 'm', input: 'x' }));
      assert.equal(events[0].delta.length, big.length);
      assert.equal(events.length, 2);
    } finally { await server.stop(); }
  });

  test('[DONE] ends the stream; events after it are not read', async () => {
    const server = await sseServer((res) => writePieces(res, [delta('a') + 'data: [DONE]\n\n', delta('never')]));
    try {
      const events = await collect(client(server.url).createResponseStream({ model: 'm', input: 'x' }));
      assert.deepEqual(events.map((e) => e.delta), ['a']);
    } finally { await server.stop(); }
  });

  test('a data {"error": …} payload and a type:error event are thrown exactly once, never unhandled', async () => {
    const payload = await sseServer((res) => writePieces(res, [delta('partial'),
      'data: {"error": {"message": "inference backend crashed", "status_code": 500}}\n\n', delta('never')]));
    const typed = await sseServer((res) => writePieces(res, [event({ type: 'error', code: 'rate_limit_exceeded', message: 'slow down' })]));
    try {
      const stream = client(payload.url).createResponseStream({ model: 'm', input: 'x' });
      let caught = 0;
      const seen = [];
      try {
        for await (const e of stream) seen.push(e);
      } catch (e) {
        caught++;
        assert.ok(e instanceof ServerError);
        assert.equal(e.code, 'INTERNAL_ERROR');
        assert.equal(e.serverMessage, 'inference backend crashed');
        assert.equal(e.message, 'LlamaStack error on operation CreateResponseStream: inference backend crashed');
      }
      assert.equal(caught, 1);
      assert.deepEqual(seen.map((e) => e.delta), ['partial']);
      assert.deepEqual(await stream.next(), { value: undefined, done: true });

      const second = client(typed.url).createResponseStream({ model: 'm', input: 'x' });
      await assert.rejects(collect(second), (e) => e instanceof RateLimitError && e.serverMessage === 'slow down');
      await sleep(20);
      assert.deepEqual(unhandled, []);
    } finally { await payload.stop(); await typed.stop(); }
  });

  test('a stream that ends without a final event, or mid-event, is a ConnectionError', async () => {
    const noFinal = await sseServer((res) => writePieces(res, [delta('a'), delta('b')]));
    const midEvent = await sseServer((res) => writePieces(res, [delta('a'), 'data: {"type":"resp']));
    try {
      const a = await collectUntilError(client(noFinal.url).createResponseStream({ model: 'm', input: 'x' }));
      assert.equal(a.events.length, 2);
      assert.ok(a.error instanceof ConnectionError);
      assert.match(a.error.message, /no response\.completed/);
      const b = await collectUntilError(client(midEvent.url).createResponseStream({ model: 'm', input: 'x' }));
      assert.ok(b.error instanceof ConnectionError);
      assert.match(b.error.message, /middle of an event/);
    } finally { await noFinal.stop(); await midEvent.stop(); }
  });

  test('break and abort stop the transfer on the server side', async () => {
    const endless = (res) => writePieces(res, Array.from({ length: 400 }, (_, i) => delta(`w${i} `)), { end: false });
    const server = await sseServer(endless);
    try {
      for await (const e of client(server.url).createResponseStream({ model: 'm', input: 'x' })) {
        if (e.delta === 'w2 ') break;
      }
      const controller = new AbortController();
      const stream = client(server.url).createResponseStream({ model: 'm', input: 'x' }, { signal: controller.signal });
      await assert.rejects(async () => {
        for await (const e of stream) if (e.delta === 'w1 ') controller.abort();
      }, AbortError);
      for (let i = 0; i < 200 && server.closed.length < 2; i++) await sleep(10);
      assert.equal(server.closed.length, 2, 'both responses were closed by the client');
      assert.ok(server.closed.every((c) => !c.finished), 'neither ran to its end');
    } finally { await server.stop(); }
  });

  test('a stream is read once; validation errors surface from the iteration', async () => {
    const c = client('http://127.0.0.1:9');
    const stream = c.createResponseStream({ model: 'm', input: 'x', temperature: 3 });
    stream[Symbol.asyncIterator]();
    assert.throws(() => stream[Symbol.asyncIterator](), (e) => e instanceof GenAIError && e.code === 'STREAM_CONSUMED');
    await assert.rejects(stream.next(), { name: 'ValidationError', message: 'temperature must be between 0 and 2, got: 3.00' });
    await assert.rejects(collect(c.createResponseStreamRaw('not an object')), { name: 'ValidationError' });
    // Nothing listens on port 9: a connection error, typed.
    await assert.rejects(collect(c.createResponseStream({ model: 'm', input: 'x' })), (e) => e instanceof ConnectionError && e.mappedStatus === 502);
  });
});
