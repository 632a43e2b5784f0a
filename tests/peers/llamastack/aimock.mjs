// Starts @copilotkit/aimock (PEERS.md) on 127.0.0.1 with the LlamaStack stream fixtures, and stops it.
import { readFileSync } from 'node:fs';
import { freePort, repoRoot, startNodePeer } from '../../node/helpers/peers.mjs';

export const fixturesPath = new URL('./aimock-fixtures.json', import.meta.url);
export const fixtures = JSON.parse(readFileSync(fixturesPath, 'utf8')).fixtures;
export const contentFor = (message) => fixtures.find((f) => f.match.userMessage === message).response.content;

export async function startAimock({ timeoutMs = 30000 } = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const peer = await startNodePeer('aimock',
    [`${repoRoot}node_modules/@copilotkit/aimock/dist/cli.js`, '-h', '127.0.0.1', '-p', String(port),
      '-f', fixturesPath.pathname, '--log-level', 'warn'],
    { readyUrl: `${url}/__aimock/journal`, timeoutMs });
  return {
    url,
    get log() { return peer.log; },
    async journal() { return (await fetch(`${url}/__aimock/journal`)).json(); },
    stop: () => peer.stop(),
  };
}
