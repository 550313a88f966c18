// The standalone page, built by `trunk build --release`, as a reader sees it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, DIST, assertFirstViewAnswers, assertNoProblems as assertClean, axeViolations, focused, openCharts, ready, renderAll, screenshot, useBrowser } from './lib/harness.mjs';

const env = useBrowser();

const openStandalone = (width, options) => env.open('/', { width, ...options });

/** Opens a folded section of the widget by its summary's words. */
async function unfold(page, name) {
  const summary = page.locator('trd-evidence summary', { hasText: name });
  if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
}

for (const width of [1440, 360]) {
  describe(`standalone page at ${width} px`, () => {
    test('shows every option as a card with its figures, and the charts of time and price', async () => {
      const { page, problems } = await openStandalone(width);
      await ready(page);
      assert.equal(await page.locator('.trd-card').count(), 16, 'one card per option');
      // Off-screen cards skip rendering until scrolled to (content-visibility), and innerText
      // leaves out what is not rendered: render everything, as scrolling through would.
      await renderAll(page);
      const text = await page.locator('article.trd-evidence').innerText();
      for (const figure of ['69.3%', '29.3%', '46%', '41.2%', '15.2%', '27.1%', '18.6%', '48.0%', '15.8%', 'about 29 in 100']) {
        assert.ok(text.includes(figure), `the page shows ${figure}`);
      }
      assert.match(text, /the figures do not compare the options directly/);
      assert.match(text, /Well again(\s|\(remission\))*\s*not reported/);
      assert.match(text, /Evidence last reviewed 2026-11-30/);
      // The charts of what each option involves and costs, drawn at the width they are shown.
      await openCharts(page, 'trd-evidence', 6);
      const charts = page.locator('.trd-chart-image');
      // What each option involves, then one price chart per unit the prices are for, so a
      // month of pills is never drawn against a course of ECT.
      const headings = await page.locator('trd-evidence .trd-more-charts .trd-panel .trd-heading').allInnerTexts();
      assert.deepEqual(headings, ['What it involves', 'What a session costs', 'What a month costs',
        'What a course of treatment costs', 'What the device alone costs', 'What the device and its surgery cost']);
      const units = ['a session', 'a month', 'a course', 'the device alone', 'device and surgery'];
      for (const [i, unit] of units.entries()) {
        const lines = await charts.nth(i + 1).locator('svg text').allTextContents();
        // The line under each bar: what the price covers, then its year ("a month (2024)").
        const said = lines.filter((l) => /\((.*\d{4}.*|year: .*)\)$/.test(l));
        assert.ok(said.length > 0 && said.every((l) => l.startsWith(unit)), `chart ${i + 1}: ${said}`);
      }
      assert.match(await page.locator('trd-evidence .trd-no-price').innerText(), /^No verified price: Add lithium/);
      // Said before the first price chart: prices in different charts are not compared.
      const note = page.locator('trd-evidence .trd-cost-note');
      assert.match(await note.innerText(), /^Prices are grouped by what they cover/);
      assert.ok((await note.boundingBox()).y < (await charts.nth(1).boundingBox()).y);
      for (let i = 0; i < 6; i++) {
        const box = await charts.nth(i).boundingBox();
        assert.ok(box.width >= Math.min(300, width - 100) && box.height > 80, `chart ${i} is ${box.width}x${box.height}`);
        assert.ok(box.x >= 0 && box.x + box.width <= width, `chart ${i} fits the viewport`);
        // Drawn at the size it is shown, so its text is never scaled below its design size.
        const drawnWidth = Number(await charts.nth(i).locator('svg').first().getAttribute('width'));
        assert.ok(Math.abs(drawnWidth - box.width) <= 8, `chart ${i} drawn ${drawnWidth}px wide, shown ${box.width}px`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
      if (width >= 1200) {
        // Wide, the figures line up in columns across the cards, so options compare like a chart.
        for (const figure of ['response', 'remission']) {
          const lefts = await page.locator(`.trd-fig[data-figure="${figure}"]`).evaluateAll((els) =>
            els.map((e) => Math.round(e.getBoundingClientRect().left)));
          assert.equal(new Set(lefts).size, 1, `${figure} figures start level (${lefts})`);
        }
      }
      await screenshot(page, `standalone-${width}.png`);
      assertClean(problems);
    });
  });
}

test('axe-core finds no accessibility violations on the standalone page', async () => {
  const { page, problems } = await openStandalone(1440);
  await ready(page);
  assert.deepEqual(await axeViolations(page), []);
  await unfold(page, 'How to read this');
  await unfold(page, 'Customise');
  await openCharts(page);
  await unfold(page, 'Share');
  await unfold(page, 'Sources');
  assert.deepEqual(await axeViolations(page), [], 'with every folded section open');
  assertClean(problems);
});

test('the reader can sort by remission with the keyboard', async () => {
  const { page } = await openStandalone(1440);
  await ready(page);
  await page.getByLabel('Sort by').focus();
  await page.getByLabel('Sort by').selectOption('remission');
  const first = await page.locator('.trd-card').first().getAttribute('data-option');
  assert.equal(first, 'snt', 'SNT has the highest remission headline (50.0%)');
  const names = await page.locator('.trd-card .trd-heading').allTextContents();
  assert.equal(names.at(-1), 'Intermittent theta-burst stimulation', 'not reported sorts last');
});

test('a broken data file shows which field to fix, inside the widget', async () => {
  const good = JSON.parse(readFileSync(join(DIST, 'embed', 'trd-evidence.json'), 'utf8'));
  good.options[2].findings[0].value.percent = 129.3;
  good.citations[0].url = 'javascript:alert(1)';
  const { page, problems } = await openStandalone(1440, {
    beforeGoto: (p) =>
      p.route('**/trd-evidence.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify(good) })),
  });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /options\[2\]\.findings\[0\]\.value\.percent: a percentage must be between 0 and 100, found 129\.3/);
  assert.match(text, /citations\[0\]\.url: links must start with https:\/\/ or http:\/\//);
  assert.equal(await page.locator('.trd-card').count(), 0, 'no figures from bad data');
  assert.deepEqual(problems.pageErrors, []);
});

test('a network failure says so and "Try again" recovers', async () => {
  // The loader starts the download with the program's; when that fails the widget asks once
  // more itself, and only then says so.
  let calls = 0;
  const { page, problems } = await openStandalone(1440, {
    beforeGoto: (p) =>
      p.route('**/trd-evidence.json', (route) => (++calls <= 2 ? route.abort('internetdisconnected') : route.continue())),
  });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be downloaded/);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('.trd-card svg').first().waitFor();
  assert.equal(calls, 3);
  assert.deepEqual(problems.pageErrors, []);
});

test('release output has no dev-server reload script and no favicon request', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.ok(!/autoreload|__trunk_address__|WebSocket/.test(html), 'no Trunk reload script');
  assert.match(html, /<link rel="icon" href="data:,">/);
});

for (const width of [1440, 360]) {
  test(`the table view at ${width} px is reached by keyboard, fits the width and passes axe`, async () => {
    const { page, problems } = await openStandalone(width);
    await ready(page);
    await page.getByRole('button', { name: 'Table', exact: true }).focus();
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: /^Headline response/ });
    await table.waitFor();
    assert.equal(await page.locator('.trd-card').count(), 0, 'the table replaces the cards');
    assert.equal(await table.locator('tbody').count(), 16);
    assert.match(await table.locator('caption').innerText(), /do not compare the options directly/);
    const rtms = await table.locator('tbody[data-option="rtms"]').innerText();
    assert.match(rtms, /29\.3%/);
    assert.match(rtms, /sham 10\.4%; OR 3\.3; NNT 6/);
    const prices = page.getByRole('table', { name: /^What each option involves and what it costs/ });
    assert.match(await prices.locator('tr[data-option="vns"]').innerText(), /\$40,000–45,000 device and surgery\s+2012/);
    // An option without a price says so; on a phone no label stands with nothing after it.
    const unpriced = await prices.locator('tr[data-option="ipt"]').innerText();
    assert.match(unpriced, /no verified price/);
    if (width < 600) assert.doesNotMatch(unpriced, /Price year|Sources for the price/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page itself does not scroll sideways (overflow ${overflow}px)`);
    // Nothing is cut off: each table fits its box (on a phone its rows are cards).
    const cut = await page.locator('.trd-table-wrap').evaluateAll((wraps) =>
      wraps.map((w) => w.scrollWidth - w.clientWidth));
    if (width < 600) assert.deepEqual(cut, [0, 0], 'no sideways scrolling inside the tables');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `standalone-table-${width}.png`);
    assertClean(problems);
  });
}

test('filtering by kind of treatment shows only those options, and says so when none match', async () => {
  const { page } = await openStandalone(1440);
  await ready(page);
  await unfold(page, 'Customise');
  await page.getByLabel('Kind of treatment').selectOption('medication');
  assert.deepEqual(
    await page.locator('.trd-card').evaluateAll((els) => els.map((e) => e.dataset.option)),
    ['med-switch', 'aug-antipsychotic', 'aug-lithium', 'med-combination'],
  );
  await page.getByLabel('How invasive').selectOption('1');
  await page.getByLabel('Kind of treatment').selectOption('convulsive-therapy');
  await page.getByRole('status').filter({ hasText: 'None of the chosen options matches' }).waitFor();
  await page.getByRole('button', { name: 'Show all kinds again' }).click();
  assert.equal(await page.locator('.trd-card').count(), 16);
});

test('choosing options changes what is compared', async () => {
  const { page } = await openStandalone(1440);
  await ready(page);
  await unfold(page, 'Customise');
  for (const name of ['Switch antidepressant', 'Interpersonal therapy (evidence limited)']) {
    await page.getByRole('checkbox', { name }).uncheck();
  }
  assert.match(await page.locator('trd-evidence .trd-choose summary').innerText(), /14 of 16/);
  assert.equal(await page.locator('.trd-card').count(), 14);
  const cards = await page.locator('.trd-answers').textContent();
  assert.ok(!cards.includes('Switch antidepressant'), 'the cards drop the option');
});

test('every figure is a keyboard target that opens its study in place; Escape returns to it', async () => {
  const { page, problems } = await openStandalone(1440);
  await ready(page);
  const figure = page.getByRole('button', { name: /^Much better \(response\) 29\.3% about 29 in 100 vs sham/ });
  const box = await figure.boundingBox();
  assert.ok(box.height >= 24 && box.width >= 24, `target ${box.width}x${box.height}`);
  await figure.focus();
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: /response figure for Standard 10 Hz rTMS/ });
  await region.waitFor();
  assert.equal(await figure.getAttribute('aria-expanded'), 'true');
  // Next to the figure, both in view.
  const inView = (el) => el.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; });
  assert.ok(await inView(region), 'the details are in view');
  assert.ok(await inView(figure), 'the figure stays in view');
  const text = await region.innerText();
  for (const part of ['29.3%', 'sham 10.4%; OR 3.3; NNT 6', 'Meta-analysis of 29 double-blind', '1,371', 'after about 13 sessions', 'Tier B', 'RCT: randomized controlled trial']) {
    assert.ok(text.includes(part), `the details show ${part}`);
  }
  assert.deepEqual(await axeViolations(page), [], 'no violations with a figure open');
  await page.screenshot({ path: `${ARTIFACTS}/provenance-1440.png` });
  await region.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Escape');
  await region.waitFor({ state: 'detached' });
  assert.equal(await focused(page, 'aria-expanded'), 'false', 'closing returns focus to the figure');
  assert.match(await focused(page, 'id'), /-response-hit-rtms$/);
  assertClean(problems);
});

test('a price in the cost chart opens its source, year and what it covers', async () => {
  const { page, problems } = await openStandalone(1440);
  await ready(page);
  await openCharts(page);
  const hit = page.getByRole('button', { name: /^Vagus nerve stimulation: price \$40,000–45,000 device and surgery \(price year 2012\)/ });
  await hit.focus();
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: /price figure for Vagus nerve stimulation/ });
  await region.waitFor();
  const text = await region.innerText();
  assert.match(text, /As the source puts it\s+\$40,000–45,000 for surgery and device/);
  assert.match(text, /Price year\s+2012/);
  const cite = region.locator('.trd-cite').first();
  const target = await cite.getAttribute('href');
  assert.ok(await page.locator(target).count() === 1, 'the price cites a numbered source');
  assert.deepEqual(await axeViolations(page), [], 'no violations with the price box open');
  assertClean(problems);
});

test('an option\'s card opens everything about it: controlled and uncontrolled figures with their designs', async () => {
  const { page, problems } = await openStandalone(1440);
  await ready(page);
  const button = page.locator('.trd-card[data-option="rtms"] .trd-more');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const panel = page.locator('#trd0-detail-rtms');
  const text = await panel.innerText();
  assert.match(text, /Much better \(response\): 29\.3%.*compared with sham 10\.4%.*Meta-analysis of 29 double-blind sham-controlled RCTs/s);
  assert.match(text, /Much better \(response\): 58\.0 \(clinician CGI-S\).*Naturalistic multisite observational study.*tier C: uncontrolled/s);
  assert.match(text, /Cleared \(device\) \(2008\)/);
  assert.deepEqual(await axeViolations(page), [], 'no violations with an option open');
  await panel.screenshot({ path: `${ARTIFACTS}/detail-rtms-1440.png` });
  assertClean(problems);
});

for (const width of [1440, 360]) {
  test(`icon arrays at ${width} px: whole people beside the figure, out of 10, 100 or 1000`, async () => {
    const { page, problems } = await openStandalone(width);
    await ready(page);
    await page.getByRole('button', { name: 'People', exact: true }).click();
    const rtms = page.locator('.trd-icon-card[data-option="rtms"]');
    await rtms.waitFor();
    assert.match(await rtms.innerText(), /Standard 10 Hz rTMS: about 29 in 100 people got much better \(29\.3%\)\s+sham \(placebo\) treatment: about 10 in 100 people got much better \(10\.4%\)/);
    await page.getByLabel('Out of').selectOption('1000');
    assert.match(await rtms.innerText(), /293 in 1000 people got much better \(29\.3%\)/);
    await page.getByLabel('Out of').selectOption('10');
    assert.match(await rtms.innerText(), /about 3 in 10 people got much better \(29\.3%\)/);
    await page.getByLabel('Out of').selectOption('100');
    // Option and comparison side by side, and no icon under 8 px.
    const [option, comparison] = await rtms.locator('.trd-icon-figure').evaluateAll((els) =>
      els.map((e) => { const r = e.getBoundingClientRect(); return [Math.round(r.top), Math.round(r.left)]; }));
    assert.equal(option[0], comparison[0], 'side by side');
    const icon = await rtms.locator('svg rect:not([class*="bg"])').first().evaluate((r) => r.getBoundingClientRect().width);
    assert.ok(icon >= 8, `icons are ${icon}px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `icons-${width}.png`);
    assertClean(problems);
  });
}

test('the standalone page shows its first view before the program arrives, then the live widget takes over', async () => {
  let release;
  const held = new Promise((ok) => { release = ok; });
  const { page, problems } = await openStandalone(390, {
    height: 844,
    // The data file held back keeps the live widget from drawing (the program's files are
    // preloaded by the page, so holding them would hold the page's load too).
    beforeGoto: (p) => p.route('**/embed/trd-evidence.json', async (route) => { await held; await route.continue(); }),
  });
  // Before the live widget: the answer, the crisis line and the figures are there already.
  await assertFirstViewAnswers(page.locator('trd-evidence .trd-mount[data-prerendered]'));
  // The data arrives: the live widget replaces the first view, and it works.
  release();
  await ready(page);
  assert.equal(await page.locator('trd-evidence .trd-mount[data-prerendered]').count(), 0, 'the first view is gone');
  assert.equal(await page.locator('trd-evidence .trd-mount').count(), 1);
  await page.locator('trd-evidence .trd-fig-button').first().click();
  await page.locator('trd-evidence .trd-fig-details').waitFor();
  assertClean(problems);
});

test('an address that asks for another view does not show the first view meanwhile', async () => {
  const { page, problems } = await env.open('/?view=table', { width: 1280 });
  assert.equal(await page.locator('trd-evidence .trd-mount[data-prerendered]').count(), 0,
    'gone as soon as the loader runs');
  await ready(page);
  assert.equal(await page.locator('trd-evidence .trd-mount').count(), 1);
  assert.ok(await page.locator('trd-evidence .trd-table').first().isVisible(), 'the table, as the address asks');
  assertClean(problems);
});
