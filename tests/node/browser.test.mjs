// The package in a real browser (Debian's Chromium, driven by playwright-core): the demo page on
// Mock clients under a strict CSP, the same page on the Real MaaS client talking cross-origin to
// Prism, and a Real service that cannot be reached: a readable error in its own panels while the
// other panels keep working. (The whole playground: demo.mock.test.mjs and demo.real.test.mjs.)
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { freePort, repoRoot, startPrism } from './helpers/peers.mjs';
import { launchBrowser, openDemo, showView } from './helpers/browser.mjs';
import { startStaticServer } from '../../scripts/serve.mjs';

let site;
let siteUrl;
let prism;
let browser;

before(async () => {
  const port = await freePort();
  site = await startStaticServer({ port });
  siteUrl = `http://localhost:${port}`;
  prism = await startPrism(`${repoRoot}tests/peers/specs/maas-api-openapi3.yaml`, { readyPath: '/health' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await prism?.stop();
  await new Promise((resolve) => (site ? site.close(resolve) : resolve()));
});

const maasModels = (page) => page.$$eval('#maas-models li', (lis) => lis.map((li) => [li.dataset.model, li.querySelector('.badge').textContent]));

test('the demo runs on Mock clients under a CSP without unsafe-eval', async () => {
  const { page, problems, cspViolations } = await openDemo(browser.context, siteUrl);
  assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true');
  assert.equal(await page.isHidden('#fatal'), true);
  await showView(page, 'models');
  await page.waitForSelector('#maas-models li[data-model]');
  const models = await maasModels(page);
  assert.deepEqual(models.find(([id]) => id === 'mistral-7b-instruct'), ['mistral-7b-instruct', 'not ready']);
  assert.equal(models.length, 4);
  await showView(page, 'keys');
  await page.fill('#key-name', 'my-notebook');
  await page.click('#key-create');
  await page.waitForFunction(() => document.querySelectorAll('#keys tbody tr').length === 1);
  assert.match(await page.textContent('#key-secret'), /^sk-oai-/);
  await page.click('#token-issue');
  await page.waitForSelector('#token-issued');
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(), []);
  await page.close();
});

test('the Real MaaS client works cross-origin from the browser (Prism)', async () => {
  const { page, problems } = await openDemo(browser.context, siteUrl, `?maasUrl=${encodeURIComponent(prism.url)}&token=browser-token`);
  assert.equal(await page.getAttribute('#modes a[data-service=maas]', 'data-mode'), 'real');
  assert.equal(await page.getAttribute('#modes a[data-service=llamaStack]', 'data-mode'), 'mock');
  await showView(page, 'models');
  await page.waitForSelector('#maas-models li[data-model]');
  assert.deepEqual((await maasModels(page)).map(([id]) => id), ['llama-2-7b-chat', 'mistral-7b-instruct']);  // the spec's example
  assert.doesNotMatch(page.url(), /browser-token/, 'the token left the address bar');
  assert.deepEqual(problems, []);
  await page.close();
});

test('an unreachable Real service: a readable error in its panels, the other panels still work', async () => {
  const { page } = await openDemo(browser.context, siteUrl, `?maasUrl=${encodeURIComponent('http://127.0.0.1:9')}&token=t`, { allowFailedLoads: true });
  await page.waitForSelector('.service-card[data-service=maas] .alert-error', { timeout: 20000 });
  assert.match(await page.textContent('.service-card[data-service=maas] .alert-text'), /^ConnectionError: failed to connect to MaaS service/);
  await showView(page, 'models');
  await page.waitForSelector('#maas-models .alert-error');
  assert.match(await page.textContent('#maas-models .alert-text'), /^ConnectionError: .*\(CONNECTION_FAILED/);
  await page.waitForSelector('#ls-models li[data-model]');   // LlamaStack (Mock) is unaffected
  await showView(page, 'keys');
  await page.waitForSelector('#keys-list .alert-error');
  await page.fill('#key-name', 'x');
  await page.click('#key-create');
  await page.waitForSelector('#key-created .alert-error');
  assert.equal(await page.isEnabled('#key-create'), true, 'the button is usable again after the failure');
  await showView(page, 'mcp');
  await page.waitForSelector('#mcp-servers li[data-status=connected]');   // MCP (Mock) is unaffected
  await page.close();
});
