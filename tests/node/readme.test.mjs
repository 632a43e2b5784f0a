// Every ```js example of the README (but the sections with their own test files) runs, as a user
// would paste it. The realistic MaaS URL in the examples is pointed at a loopback server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { repoRoot, startServer } from './helpers/peers.mjs';
import { readmeExamplesElsewhere } from './helpers/readme.mjs';

const examples = readmeExamplesElsewhere();
const dir = `${repoRoot}build/readme-examples`;

let server;
before(async () => {
  server = await startServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', data: [{ id: 'm', object: 'model', created: 1, owned_by: 'o', ready: true }] }));
  });
  mkdirSync(dir, { recursive: true });
});
after(async () => { await server.stop(); });

test('the README has examples', () => assert.ok(examples.length >= 3));

examples.forEach((source, i) => {
  const runnable = source.includes("from 'genai-clients'");
  test(`README example ${i + 1} runs`, { skip: runnable ? false : 'a fragment, not a program' }, async () => {
    const file = `${dir}/example-${i + 1}.mjs`;
    writeFileSync(file, source.replaceAll('https://maas.apps.example.com/maas-api', `${server.url}/maas-api`));
    const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: repoRoot, timeout: 30000 });
    assert.ok(stdout.length > 0);
    if (source.includes('listApiKeys')) assert.match(stdout, /notebook active/);
    if (source.includes('[REDACTED]')) assert.match(stdout, /\[REDACTED\]/);
    if (source.includes('exportRecording')) assert.equal(stdout.trim(), 'false\ntrue');
    if (source.includes("subscription: 'premium-subscription'")) {
      assert.equal(stdout.trim(), '1');
      assert.equal(server.requests.at(-1).headers['x-maas-subscription'], 'premium-subscription');
    }
  });
});
