// Debian's Chromium (/usr/bin/chromium) driven by playwright-core, for the demo's browser tests:
// launching it, opening the demo with every page error, console error and CSP violation
// collected, and screenshots kept in build/artifacts/screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from './peers.mjs';

export const screenshotDir = join(repoRoot, 'build', 'artifacts', 'screenshots');

export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'genai-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the demo at `siteUrl` + `query` and waits until it has started. `problems` collects page
 * errors, console errors (except the "Failed to load resource" lines of `allowFailedLoads`) and
 * CSP violations; `console` keeps every console line (to check that no token is logged).
 */
export async function openDemo(context, siteUrl, query = '', { allowFailedLoads = false, timeout = 20000 } = {}) {
  const page = await context.newPage();
  const problems = [];
  const consoleLines = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    consoleLines.push(m.text());
    if (m.type() !== 'error') return;
    if (allowFailedLoads && m.text().startsWith('Failed to load resource')) return;
    problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${siteUrl}/${query}`);
  await page.waitForFunction(() => document.body.dataset.ready, null, { timeout });
  return {
    page,
    problems,
    console: consoleLines,
    async cspViolations() { return page.evaluate(() => window.__csp); },
  };
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Goes to a view of the playground through its sidebar link (as a user would). */
export async function showView(page, view) {
  await page.click(`#nav a[data-view=${view}]`);
  await page.waitForSelector(`#view-${view}:not([hidden])`);
}

/**
 * The lengths an element's text goes through while it grows: waits (bounded) for each change
 * and returns the lengths seen, until `done()` is true in the page or `max` samples.
 */
export async function sampleGrowth(page, selector, { samples = 5, timeout = 10000 } = {}) {
  const lengths = [];
  let last = await page.$eval(selector, (n) => n.textContent.length);
  lengths.push(last);
  for (let i = 0; i < samples; i += 1) {
    const grown = await page.waitForFunction(([sel, prev]) => {
      const n = document.querySelector(sel);
      return n.textContent.length > prev || n.closest('[data-state]').dataset.state !== 'streaming' ? n.textContent.length : false;
    }, [selector, last], { timeout }).then((h) => h.jsonValue());
    if (grown === last) break;   // the stream ended
    last = grown;
    lengths.push(last);
  }
  return lengths;
}
