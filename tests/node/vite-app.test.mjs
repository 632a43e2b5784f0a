// The npm consumer app (examples/vite-app): the tarball from `npm pack` installed into a copy of the
// app, bundled by Vite with no Vite configuration, served as static files and run in headless
// Chromium. Proves that the bundler finds genai_core.wasm by itself (a hashed asset) and that the
// built app loads it and uses a Mock MaaS client, under the app's Content-Security-Policy without
// 'unsafe-eval' (only 'wasm-unsafe-eval'). Also runs the same app on Vite's dev server.
// Needs dist/ (scripts/build.sh, which scripts/test.sh runs first). No network: npm runs with
// --offline and an empty cache, and Vite comes from this repository's node_modules.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { freePort, repoRoot } from './helpers/peers.mjs';

const run = promisify(execFile);
const viteBin = join(repoRoot, 'node_modules/vite/bin/vite.js');
const STEP_MS = 120_000;   // bound for each npm / vite step and each test

let scratch;
let app;
let buildLog = '';
let site;
let context;

/** Serves `root` on 127.0.0.1 with the MIME types a browser needs (application/wasm for streaming). */
async function serveDirectory(root) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json' };
  const served = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    try {
      if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) throw new Error('not found');
      const type = types[extname(file)] ?? 'application/octet-stream';
      served.push({ path, type });
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(await readFile(file));
    } catch {
      served.push({ path, type: null });
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    served,
    stop: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}

/** Vite's dev server on the app folder; resolves once it answers. */
async function startViteDev(root) {
  const port = await freePort();
  const child = spawn(process.execPath, [viteBin, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite dev exited early:\n${log}`);
    try {
      await fetch(url);
      return { url, stop, get log() { return log; } };
    } catch {
      if (Date.now() > deadline) { await stop(); throw new Error(`vite dev did not start:\n${log}`); }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Opens the app, waits until it says it is done, and returns what it shows. */
async function openApp(url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 30_000 });
    return {
      error: await page.isHidden('#error') ? null : await page.textContent('#error'),
      models: await page.$$eval('#models li', (lis) => lis.map((li) => li.dataset.model)),
      key: await page.textContent('#key'),
      problems,
    };
  } finally {
    await page.close();
  }
}

function assertAppWorked(shown) {
  assert.equal(shown.error, null);
  assert.deepEqual(shown.models, ['llama-2-7b-chat', 'llama-2-13b-chat', 'mistral-7b-instruct', 'granite-7b-lab']);
  assert.match(shown.key, /^sk-oai-[0-9a-f]{32}$/);
  assert.deepEqual(shown.problems, []);
}

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'genai-vite-app-'));
  app = join(scratch, 'app');
  cpSync(join(repoRoot, 'examples/vite-app'), app, {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|package-lock\.json|genai-clients\.tgz)$/.test(src),
  });
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: repoRoot, timeout: STEP_MS });
  // The app depends on "file:genai-clients.tgz", next to its package.json.
  renameSync(join(scratch, JSON.parse(stdout)[0].filename), join(app, 'genai-clients.tgz'));
  // Vite is the app's dev dependency for a user; here it comes from this repository, so npm
  // installs only the tarball and needs neither the network nor a warm cache.
  const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8'));
  delete manifest.devDependencies;
  writeFileSync(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--cache', join(scratch, 'npm-cache')],
    { cwd: app, timeout: STEP_MS });
  const built = await run(process.execPath, [viteBin, 'build'], { cwd: app, timeout: STEP_MS });
  buildLog = built.stdout + built.stderr;
  site = await serveDirectory(join(app, 'dist'));
  context = await chromium.launchPersistentContext(join(scratch, 'chromium-profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}, { timeout: 4 * STEP_MS });

after(async () => {
  await context?.close();
  await site?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('vite build emits genai_core.wasm as a hashed asset and the bundle points at it', () => {
  const assets = readdirSync(join(app, 'dist/assets'));
  const wasm = assets.filter((f) => /^genai_core-[\w-]{6,}\.wasm$/.test(f));
  assert.equal(wasm.length, 1, `assets: ${assets.join(', ')}`);
  const original = readFileSync(join(app, 'node_modules/genai-clients/dist/genai_core.wasm'));
  assert.ok(readFileSync(join(app, 'dist/assets', wasm[0])).equals(original), 'the asset is the packaged wasm');
  const bundles = assets.filter((f) => f.endsWith('.js'));
  assert.ok(bundles.some((f) => readFileSync(join(app, 'dist/assets', f), 'utf8').includes(wasm[0])),
    `no bundle references ${wasm[0]}`);
  assert.doesNotMatch(buildLog, /warn|error/i, buildLog);
  const csp = readFileSync(join(app, 'dist/index.html'), 'utf8').match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(csp, 'the built page keeps its CSP');
  assert.doesNotMatch(csp[1].replaceAll("'wasm-unsafe-eval'", ''), /unsafe-eval|unsafe-inline/);
});

test('the built app runs in Chromium: Mock MaaS models listed, an API key created', { timeout: STEP_MS }, async () => {
  const shown = await openApp(`${site.url}/`);
  assertAppWorked(shown);
  const wasm = site.served.filter((r) => r.path.endsWith('.wasm'));
  assert.deepEqual(wasm.map((r) => r.type), ['application/wasm']);
  assert.match(wasm[0].path, /^\/assets\/genai_core-[\w-]+\.wasm$/);
  assert.deepEqual(site.served.filter((r) => r.type === null), [], 'every request was for a built file');
});

test('the same app works on Vite\'s dev server, still without configuration', { timeout: STEP_MS }, async () => {
  const dev = await startViteDev(app);
  try {
    assertAppWorked(await openApp(`${dev.url}/`));
  } finally {
    await dev.stop();
  }
});
