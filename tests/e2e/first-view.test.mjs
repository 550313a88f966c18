// A pasted <trd-evidence> that shows the bundled data as it comes gets its first view (the
// cards as HTML, written at build time) while its program loads; one whose settings change
// what it shows waits for the program. The program is held back to look at the first view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertFirstViewAnswers, assertNoProblems, axeViolations, ready, screenshot, useBrowser } from './lib/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
  + "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
const env = useBrowser({
  mounts: { '/hosts/': join(here, 'hosts'), '/csp/': join(here, 'hosts') },
  extraHeaders: (path) => (path.startsWith('/csp/') ? { 'Content-Security-Policy': STRICT_CSP } : {}),
});
const FIRST_VIEW = 'trd-evidence .trd-mount[data-prerendered]';

/** Opens `path` with the program (the wasm) held back until `release()` is called. */
async function openHeld(path, options = {}) {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const requests = [];
  const opened = await env.open(path, {
    width: 390,
    height: 844,
    ...options,
    beforeGoto: async (p) => {
      p.on('request', (r) => requests.push(new URL(r.url()).pathname));
      await p.route('**/trd-evidence-core.wasm', async (route) => { await held; await route.continue(); });
      await options.beforeGoto?.(p);
    },
  });
  return { ...opened, release, requests };
}

test('a bare element on a clinic page shows the answer before its program arrives, then the live widget takes over', async () => {
  const { page, problems, release } = await openHeld('/hosts/default.html');
  const first = page.locator(FIRST_VIEW);
  await assertFirstViewAnswers(first);
  // Styled by the widget's stylesheet (its figures in their own size), links to the loader's
  // folder, not to the host page's.
  assert.equal(await first.locator('.trd-fig-value').first().evaluate((e) => getComputedStyle(e).fontSize), '20px');
  const link = await first.locator('.trd-footer a').getAttribute('href');
  assert.equal(new URL(link).pathname, '/embed/trd-evidence.json');
  await screenshot(page, 'first-view-embed-390.png');
  assert.deepEqual(await axeViolations(page), [], 'the first view itself passes WCAG 2.2 AA checks');
  release();
  await ready(page);
  assert.equal(await page.locator(FIRST_VIEW).count(), 0, 'the first view is gone');
  await page.locator('trd-evidence .trd-fig-button').first().click();
  await page.locator('trd-evidence .trd-fig-details').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  assertNoProblems(problems);
});

test('a Spanish page gets the Spanish first view', async () => {
  const { page, problems, release, requests } = await openHeld('/hosts/es.html');
  const first = page.locator(FIRST_VIEW);
  await first.locator('.trd-card').first().waitFor();
  assert.equal(await first.locator('.trd-root').getAttribute('lang'), 'es');
  // (Spanish puts a no-break space before the percent sign.)
  const text = (await first.innerText()).replace(/\u00a0/g, ' ');
  for (const part of ['Mucha mejoría', '26,1 %', '988']) assert.ok(text.includes(part), `the first view shows ${part}`);
  assert.ok(requests.includes('/embed/trd-evidence.first-view.es.html'));
  assert.ok(!requests.includes('/embed/trd-evidence.first-view.en.html'));
  release();
  await ready(page);
  assert.equal(await page.locator(FIRST_VIEW).count(), 0);
  assertNoProblems(problems);
});

test('the README\'s snippet (options chosen): the first view keeps their cards, as the widget will show them', async () => {
  const { page, problems, release } = await openHeld('/hosts/plain.html');
  const first = page.locator(FIRST_VIEW);
  await first.locator('.trd-card').first().waitFor();
  const ids = (root) => page.locator(`${root} .trd-card`).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-option')));
  const before = await ids(FIRST_VIEW);
  assert.deepEqual([...before].sort(), ['ect', 'esketamine', 'iv-ketamine', 'rtms']);
  assert.equal(await first.locator('.trd-choose > summary').innerText(), 'Customise · 4 of 16', 'worded as the widget words it');
  // The sources' heading counts the chosen options' sources: not shown until the widget counts.
  assert.equal(await first.locator('.trd-sources').isVisible(), false);
  const box = await first.locator('.trd-fig-value').first().boundingBox();
  assert.ok(box.y + box.height <= 844, 'a figure on the first screen');
  release();
  await ready(page);
  assert.equal(await page.locator(FIRST_VIEW).count(), 0);
  assert.deepEqual(await ids('trd-evidence .trd-mount'), before, 'the same cards in the same order');
  assert.ok(await page.locator('trd-evidence .trd-sources').isVisible());
  assertNoProblems(problems);
});

test('options the widget will not show as chosen get no first view', async () => {
  const { page, problems, release } = await openHeld('/hosts/blank.html');
  const cases = {
    unknown: 'rtms,not-an-option', // the widget lists the unknown id in a message
    'too-few': 'rtms', // and says a comparison takes two
    'wrong-case': 'rtms,ECT',
    repeated: 'rtms,rtms',
    'not-ascii': 'rtms,\u00a0ect',
    spaced: ' rtms ,\tect ', // read as rtms and ect: this one gets its first view
  };
  await page.evaluate((list) => {
    for (const [id, options] of Object.entries(list)) {
      const element = document.createElement('trd-evidence');
      element.id = id;
      element.setAttribute('options', options);
      document.getElementById('main').append(element);
    }
  }, cases);
  await page.locator('#spaced .trd-mount[data-prerendered] .trd-card').first().waitFor();
  await page.waitForTimeout(500);
  const shown = await page.evaluate(() => Object.fromEntries([...document.querySelectorAll('trd-evidence')]
    .map((e) => [e.id, e.shadowRoot.querySelectorAll('.trd-mount[data-prerendered] .trd-card').length])));
  assert.deepEqual(shown, { unknown: 0, 'too-few': 0, 'wrong-case': 0, repeated: 0, 'not-ascii': 0, spaced: 2 });
  release();
  await ready(page, 6);
  // Each of those the widget answers with a note about the options, above every option.
  for (const id of ['unknown', 'too-few', 'wrong-case', 'repeated']) {
    assert.match(await page.locator(`#${id} .trd-settings-problems`).first().innerText(), /option/i, id);
    assert.equal(await page.locator(`#${id} .trd-card`).count(), 16, id);
  }
  assert.equal(await page.locator('#not-ascii .trd-card').count(), 2, 'read as rtms and ect by the widget');
  assertNoProblems(problems);
});

test('under a strict Content-Security-Policy the first view shows with no violation', async () => {
  const { page, problems, release } = await openHeld('/csp/default.html', {
    beforeGoto: (p) => p.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    }),
  });
  await page.locator(FIRST_VIEW).locator('.trd-card').first().waitFor();
  release();
  await ready(page);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assertNoProblems(problems);
});

test('a first view that arrives after the live widget stays out', async () => {
  let late;
  const arrived = new Promise((ok) => { late = ok; });
  const { page, problems, release } = await openHeld('/hosts/default.html', {
    beforeGoto: (p) => p.route('**/trd-evidence.first-view.*', async (route) => {
      await arrived;
      await route.continue();
    }),
  });
  release();
  await ready(page);
  late();
  await page.waitForTimeout(800);
  assert.equal(await page.locator(FIRST_VIEW).count(), 0);
  assert.ok(await page.locator('trd-evidence .trd-card').first().isVisible());
  assertNoProblems(problems);
});

test('when the program cannot load, the message shows above the first view, which stays readable', async () => {
  const { page, release } = await openHeld('/hosts/default.html', {
    beforeGoto: (p) => p.route('**/trd-evidence-core.wasm', (route) => route.fulfill({ status: 503, body: '' })),
  });
  release();
  const alert = page.locator('trd-evidence [role=alert]');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be loaded/);
  assert.ok(await page.locator(FIRST_VIEW).locator('.trd-card').first().isVisible());
  const [message, firstCard] = await Promise.all([alert.boundingBox(), page.locator(FIRST_VIEW).locator('.trd-card').first().boundingBox()]);
  assert.ok(message.y < firstCard.y, 'the message comes first');
});

test('the iframe page: a first view when its address leaves the view as it comes or chooses options, none when a setting is named twice', async () => {
  // Keys the widget does not read (a campaign tag) and the look (theme) leave the view as it is.
  const { page, problems, release } = await openHeld('/embed/embed.html?lang=es&theme=dark&utm_source=clinic');
  const first = page.locator(FIRST_VIEW);
  await first.locator('.trd-card').first().waitFor();
  assert.equal(await first.locator('.trd-root').getAttribute('lang'), 'es');
  assert.equal(await first.locator('.trd-root').getAttribute('data-theme'), 'dark');
  release();
  await ready(page);
  assert.equal(await page.locator(FIRST_VIEW).count(), 0);
  assertNoProblems(problems);

  const chosen = await openHeld('/embed/embed.html?options=rtms,ect');
  await chosen.page.locator(FIRST_VIEW).locator('.trd-card').first().waitFor();
  assert.equal(await chosen.page.locator(FIRST_VIEW).locator('.trd-card').count(), 2);
  chosen.release();
  await ready(chosen.page);
  assert.equal(await chosen.page.locator('trd-evidence .trd-card').count(), 2);
  assertNoProblems(chosen.problems);

  // A setting named twice: which one the widget takes is its business; no first view.
  const twice = await openHeld('/embed/embed.html?options=rtms,ect&options=cbt,ipt');
  await twice.page.waitForTimeout(800);
  assert.equal(await twice.page.locator(FIRST_VIEW).count(), 0);
  assert.ok(!twice.requests.some((r) => r.includes('first-view')), 'no first view asked for');
  twice.release();
  await ready(twice.page);
});

test('a script that chooses options before the widget draws takes the first view away', async () => {
  const { page, problems, release } = await openHeld('/hosts/default.html');
  await page.locator(FIRST_VIEW).locator('.trd-card').first().waitFor();
  await page.evaluate(() => document.querySelector('trd-evidence').setAttribute('options', 'rtms,ect'));
  assert.equal(await page.locator(FIRST_VIEW).count(), 0, 'no longer what the widget will show');
  release();
  await ready(page);
  assert.equal(await page.locator('trd-evidence .trd-card').count(), 2);
  assertNoProblems(problems);
});

test('a script that retitles an element or a div in the other spelling (data-title, title) takes its first view away', async () => {
  const { page, problems, release } = await openHeld('/hosts/retitle.html');
  for (const id of ['element', 'div']) {
    await page.locator(`#${id} .trd-mount[data-prerendered] .trd-card`).first().waitFor();
    assert.equal(await page.locator(`#${id} .trd-mount[data-prerendered] h2`).first().innerText(), 'First', id);
  }
  await page.evaluate(() => {
    document.getElementById('element').setAttribute('data-title', 'Second');
    document.getElementById('div').setAttribute('title', 'Second');
  });
  for (const id of ['element', 'div']) {
    assert.equal(await page.locator(`#${id} .trd-mount[data-prerendered]`).count(), 0, `${id}: not left saying "First"`);
  }
  release();
  await ready(page, 2);
  for (const id of ['element', 'div']) assert.equal(await page.locator(`#${id} h2`).first().innerText(), 'Second', id);
  assertNoProblems(problems);
});

test('a reader who tabbed into the first view keeps their place when the live widget takes over', async () => {
  const { page, problems, release } = await openHeld('/hosts/default.html');
  const first = page.locator(FIRST_VIEW);
  // The third card's first figure button, reached from the keyboard.
  await first.locator('.trd-card').nth(2).locator('.trd-fig-button').first().focus();
  release();
  await ready(page);
  const where = await page.evaluate(() => {
    const root = document.querySelector('trd-evidence').shadowRoot;
    const element = root.activeElement;
    return {
      button: element?.classList.contains('trd-fig-button'),
      live: Boolean(element?.closest('.trd-mount:not([data-prerendered])')),
      card: element?.closest('.trd-card')?.getAttribute('data-option'),
      third: root.querySelectorAll('.trd-card')[2]?.getAttribute('data-option'),
    };
  });
  assert.deepEqual(where, { button: true, live: true, card: where.third, third: where.third });
  assert.ok(where.third, 'the cards have their options');
  assertNoProblems(problems);
});

test('a tap on the first view is kept and done once the live widget has drawn', async () => {
  const { page, problems, release } = await openHeld('/hosts/default.html');
  const first = page.locator(FIRST_VIEW);
  // "How to read this" has nothing inside yet: it stays shut rather than open empty.
  await first.locator('summary').filter({ hasText: 'How to read this' }).click();
  assert.equal(await first.locator('details:has(> summary:has-text("How to read this"))').getAttribute('open'), null);
  // Then the reader taps the third card's first figure.
  await first.locator('.trd-card').nth(2).locator('.trd-fig-button').first().click();
  release();
  await ready(page);
  const card = page.locator('trd-evidence .trd-mount:not([data-prerendered]) .trd-card').nth(2);
  await card.locator('.trd-fig-details').waitFor();
  assert.ok(await card.locator('.trd-fig-details').isVisible(), 'the figure tapped opens its study');
  assertNoProblems(problems);
});

test('chosen options: focus past the parts that depend on the choice still lands on the same control', async () => {
  // The README's snippet: one slide's worth of options, so the live widget has no slide list
  // in its sharing part, while the first view (all options) has one.
  const { page, problems, release } = await openHeld('/hosts/plain.html');
  await page.locator(FIRST_VIEW).locator('.trd-footer a').focus();
  release();
  await ready(page);
  const focused = await page.evaluate(() => {
    const element = document.querySelector('trd-evidence').shadowRoot.activeElement;
    return { footer: Boolean(element?.closest('.trd-footer')), href: element?.getAttribute('href') };
  });
  assert.deepEqual(focused, { footer: true, href: `${new URL(page.url()).origin}/embed/trd-evidence.json` });
  assertNoProblems(problems);
});

test('two elements on a page: each its own chosen cards and theme, from one download', async () => {
  const { page, problems, release, requests } = await openHeld('/hosts/dark.html');
  const forced = page.locator('#forced .trd-mount[data-prerendered]');
  const auto = page.locator('#auto .trd-mount[data-prerendered]');
  await forced.locator('.trd-card').first().waitFor();
  await auto.locator('.trd-card').first().waitFor();
  const ids = (view) => view.locator('.trd-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-option')));
  assert.deepEqual((await ids(forced)).sort(), ['dbs', 'ect', 'rtms', 'vns']);
  assert.deepEqual((await ids(auto)).sort(), ['cbt', 'ipt', 'med-switch']);
  assert.equal(await forced.locator('.trd-root').getAttribute('data-theme'), 'dark');
  assert.equal(requests.filter((r) => r.includes('first-view')).length, 1, 'one download');
  release();
  await ready(page, 2);
  assertNoProblems(problems);
});

test('an order chosen in the first view is the order the live widget shows', async () => {
  const { page, problems, release } = await openHeld('/hosts/default.html');
  const first = page.locator(FIRST_VIEW);
  await first.locator('.trd-card').first().waitFor();
  const order = first.locator('label:has-text("Order") select, select').first();
  await order.selectOption('remission');
  release();
  await ready(page);
  const live = page.locator('trd-evidence .trd-mount:not([data-prerendered])');
  assert.equal(await live.locator('select').first().inputValue(), 'remission');
  // Sorted by how many got well again: the first card is not the data's first (switching).
  await page.waitForFunction(() => document.querySelector('trd-evidence').shadowRoot
    .querySelector('.trd-mount:not([data-prerendered]) .trd-card')?.getAttribute('data-option') !== 'med-switch');
  assertNoProblems(problems);
});

test('a tap on the sources in a first view of every option opens them once the widget has drawn', async () => {
  const { page, problems, release } = await openHeld('/hosts/default.html');
  const first = page.locator(FIRST_VIEW);
  await first.locator('.trd-sources > summary').click();
  release();
  await ready(page);
  const sources = page.locator('trd-evidence .trd-mount:not([data-prerendered]) details.trd-sources');
  await sources.locator('.trd-citations li').first().waitFor();
  assert.equal(await sources.getAttribute('open'), '');
  assertNoProblems(problems);
});

test('a title, a heading level, the crisis line at the end, outcomes without the other charts and an order get a first view that matches the live widget', async () => {
  const { page, problems, release } = await openHeld('/hosts/blank.html', { width: 1280, height: 900 });
  const fitted = {
    clinic: { 'heading-level': '3', title: '  Options at our clinic  ', crisis: 'end', metrics: 'response,remission' },
    top: { 'heading-level': ' 1 ', metrics: 'response, remission, cost', options: 'rtms,ect' },
    deepest: { 'heading-level': '6', title: '<img src=x onerror="window.__injected=1">', metrics: 'response remission burden cost' },
    readme: { options: 'cbt,ipt,med-switch', metrics: 'response,remission', theme: 'dark' },
    // Split before trimming, as the widget reads a language: Spanish.
    spaced: { lang: 'es -MX', 'heading-level': '4', crisis: 'end' },
    // In an order: the cards as the widget sorts them (the prerender lists each order).
    sorted: { sort: 'remission', options: 'rtms,ect,esketamine,cbt,ipt' },
    named: { sort: ' name ', lang: 'es' },
  };
  // What the loader cannot match exactly, or what the widget shows otherwise: no first view.
  const waiting = {
    signed: { 'heading-level': '+3' },
    deep: { 'heading-level': '7' },
    swapped: { metrics: 'remission,response' },
    one: { metrics: 'response' },
    misspelt: { metrics: 'response,remission,prices' },
    marked: { title: '\ufeffOptions' },
    middle: { crisis: 'middle' },
    unsorted: { sort: 'price' },
    // Trimmed by JavaScript, kept by the widget (which then speaks English and says why).
    'marked-language': { lang: '\ufeffes' },
    // A lone surrogate reaches the widget as U+FFFD.
    surrogate: { title: 'A\ud800B' },
  };
  await page.evaluate((all) => {
    for (const [id, attributes] of Object.entries(all)) {
      const element = document.createElement('trd-evidence');
      element.id = id;
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      document.getElementById('main').append(element);
    }
  }, { ...fitted, ...waiting });
  // Headings (level and words; the sources' is hidden while chosen options are uncounted), the
  // crisis line at the top, the folded charts, the cards.
  const outline = (id, first) => page.locator(`#${id} .trd-mount${first ? '[data-prerendered]' : ':not([data-prerendered])'}`).evaluate((view) => ({
    headings: [...view.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((h) => h.checkVisibility() && !h.closest('.trd-sources')).map((h) => `${h.tagName} ${h.textContent.trim()}`),
    labelledBy: view.querySelector(`[id="${view.querySelector('.trd-evidence')?.getAttribute('aria-labelledby')}"]`)?.outerHTML.replace(/ id="[^"]*"/, ''),
    crisisTop: view.querySelectorAll('.trd-crisis-top').length,
    moreCharts: view.querySelectorAll('.trd-more-charts').length,
    cards: [...view.querySelectorAll('.trd-card')].map((card) => card.getAttribute('data-option')),
    figures: view.querySelectorAll('.trd-fig-value').length,
    lists: [...view.querySelectorAll('select')].filter((select) => !select.closest('.trd-by-selection')).map((select) => select.value),
  }));
  for (const id of Object.keys(fitted)) await page.locator(`#${id} .trd-mount[data-prerendered] .trd-card`).first().waitFor();
  await page.waitForTimeout(300);
  const firstViews = {};
  for (const id of Object.keys(fitted)) firstViews[id] = await outline(id, true);
  const shown = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id,
    document.getElementById(id).shadowRoot.querySelectorAll('.trd-mount[data-prerendered]').length])), Object.keys(waiting));
  assert.deepEqual(shown, Object.fromEntries(Object.keys(waiting).map((id) => [id, 0])), 'none for settings it cannot match');
  assert.deepEqual(firstViews.clinic.headings.slice(0, 2), ['H3 Options at our clinic', 'H4 Switch antidepressant']);
  assert.equal(firstViews.clinic.crisisTop, 0);
  assert.equal(firstViews.clinic.moreCharts, 0);
  assert.equal(firstViews.top.headings[0], 'H1 Treatment-resistant depression: the options compared');
  assert.equal(firstViews.top.moreCharts, 1, 'the price chart is still there to open');
  assert.ok(firstViews.deepest.headings.every((h) => h.startsWith('H6')), firstViews.deepest.headings.join(' | '));
  assert.equal(firstViews.deepest.headings[0], 'H6 <img src=x onerror="window.__injected=1">', 'a title is text');
  assert.equal(firstViews.spaced.headings[1], 'H5 Cambiar de antidepresivo');
  assert.equal(firstViews.sorted.cards[0], 'ect', 'the highest remission of the five first');
  assert.equal(firstViews.sorted.lists[0], 'remission');
  assert.equal(firstViews.named.cards[0], 'aug-lithium', '"Añadir litio" first in Spanish');
  await screenshot(page, 'first-view-fitted-1280.png');
  release();
  await ready(page, Object.keys(fitted).length + Object.keys(waiting).length);
  for (const id of Object.keys(fitted)) assert.deepEqual(await outline(id, false), firstViews[id], `${id}: the live widget shows what its first view showed`);
  assert.equal(await page.evaluate(() => window.__injected), undefined);
  assertNoProblems(problems);
});
