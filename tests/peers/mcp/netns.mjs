// MCP peers that listen on every interface (server-everything, the conformance suite's servers)
// are run inside a private network namespace whose only interface is loopback, so no traffic
// can leave the machine (PEERS.md). A test file calls runInLoopbackNamespace(import.meta.url):
// outside the namespace it re-runs itself inside one (as root, through `unshare -n`) and reports
// that run as one test; inside, it runs its tests.
import { spawn, spawnSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const MARK = 'GENAI_LOOPBACK_NAMESPACE';

export function insideLoopbackNamespace() {
  return process.env[MARK] === '1';
}

function canUnshare() {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return false;
  return spawnSync('unshare', ['-n', 'true']).status === 0;
}

/** Outside the namespace: one test that re-runs `fileUrl` inside it. Returns true when inside. */
export function runInLoopbackNamespace(fileUrl, { timeoutMs = 300000 } = {}) {
  if (insideLoopbackNamespace()) return true;
  const file = fileURLToPath(fileUrl);
  test(`${file.split('/').pop()} inside a loopback-only network namespace`, { skip: !canUnshare() && 'needs root for unshare -n' }, async (t) => {
    // The inner run is a test runner of its own, not a child of ours.
    const { NODE_TEST_CONTEXT: _ignored, ...env } = process.env;
    const child = spawn('unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec "$0" --test --test-reporter=spec "$1"',
      process.execPath, file], { env: { ...env, [MARK]: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    const summary = output.split('\n').filter((l) => /^ℹ (tests|pass|fail) /.test(l)).join(', ');
    t.diagnostic(summary);
    assert.equal(code, 0, output);
    assert.match(summary, /ℹ pass [1-9]/, output);
  });
  return false;
}
