#!/usr/bin/env node
// LlamaStack benchmark: a streamed Response of 5000 text deltas (+ response.completed) consumed
// through the SDK (`for await` over createResponseStream, Real factory, global fetch) versus raw
// fetch + eventsource-parser + JSON.parse per event, both against the same loopback server running
// in its own process; and listModels through the SDK versus raw fetch + res.json().
// Prints a table and, as the last line, one JSON object. Nothing here is a timed assertion.
//
//   node bench/llamastack_stream.mjs [--events=5000] [--rounds=7] [--warmup=15] [--calls=500] [--quick]
//
// Method (as ../shared/anchor-bench): server warmed first; untimed client warm-up; then rounds
// in ABBA order (SDK, raw, raw, SDK, …) so drift on a shared machine hits both; medians. The
// server writes one res.write() per event (a token-streaming server), respecting back-pressure.
import { fork } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const SELF = fileURLToPath(import.meta.url);
const TOKEN = 'bench-user-token';
const MODEL_COUNT = 20;
const DELTAS = ['Hell', 'o, w', 'orld', '. Th', 'is i', 's a ', 'test', ' of ', 'the ', 'stre', 'amin', 'g AP',
  'I; e', 'ach ', 'delt', 'a is', ' sho', 'rt.\n'];

function parseArgs(argv) {
  const o = { events: 5000, rounds: 7, warmup: 15, calls: 500, role: 'parent' };
  for (const a of argv) {
    const [k, v] = a.replace(/^--/, '').split(/=(.*)/s);
    if (k === 'quick') Object.assign(o, { rounds: 3, warmup: 5, calls: 200 });
    else if (k === 'role') o.role = v;
    else if (k in o) o[k] = Number(v);
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['events', 'rounds', 'warmup', 'calls']) {
    if (!Number.isInteger(o[k]) || o[k] < 1 || o[k] > 1_000_000) throw new Error(`bad --${k}`);
  }
  return o;
}

// ----------------------------------------------------------------------------- server ----
function runServer(opts) {
  const models = { object: 'list', data: Array.from({ length: MODEL_COUNT }, (_, i) => ({
    id: `provider-${i % 4}/model-${i}-instruct`, object: 'model', created: 1732600000 + i, owned_by: 'llama_stack' })) };
  const modelsBody = Buffer.from(JSON.stringify(models));
  const itemId = 'msg_67ccd2bf17f0819081ff3bb2cf6508e60bb6a6b452d3795b';
  const chunks = [];
  let text = '';
  for (let i = 0; i < opts.events; i++) {
    const delta = DELTAS[i % DELTAS.length];
    text += delta;
    chunks.push(Buffer.from(`data: ${JSON.stringify({ type: 'response.output_text.delta', sequence_number: i + 1,
      item_id: itemId, output_index: 0, content_index: 0, delta })}\n\n`));
  }
  const response = { id: 'resp_67ccd2bed1ec8190b14f964abc0542670bb6a6b452d3795b', object: 'response', created_at: 1732600000,
    status: 'completed', model: models.data[0].id, output: [{ type: 'message', id: itemId, status: 'completed',
      role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] }],
    usage: { input_tokens: 12, output_tokens: opts.events, total_tokens: opts.events + 12 } };
  chunks.push(Buffer.from(`data: ${JSON.stringify({ type: 'response.completed', sequence_number: opts.events + 1, response })}\n\n`));
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': modelsBody.length });
        return res.end(modelsBody);
      }
      if (req.method === 'POST' && req.url === '/v1/responses') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        let i = 0;
        const pump = () => {
          while (i < chunks.length) if (!res.write(chunks[i++])) return res.once('drain', pump);
          res.end();
        };
        return pump();
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"message":"no route"}}');
    });
  });
  server.keepAliveTimeout = 120000;
  server.listen(0, '127.0.0.1', () => {
    process.send({ port: server.address().port, textLength: text.length, sseBytes: chunks.reduce((n, c) => n + c.length, 0) });
  });
  process.on('SIGTERM', () => { server.closeAllConnections?.(); server.close(() => process.exit(0)); });
  process.on('disconnect', () => process.exit(0));
}

// ----------------------------------------------------------------------------- client ----
v8.setFlagsFromString('--expose-gc');
const gc = globalThis.gc ?? vm.runInNewContext('gc');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const r1 = (x) => Math.round(x * 10) / 10;
const r3 = (x) => Math.round(x * 1000) / 1000;
const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

async function rawStream(origin, createParser) {
  const res = await fetch(`${origin}/v1/responses`, { method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}`, accept: 'text/event-stream' },
    body: JSON.stringify({ model: 'm', input: 'hi', store: true, stream: true }) });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  let deltas = 0, chars = 0, completed = false;
  const parser = createParser({ onEvent(ev) {
    const d = JSON.parse(ev.data);
    if (d.type === 'response.output_text.delta') { deltas++; chars += d.delta.length; }
    else if (d.type === 'response.completed') completed = true;
  } });
  const decoder = new TextDecoder();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.feed(decoder.decode(value, { stream: true }));
  }
  parser.feed(decoder.decode());
  return { deltas, chars, completed };
}

async function sdkStream(client) {
  let deltas = 0, chars = 0, completed = false;
  for await (const ev of client.createResponseStream({ model: 'm', input: 'hi' })) {
    if (ev.type === 'response.output_text.delta') { deltas++; chars += ev.delta.length; }
    else if (ev.type === 'response.completed') completed = true;
  }
  return { deltas, chars, completed };
}

async function timed(fn, check) {
  gc();
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  check(result);
  return ms;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.role === 'server') return runServer(opts);

  const child = fork(SELF, ['--role=server', `--events=${opts.events}`], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  const info = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the bench server did not start')), 10000);
    child.once('message', (m) => { clearTimeout(timer); resolve(m); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the bench server exited ${code}`)); });
  });
  const origin = `http://127.0.0.1:${info.port}`;
  try {
    const { createParser } = await import('eventsource-parser');
    const { loadGenAI } = await import('../web/index.js');
    const genai = await loadGenAI();
    const factory = genai.createFactories({ llamaStack: { baseURL: origin } }).llamaStack;
    const client = factory.createClient({ token: TOKEN });
    const check = (s) => {
      if (s.deltas !== opts.events || s.chars !== info.textLength || !s.completed)
        throw new Error(`stream mismatch ${JSON.stringify(s)}: want ${opts.events} deltas, ${info.textLength} chars`);
    };
    const variants = { sdk: () => sdkStream(client), raw: () => rawStream(origin, createParser) };

    // Warm the server, then both clients (connection, JIT); not timed.
    for (let i = 0; i < 300; i++) await (await fetch(`${origin}/v1/models`)).arrayBuffer();
    for (let i = 0; i < opts.warmup; i++) { check(await variants.sdk()); check(await variants.raw()); }

    const ms = { sdk: [], raw: [] };
    for (let r = 0; r < opts.rounds; r++) {
      for (const key of r % 2 ? ['raw', 'sdk', 'sdk', 'raw'] : ['sdk', 'raw', 'raw', 'sdk']) ms[key].push(await timed(variants[key], check));
      log(`stream round ${r + 1}/${opts.rounds}: sdk ${r1(median(ms.sdk.slice(-2)))} ms, raw ${r1(median(ms.raw.slice(-2)))} ms`);
    }
    const events = opts.events + 1;
    const perSecond = (xs) => Math.round((events * 1000) / median(xs));
    const stream = {
      events, sse_bytes: info.sseBytes, timed_runs_each: ms.sdk.length,
      sdk: { median_ms: r1(median(ms.sdk)), events_per_s: perSecond(ms.sdk), min_ms: r1(Math.min(...ms.sdk)), max_ms: r1(Math.max(...ms.sdk)) },
      raw: { median_ms: r1(median(ms.raw)), events_per_s: perSecond(ms.raw), min_ms: r1(Math.min(...ms.raw)), max_ms: r1(Math.max(...ms.raw)) },
    };
    stream.ratio_sdk_over_raw = r3(stream.sdk.events_per_s / stream.raw.events_per_s); // ≥ 1.0: the SDK is at least as fast

    // listModels: µs per call, SDK vs raw fetch + res.json(), ABBA rounds of `calls` calls.
    const calls = {
      sdk: async () => (await client.listModels()).length,
      raw: async () => (await (await fetch(`${origin}/v1/models`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()).data.length,
    };
    for (let i = 0; i < opts.calls; i++) { await calls.sdk(); await calls.raw(); }
    const us = { sdk: [], raw: [] };
    for (let r = 0; r < opts.rounds; r++) {
      for (const key of r % 2 ? ['raw', 'sdk'] : ['sdk', 'raw']) {
        gc();
        const t0 = performance.now();
        for (let i = 0; i < opts.calls; i++) if ((await calls[key]()) !== MODEL_COUNT) throw new Error('wrong model count');
        us[key].push(((performance.now() - t0) * 1000) / opts.calls);
      }
    }
    const listModels = {
      calls_per_round: opts.calls, rounds: opts.rounds,
      sdk_us_per_call: r1(median(us.sdk)), raw_us_per_call: r1(median(us.raw)),
      ratio_sdk_over_raw: r3(median(us.sdk) / median(us.raw)), overhead_us: r1(median(us.sdk) - median(us.raw)),
    };
    client.dispose();
    factory.dispose();

    const cpus = os.cpus();
    console.log(`LlamaStack streamed Response, ${events} events (${info.sseBytes} B), median of ${ms.sdk.length} runs each:`);
    console.log(`  SDK (for await over createResponseStream)     ${String(stream.sdk.events_per_s).padStart(9)} events/s  ${stream.sdk.median_ms} ms`);
    console.log(`  raw fetch + eventsource-parser + JSON.parse   ${String(stream.raw.events_per_s).padStart(9)} events/s  ${stream.raw.median_ms} ms`);
    console.log(`  ratio SDK / raw: ${stream.ratio_sdk_over_raw} (aim ≥ 1.0)`);
    console.log(`listModels (${MODEL_COUNT} models), median µs per call: SDK ${listModels.sdk_us_per_call}, raw ${listModels.raw_us_per_call}, ratio ${listModels.ratio_sdk_over_raw}`);
    console.log(JSON.stringify({ bench: 'llamastack_stream/1', date: new Date().toISOString(), node: process.version,
      cpu: cpus[0]?.model, cpus: cpus.length, stream, listModels }));
  } finally {
    child.kill('SIGTERM');
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
