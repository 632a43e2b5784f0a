// Every ```js example of the README's LlamaStack section runs as a user would paste it; the placeholder server URL is pointed at aimock.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { repoRoot } from './helpers/peers.mjs';
import { readmeExamples } from './helpers/readme.mjs';
import { startAimock } from '../peers/llamastack/aimock.mjs';

const examples = readmeExamples('Example: LlamaStack');
const dir = `${repoRoot}build/readme-examples`;

let aimock;
before(async () => {
  aimock = await startAimock();
  mkdirSync(dir, { recursive: true });
});
after(async () => { await aimock?.stop(); });

test('the LlamaStack section has examples', () => assert.ok(examples.length >= 2));

examples.forEach((source, i) => {
  test(`LlamaStack example ${i + 1} runs`, async () => {
    const file = `${dir}/llamastack-${i + 1}.mjs`;
    writeFileSync(file, source.replaceAll('https://lsd.apps.example.com', aimock.url));
    const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: repoRoot, timeout: 30000 });
    if (source.includes('mock: true')) {
      assert.match(stdout, /Based on retrieved documents/);
      assert.match(stdout, /completed/);
      assert.match(stdout, /gone: NOT_FOUND/);
    } else {
      assert.equal(stdout.trim(), 'Hello! How can I help you today?');
    }
  });
});
