// Starts @copilotkit/aimock (PEERS.md) on 127.0.0.1 with the LlamaStack stream fixtures, and stops it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort, repoRoot } from '../../node/helpers/peers.mjs';

export const fixturesPath = new URL('./aimock-fixtures.json', import.meta.url);
export const fixtures = JSON.parse(readFileSync(fixturesPath, 'utf8')).fixtures;
export const contentFor = (message) => fixtures.find((f) => f.match.userMessage === message).response.content;

export async function startAimock({ timeoutMs = 30000 } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath,
    [`${repoRoot}node_modules/@copilotkit/aimock/dist/cli.js`, '-h', '127.0.0.1', '-p', String(port),
      '-f', fixturesPath.pathname, '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`aimock exited early:\n${log}`);
    try {
      await fetch(`${url}/__aimock/journal`);
      break;
    } catch {
      if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`aimock did not start:\n${log}`); }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    get log() { return log; },
    async journal() { return (await fetch(`${url}/__aimock/journal`)).json(); },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
