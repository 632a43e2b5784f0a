// The playground (examples/demo) on Mock clients in headless Chromium, under its strict CSP:
// every view works (namespaces, both model lists with readiness, a vector store with a file
// upload and its steps, MCP servers with status, tools and a call, API keys created, listed and
// revoked), the chat streams its answer in steps, Stop really aborts the stream, the Settings
// view switches services between Mock and Real, and a narrow screen stays usable.
// Screenshots go to build/artifacts/screenshots/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { freePort } from './helpers/peers.mjs';
import { launchBrowser, openDemo, sampleGrowth, screenshot, showView } from './helpers/browser.mjs';
import { startStaticServer } from '../../scripts/serve.mjs';

let site;
let siteUrl;
let browser;
let demo;   // one page for the whole file: the views share the Mock state, as for a user

before(async () => {
  const port = await freePort();
  site = await startStaticServer({ port });
  siteUrl = `http://localhost:${port}`;
  browser = await launchBrowser();
  // A quicker Mock stream than the lifelike default, still one word per event.
  demo = await openDemo(browser.context, siteUrl, '?mock=all&streamDelayMs=80');
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (site ? site.close(resolve) : resolve()));
});

const texts = (page, selector) => page.$$eval(selector, (nodes) => nodes.map((n) => n.textContent.trim()));
const ANSWER = '#chat-transcript .msg-assistant:last-child';

describe('the playground on Mock clients', () => {
  test('it starts on the overview with every service on Mock and no error', async () => {
    const { page } = demo;
    assert.equal(await page.evaluate(() => document.body.dataset.ready), 'true');
    assert.deepEqual(await page.$$eval('#modes a', (as) => as.map((a) => a.dataset.mode)), ['mock', 'mock', 'mock', 'mock']);
    await page.waitForFunction(() => [...document.querySelectorAll('.service-card')].every((c) => c.dataset.state === 'ok'), null, { timeout: 10000 });
    const summary = Object.fromEntries(await page.$$eval('.service-card', (cards) => cards.map((c) => [c.dataset.service, c.querySelector('.summary li').textContent])));
    assert.deepEqual(summary, { llamaStack: '8 models', maas: '4 models', mcp: '8 servers', kubernetes: '4 namespaces' });
    await screenshot(page, 'mock-overview');
  });

  test('namespaces: the Kubernetes namespaces in the picker; choosing one reloads its models', async () => {
    const { page } = demo;
    assert.deepEqual(await page.$$eval('#namespace option', (os) => os.map((o) => o.value)),
      ['mock-test-namespace-1', 'mock-test-namespace-2', 'mock-test-namespace-3', 'mock-test-namespace-4']);
    await showView(page, 'models');
    await page.selectOption('#namespace', 'mock-test-namespace-2');
    await page.waitForSelector('#aa-models li[data-model="granite-7b-code"]');
    assert.equal(await page.$eval('#aa-models li[data-model="mistral-7b-instruct"] .badge', (b) => b.textContent), 'stopped');
    assert.match(page.url(), /namespace=mock-test-namespace-2/);
  });

  test('models: LlamaStack and MaaS lists, with readiness', async () => {
    const { page } = demo;
    await page.waitForSelector('#ls-models li[data-model]');
    const ls = await page.$$eval('#ls-models li', (lis) => lis.map((li) => [li.dataset.model, li.querySelector('.badge').textContent]));
    assert.equal(ls.length, 8);
    // Readiness of a LlamaStack model comes from the namespace's deployment of the same id.
    assert.deepEqual(ls.find(([id]) => id === 'mistral-7b-instruct'), ['mistral-7b-instruct', 'stopped']);
    assert.deepEqual(ls.find(([id]) => id === 'llama-3.1-8b-instruct'), ['llama-3.1-8b-instruct', 'ready']);
    const maas = await page.$$eval('#maas-models li', (lis) => lis.map((li) => [li.dataset.model, li.querySelector('.badge').textContent]));
    assert.deepEqual(maas, [['llama-2-7b-chat', 'ready'], ['llama-2-13b-chat', 'ready'], ['mistral-7b-instruct', 'not ready'], ['granite-7b-lab', 'ready']]);
  });

  test('chat: the answer streams in token by token (Enter sends)', async () => {
    const { page } = demo;
    await showView(page, 'chat');
    await page.waitForFunction(() => !document.getElementById('chat-model').disabled);
    await page.fill('#chat-input', 'Tell me about llamas');
    await page.press('#chat-input', 'Enter');
    await page.waitForSelector(`${ANSWER}[data-state=streaming]`);
    assert.equal(await page.isEnabled('#chat-stop'), true);
    assert.equal(await page.isDisabled('#chat-send'), true);
    const lengths = await sampleGrowth(page, `${ANSWER} .msg-text`, { samples: 6 });
    assert.ok(lengths.length >= 3, `the answer grew more than once: ${lengths}`);
    for (let i = 1; i < lengths.length; i += 1) assert.ok(lengths[i] > lengths[i - 1]);
    await page.waitForSelector(`${ANSWER}[data-state=completed]`, { timeout: 15000 });
    assert.equal(await page.textContent(`${ANSWER} .msg-text`), 'This is a mock response to your query: Tell me about llamas');
    assert.equal(await page.getAttribute(ANSWER, 'data-finish'), 'completed');
    assert.equal(await page.getAttribute(ANSWER, 'data-completed-event'), 'true');
    assert.ok(Number(await page.getAttribute(ANSWER, 'data-deltas')) > 5);
    assert.equal(await page.isDisabled('#chat-stop'), true);
    await screenshot(page, 'mock-chat-streamed');
  });

  test('chat: Stop aborts the stream: the answer stops growing and the stream did not finish', async () => {
    const { page } = demo;
    await page.fill('#chat-input', 'Please write a long answer about alpacas and llamas');
    await page.click('#chat-send');
    await page.waitForFunction((sel) => Number(document.querySelector(sel)?.dataset.deltas) >= 3, ANSWER);
    await page.click('#chat-stop');
    await page.waitForSelector(`${ANSWER}[data-state=stopped]`, { timeout: 5000 });
    assert.equal(await page.getAttribute(ANSWER, 'data-finish'), 'AbortError', 'the SDK ended the stream by the abort');
    assert.equal(await page.getAttribute(ANSWER, 'data-completed-event'), null, 'no response.completed was read');
    assert.match(await page.textContent('#chat-status'), /Stopped/);
    assert.match(await page.textContent(`${ANSWER} .msg-meta`), /stopped/);
    const stoppedAt = (await page.textContent(`${ANSWER} .msg-text`)).length;
    const full = 'This is a mock response to your query: Please write a long answer about alpacas and llamas'.length;
    assert.ok(stoppedAt < full, `stopped before the end (${stoppedAt} < ${full})`);
    // Ten more words would have come within this bounded wait (80 ms apart): none does.
    await assert.rejects(page.waitForFunction(([sel, n]) => document.querySelector(sel).textContent.length > n,
      [`${ANSWER} .msg-text`, stoppedAt], { timeout: 1500 }), { name: 'TimeoutError' });
    assert.equal(await page.isEnabled('#chat-send'), true);
    await screenshot(page, 'mock-chat-stopped');
  });

  test('knowledge: create a vector store, upload a file (steps shown), delete the store', async () => {
    const { page } = demo;
    await showView(page, 'knowledge');
    await page.waitForSelector('#vs-list li[data-store="vs_mock123"]');
    await page.fill('#vs-name', 'Playground handbook');
    await page.click('#vs-create');
    await page.waitForSelector('#vs-list li[data-name="Playground handbook"]');
    const storeId = await page.getAttribute('#vs-list li[data-name="Playground handbook"]', 'data-store');
    assert.equal(await page.inputValue('#upload-store'), storeId, 'the new store is the upload target');
    assert.equal(await page.isDisabled('#upload-go'), true, 'no file chosen yet');
    await page.setInputFiles('#upload-file', { name: 'llamas.txt', mimeType: 'text/plain', buffer: Buffer.from('Llamas hum to talk to each other.') });
    // Every step's state change, in order (the steps are reported apart, on the Mock too).
    await page.evaluate(() => {
      window.stepLog = [];
      new MutationObserver((changes) => {
        for (const c of changes) if (c.target.matches?.('li.step')) window.stepLog.push(`${c.target.dataset.step}:${c.target.dataset.state}`);
      }).observe(document.querySelector('#upload-steps'), { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    await page.click('#upload-go');
    await page.waitForSelector('#upload-steps[data-state=done]', { timeout: 10000 });
    assert.deepEqual(await page.$$eval('#upload-steps li.step', (lis) => lis.map((li) => [li.dataset.step, li.dataset.state])),
      [['upload', 'done'], ['attach', 'done'], ['index', 'done']]);
    const log = await page.evaluate(() => window.stepLog);
    const at = (entry) => log.indexOf(entry);
    assert.ok(at('upload:done') >= 0 && at('upload:done') < at('attach:active') && at('attach:active') < at('attach:done'),
      `upload done, then attach in progress, then attach done: ${log.join(' ')}`);
    assert.match(await page.textContent('#upload-steps [data-step=upload]'), /llamas\.txt → file-/);
    // The chat offers the new store as knowledge.
    assert.ok((await page.$$eval('#chat-store option', (os) => os.map((o) => o.value))).includes(storeId));
    const row = `#vs-list li[data-store="${storeId}"]`;
    await page.click(`${row} button`);
    assert.equal(await page.textContent(`${row} button`), 'Confirm delete');
    await page.click(`${row} button`);
    await page.waitForSelector(row, { state: 'detached' });
  });

  test('MCP: servers of the ConfigMap with their status, tools, and a tool call', async () => {
    const { page } = demo;
    await showView(page, 'mcp');
    await page.waitForFunction(() => {
      const lis = [...document.querySelectorAll('#mcp-servers li[data-server]')];
      return lis.length === 8 && lis.every((li) => li.dataset.status !== 'checking');
    }, null, { timeout: 15000 });
    assert.match(await page.textContent('#mcp-source'), /8 server\(s\) from ConfigMap gen-ai-aa-mcp-servers in mock-test-namespace-2/);
    const status = Object.fromEntries(await page.$$eval('#mcp-servers li[data-server]', (lis) => lis.map((li) => [li.dataset.server, li.dataset.status])));
    assert.equal(status.kubernetes, 'connected');
    assert.equal(status.brave, 'connected');
    assert.equal(status['error-server'], 'error');
    assert.equal(status['unavailable-server'], 'error');
    assert.match(await page.textContent('#mcp-servers li[data-server="error-server"]'), /unauthorized/);
    // A server that fails shows why, in its own pane.
    await page.click('#mcp-servers li[data-server="error-server"] button');
    await page.waitForSelector('#mcp-tools .alert-error');
    assert.match(await page.textContent('#mcp-tools .alert-error'), /Authentication failed.*unauthorized.*HTTP 401/s);
    await page.click('#mcp-servers li[data-server="kubernetes"] button');
    await page.waitForSelector('#mcp-tools li[data-tool="kubectl_get_pods"]');
    assert.match(await page.textContent('#mcp-tools-count'), /^2 tool\(s\)/);
    await page.click('#mcp-tools li[data-tool="kubectl_get_pods"] button');
    assert.deepEqual(JSON.parse(await page.inputValue('#mcp-args')), { namespace: '' });
    await page.fill('#mcp-args', 'not json');
    await page.click('#mcp-call');
    await page.waitForSelector('#mcp-result[data-state=invalid]');
    await page.fill('#mcp-args', '{"namespace": "team-a"}');
    await page.click('#mcp-call');
    await page.waitForSelector('#mcp-result[data-state=ok]');
    assert.match(await page.textContent('#mcp-result'), /Mock result of kubectl_get_pods for \{"namespace":"team-a"\}/);
    await screenshot(page, 'mock-mcp');
  });

  test('API keys: create (secret masked until revealed), list, revoke; a token is issued but never shown', async () => {
    const { page } = demo;
    await showView(page, 'keys');
    await page.waitForSelector('#keys-list .state.empty');
    await page.fill('#key-name', 'playground-notebook');
    await page.click('#key-create');
    await page.waitForSelector('#keys tbody tr[data-status=active]');
    const masked = await page.textContent('#key-secret');
    assert.match(masked, /^sk-oai-/);
    assert.match(masked, /•{8}/);
    await page.click('#key-created button:text("Reveal")');
    assert.match(await page.textContent('#key-secret'), /^sk-oai-[0-9a-f]{20,}$/);
    assert.deepEqual(await texts(page, '#keys tbody tr td:first-child strong'), ['playground-notebook']);
    await page.click('#keys tbody tr button');
    await page.click('#keys tbody tr button[data-confirm=true]');
    await page.waitForSelector('#keys-list .state.empty');
    await page.check('#keys-revoked');
    await page.waitForSelector('#keys tbody tr[data-status=revoked]');
    await page.click('#token-issue');
    await page.waitForSelector('#token-issued');
    assert.doesNotMatch(await page.textContent('#token-out'), /ey[A-Za-z0-9_-]{10,}|sk-/);
  });

  test('no page error, console error or CSP violation (script-src self + wasm-unsafe-eval only)', async () => {
    assert.deepEqual(demo.problems, []);
    assert.deepEqual(await demo.cspViolations(), []);
    const csp = await demo.page.getAttribute('meta[http-equiv=Content-Security-Policy]', 'content');
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
    assert.doesNotMatch(csp, /\s'unsafe-eval'|unsafe-inline/);
  });
});

describe('the Settings view', () => {
  test('switches a service to Real and back to Mock; the URL keeps the base URL, never the token', async () => {
    const { page } = await openDemo(browser.context, siteUrl, '', { allowFailedLoads: true });
    await showView(page, 'settings');
    await page.check('#set-maas-real', { force: true });
    await page.fill('#set-maas-url', 'http://127.0.0.1:9');
    await page.fill('#set-maas-token', 'typed-secret-token');
    await page.click('#settings-apply');
    await page.waitForSelector('#modes a[data-service=maas][data-mode=real]');
    assert.match(page.url(), /maasUrl=http%3A%2F%2F127\.0\.0\.1%3A9/);
    assert.doesNotMatch(page.url(), /typed-secret-token/);
    assert.equal(await page.inputValue('#set-maas-token'), '', 'the token field is not filled back in');
    await showView(page, 'models');
    await page.waitForSelector('#maas-models .alert-error', { timeout: 20000 });
    assert.match(await page.textContent('#maas-models .alert-text'), /^ConnectionError: /);
    assert.ok((await page.$$eval('#ls-models li[data-model]', (lis) => lis.length)) > 0, 'LlamaStack still works');
    assert.ok(!(await page.content()).includes('typed-secret-token'));
    await showView(page, 'settings');
    await page.click('#settings-mock');
    await page.waitForSelector('#modes a[data-service=maas][data-mode=mock]');
    await showView(page, 'models');
    await page.waitForSelector('#maas-models li[data-model]');
    await page.close();
  });

  test('a narrow screen: the sidebar becomes tabs and the views stay usable', async () => {
    const { page, problems } = await openDemo(browser.context, siteUrl, '?streamDelayMs=0#chat');
    await page.setViewportSize({ width: 420, height: 860 });
    await page.waitForFunction(() => !document.getElementById('chat-model').disabled);
    await page.click('.suggestions button:text("Hello")');
    await page.waitForSelector(`${ANSWER}[data-state=completed]`);
    await screenshot(page, 'mock-narrow-chat');
    const right = await page.$eval('#chat-send', (b) => b.getBoundingClientRect().right);
    assert.ok(right <= 420, `the Send button is on screen (right edge ${right})`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 420, 'no sideways scrolling');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
