// The MCP conformance suite (@modelcontextprotocol/conformance, client mode, core suite) driving
// the Node entry tests/conformance/client.mjs. Its test servers listen on every interface, so
// the run happens inside a loopback-only network namespace. Fails on any scenario that does not
// pass and is not listed, with its reason, in tests/conformance/baseline.yml (and on a listed
// scenario that passes, so the baseline cannot go stale).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInLoopbackNamespace } from '../peers/mcp/netns.mjs';
import { repoRoot } from './helpers/peers.mjs';

const REQUIRED = ['initialize', 'tools_call', 'elicitation-sep1034-client-defaults', 'sse-retry'];

async function scenarioResults(dir) {
  const results = {};
  async function walk(path, prefix) {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const name = entry.name.replace(/-\d{4}-\d{2}-\d{2}T[\d-]+Z$/, '');
      const checksFile = join(path, entry.name, 'checks.json');
      const checks = await readFile(checksFile, 'utf8').then(JSON.parse, () => null);
      if (checks) results[prefix + name] = checks;
      else await walk(join(path, entry.name), `${prefix}${entry.name}/`);
    }
  }
  await walk(dir, '');
  return results;
}

if (runInLoopbackNamespace(import.meta.url, { timeoutMs: 600000 })) {
  test('MCP conformance suite, client mode, core scenarios', { timeout: 600000 }, async (t) => {
    const out = await mkdtemp(join(tmpdir(), 'mcp-conformance-'));
    try {
      const child = spawn(`${repoRoot}node_modules/.bin/conformance`, ['client', '--command', 'node tests/conformance/client.mjs',
        '--suite', 'core', '--expected-failures', 'tests/conformance/baseline.yml', '-o', out],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let log = '';
      child.stdout.on('data', (d) => { log += d; });
      child.stderr.on('data', (d) => { log += d; });
      const code = await new Promise((resolve) => child.on('close', resolve));
      const summary = log.slice(log.indexOf('=== SUITE SUMMARY ==='));
      t.diagnostic(summary.replace(/\x1b\[[0-9;]*m/g, ''));

      const results = await scenarioResults(out);
      for (const name of REQUIRED) {
        assert.ok(results[name], `${name} ran`);
        const bad = results[name].filter((c) => c.status === 'FAILURE' || c.status === 'WARNING');
        assert.deepEqual(bad.map((c) => `${c.id}: ${c.errorMessage ?? c.description}`), [], `${name} passes`);
      }
      assert.ok(Object.keys(results).length >= 18, `the core suite ran (${Object.keys(results).length} scenarios)`);
      assert.equal(code, 0, `unexpected failures or a stale baseline:\n${summary}`);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
}
