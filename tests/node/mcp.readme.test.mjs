// Every ```js example of the README's MCP section runs as a user would paste it; the placeholder
// server URL is pointed at a loopback MCP server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { repoRoot } from './helpers/peers.mjs';
import { readmeExamples } from './helpers/readme.mjs';
import { startSdkServer } from '../peers/mcp/sdk-server.mjs';

const examples = readmeExamples('Example: MCP');
const dir = `${repoRoot}build/readme-examples`;

let server;
before(async () => {
  server = await startSdkServer('json');
  mkdirSync(dir, { recursive: true });
});
after(async () => { await server.stop(); });

test('the MCP section has examples', () => assert.ok(examples.length >= 2));

examples.forEach((source, i) => {
  const runnable = source.includes("from 'genai-clients'") && source.includes('loadGenAI');
  test(`MCP example ${i + 1} runs`, { skip: runnable ? false : 'a fragment, not a program' }, async () => {
    const file = `${dir}/mcp-example-${i + 1}.mjs`;
    writeFileSync(file, source.replaceAll('https://mcp.example.com/mcp', server.url));
    const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: repoRoot, timeout: 30000 });
    assert.ok(stdout.length > 0);
    if (source.includes('parseServerConfigMap')) {
      assert.match(stdout, /brave-search-mcp-server/);
      assert.match(stdout, /unauthorized/);
    }
    if (source.includes('extractRequestIdentity')) {
      assert.match(stdout, /kubernetes-mcp-server 2025-11-25/);
      assert.ok(!JSON.stringify(server.requests).includes('k8s-token'));
    }
  });
});
