// The playground (examples/demo) on Real clients in headless Chromium, cross-origin: the page is
// served from http://localhost:<port>, every peer listens on http://127.0.0.1:<other port>.
//   LlamaStack → aimock (models, streamed Responses) behind tests/peers/cors/proxy.mjs: aimock
//                answers preflights with `Access-Control-Allow-Headers: *`, which never covers
//                `Authorization`, so a browser refuses its answers to a request with a token.
//                aimock has no vector stores: the proxy sends `/v1/vector_stores…` and
//                `/v1/files…` to a small stateful loopback server
//                (tests/peers/llamastack/vector-stores.mjs);
//   MCP        → server-everything (streamable HTTP; its own CORS exposes Mcp-Session-Id);
//   Kubernetes → Prism serving the Kubernetes 1.36 swagger (Prism's own CORS);
//   MaaS       → Prism serving the MaaS OpenAPI spec.
// server-everything listens on every interface, so this file runs itself inside a loopback-only
// network namespace (tests/peers/mcp/netns.mjs), the browser included.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runInLoopbackNamespace } from '../peers/mcp/netns.mjs';

const TOKEN = 'real-secret-token-4711';

/** Polls `check` until it is true; fails after `timeout` ms. */
async function until(check, timeout, what) {
  const deadline = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

if (runInLoopbackNamespace(import.meta.url, { timeoutMs: 400000 })) {
  const { freePort, repoRoot, startPrism } = await import('./helpers/peers.mjs');
  const { launchBrowser, openDemo, sampleGrowth, screenshot, showView } = await import('./helpers/browser.mjs');
  const { startStaticServer } = await import('../../scripts/serve.mjs');
  const { contentFor, startAimock } = await import('../peers/llamastack/aimock.mjs');
  const { startEverything } = await import('../peers/mcp/everything.mjs');
  const { startKubernetesPrism } = await import('../peers/kubernetes/prism.mjs');
  const { startCorsProxy } = await import('../peers/cors/proxy.mjs');
  const { startVectorStoreServer } = await import('../peers/llamastack/vector-stores.mjs');

  describe('the playground on Real clients against local peers, cross-origin', () => {
    const peers = {};
    let siteUrl;
    let demo;
    const ANSWER = '#chat-transcript .msg-assistant:last-child';

    before(async () => {
      const port = await freePort();
      peers.site = await startStaticServer({ port });
      siteUrl = `http://localhost:${port}`;
      [peers.aimock, peers.everything, peers.k8s, peers.maas, peers.stores] = await Promise.all([
        startAimock(), startEverything('streamableHttp'), startKubernetesPrism(),
        startPrism(`${repoRoot}tests/peers/specs/maas-api-openapi3.yaml`, { readyPath: '/health' }),
        startVectorStoreServer()]);
      peers.lsProxy = await startCorsProxy(peers.aimock.url, { routes: [[/^\/v1\/(vector_stores|files)([/?]|$)/, peers.stores.url]] });
      peers.browser = await launchBrowser();
      const query = new URLSearchParams({
        mock: 'none', llamaStackUrl: peers.lsProxy.url, maasUrl: peers.maas.url, kubernetesUrl: peers.k8s.url,
        mcpUrl: peers.everything.url, token: TOKEN,
      });
      demo = await openDemo(peers.browser.context, siteUrl, `?${query}`, { allowFailedLoads: true });
    });

    after(async () => {
      await demo?.page.close();
      await peers.browser?.close();
      await Promise.all([peers.lsProxy?.stop(), peers.aimock?.stop(), peers.everything?.stop(), peers.k8s?.stop(), peers.maas?.stop(), peers.stores?.stop()]);
      await new Promise((resolve) => (peers.site ? peers.site.close(resolve) : resolve()));
    });

    test('every service is Real; the token left the address bar', async () => {
      const { page } = demo;
      assert.deepEqual(await page.$$eval('#modes a', (as) => as.map((a) => a.dataset.mode)), ['real', 'real', 'real', 'real']);
      assert.doesNotMatch(page.url(), new RegExp(TOKEN));
      assert.match(page.url(), /llamaStackUrl=http%3A%2F%2F127\.0\.0\.1/);
      assert.ok(new URL(siteUrl).origin !== new URL(peers.lsProxy.url).origin, 'cross-origin');
    });

    test('overview and namespaces: every card answers; the namespace is the swagger\'s example', async () => {
      const { page } = demo;
      await page.waitForFunction(() => [...document.querySelectorAll('.service-card')].every((c) => c.dataset.state), null, { timeout: 20000 });
      const states = Object.fromEntries(await page.$$eval('.service-card', (cards) => cards.map((c) => [c.dataset.service, c.dataset.state])));
      assert.deepEqual(states, { llamaStack: 'ok', maas: 'ok', mcp: 'ok', kubernetes: 'ok' });
      // The swagger's example namespace list has one namespace, named "string".
      assert.deepEqual(await page.$$eval('#namespace option', (os) => os.map((o) => o.value)), ['string']);
      await screenshot(page, 'real-overview');
    });

    test('models: aimock\'s models for LlamaStack, the MaaS spec\'s example models with readiness', async () => {
      const { page } = demo;
      await showView(page, 'models');
      await page.waitForSelector('#maas-models li[data-model]');
      assert.deepEqual(await page.$$eval('#maas-models li', (lis) => lis.map((li) => [li.dataset.model, li.querySelector('.badge').textContent])),
        [['llama-2-7b-chat', 'ready'], ['mistral-7b-instruct', 'ready']]);
      await page.waitForSelector('#ls-models li[data-model]');
      assert.ok((await page.$$eval('#ls-models li', (lis) => lis.length)) > 0);
      // The swagger has no InferenceService API: a readable NotFoundError in that card only.
      await page.waitForSelector('#aa-models .alert-error');
      assert.match(await page.textContent('#aa-models .alert-text'), /NotFoundError/);
    });

    test('chat: aimock\'s answer streams in through the browser and grows in steps', async () => {
      const { page } = demo;
      await showView(page, 'chat');
      await page.waitForFunction(() => !document.getElementById('chat-model').disabled);
      await page.fill('#chat-input', 'Talk slowly');
      await page.click('#chat-send');
      await page.waitForSelector(`${ANSWER}[data-state=streaming]`);
      const lengths = await sampleGrowth(page, `${ANSWER} .msg-text`, { samples: 5 });
      assert.ok(lengths.length >= 3, `grew more than once: ${lengths}`);
      await page.waitForSelector(`${ANSWER}[data-state=completed]`, { timeout: 20000 });
      assert.equal(await page.textContent(`${ANSWER} .msg-text`), contentFor('Talk slowly'));
      assert.equal(await page.getAttribute(ANSWER, 'data-finish'), 'completed');
      const request = peers.lsProxy.exchanges.find((e) => e.method === 'POST' && e.url === '/v1/responses');
      assert.equal(request.authorization, `Bearer ${TOKEN}`, 'the token went to LlamaStack as a bearer token');
      assert.equal(request.upstreamEnded, true);
      await screenshot(page, 'real-chat-streamed');
    });

    test('chat: Stop cancels the HTTP stream (the proxy sees the browser close it before the end)', async () => {
      const { page } = demo;
      const before = peers.lsProxy.exchanges.length;
      await page.fill('#chat-input', 'Talk slowly');
      await page.click('#chat-send');
      await page.waitForFunction((sel) => document.querySelector(sel)?.textContent.length > 10, `${ANSWER} .msg-text`, { timeout: 10000 });
      await page.click('#chat-stop');
      await page.waitForSelector(`${ANSWER}[data-state=stopped]`, { timeout: 5000 });
      assert.equal(await page.getAttribute(ANSWER, 'data-finish'), 'AbortError');
      assert.equal(await page.getAttribute(ANSWER, 'data-completed-event'), null);
      const stoppedAt = (await page.textContent(`${ANSWER} .msg-text`)).length;
      assert.ok(stoppedAt < contentFor('Talk slowly').length);
      const stream = () => peers.lsProxy.exchanges.slice(before).find((e) => e.url === '/v1/responses');
      await until(() => stream()?.clientClosedEarly, 5000, 'the browser to close the stream');
      assert.equal(stream().upstreamEnded, false, 'aimock had not finished the answer');
      await assert.rejects(page.waitForFunction(([sel, n]) => document.querySelector(sel).textContent.length > n,
        [`${ANSWER} .msg-text`, stoppedAt], { timeout: 1000 }), { name: 'TimeoutError' });
    });

    test('MCP: the ConfigMap (Prism) is parsed; server-everything is connected, lists its tools and runs echo', async () => {
      const { page } = demo;
      await showView(page, 'mcp');
      await page.waitForSelector('#mcp-servers li[data-status=connected]', { timeout: 15000 });
      // The swagger's example ConfigMap data ({"property1": "string", …}) is no server list.
      assert.match(await page.textContent('.skipped summary'), /2 entries skipped/);
      await page.waitForSelector('#mcp-tools li[data-tool="echo"]', { timeout: 15000 });
      assert.match(await page.textContent('#mcp-servers li[data-status=connected]'), /connected · \d+ ms/);
      await page.click('#mcp-tools li[data-tool="echo"] button');
      assert.deepEqual(JSON.parse(await page.inputValue('#mcp-args')), { message: '' });
      await page.fill('#mcp-args', '{"message": "hello from the playground"}');
      await page.click('#mcp-call');
      await page.waitForSelector('#mcp-result[data-state=ok]', { timeout: 15000 });
      assert.match(await page.textContent('#mcp-result'), /Echo: hello from the playground/);
      await screenshot(page, 'real-mcp');
    });

    test('API keys against the MaaS spec: create, list, revoke', async () => {
      const { page } = demo;
      await showView(page, 'keys');
      await page.waitForSelector('#keys tbody tr');
      assert.deepEqual(await page.$$eval('#keys tbody tr', (trs) => trs.map((tr) => tr.dataset.key)), ['key_abc123', 'key_def456']);
      await page.fill('#key-name', 'real-key');
      await page.click('#key-create');
      await page.waitForSelector('#key-created .alert-success');
      await page.click('#keys tbody tr[data-key=key_abc123] button');
      await page.click('#keys tbody tr[data-key=key_abc123] button[data-confirm=true]');
      await page.waitForSelector('.toast:text("Revoked my-production-key")');
      assert.equal(await page.$('#keys-list .alert-error'), null);
    });

    test('knowledge: create a store, upload a file (each request is a step, indexing polled to the end), delete', async () => {
      const { page } = demo;
      await showView(page, 'knowledge');
      await page.waitForSelector('#vs-list .state.empty');
      await page.fill('#vs-name', 'Real handbook');
      await page.click('#vs-create');
      await page.waitForSelector('#vs-list li[data-name="Real handbook"]');
      const storeId = await page.getAttribute('#vs-list li[data-name="Real handbook"]', 'data-store');
      assert.equal(await page.inputValue('#upload-store'), storeId);
      const before = peers.lsProxy.exchanges.length;
      await page.setInputFiles('#upload-file', { name: 'llamas.txt', mimeType: 'text/plain', buffer: Buffer.from('Llamas hum to talk to each other.') });
      await page.click('#upload-go');
      await page.waitForSelector('#upload-steps[data-state=done]', { timeout: 15000 });
      assert.deepEqual(await page.$$eval('#upload-steps li.step', (lis) => lis.map((li) => [li.dataset.step, li.dataset.state])),
        [['upload', 'done'], ['attach', 'done'], ['index', 'done']]);
      const sent = peers.lsProxy.exchanges.slice(before).map((e) => `${e.method} ${e.url.split('?')[0]}`);
      assert.deepEqual(sent.slice(0, 3), ['POST /v1/files', `POST /v1/vector_stores/${storeId}/files`, `GET /v1/vector_stores/${storeId}/files/file-00000002`]);
      assert.ok(peers.lsProxy.exchanges.slice(before).every((e) => e.authorization === `Bearer ${TOKEN}`));
      assert.match(await page.textContent(`#vs-list li[data-store="${storeId}"]`), /1\/1 files indexed/);
      await screenshot(page, 'real-knowledge');
      await page.click(`#vs-list li[data-store="${storeId}"] button`);
      await page.click(`#vs-list li[data-store="${storeId}"] button[data-confirm=true]`);
      await page.waitForSelector('#vs-list .state.empty');
      assert.equal(peers.stores.stores.size, 0);
    });

    test('no page error or CSP violation; the token is never rendered nor logged', async () => {
      const { page } = demo;
      assert.deepEqual(demo.problems, []);
      assert.deepEqual(await demo.cspViolations(), []);
      const html = await page.content();
      assert.ok(!html.includes(TOKEN), 'not in the page');
      assert.ok(!demo.console.some((line) => line.includes(TOKEN)), 'not in the console');
      assert.ok(!(await page.evaluate(() => document.body.innerText)).includes(TOKEN));
    });
  });
}
