// `npm pack` produces a tarball that a user installs into an empty project and imports by name:
// the wasm is found, Mock and Real clients work, the types are shipped, nothing else is.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot, startServer } from './helpers/peers.mjs';

const run = promisify(execFile);
let scratch;
let server;
let packed;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'genai-consumer-'));
  const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: repoRoot });
  packed = JSON.parse(stdout)[0];
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  await run('npm', ['install', '--no-audit', '--no-fund', '--offline', join(scratch, packed.filename)], { cwd: scratch });
  server = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data: [{ id: `seen ${req.headers.authorization}`, object: 'model', created: 1, owned_by: 'o', ready: true }] }));
  });
});

after(async () => {
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

test('the tarball holds the package and nothing else', () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const needed of ['package.json', 'README.md', 'web/index.js', 'web/index.d.ts', 'web/errors.js', 'web/maas.js',
    'dist/genai_core.js', 'dist/genai_core.wasm']) {
    assert.ok(files.includes(needed), `${needed} missing from ${files.join(', ')}`);
  }
  assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('tests/') || f.startsWith('build/')), files.join(', '));
});

test('an app in a scratch folder imports it by name and uses Mock and Real clients', async () => {
  const app = `
    import { loadGenAI, NotFoundError } from 'genai-clients';
    const genai = await loadGenAI();
    const mock = genai.createFactories({ maas: { mock: true } }).maas.createClient();
    const models = await mock.listModels();
    const missing = await mock.getApiKey('nope').catch((e) => e instanceof NotFoundError);
    const real = genai.createFactories({ maas: { baseURL: process.argv[2] } }).maas.createClient({ token: 'tok' });
    const [first] = await real.listModels();
    console.log(JSON.stringify({ mock: models.length, missing, real: first.id }));
  `;
  writeFileSync(join(scratch, 'app.mjs'), app);
  const { stdout } = await run(process.execPath, ['app.mjs', server.url], { cwd: scratch });
  assert.deepEqual(JSON.parse(stdout), { mock: 4, missing: true, real: 'seen Bearer tok' });
  assert.ok(existsSync(join(scratch, 'node_modules/genai-clients/web/index.d.ts')));
});

test('the wasm is reachable through the exports map', async () => {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e',
    "import { createRequire } from 'node:module'; console.log(createRequire(import.meta.url).resolve('genai-clients/genai_core.wasm'))"],
  { cwd: scratch });
  assert.match(stdout.trim(), /node_modules\/genai-clients\/dist\/genai_core\.wasm$/);
});
