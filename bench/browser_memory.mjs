#!/usr/bin/env node
// Memory of the SDK in a real browser page (Debian's Chromium, headless, via playwright-core).
// Prints a table on stdout and, as the last line, one JSON object. Figures, not assertions.
//
//   node bench/browser_memory.mjs [--cycles=10000] [--checkpoint=1000] [--services=all|maas]
//
// One cycle (--services=all, the default) = createFactories with the four services on Mock, one
// client of each and one call each: MaaS listModels, LlamaStack createResponseStream left with
// `break` after its first event (the abort path), MCP listTools (initialize, list, close),
// Kubernetes getNamespaces — nine native handles. --services=maas: createFactories({maas}) +
// createClient + listModels, two handles (the figure of earlier runs).
//   1. "dispose": every cycle ends with client.dispose() and factory.dispose().
//   2. "no dispose": the handles are dropped without dispose(); only the FinalizationRegistry of
//      web/disposable.js can free them. After the cycles a full GC is forced (CDP
//      HeapProfiler.collectGarbage) and the page is given time to run the finalization callbacks.
//   3. "no dispose, GC every N": as 2, with a forced GC (and the finalizers) every --checkpoint
//      cycles: shows whether the growth of 2 is a leak or only GC timing.
// Reported at "before" (SDK loaded, one warm-up cycle), after --checkpoint and after --cycles:
//   wasm_heap_bytes   genai.wasmHeapBytes (size of the wasm memory; it only grows, so flat = no leak)
//   live_handles      genai.liveHandles (handles the JS facade counts as not yet disposed)
//   natives_alive     (no-dispose variant) embind objects of those cycles not yet deleted, read
//                     with isDeleted() — what the FinalizationRegistry actually freed
//   js_heap_used      CDP Runtime.getHeapUsage().usedSize after a forced GC (retained, not garbage)
// The counters are read before that GC (V8's own GCs during the cycles may already have run some
// finalizers); the no-dispose variant ends with a row read after forced GCs.
// The repository is served from 127.0.0.1 by scripts/serve.mjs; the page is a blank same-origin
// document that imports /web/index.js. Needs dist/ (bash scripts/build.sh).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../scripts/serve.mjs';

const DEADLINE_MS = 15 * 60_000;   // the whole run is bounded; the browser and server are stopped
const FINALIZER_ROUNDS = 20;       // GC + wait rounds for the finalization callbacks

function parseArgs(argv) {
  const o = { cycles: 10_000, checkpoint: 1_000, services: 'all' };
  for (const a of argv) {
    const [k, v] = a.replace(/^--/, '').split('=');
    if (k === 'cycles') o.cycles = Number(v);
    else if (k === 'checkpoint') o.checkpoint = Number(v);
    else if (k === 'services' && (v === 'all' || v === 'maas')) o.services = v;
    else throw new Error(`unknown option ${a}`);
  }
  for (const k of ['cycles', 'checkpoint']) {
    if (!Number.isInteger(o[k]) || o[k] < 1 || o[k] > 1_000_000) throw new Error(`bad --${k}`);
  }
  o.checkpoint = Math.min(o.checkpoint, o.cycles);
  return o;
}

const log = (msg) => process.stderr.write(`[browser-memory] ${msg}\n`);

// ------------------------------------------------------------ in the page ----
// Installed once per page: `window.memoryBench`, driven by page.evaluate() calls below.
async function installInPage(services) {
  const { loadGenAI } = await import('/web/index.js');
  const genai = await loadGenAI();
  const dropped = [];   // embind objects of never-disposed handles (held only to ask isDeleted())
  const finish = (handles, dispose) => {
    for (const h of handles) {
      if (h.disposed) continue;
      if (dispose) h.dispose();
      else dropped.push(h.native);
    }
  };
  async function maasOnly(dispose) {
    const { maas } = genai.createFactories({ maas: { mock: true } });
    const client = maas.createClient({ token: 'bench-token' });
    const models = await client.listModels();
    if (models.length !== 4) throw new Error(`listModels returned ${models.length} models`);
    finish([client, maas], dispose);
  }
  let mcpServer;
  async function allServices(dispose) {
    const f = genai.createFactories({ maas: { mock: true }, llamaStack: { mock: true, streamDelayMs: 0 },
      mcp: { mock: true }, kubernetes: { mock: true } });
    mcpServer ??= f.mcp.parseServerConfigMap().servers.find((s) => s.name === 'kubernetes');
    const maas = f.maas.createClient({ token: 'bench-token' });
    const ls = f.llamaStack.createClient({ token: 'bench-token' });
    const mcp = f.mcp.createClient({ server: mcpServer });
    const k8s = f.kubernetes.createClient({ token: 'bench-token' });
    const stream = ls.createResponseStream({ model: 'llama3.2:3b', input: 'Hello' });
    const [models, , tools, namespaces] = await Promise.all([
      maas.listModels(),
      (async () => { for await (const event of stream) break; })(),   // eslint-disable-line no-unused-vars
      mcp.listTools().finally(() => mcp.close()),
      k8s.getNamespaces(),
    ]);
    if (models.length !== 4 || !tools.length || !namespaces.length) throw new Error('a Mock call answered nothing');
    finish([maas, ls, stream, mcp, k8s, f.maas, f.llamaStack, f.mcp, f.kubernetes], dispose);
  }
  const cycle = services === 'maas' ? maasOnly : allServices;
  window.memoryBench = {
    async run(n, dispose) {
      const t0 = performance.now();
      for (let i = 0; i < n; i++) await cycle(dispose);
      return performance.now() - t0;
    },
    sample() {
      // Deleted ones are dropped from the list, so that it does not itself grow the JS heap.
      let alive = 0;
      for (const native of dropped) if (!native.isDeleted()) dropped[alive++] = native;
      dropped.length = alive;
      return { wasm_heap_bytes: genai.wasmHeapBytes, live_handles: genai.liveHandles, natives_alive: alive };
    },
    forgetDropped() { dropped.length = 0; },
  };
}

// ---------------------------------------------------------- in Node (driver) ----
async function forcedGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
}

/** The page's counters as they are (no forced GC first), then the JS heap after a forced GC. */
async function sample(page, cdp) {
  const counters = await page.evaluate(() => window.memoryBench.sample());
  await forcedGc(cdp);
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  return { ...counters, js_heap_used: usedSize, js_heap_total: totalSize };
}

/** Forces GCs and lets the page run its finalization callbacks until no dropped native is left. */
async function collect(page, cdp) {
  for (let round = 1; ; round++) {
    await forcedGc(cdp);
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const { natives_alive: alive } = await page.evaluate(() => window.memoryBench.sample());
    if (alive === 0 || round === FINALIZER_ROUNDS) return round;
  }
}

/**
 * Runs `cycles` cycles in chunks of `checkpoint`, sampling before, after the first chunk and at
 * the end; with `collectEvery`, forces a GC (and finalizers) after every chunk.
 */
async function variant(page, cdp, { name, cycles, checkpoint, dispose, collectEvery }) {
  await page.evaluate(() => window.memoryBench.run(1, true));   // warm-up cycle (always disposed)
  const rows = [{ at: 'before', cycles: 0, ...(await sample(page, cdp)) }];
  let ms = 0;
  let gcRounds = 0;
  for (let done = 0; done < cycles;) {
    const n = Math.min(checkpoint, cycles - done);
    ms += await page.evaluate(([count, d]) => window.memoryBench.run(count, d), [n, dispose]);
    done += n;
    if (collectEvery) gcRounds += await collect(page, cdp);
    if (done === checkpoint || done === cycles) {
      rows.push({ at: `after ${done}`, cycles: done, ...(await sample(page, cdp)) });
      log(`${name}: ${done} cycles in ${Math.round(ms)} ms`);
    }
  }
  if (!dispose && !collectEvery) {
    gcRounds = await collect(page, cdp);
    rows.push({ at: 'after forced GC', cycles, ...(await sample(page, cdp)) });
  }
  await page.evaluate(() => window.memoryBench.forgetDropped());
  return { variant: name, cycles, ms_total: Math.round(ms), us_per_cycle: Math.round((ms * 1000) / cycles),
    forced_gc_rounds: gcRounds, rows };
}

async function openPage(context, origin, services) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  // A blank document of the served origin, so that `import('/web/index.js')` is same-origin.
  await page.route(`${origin}/__memory-bench.html`, (route) => route.fulfill({
    status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>memory bench</title>',
  }));
  await page.goto(`${origin}/__memory-bench.html`);
  await page.evaluate(installInPage, services);
  const cdp = await context.newCDPSession(page);
  return { page, cdp, problems, browser: (await cdp.send('Browser.getVersion')).product };
}

const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : String(n ?? '—'));

function table(results) {
  const head = ['variant', 'at', 'wasm heap B', 'live handles', 'natives alive', 'JS heap used B'];
  const body = results.flatMap((r) => r.rows.map((row) => [r.variant, row.at, fmt(row.wasm_heap_bytes), fmt(row.live_handles),
    r.variant === 'dispose' ? '—' : fmt(row.natives_alive), fmt(row.js_heap_used)]));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((line) => line[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const server = await startStaticServer({ port: 0 });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const profile = mkdtempSync(join(tmpdir(), 'genai-memory-bench-'));
  let context;
  const deadline = setTimeout(() => {
    log(`deadline of ${DEADLINE_MS / 60000} min reached: stopping`);
    Promise.resolve(context?.close()).finally(() => { server.close(); rmSync(profile, { recursive: true, force: true }); process.exit(2); });
  }, DEADLINE_MS);
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    const results = [];
    let browser = '';
    // Each variant in its own page (its own wasm instance), so one cannot hide the other's growth.
    const variants = [
      { name: 'dispose', dispose: true },
      { name: 'no dispose', dispose: false },
      { name: `no dispose, GC every ${opts.checkpoint}`, dispose: false, collectEvery: true },
    ];
    for (const v of variants) {
      const { page, cdp, problems, browser: product } = await openPage(context, origin, opts.services);
      browser = product;
      results.push(await variant(page, cdp, { ...opts, ...v }));
      if (problems.length) throw new Error(`page errors: ${problems.join('; ')}`);
      await page.close();
    }
    const out = {
      bench: 'browser_memory',
      browser,
      cycle: opts.services === 'maas' ? 'createFactories({maas:{mock:true}}) + createClient + listModels (2 handles)'
        : 'four Mock factories, a client of each, one call each (a stream left with break) (9 handles)',
      ...opts,
      results,
      seconds: Math.round((performance.now() - started) / 100) / 10,
    };
    console.log(table(results));
    console.log(JSON.stringify(out));
  } finally {
    clearTimeout(deadline);
    await context?.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(profile, { recursive: true, force: true });
  }
}

await main();
