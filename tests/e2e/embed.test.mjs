// Embedding: the widget on host pages written to be difficult (hostile theme CSS, three
// instances, a strict CSP, dark mode, right-to-left, an iframe, far below the fold, data from
// another origin). Each checks what a reader would see, axe-core, console errors and requests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, assertNoProblems, axeViolations, openCharts, ready, screenshot, useBrowser } from './lib/harness.mjs';
import { startServer } from '../../tools/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
const env = useBrowser({
  // The same host pages under /csp/ come with a strict Content-Security-Policy header.
  mounts: { '/hosts/': join(here, 'hosts'), '/csp/': join(here, 'hosts'), '/testdata/': join(here, '../data') },
  extraHeaders: (path) => (path.startsWith('/csp/') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
});

const inWidget = (page, selector, fn, id) =>
  page.evaluate(([sel, body, hostId]) => {
    const host = hostId ? document.getElementById(hostId) : document.querySelector('trd-evidence, [data-trd-evidence]');
    // eslint-disable-next-line no-new-func
    return new Function('root', 'all', body)(host.shadowRoot, [...host.shadowRoot.querySelectorAll(sel)]);
  }, [selector, fn, id]);

for (const width of [1440, 360]) {
  test(`hostile theme CSS at ${width} px neither breaks the widget nor is broken by it`, async () => {
    const { page, context, problems } = await env.open(`/hosts/hostile.html`, { width });
    await ready(page);
    const cards = await inWidget(page, '.trd-card', 'return all.map((c) => c.getBoundingClientRect().width)');
    assert.equal(cards.length, 4, 'the four options the host chose');
    for (const w of cards) assert.ok(w >= Math.min(250, width - 120), `a card is ${w}px wide`);
    const value = await inWidget(page, '.trd-fig-value', 'const s = getComputedStyle(all[0]); return [s.fontSize, s.letterSpacing];');
    assert.deepEqual(value, ['20px', 'normal'], 'figures keep their size; host letter-spacing does not reach them');
    const root = await inWidget(page, '.trd-root', `
      const s = getComputedStyle(all[0]);
      return { size: s.fontSize, lineHeight: s.lineHeight, spacing: s.letterSpacing };`);
    assert.deepEqual(root, { size: '16px', lineHeight: '24px', spacing: 'normal' });
    const figure = await inWidget(page, '.trd-fig-button', 'const r = all[0].getBoundingClientRect(); return [r.width, r.height, getComputedStyle(all[0]).cursor];');
    assert.ok(figure[0] >= 120 && figure[1] >= 44 && figure[2] === 'pointer', `figure buttons survive button{all:unset}: ${figure}`);
    // The folded charts, opened: drawn at their width, their text unscaled by the host.
    // What it involves, and the prices of the four options: per session and per course.
    await openCharts(page, 'trd-evidence', 3);
    const charts = await inWidget(page, '.trd-chart-image', 'return all.map((c) => c.getBoundingClientRect().width)');
    assert.equal(charts.length, 3);
    for (const w of charts) assert.ok(w >= Math.min(250, width - 120), `a chart is ${w}px wide (svg max-width must not reach it)`);
    const text = await inWidget(page, '.trd-chart svg text', `
      const t = all.find((x) => x.textContent.includes('Electroconvulsive'));
      const s = getComputedStyle(t);
      return { size: s.fontSize, spacing: s.letterSpacing, width: t.getBBox().width };`);
    assert.equal(text.size, '16px', 'chart names keep their size');
    assert.equal(text.spacing, 'normal', 'host letter-spacing does not reach chart text');
    assert.ok(text.width < 260, `"Electroconvulsive therapy" is ${text.width}px wide`);
    const hit = await inWidget(page, '.trd-hit', 'const r = all[0].getBoundingClientRect(); return [r.width, r.height, getComputedStyle(all[0]).position];');
    assert.ok(hit[0] >= 24 && hit[1] >= 24 && hit[2] === 'absolute', `row buttons survive button{all:unset}: ${hit}`);
    // Nothing leaks out: the host's own text keeps its theme, the page has only its own
    // stylesheet, and the widget added nothing to <body> (e.g. a text-measuring <span>).
    const host = await page.evaluate(() => ({
      size: getComputedStyle(document.querySelector('p')).fontSize,
      sheets: [...document.styleSheets].map((s) => s.href?.split('/').pop()),
      bodyChildren: [...document.body.children].map((e) => e.tagName),
    }));
    assert.equal(host.size, '22px');
    assert.deepEqual(host.sheets, ['hostile.css']);
    assert.deepEqual(host.bodyChildren, ['MAIN']);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `embed-hostile-${width}.png`);
    assertNoProblems(problems);
    await context.close();
  });
}

test('three instances with their own options and data load the wasm once, update and unmount', async () => {
  const start = env.server.requests.length;
  const { page, context, problems } = await env.open(`/hosts/three.html`, { width: 1280, height: 4000 });
  await ready(page, 3);
  const wasm = env.server.requests.slice(start).filter((p) => p.endsWith('.wasm'));
  assert.deepEqual(wasm, ['/embed/trd-evidence-core.wasm'], 'the wasm is fetched once for three widgets');
  const stimulation = await inWidget(page, '.trd-card', `return {
    title: root.querySelector('h3').textContent,
    figures: all.map((o) => [...o.querySelectorAll('.trd-fig')].map((f) => f.dataset.figure).join('+')),
    charts: root.querySelectorAll('.trd-more-charts').length,
    options: all.map((o) => o.dataset.option) }`, 'stimulation');
  assert.deepEqual(stimulation, {
    title: 'Brain stimulation compared',
    figures: ['response+remission', 'response+remission', 'response+remission', 'response+remission'],
    charts: 0,
    options: ['rtms', 'itbs', 'deep-tms', 'snt'],
  });
  const own = await inWidget(page, '.trd-card', 'return all.map((o) => o.dataset.option)', 'own-data');
  assert.deepEqual(own, ['rtms', 'cbt'], 'the host\'s own data file (two options)');
  const table = await inWidget(page, '.trd-table tbody[data-option]', `return {
    groups: all.length, background: getComputedStyle(root.querySelector('.trd-evidence')).backgroundColor }`, 'as-div');
  assert.deepEqual(table, { groups: 3, background: 'rgb(21, 24, 28)' });
  // Changing an attribute updates the widget in place.
  await page.evaluate(() => document.getElementById('stimulation').setAttribute('options', 'rtms,ect'));
  await page.waitForFunction(() => document.getElementById('stimulation').shadowRoot.querySelectorAll('.trd-card').length === 2);
  await page.evaluate(() => document.getElementById('as-div').setAttribute('data-view', 'chart'));
  await page.waitForFunction(() => document.getElementById('as-div').shadowRoot.querySelector('.trd-card svg'));
  // Removing one unmounts it; the others keep working.
  await page.evaluate(() => document.getElementById('stimulation').remove());
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => document.querySelectorAll('trd-evidence').length), 1);
  const sort = page.locator('#own-data').getByLabel('Sort by');
  await sort.selectOption('name');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'embed-three.png');
  assertNoProblems(problems);
  await context.close();
});

test('a page with a strict Content-Security-Policy shows the widget with no violation', async () => {
  const { page, context, problems } = await env.open(`/csp/plain.html`, {
    width: 1280,
    beforeGoto: (p) => p.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    }),
  });
  const response = await page.request.get(`${env.server.url}/csp/plain.html`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await ready(page);
  const w = page.locator('trd-evidence');
  await w.locator('.trd-card[data-option="rtms"] .trd-fig-button').first().click();
  await w.getByRole('region', { name: /response figure for Standard 10 Hz rTMS/ }).waitFor();
  // The price chart's rows are placed through the CSSOM: with style-src 'self' they still line up.
  await openCharts(page);
  const rows = await inWidget(page, '.trd-chart', `
    const chart = all.find((c) => c.querySelector('.trd-hit[id$="-hit-ect"]'));
    const button = chart.querySelector('.trd-hit[id$="-hit-ect"]').getBoundingClientRect();
    const picture = chart.querySelector('.trd-picture[data-option="ect"]').getBoundingClientRect();
    return { button: [button.top, button.height], picture: [picture.top, picture.height] };`);
  // The picture also holds the gap below the row (6 px), the button only the row.
  assert.ok(Math.abs(rows.button[0] - rows.picture[0]) <= 3 && rows.button[1] <= rows.picture[1] && rows.button[1] >= rows.picture[1] - 10,
    `ECT's button covers ECT's row: ${JSON.stringify(rows)}`);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assertNoProblems(problems);
  await context.close();
});

test('dark mode: forced by attribute, or following the reader\'s setting, with readable contrast', async () => {
  const { page, context, problems } = await env.open(`/hosts/dark.html`, {
    width: 1280,
    beforeGoto: (p) => p.emulateMedia({ colorScheme: 'dark' }),
  });
  await ready(page, 2);
  const background = (id) => inWidget(page, '.trd-evidence', 'return getComputedStyle(all[0]).backgroundColor', id);
  assert.equal(await background('forced'), 'rgb(21, 24, 28)');
  assert.equal(await background('auto'), 'rgb(21, 24, 28)', 'auto follows prefers-color-scheme: dark');
  const bar = await inWidget(page, '.trd-card svg rect[fill="#1D4E89"]', 'return getComputedStyle(all[0]).fill', 'forced');
  assert.equal(bar, 'rgb(127, 176, 255)', 'chart marks are repainted for the dark background');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'embed-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  assert.equal(await background('auto'), 'rgb(255, 255, 255)');
  assert.equal(await background('forced'), 'rgb(21, 24, 28)', 'the attribute wins over the setting');
  // The high-contrast palette: black marks and text on white.
  await page.evaluate(() => document.getElementById('forced').setAttribute('theme', 'high-contrast'));
  assert.equal(await background('forced'), 'rgb(255, 255, 255)');
  const marks = await inWidget(page, '.trd-card svg', `return [
    getComputedStyle(root.querySelector('rect[fill="#1D4E89"]')).fill,
    getComputedStyle(root.querySelector('.trd-note')).color]`, 'forced');
  assert.deepEqual(marks, ['rgb(0, 0, 0)', 'rgb(0, 0, 0)']);
  assert.deepEqual(await axeViolations(page), []);
  assertNoProblems(problems);
  await context.close();
});

test('a right-to-left page keeps its direction and the widget stays usable', async () => {
  const { page, context, problems } = await env.open(`/hosts/rtl.html`, { width: 360 });
  await ready(page);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h1')).direction), 'rtl', 'the page stays right to left');
  assert.equal(await inWidget(page, '.trd-evidence', 'return getComputedStyle(all[0]).direction'), 'ltr',
    'the English widget reads left to right (dir=auto follows its text)');
  const cards = await inWidget(page, '.trd-card', 'return all.map((c) => { const r = c.getBoundingClientRect(); return [r.left, r.right]; })');
  for (const [left, right] of cards) assert.ok(left >= 0 && right <= 360, `card at ${left}..${right}`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'embed-rtl-360.png');
  assertNoProblems(problems);
  await context.close();
});

test('the iframe embed reports its height and the resizer fits the frame to it', async () => {
  const { page, context, problems } = await env.open(`/hosts/iframe.html`, { width: 1024 });
  const frame = page.frameLocator('iframe[data-trd-evidence-frame]');
  await frame.locator('.trd-card svg').first().waitFor({ timeout: 20000 });
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 600);
  await page.waitForTimeout(300);
  const sizes = await page.evaluate(() => {
    const iframe = document.querySelector('iframe');
    return { frame: iframe.getBoundingClientRect().height, content: iframe.contentDocument.documentElement.scrollHeight };
  });
  assert.ok(Math.abs(sizes.frame - sizes.content) <= 2, `frame ${sizes.frame}px for content ${sizes.content}px: no inner scrollbar`);
  assert.equal(await page.getAttribute('iframe', 'title'), 'Treatment-resistant depression: the options compared');
  const resizer = readFileSync(join(DIST, 'embed', 'trd-evidence-resizer.js'));
  assert.ok(resizer.length <= 2048, `the host-side resizer is ${resizer.length} bytes (at most 2 KB)`);
  assert.equal(await frame.locator('.trd-card').count(), 3, 'options come from the query string');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'embed-iframe.png');
  assertNoProblems(problems);
  await context.close();
});

test('an instance far below the fold fetches its data only when the reader nears it', async () => {
  const start = env.server.requests.length;
  const { page, context, problems } = await env.open(`/hosts/lazy.html`, { width: 1024, height: 800 });
  await page.waitForTimeout(1500);
  const early = env.server.requests.slice(start);
  assert.ok(!early.some((p) => p.endsWith('.json')), `no data fetched yet: ${early}`);
  assert.ok(!early.some((p) => p.endsWith('.wasm')), 'nor the wasm');
  await page.locator('#far').scrollIntoViewIfNeeded();
  await ready(page);
  assert.ok(env.server.requests.slice(start).includes('/embed/trd-evidence.json'), 'fetched once near');
  assertNoProblems(problems);
  await context.close();
});

test('data from another origin: shown when it allows CORS, a clear message with a retry when not', async () => {
  let allow = false;
  const other = await startServer(join(here, '../data'), 0, {
    extraHeaders: () => (allow ? { 'Access-Control-Allow-Origin': '*' } : {}),
  });
  try {
    const url = `${env.server.url}/hosts/cors.html?data=${encodeURIComponent(`${other.url}/minimal-valid.json`)}`;
    const { page, context, problems } = await env.open(url, { width: 1024 });
    await ready(page);
    const alert = page.locator('trd-evidence').getByRole('alert');
    const text = await alert.innerText();
    assert.match(text, /could not be downloaded/);
    assert.match(text, /Access-Control-Allow-Origin/, 'names the likely cause');
    allow = true;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await page.locator('trd-evidence').locator('.trd-card svg').first().waitFor();
    assert.deepEqual(problems.pageErrors, [], 'no exception left to the host');
    assert.deepEqual(problems.foreignRequests.filter((u) => !u.startsWith(other.url)), []);
    await context.close();
    // A web page where the data should be.
    const html = `${env.server.url}/hosts/cors.html?data=${encodeURIComponent('/hosts/plain.html')}`;
    const second = await env.open(html, { width: 1024 });
    await ready(second.page);
    assert.match(await second.page.locator('trd-evidence').getByRole('alert').innerText(), /looks like a web page/);
    await second.context.close();
  } finally {
    await other.close();
  }
});
