// Hostile data and networks, end to end: files written to crash or fool the widget, servers
// that answer wrongly, slowly or never, and addresses that ask the iframe page for another
// site's data. Each case checks what the reader sees: a message inside the widget naming the
// cause, never an uncaught error, a stuck "Loading…" or another file's figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ready, useBrowser } from './lib/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const MINIMAL = readFileSync(join(here, '../data/minimal-valid.json'), 'utf8');
const env = useBrowser({ mounts: { '/hosts/': join(here, 'hosts') } });

const titled = (title) => MINIMAL.replace('Treatment-resistant depression: the options compared', title);
function manyOptions(count) {
  const data = JSON.parse(MINIMAL);
  const option = { ...data.options[0], findings: [], costs: [], cost_notes: [], risks: [], caveats: [], description: 'd' };
  data.options = Array.from({ length: count }, (_, i) => ({ ...option, id: `o-${i}` }));
  return JSON.stringify(data);
}

// Another origin, with the answers a test needs. It allows other sites to read it (CORS)
// except under /nocors/, and records how each request ended.
const log = [];
let dataServer;
const routes = {
  '/deep.json': (res) => send(res, '['.repeat(10000)),
  '/bidi.json': (res) => send(res, MINIMAL.replace('Standard 10 Hz rTMS', 'rTMS placebo \u202E20.75%')),
  '/exponent.json': (res) => send(res, MINIMAL.replace('"percent": 29.3', '"percent": 2.93e1')),
  '/empty.json': (res) => send(res, ''),
  '/utf16.json': (res) => send(res, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(MINIMAL, 'utf16le')])),
  '/many.json': (res) => send(res, manyOptions(1200)),
  '/404.json': (res) => send(res, 'not here', 404),
  '/500.json': (res) => send(res, 'oops', 500),
  '/nocors/data.json': (res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(MINIMAL),
  '/declared-10mb.json': (res) => {
    res.writeHead(200, { ...CORS, 'Content-Type': 'application/json', 'Content-Length': 10_000_000 });
    res.write('{"format": "');
  },
  '/endless.json': (res, entry) => {
    res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    res.write('{"format": "');
    const pump = () => {
      while (!res.destroyed && entry.sent < 50_000_000) {
        entry.sent += chunk.length;
        if (!res.write(chunk)) return res.once('drain', pump);
      }
      return undefined;
    };
    pump();
  },
  '/never.json': () => {},
  '/slow-a.json': (res) => setTimeout(() => send(res, titled('Dataset A, the old one')), 1500),
  '/fast-b.json': (res) => send(res, titled('Dataset B, the new one')),
  '/slow-c.json': (res) => setTimeout(() => send(res, titled('Dataset C')), 3000),
};
const CORS = { 'Access-Control-Allow-Origin': '*' };
function send(res, body, status = 200) {
  if (res.destroyed) return;
  res.writeHead(status, { ...CORS, 'Content-Type': 'application/json' }).end(body);
}

before(async () => {
  dataServer = createServer((req, res) => {
    const entry = { path: req.url, sent: 0, closedEarly: false };
    log.push(entry);
    res.on('close', () => { entry.closedEarly = !res.writableFinished; });
    (routes[req.url] ?? ((r) => send(r, 'no route', 404)))(res, entry);
  });
  await new Promise((ok) => dataServer.listen(0, '127.0.0.1', ok));
  dataServer.url = `http://127.0.0.1:${dataServer.address().port}`;
});
after(() => { dataServer.closeAllConnections(); dataServer.close(); });

/** A page with one widget reading `src`; `beforeGoto` may prepare the page (a fake clock). */
async function widgetReading(src, beforeGoto) {
  const opened = await env.open('/hosts/blank.html', { width: 390, height: 844, beforeGoto });
  await opened.page.evaluate((s) => {
    const widget = document.createElement('trd-evidence');
    widget.setAttribute('src', s);
    widget.setAttribute('heading-level', '2');
    document.getElementById('main').append(widget);
  }, src);
  return opened;
}

async function alertText(page) {
  const alert = page.locator('trd-evidence [role=alert]');
  await alert.waitFor({ timeout: 15000 });
  return alert.innerText();
}

const CASES = [
  ['a file nested 10,000 levels deep', '/deep.json', /nested more than 32 levels deep \(line 1\)/],
  ['an unterminated right-to-left override in a name', '/bidi.json', /options\[0\]\.name: holds the invisible character U\+202E/],
  ['a figure written with an exponent', '/exponent.json', /options\[0\]\.findings\[0\]\.value.*written with an exponent/],
  ['an empty file', '/empty.json', /The data file is empty\./],
  ['a file saved as UTF-16', '/utf16.json', /saved as UTF-16.*save it as UTF-8/],
  ['1,200 options (the limit is 1,000)', '/many.json', /options: 1200 options; at most 1000 can be compared/],
  ['no file at the address (404)', '/404.json', /There is no file at .*404\.json \(the server answered 404 Not Found\)/],
  ['a server error (500)', '/500.json', /its server has a problem[\s\S]*failed \(it answered 500/],
  ['another site that does not allow reading (no CORS header)', '/nocors/data.json', /is on another site, and that site did not allow this page to read it/],
  ['a declared size of 10 MB', '/declared-10mb.json', /too large: 10000000 bytes or more, and the limit is 2000000 bytes/],
];

for (const [name, path, says] of CASES) {
  test(`${name}: the widget says so in plain words`, async () => {
    const { page, problems } = await widgetReading(`${dataServer.url}${path}`);
    const text = await alertText(page);
    assert.match(text, says);
    for (const jargon of ['TypeError', 'Failed to fetch', 'u32', 'struct ', 'EOF', 'expected value']) {
      assert.ok(!text.includes(jargon), `no "${jargon}" in: ${text}`);
    }
    assert.ok(!/Check your connection/.test(text), 'the connection is not blamed when it is fine');
    assert.equal(await page.locator('trd-evidence .trd-card').count(), 0, 'no figures from a refused file');
    assert.ok(await page.getByRole('button', { name: 'Try again' }).isVisible());
    assert.deepEqual(problems.pageErrors, [], 'no uncaught error');
  });
}

test('an endless answer is cut off at the size limit while it arrives', async () => {
  const { page, problems } = await widgetReading(`${dataServer.url}/endless.json`);
  const text = await alertText(page);
  assert.match(text, /too large: \d+ bytes or more, and the limit is 2000000 bytes/);
  const entry = log.findLast((e) => e.path === '/endless.json');
  await page.waitForTimeout(300);
  assert.ok(entry.closedEarly, 'the download was stopped, not read to its end');
  assert.ok(entry.sent < 12_000_000, `${entry.sent} bytes sent before it stopped`);
  assert.deepEqual(problems.pageErrors, []);
});

test('a server that never answers: after 20 seconds a message and "Try again", not "Loading…" forever', async () => {
  const { page, problems } = await widgetReading(`${dataServer.url}/never.json`, (p) => p.clock.install());
  await page.locator('trd-evidence [role=status]').waitFor();
  await page.clock.runFor(19000);
  assert.equal(await page.locator('trd-evidence [role=alert]').count(), 0, 'still waiting at 19 s');
  await page.clock.runFor(2000);
  const text = await alertText(page);
  assert.match(text, /did not send the whole file within 20 seconds/);
  assert.match(text, /Check your connection and try again/);
  assert.deepEqual(problems.pageErrors, []);
});

test('changing src while a slow answer is on its way: the new file is shown, the old one never', async () => {
  const { page, problems } = await widgetReading(`${dataServer.url}/slow-a.json`);
  await page.locator('trd-evidence [role=status]').waitFor();
  await page.evaluate((src) => document.querySelector('trd-evidence').setAttribute('src', src), `${dataServer.url}/fast-b.json`);
  const heading = page.locator('trd-evidence h2').first();
  await heading.filter({ hasText: 'Dataset B' }).waitFor();
  await page.waitForTimeout(2000); // the old answer has arrived by now, or would have
  assert.match(await heading.innerText(), /Dataset B, the new one/);
  assert.ok(log.findLast((e) => e.path === '/slow-a.json').closedEarly, 'the old download was stopped');
  assert.deepEqual(problems.pageErrors, []);
});

test('changing src just after the old file has arrived: the old one is never shown', async () => {
  // A large old file on a slowed CPU: its reading takes several tasks after it has arrived,
  // and src changes between them.
  routes['/slow-d.json'] = (res) => setTimeout(() => send(res, titled('Dataset D')), 3000);
  routes['/large-a.json'] = (res) => send(res, titled('Dataset A, the old one').replace(
    /"options": \[[\s\S]*\],\s*"citations"/, `"options": ${JSON.stringify(JSON.parse(manyOptions(400)).options)}, "citations"`));
  let arrived;
  const { page, problems } = await widgetReading(`${dataServer.url}/large-a.json`, async (p) => {
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    arrived = p.waitForResponse((r) => r.url().endsWith('/large-a.json'));
  });
  await (await arrived).finished();
  await page.evaluate((src) => document.querySelector('trd-evidence').setAttribute('src', src), `${dataServer.url}/slow-d.json`);
  await page.waitForTimeout(1500); // the old file is read by now, the new one not yet here
  const widget = page.locator('trd-evidence');
  assert.equal(await widget.getByText('Dataset A').count(), 0, 'the old file is not shown');
  await widget.locator('h2').filter({ hasText: 'Dataset D' }).waitFor({ timeout: 15000 });
  assert.equal(await widget.getByText('Dataset A').count(), 0);
  assert.deepEqual(problems.pageErrors, []);
});

test('a widget removed from the page stops its download', async () => {
  const { page, problems } = await widgetReading(`${dataServer.url}/slow-c.json`);
  await page.locator('trd-evidence [role=status]').waitFor();
  await page.evaluate(() => document.querySelector('trd-evidence').remove());
  await page.waitForTimeout(500);
  const entries = log.filter((e) => e.path === '/slow-c.json');
  assert.equal(entries.length, 1, 'asked once');
  assert.ok(entries[0].closedEarly, 'and stopped when the widget left');
  assert.deepEqual(problems.pageErrors, []);
});

for (const [how, address] of [
  ['as written', (url) => url],
  ['with backslashes for slashes', (url) => url.replace('http://', '\\\\')],
  ['with a tab inside the slashes', (url) => url.replace('http://', '/\t/')],
]) test(`the iframe page does not show another site's data under its address (${how})`, async () => {
  const before = log.length;
  const src = address(`${dataServer.url}/fast-b.json`);
  const { page, problems } = await env.open(`/embed/embed.html?src=${encodeURIComponent(src)}`, { width: 1024 });
  await ready(page);
  const widget = page.locator('trd-evidence');
  assert.match(await widget.locator('h2, h1').first().innerText(), /Treatment-resistant depression/);
  assert.equal(await widget.getByText('Dataset B').count(), 0);
  assert.match(await widget.locator('.trd-settings-problems').innerText(),
    new RegExp(`src: data from ${dataServer.url.replace(/[.]/g, '\\.')} is not shown on this page`));
  assert.equal(log.length, before, 'nothing was asked of the other site');
  assert.deepEqual(problems.pageErrors, []);
});

test('a name written right to left stays beside its own figures, in order', async () => {
  routes['/arabic.json'] = (res) => send(res, MINIMAL.replace('Standard 10 Hz rTMS', 'تحفيز مغناطيسي'));
  const { page, problems } = await widgetReading(`${dataServer.url}/arabic.json`);
  await ready(page);
  const card = page.locator('trd-evidence .trd-card').filter({ hasText: 'تحفيز مغناطيسي' });
  await card.waitFor();
  // Every inline element that can hold data text is its own bidi island.
  const isolated = await card.evaluate((c) => [...c.querySelectorAll('span, a, strong, cite, b, em')]
    .every((e) => getComputedStyle(e).unicodeBidi === 'isolate'));
  assert.ok(isolated);
  // The figure reads left to right as written: "29.3%", its digits in order on screen.
  const order = await card.evaluate((c) => {
    const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent.indexOf('29.3%');
      if (i < 0) continue;
      const box = (a, b) => { const r = document.createRange(); r.setStart(n, a); r.setEnd(n, b); return r.getBoundingClientRect().left; };
      return [box(i, i + 1), box(i + 4, i + 5)];
    }
    return null;
  });
  assert.ok(order && order[0] < order[1], `"2" is left of "%": ${order}`);
  await page.screenshot({ path: join(here, 'artifacts', 'hostile-rtl-390.png') });
  assert.deepEqual(problems.pageErrors, []);
});

test('a 1,500-character name without a space stays inside the widget', async () => {
  routes['/long.json'] = (res) => send(res, MINIMAL.replace('Standard 10 Hz rTMS', 'W'.repeat(1500)));
  const { page, problems } = await widgetReading(`${dataServer.url}/long.json`);
  await ready(page);
  await page.locator('trd-evidence summary', { hasText: 'Charts' }).click();
  await page.locator('trd-evidence .trd-chart-image').first().waitFor();
  await page.locator('trd-evidence summary', { hasText: 'Customise' }).click();
  await page.locator('trd-evidence summary', { hasText: 'more' }).first().click().catch(() => {});
  const spills = await page.locator('trd-evidence').evaluate((host) => {
    const root = host.shadowRoot.querySelector('.trd-evidence').getBoundingClientRect();
    const clipped = (e) => {
      for (let a = e.parentElement; a; a = a.parentElement) {
        if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(a).overflowX)) return true;
      }
      return false;
    };
    return [...host.shadowRoot.querySelectorAll('.trd-evidence *')]
      // What a closed section holds is laid out but not shown.
      .filter((e) => e.checkVisibility({ contentVisibilityAuto: false }) && !e.closest('details:not([open]) > :not(summary)'))
      .filter((e) => !clipped(e))
      .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > root.right + 1; })
      .map((e) => `${e.tagName}.${e.className?.baseVal ?? e.className}`);
  });
  assert.deepEqual(spills, []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  assert.deepEqual(problems.pageErrors, []);
});
