// The package in a real browser (Debian's Chromium, driven by playwright-core): the demo page on
// Mock clients under a strict CSP, and the same page on the Real MaaS client talking
// cross-origin to Prism.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { freePort, repoRoot, startPrism } from './helpers/peers.mjs';
import { startStaticServer } from '../../scripts/serve.mjs';

let site;
let siteUrl;
let prism;
let context;
let profile;

before(async () => {
  const port = await freePort();
  site = await startStaticServer({ port });
  siteUrl = `http://localhost:${port}`;
  prism = await startPrism(`${repoRoot}tests/peers/specs/maas-api-openapi3.yaml`, { readyPath: '/health' });
  profile = mkdtempSync(join(tmpdir(), 'genai-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await context?.close();
  await prism?.stop();
  await new Promise((resolve) => site?.close(resolve) ?? resolve());
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openDemo(query = '') {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !m.text().includes('404')) problems.push(m.text()); });
  await page.goto(`${siteUrl}/${query}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' || !document.getElementById('error').hidden,
    null, { timeout: 20000 });
  return { page, problems };
}

test('the demo runs on Mock clients under a CSP without unsafe-eval', async () => {
  const { page, problems } = await openDemo();
  assert.equal(await page.isHidden('#error'), true, await page.textContent('#error'));
  const models = await page.$$eval('#models li', (lis) => lis.map((li) => [li.dataset.model, li.querySelector('.badge').textContent]));
  assert.deepEqual(models.find(([id]) => id === 'mistral-7b-instruct'), ['mistral-7b-instruct', 'not ready']);
  assert.equal(models.length, 4);
  await page.click('#createKey');
  await page.waitForFunction(() => document.querySelectorAll('#keys tbody tr').length === 1);
  assert.match(await page.textContent('#keyOut'), /^sk-oai-/);
  await page.click('#issue');
  await page.waitForFunction(() => document.getElementById('tokenOut').textContent.startsWith('token '));
  assert.deepEqual(problems, []);
  await page.close();
});

test('the Real MaaS client works cross-origin from the browser (Prism)', async () => {
  const { page, problems } = await openDemo(`?maasUrl=${encodeURIComponent(prism.url)}&token=browser-token`);
  assert.equal(await page.isHidden('#error'), true, await page.textContent('#error'));
  const ids = await page.$$eval('#models li', (lis) => lis.map((li) => li.dataset.model));
  assert.deepEqual(ids, ['llama-2-7b-chat', 'mistral-7b-instruct']);  // the spec's example
  assert.deepEqual(problems, []);
  await page.close();
});

test('errors show as readable messages, not a blank page', async () => {
  const { page } = await openDemo(`?maasUrl=${encodeURIComponent('http://127.0.0.1:9')}&token=t`);
  await page.waitForSelector('#error:not([hidden])');
  assert.match(await page.textContent('#error'), /^ConnectionError: failed to connect to MaaS service/);
  await page.close();
});
