// Shared set-up for the end-to-end tests: Debian's Chromium driven by playwright-core,
// dist/ served on loopback, and a page wrapper that records what a user would not want to see.
import { readFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../../../tools/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = resolve(process.env.TRD_DIST ?? join(here, '../../../dist'));
export const ARTIFACTS = resolve(join(here, '../artifacts'));
mkdirSync(ARTIFACTS, { recursive: true });

const AXE_SOURCE = readFileSync(join(here, '../node_modules/axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launch() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function serveDist(options) {
  return startServer(DIST, 0, options);
}

/**
 * Chromium and a server for dist/ (with `serverOptions`, see tools/serve.mjs) for one test
 * file: started before its first test and stopped after its last, whatever happened; every
 * page a test opens with `env.open` is closed after that test, passed or failed.
 */
export function useBrowser(serverOptions) {
  const contexts = [];
  const env = {
    browser: null,
    server: null,
    /** Opens `path` (on the test server, or a full address) as `openPage` does. */
    async open(path, options) {
      const url = /^[a-z]+:/.test(path) ? path : `${env.server.url}${path}`;
      const opened = await openPage(env.browser, url, options);
      contexts.push(opened.context);
      return opened;
    },
  };
  before(async () => {
    env.browser = await launch();
    env.server = await serveDist(serverOptions);
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close().catch(() => {});
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * Waits until `count` widgets on the page show what they came to show: answer cards, charts,
 * icons or a table, or a message inside them (a test that expects one of these then checks which).
 */
export async function ready(page, count = 1, timeout = 20000) {
  await page.waitForFunction((n) => {
    const hosts = [...document.querySelectorAll('trd-evidence, [data-trd-evidence]')];
    // The live widget's, not the standalone page's first view written at build time.
    const live = '.trd-mount:not([data-prerendered]):not([hidden])';
    const shown = ['.trd-card', '.trd-chart svg', '.trd-icons svg', '.trd-table', '[role=alert]']
      .map((s) => `${live} ${s}`).join(', ');
    return hosts.filter((h) => h.shadowRoot?.querySelector(shown)).length >= n;
  }, count, { timeout });
}

/**
 * Opens `url` at the given viewport width and records console errors, failed requests and
 * any request that leaves the page's own origin.
 */
export async function openPage(browser, url, { width = 1440, height = 900, beforeGoto } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const problems = { consoleErrors: [], failedRequests: [], foreignRequests: [], pageErrors: [] };
  page.on('console', (m) => m.type() === 'error' && problems.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('requestfailed', (r) => problems.failedRequests.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.failedRequests.push(`${r.url()} HTTP ${r.status()}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith(`blob:${origin}`)) problems.foreignRequests.push(u);
  });
  if (beforeGoto) await beforeGoto(page);
  await page.goto(url);
  return { page, context, problems };
}

/** What a reader or host must never get: console errors, exceptions, failed or foreign requests. */
export function assertNoProblems(problems) {
  assert.deepEqual(problems.consoleErrors, [], 'no console errors');
  assert.deepEqual(problems.pageErrors, [], 'no uncaught exceptions');
  assert.deepEqual(problems.failedRequests, [], 'no failed requests');
  assert.deepEqual(problems.foreignRequests, [], 'no request leaves the page origin');
}

/** Runs axe-core on the page with the WCAG 2.x A/AA rules; returns the violations. */
export async function axeViolations(page) {
  // Off-screen parts skip layout until scrolled to (content-visibility: auto), so their
  // children would be measured at placeholder positions; render them as a reader scrolling
  // through would see them before measuring target sizes and overlaps.
  await renderAll(page);
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
}

/** An attribute of the element that has keyboard focus, looking inside shadow roots. */
export async function focused(page, attribute) {
  return page.evaluate((name) => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.getAttribute(name) ?? null;
  }, attribute);
}

/**
 * The folded Charts section builds its charts when first opened: open it (if closed) and wait
 * until `count` charts are drawn, so a test never measures an empty section.
 */
export async function openCharts(page, scope = 'trd-evidence', count = 2) {
  const summary = page.locator(`${scope} summary`, { hasText: /Charts|Gráficos/ }).first();
  if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
  await page.locator(`${scope} .trd-chart-image`).nth(count - 1).waitFor();
}

/**
 * Off-screen lists skip rendering until scrolled to (content-visibility), and innerText leaves
 * out what is not rendered: render every widget's content, as scrolling through would.
 */
export async function renderAll(page) {
  await page.evaluate(() => {
    for (const host of document.querySelectorAll('trd-evidence, [data-trd-evidence]')) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('.trd-evidence * { content-visibility: visible !important; }');
      host.shadowRoot?.adoptedStyleSheets.push(sheet);
    }
  });
}

export async function screenshot(page, name) {
  const path = join(ARTIFACTS, name);
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
  return path;
}

/**
 * What a first view (written at build time) of the bundled English data shows on a 390×844
 * phone before the program arrives: all 16 cards, the crisis line, the first card's figures
 * beside their comparison group, and a figure on the first screen. `first` is its locator.
 */
export async function assertFirstViewAnswers(first) {
  await first.locator('.trd-card').first().waitFor();
  assert.equal(await first.locator('.trd-card').count(), 16);
  const text = await first.innerText();
  // (innerText leaves out cards not yet scrolled to: the first card's figures.)
  for (const part of ['988', 'Much better', '26.1%', 'about 26 in 100', 'vs another treatment (switching to sertraline): 26.7%']) {
    assert.ok(text.includes(part), `the first view shows ${part}`);
  }
  const box = await first.locator('.trd-fig-value').first().boundingBox();
  assert.ok(box.y + box.height <= 844, 'a figure on the first screen');
}
