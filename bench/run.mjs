#!/usr/bin/env node
// genai-clients benchmark (`npm run bench`). Prints a human-readable table on stdout and, as the
// last line, one JSON object with every number. Figures are ratios against baselines measured in
// this same process and run; nothing here is a timed assertion (it never fails on a slow figure).
//
//   node bench/run.mjs [--calls=1000] [--rounds=5] [--warmup=800] [--creates=100000]
//                      [--stub-calls=1000] [--no-stub] [--budget=40] [--quick]
//
// --budget (seconds of timed work, default 40) keeps a run near a minute on a loaded 2-core
// machine: after warm-up a short calibration sets the calls per round (and the number of
// creations) to at most --calls / --creates and at least 100 calls; the JSON says what was used.
//
// 1. MaaS listModels through the SDK (Real factory, global fetch) vs raw fetch + res.json(),
//    both against the same loopback keep-alive server (bench/server.mjs, forked into its own
//    process so its CPU is not billed to the client). Method as ../shared/anchor-bench: server
//    warmed first, untimed client warm-up, then `rounds` rounds of `calls` sequential calls,
//    SDK and raw alternating (ABBA order) so drift on a shared machine hits both; medians.
//    Also the same pair with an in-process stub fetch (no network): the SDK's own per-call cost.
// 2. createClient cost (Mock and Real factory), mean over `creates` creations, with dispose()
//    after each and without (the FinalizationRegistry frees those, outside the timed loop).
// 3. Package size: raw and gzip -9 bytes of what a browser downloads, vs the 120 KB target and
//    the 141,567 B gzip of openai + llama-stack-client + MCP SDK (../shared/anchor-bench/README.md).
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadGenAI } from '../web/index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const TOKEN = 'bench-user-token';
const TARGET_GZIP_BYTES = 120 * 1024;       // the 120 KB target (KiB)
const ANCHOR_ALL_THREE_GZIP = 141567;       // openai + llama-stack-client + MCP SDK, one esbuild bundle
const T_START = performance.now();

function parseArgs(argv) {
  const o = { calls: 1000, rounds: 5, warmup: 800, creates: 100000, stubCalls: 1000, stub: true, budget: 40 };
  for (const a of argv) {
    const [k, v] = a.replace(/^--/, '').split(/=(.*)/s);
    if (k === 'calls') o.calls = +v;
    else if (k === 'rounds') o.rounds = +v;
    else if (k === 'warmup') o.warmup = +v;
    else if (k === 'creates') o.creates = +v;
    else if (k === 'stub-calls') o.stubCalls = +v;
    else if (k === 'no-stub') o.stub = false;
    else if (k === 'budget') o.budget = +v;
    else if (k === 'quick') Object.assign(o, { calls: 300, rounds: 3, warmup: 300, creates: 20000, stubCalls: 300 });
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['calls', 'rounds', 'warmup', 'creates', 'stubCalls']) {
    if (!Number.isInteger(o[k]) || o[k] < 0 || o[k] > 10_000_000) throw new Error(`bad --${k}`);
  }
  if (o.rounds < 1 || o.calls < 1) throw new Error('--rounds and --calls must be >= 1');
  if (!(o.budget > 0 && o.budget <= 3600)) throw new Error('bad --budget');
  if (o.stubCalls < 1) o.stub = false;
  // Shares of the budget: loopback 45 %, stub 20 %, createClient 25 % (4 timed loops).
  o.loopbackBlockMs = (o.budget * 1000 * 0.45) / (2 * o.rounds);
  o.stubBlockMs = (o.budget * 1000 * 0.20) / (2 * o.rounds);
  o.createBudgetMs = (o.budget * 1000 * 0.25) / 4;
  return o;
}

// A full GC before each timed block (like anchor-bench's --expose-gc), without needing the flag.
v8.setFlagsFromString('--expose-gc');
const gc = globalThis.gc ?? vm.runInNewContext('gc');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const r1 = (x) => Math.round(x * 10) / 10;
const r2 = (x) => Math.round(x * 100) / 100;
const r3 = (x) => Math.round(x * 1000) / 1000;
const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);
const tick = () => new Promise((resolve) => setImmediate(resolve));

// ------------------------------------------------------------------ server ----
function startServer() {
  const child = fork(path.join(HERE, 'server.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
  const info = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench server did not start within 10 s')), 10000);
    child.once('message', (m) => { clearTimeout(timer); resolve(m); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`bench server exited ${code}`)); });
  });
  return { child, info };
}

// ------------------------------------------------------- 1. listModels calls ----
// Wall µs per call, and this process's CPU µs per call (user + system, all threads). The CPU
// figure is the client's own work (the server runs in another process) and is much less
// disturbed than wall time when other jobs share the machine.
async function timeCalls(fn, n, expect) {
  gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const count = await fn();
    if (count !== expect) throw new Error(`call returned ${count} models, want ${expect}`);
  }
  const wall = ((performance.now() - t0) * 1000) / n;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / n };
}

/** Alternating rounds (ABBA) of two variants; per-round µs/call and their medians. */
async function pairRounds(label, a, b, { calls: maxCalls, rounds, warmup, expect, blockMs, warmMs }) {
  const tw = performance.now();
  let warmed = 0;
  while (warmed < warmup && performance.now() - tw < warmMs) { await a.fn(); await b.fn(); warmed++; }
  // Calibration (untimed for the result): calls per round that fit the time budget.
  const probe = Math.min(100, maxCalls);
  const est = Math.max((await timeCalls(a.fn, probe, expect)).wall, (await timeCalls(b.fn, probe, expect)).wall);
  const calls = Math.max(Math.min(100, maxCalls), Math.min(maxCalls, Math.floor((blockMs * 1000) / est)));
  const us = { [a.key]: [], [b.key]: [] };
  const cpu = { [a.key]: [], [b.key]: [] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [b, a] : [a, b];
    for (const v of order) {
      const t = await timeCalls(v.fn, calls, expect);
      us[v.key].push(t.wall);
      cpu[v.key].push(t.cpu);
    }
    log(`${label} round ${r + 1}/${rounds}: ${a.key} ${r1(us[a.key][r])} µs (cpu ${r1(cpu[a.key][r])}), `
      + `${b.key} ${r1(us[b.key][r])} µs (cpu ${r1(cpu[b.key][r])})`);
  }
  const stats = (xs, cs) => ({ us_per_call: r1(median(xs)), calls_per_s: Math.round(1e6 / median(xs)),
    round_us: xs.map(r1), min_us: r1(Math.min(...xs)), max_us: r1(Math.max(...xs)),
    cpu_us_per_call: r1(median(cs)), round_cpu_us: cs.map(r1) });
  const ratios = us[a.key].map((x, i) => x / us[b.key][i]);
  const cpuRatio = median(cpu[a.key]) / median(cpu[b.key]);
  return {
    calls_per_round: calls, calls_capped_by_budget: calls < maxCalls, rounds, warmup_calls_each: warmed,
    [a.key]: stats(us[a.key], cpu[a.key]), [b.key]: stats(us[b.key], cpu[b.key]),
    ratio: r3(median(us[a.key]) / median(us[b.key])),                 // ratio of the medians (wall)
    overhead_pct: r1((median(us[a.key]) / median(us[b.key]) - 1) * 100),
    paired_ratio_median: r3(median(ratios)),                           // median of per-round ratios
    paired_ratio_range: [r3(Math.min(...ratios)), r3(Math.max(...ratios))],
    cpu_ratio: r3(cpuRatio), cpu_overhead_pct: r1((cpuRatio - 1) * 100),
  };
}

async function benchListModels(genai, opts) {
  const { child, info } = startServer();
  try {
    const server = await info;
    const baseURL = `http://127.0.0.1:${server.port}`;
    const url = `${baseURL}/v1/models`;
    const expect = server.modelCount;
    // Warm the server's JIT first, so no client round pays for it.
    const ts = performance.now();
    for (let i = 0; i < 1500 && performance.now() - ts < 3000; i++) await (await fetch(url)).arrayBuffer();

    const factory = genai.createFactories({ maas: { baseURL } }).maas;
    const client = factory.createClient({ baseURL, token: TOKEN });
    const sdk = { key: 'sdk', fn: async () => (await client.listModels()).length };
    const raw = { key: 'raw', fn: async () => {
      const res = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return (await res.json()).data.length;
    } };
    log(`server on 127.0.0.1:${server.port}, body ${server.modelsBytes} B, ${expect} models`);
    const loopback = await pairRounds('loopback', sdk, raw, { calls: opts.calls, rounds: opts.rounds,
      warmup: opts.warmup, expect, blockMs: opts.loopbackBlockMs, warmMs: opts.budget * 1000 * 0.08 });
    loopback.body_bytes = server.modelsBytes;
    client.dispose();
    factory.dispose();

    // The same pair with an in-process fetch that answers at once with the same bytes: what is
    // left is the SDK's own work per call (wasm, bridge, fetch plumbing) vs Response + json().
    let stub = null;
    if (opts.stub) {
      const body = new Uint8Array(await (await fetch(url)).arrayBuffer());
      const headers = { 'content-type': 'application/json', 'x-request-id': 'req_stub' };
      const stubFetch = async () => new Response(body, { status: 200, headers });
      const sf = genai.createFactories({ maas: { baseURL, fetch: stubFetch } }).maas;
      const sc = sf.createClient({ baseURL, token: TOKEN });
      stub = await pairRounds('stub-fetch', { key: 'sdk', fn: async () => (await sc.listModels()).length },
        { key: 'raw', fn: async () => {
          const res = await stubFetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
          return (await res.json()).data.length;
        } },
        { calls: opts.stubCalls, rounds: opts.rounds, warmup: Math.min(opts.warmup, opts.stubCalls), expect,
          blockMs: opts.stubBlockMs, warmMs: opts.budget * 1000 * 0.04 });
      sc.dispose();
      sf.dispose();
    }
    return { loopback, stub };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(); }, 3000);
      child.once('exit', () => { clearTimeout(timer); resolve(); });
    });
  }
}

// ---------------------------------------------------------- 2. createClient ----
// Lets the FinalizationRegistry free clients that were never disposed. (genai.liveHandles cannot
// tell: it only counts dispose(), not what the registry frees; the wasm heap size shows it.)
async function settleFinalizers() {
  for (let i = 0; i < 2; i++) { gc(); await tick(); }
}

async function benchCreateClient(genai, opts) {
  const baseURL = 'http://127.0.0.1:9/maas-api';
  const out = {};
  for (const kind of ['mock', 'real']) {
    const factory = genai.createFactories({ maas: kind === 'mock' ? { mock: true } : { baseURL } }).maas;
    const options = kind === 'mock' ? { token: TOKEN } : { baseURL, token: TOKEN };
    // Warm-up, which also estimates the cost so that a loaded machine stays within the time budget.
    const w = Math.min(opts.creates, 5000);
    const tw = performance.now();
    for (let i = 0; i < w; i++) factory.createClient(options).dispose();
    const estUs = ((performance.now() - tw) * 1000) / Math.max(w, 1);
    const n = Math.max(1000, Math.min(opts.creates, Math.floor((opts.createBudgetMs * 1000) / Math.max(estUs, 0.001))));
    const heap0 = genai.wasmHeapBytes;

    // With dispose(): the intended per-request pattern.
    gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) factory.createClient(options).dispose();
    const withDispose = ((performance.now() - t0) * 1000) / n;
    const c1 = process.cpuUsage(c0);
    const withDisposeCpu = (c1.user + c1.system) / n;

    // Without dispose(): creation only, in batches; between batches (untimed) a GC lets the
    // FinalizationRegistry free the forgotten clients so the wasm heap stays bounded.
    const batch = 10000;
    let timed = 0;
    for (let done = 0; done < n; done += batch) {
      const m = Math.min(batch, n - done);
      await settleFinalizers();
      const t = performance.now();
      for (let i = 0; i < m; i++) factory.createClient(options);
      timed += performance.now() - t;
    }
    const withoutDispose = (timed * 1000) / n;
    await settleFinalizers();
    out[kind] = { creations: n, us_with_dispose: r3(withDispose), cpu_us_with_dispose: r3(withDisposeCpu),
      us_without_dispose: r3(withoutDispose),
      wasm_heap_growth_bytes: genai.wasmHeapBytes - heap0 };
    factory.dispose();
    log(`createClient ${kind}: ${r3(withDispose)} µs with dispose, ${r3(withoutDispose)} µs without (${n} each)`);
  }
  out.wasm_heap_bytes = genai.wasmHeapBytes;
  return out;
}

// ------------------------------------------------------------------- 3. size ----
function benchSize() {
  const files = ['dist/genai_core.wasm', 'dist/genai_core.js',
    ...fs.readdirSync(path.join(ROOT, 'web')).filter((f) => f.endsWith('.js')).sort().map((f) => `web/${f}`)];
  const rows = files.map((f) => {
    const bytes = fs.readFileSync(path.join(ROOT, f));
    return { file: f, raw: bytes.length, gzip9: zlib.gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (k, pred = () => true) => rows.filter(pred).reduce((s, r) => s + r[k], 0);
  const isJs = (r) => r.file.endsWith('.js');
  const jsConcat = Buffer.concat(files.filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(ROOT, f))));
  const totalGzip = sum('gzip9');
  return {
    files: rows,
    total_raw: sum('raw'), total_gzip9: totalGzip,
    wasm_gzip9: sum('gzip9', (r) => !isJs(r)), js_gzip9: sum('gzip9', isJs),
    js_concatenated_gzip9: zlib.gzipSync(jsConcat, { level: 9 }).length,
    target_gzip9: TARGET_GZIP_BYTES, vs_target: r3(totalGzip / TARGET_GZIP_BYTES),
    anchor_all_three_gzip9: ANCHOR_ALL_THREE_GZIP, vs_anchor_all_three: r3(totalGzip / ANCHOR_ALL_THREE_GZIP),
    note: 'web/*.js and genai_core.js as shipped (not minified); the anchor figure is an esbuild --minify bundle',
  };
}

// ------------------------------------------------------------------ report ----
const fmtInt = (x) => Math.round(x).toLocaleString('en-US');
function table(headers, rows) {
  const w = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  return [line(headers), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

function report(res) {
  const out = [];
  const L = res.list.loopback;
  out.push(`genai-clients bench — node ${process.version}, ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), `
    + `load avg ${res.loadavg.join(' ')} at start, ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} at end`);
  out.push('');
  out.push(`1. MaaS listModels, sequential, loopback keep-alive server in its own process `
    + `(${L.body_bytes} B body, 4 models); ${L.rounds} alternating rounds × ${L.calls_per_round} calls, medians`);
  const rowsOf = (R, sdkName, rawName) => [
    [sdkName, fmtInt(R.sdk.calls_per_s), R.sdk.us_per_call.toFixed(1), R.sdk.cpu_us_per_call.toFixed(1), R.sdk.round_us.join(' ')],
    [rawName, fmtInt(R.raw.calls_per_s), R.raw.us_per_call.toFixed(1), R.raw.cpu_us_per_call.toFixed(1), R.raw.round_us.join(' ')],
  ];
  const HEAD = ['client', 'calls/s', 'µs/call', 'CPU µs/call', 'µs/call per round'];
  out.push(table(HEAD, rowsOf(L,
    'SDK  client.listModels()', 'raw  fetch + res.json()')));
  out.push(`   SDK overhead vs raw: ${L.overhead_pct >= 0 ? '+' : ''}${L.overhead_pct} % (ratio ${L.ratio}; `
    + `per-round ratios median ${L.paired_ratio_median}, range ${L.paired_ratio_range.join('–')}); aim ≤ +10 %`);
  out.push(`   by client CPU time: ${L.cpu_overhead_pct >= 0 ? '+' : ''}${L.cpu_overhead_pct} % (ratio ${L.cpu_ratio}; `
    + `CPU µs/call of this process, server excluded; steadier than wall time on a shared machine)`);
  if (res.list.stub) {
    const S = res.list.stub;
    out.push('');
    out.push(`   Same pair with an in-process stub fetch (no network, same body): the per-call work of the client itself`);
    out.push(table(HEAD, rowsOf(S,
      'SDK  client.listModels()', 'raw  new Response + res.json()')));
    out.push(`   in-process: SDK ${S.sdk.us_per_call} µs vs raw ${S.raw.us_per_call} µs per call (ratio ${S.ratio}; CPU ratio ${S.cpu_ratio}); `
      + `SDK extra ≈ ${r1(S.sdk.us_per_call - S.raw.us_per_call)} µs/call = `
      + `${r1(((S.sdk.us_per_call - S.raw.us_per_call) / L.raw.us_per_call) * 100)} % of a raw loopback call`);
  }
  out.push('');
  const C = res.createClient;
  out.push('2. createClient (mean µs per creation; % = share of one raw loopback listModels call; undisposed clients freed by GC between batches)');
  const pct = (us) => `${r2((us / L.raw.us_per_call) * 100)} %`;
  out.push(table(['factory', 'creations', 'µs + dispose()', '(CPU µs)', '% raw call', 'µs, no dispose', '% raw call', 'wasm heap growth'], ['mock', 'real'].map((k) => [
    k, fmtInt(C[k].creations), C[k].us_with_dispose.toFixed(3), C[k].cpu_us_with_dispose.toFixed(3), pct(C[k].us_with_dispose), C[k].us_without_dispose.toFixed(3),
    pct(C[k].us_without_dispose), `${fmtInt(C[k].wasm_heap_growth_bytes)} B`])));
  out.push('');
  const Z = res.size;
  out.push('3. Package size (what a browser downloads; gzip -9 = zlib level 9, per file)');
  out.push(table(['file', 'raw B', 'gzip -9 B'], [
    ...Z.files.map((f) => [f.file, fmtInt(f.raw), fmtInt(f.gzip9)]),
    ['total', fmtInt(Z.total_raw), fmtInt(Z.total_gzip9)],
  ]));
  out.push(`   total gzip ${fmtInt(Z.total_gzip9)} B = ${r1(Z.vs_target * 100)} % of the 120 KB target (${fmtInt(Z.target_gzip9)} B); `
    + `${r1(Z.vs_anchor_all_three * 100)} % of openai + llama-stack-client + MCP SDK (${fmtInt(Z.anchor_all_three_gzip9)} B)`);
  out.push(`   (wasm ${fmtInt(Z.wasm_gzip9)} B + JS ${fmtInt(Z.js_gzip9)} B gzip; all JS in one file would gzip to ${fmtInt(Z.js_concatenated_gzip9)} B; `
    + `JS is not minified here, the anchor bundles are)`);
  out.push('');
  out.push(`run took ${r1(res.elapsed_s)} s`);
  return out.join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const loadStart = os.loadavg().map(r2);
  const genai = await loadGenAI();
  log('1/3 listModels: SDK vs raw fetch');
  const list = await benchListModels(genai, opts);
  log('2/3 createClient');
  const createClient = await benchCreateClient(genai, opts);
  log('3/3 package size');
  const size = benchSize();
  const res = {
    bench: 'genai-clients/bench/1', date: new Date().toISOString(), node: process.version,
    platform: `${os.platform()} ${os.arch()}`, cpu: os.cpus()[0]?.model, cpus: os.cpus().length,
    loadavg: loadStart, loadavg_end: os.loadavg().map(r2), config: opts,
    list, createClient, size, elapsed_s: r1((performance.now() - T_START) / 1000),
  };
  console.log(report(res));
  console.log(JSON.stringify(res));
}

main().catch((e) => { console.error(e); process.exit(1); });
