// The standalone page, built by `trunk build --release`, as a reader sees it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, DIST, assertNoProblems as assertClean, axeViolations, focused, ready, renderAll, screenshot, useBrowser } from './lib/harness.mjs';

const env = useBrowser();

const openStandalone = (width, options) => env.open('/', { width, ...options });

for (const width of [1440, 360]) {
  describe(`standalone page at ${width} px`, () => {
    test('shows both charts with the headline figures and their provenance', async () => {
      const { page, context, problems } = await openStandalone(width);
      const charts = page.locator('.trd-chart-image');
      await ready(page);
      assert.equal(await charts.count(), 4, "response, remission, what it involves, what it costs");
      for (let i = 0; i < 4; i++) {
        const box = await charts.nth(i).boundingBox();
        assert.ok(box.width >= Math.min(300, width - 100) && box.height > 150, `chart ${i} is ${box.width}x${box.height}`);
        assert.ok(box.x >= 0 && box.x + box.width <= width, `chart ${i} fits the viewport`);
        // Drawn at the size it is shown, so its text is never scaled below its design size.
        const drawnWidth = Number(await charts.nth(i).locator('svg').first().getAttribute('width'));
        assert.ok(Math.abs(drawnWidth - box.width) <= 8, `chart ${i} drawn ${drawnWidth}px wide, shown ${box.width}px`);
      }
      // Off-screen lists skip rendering until scrolled to (content-visibility), and innerText
      // leaves out what is not rendered: render everything, as scrolling through would.
      await renderAll(page);
      const text = await page.locator('article.trd-evidence').innerText();
      for (const figure of ['69.3%', '29.3%', '46%', '41.2%', '15.2%', '27.1% (91/336)', '18.6%', '48.0% (281/585)', '15.8% (32/202)']) {
        assert.ok(text.includes(figure), `the page shows ${figure}`);
      }
      assert.match(text, /These are not head-to-head results\./);
      assert.match(text, /Remission: not reported/);
      assert.match(text, /People \(n\)\s+1,371/);
      assert.match(text, /Evidence last reviewed 2026-11-21/);
      assert.match(text, /What it involves/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
      if (width >= 1200) {
        // Panels side by side (same top) have their charts start level, so options line up.
        const tops = await page.locator('.trd-panel').evaluateAll((els) => els.map((e) => [
          Math.round(e.getBoundingClientRect().top), Math.round(e.querySelector('.trd-chart').getBoundingClientRect().top)]));
        const rows = new Map();
        for (const [panelTop, chartTop] of tops) rows.set(panelTop, [...(rows.get(panelTop) ?? []), chartTop]);
        assert.ok(rows.size <= 2, `at most two rows of panels (${JSON.stringify(tops)})`);
        for (const chartTops of rows.values()) {
          assert.ok(chartTops.length >= 2, `no panel alone on its row (${JSON.stringify(tops)})`);
          assert.equal(new Set(chartTops).size, 1, `side-by-side charts start level (${JSON.stringify(tops)})`);
        }
      }
      await screenshot(page, `standalone-${width}.png`);
      assertClean(problems);
      await context.close();
    });
  });
}

test('axe-core finds no accessibility violations on the standalone page', async () => {
  const { page, context, problems } = await openStandalone(1440);
  await ready(page);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, []);
  assertClean(problems);
  await context.close();
});

test('the reader can sort by remission with the keyboard', async () => {
  const { page, context } = await openStandalone(1440);
  await ready(page);
  await page.getByLabel('Sort by').focus();
  await page.getByLabel('Sort by').selectOption('remission');
  const first = await page.locator('.trd-option').first().getAttribute('data-option');
  assert.equal(first, 'snt', 'SNT has the highest remission headline (50.0%)');
  const names = await page.locator('.trd-option .trd-heading').allTextContents();
  assert.equal(names.at(-1), 'Intermittent theta-burst stimulation', 'not reported sorts last');
  await context.close();
});

test('a broken data file shows which field to fix, inside the widget', async () => {
  const good = JSON.parse(readFileSync(join(DIST, 'embed', 'trd-evidence.json'), 'utf8'));
  good.options[2].findings[0].value.percent = 129.3;
  good.citations[0].url = 'javascript:alert(1)';
  const { page, context, problems } = await openStandalone(1440, {
    beforeGoto: (p) =>
      p.route('**/trd-evidence.json', (route) =>
        route.fulfill({ contentType: 'application/json', body: JSON.stringify(good) })),
  });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const text = await alert.innerText();
  assert.match(text, /options\[2\]\.findings\[0\]\.value\.percent: a percentage must be between 0 and 100, found 129\.3/);
  assert.match(text, /citations\[0\]\.url: links must start with https:\/\/ or http:\/\//);
  assert.equal(await page.locator('.trd-chart').count(), 0, 'no chart from bad data');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a network failure says so and "Try again" recovers', async () => {
  let calls = 0;
  const { page, context, problems } = await openStandalone(1440, {
    beforeGoto: (p) =>
      p.route('**/trd-evidence.json', (route) => (++calls === 1 ? route.abort('internetdisconnected') : route.continue())),
  });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /could not be downloaded/);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.locator('.trd-chart svg').first().waitFor();
  assert.equal(calls, 2);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('release output has no dev-server reload script and no favicon request', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.ok(!/autoreload|__trunk_address__|WebSocket/.test(html), 'no Trunk reload script');
  assert.match(html, /<link rel="icon" href="data:,">/);
});

for (const width of [1440, 360]) {
  test(`the table view at ${width} px is reached by keyboard and passes axe`, async () => {
    const { page, context, problems } = await openStandalone(width);
    await ready(page);
    await page.getByRole('button', { name: 'Table' }).focus();
    await page.keyboard.press('Enter');
    const table = page.getByRole('table', { name: /^Headline response/ });
    await table.waitFor();
    assert.equal(await page.locator('.trd-chart').count(), 0, 'the table replaces the charts');
    assert.equal(await table.locator('tbody').count(), 16);
    assert.match(await table.locator('caption').innerText(), /not head-to-head/);
    const rtms = await table.locator('tbody[data-option="rtms"]').innerText();
    assert.match(rtms, /29\.3%/);
    assert.match(rtms, /sham 10\.4%; OR 3\.3; NNT 6/);
    const prices = page.getByRole('table', { name: /^What each option involves and what it costs/ });
    assert.match(await prices.locator('tr[data-option="vns"]').innerText(), /\$40,000–45,000 device and surgery\s+2012/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page itself does not scroll sideways (overflow ${overflow}px)`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `standalone-table-${width}.png`);
    assertClean(problems);
    await context.close();
  });
}

test('filtering by kind of treatment shows only those options, and says so when none match', async () => {
  const { page, context } = await openStandalone(1440);
  await ready(page);
  await page.getByLabel('Kind of treatment').selectOption('medication');
  assert.deepEqual(
    await page.locator('.trd-option').evaluateAll((els) => els.map((e) => e.dataset.option)),
    ['med-switch', 'aug-antipsychotic', 'aug-lithium', 'med-combination'],
  );
  await page.getByLabel('How invasive').selectOption('1');
  await page.getByLabel('Kind of treatment').selectOption('convulsive-therapy');
  await page.getByRole('status').filter({ hasText: 'None of the chosen options matches' }).waitFor();
  await page.getByRole('button', { name: 'Show all kinds again' }).click();
  assert.equal(await page.locator('.trd-option').count(), 16);
  await context.close();
});

test('choosing options changes what is compared', async () => {
  const { page, context } = await openStandalone(1440);
  await ready(page);
  await page.getByText(/Choose options to compare/).click();
  for (const name of ['Switch antidepressant', 'Interpersonal therapy (evidence limited)']) {
    await page.getByRole('checkbox', { name }).uncheck();
  }
  assert.match(await page.locator('summary').innerText(), /14 of 16/);
  assert.equal(await page.locator('.trd-option').count(), 14);
  const svgText = await page.locator('.trd-chart-image').first().textContent();
  assert.ok(!svgText.includes('Switch antidepressant'), 'the chart drops the option');
  await context.close();
});

test('every chart row is a keyboard target that opens where the figure comes from', async () => {
  const { page, context, problems } = await openStandalone(1440);
  await ready(page);
  const hit = page.getByRole('button', { name: /^Standard 10 Hz rTMS: response 29\.3%/ });
  const box = await hit.boundingBox();
  assert.ok(box.height >= 24 && box.width >= 24, `target ${box.width}x${box.height}`);
  await hit.focus();
  await page.keyboard.press('Enter');
  const region = page.getByRole('region', { name: /response figure for Standard 10 Hz rTMS/ });
  await region.waitFor();
  // Focus moves into the box (it sits under the chart, often off screen), and so does the view.
  assert.equal(await focused(page, 'role'), 'region');
  const inView = await region.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; });
  assert.ok(inView, 'the opened box is scrolled into view');
  const text = await region.innerText();
  for (const part of ['29.3%', 'sham 10.4%; OR 3.3; NNT 6', 'Meta-analysis of 29 double-blind', '1,371', 'after about 13 sessions', 'Tier B']) {
    assert.ok(text.includes(part), `the provenance shows ${part}`);
  }
  assert.equal(await hit.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await axeViolations(page), [], 'no violations with the provenance open');
  await page.screenshot({ path: `${ARTIFACTS}/provenance-1440.png` });
  await region.getByRole('button', { name: 'Close' }).focus();
  await page.keyboard.press('Escape');
  await region.waitFor({ state: 'detached' });
  assert.equal((await focused(page, 'aria-label'))?.slice(0, 26),
    'Standard 10 Hz rTMS: respo', 'closing returns focus to the row that opened it');
  assertClean(problems);
  await context.close();
});

test('a price in the cost chart opens its source, year and what it covers', async () => {
  const { page, context, problems } = await openStandalone(1440);
  await ready(page);
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
  await context.close();
});

test('an option\'s detail panel shows controlled and uncontrolled figures side by side, with their designs', async () => {
  const { page, context, problems } = await openStandalone(1440);
  await ready(page);
  const button = page.locator('article[data-option="rtms"] .trd-more');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const panel = page.locator('#trd0-detail-rtms');
  const text = await panel.innerText();
  assert.match(text, /Response: 29\.3%.*compared with sham 10\.4%.*Meta-analysis of 29 double-blind sham-controlled RCTs/s);
  assert.match(text, /Response: 58\.0 \(clinician CGI-S\).*Naturalistic multisite observational study.*tier C: uncontrolled/s);
  assert.match(text, /Cleared \(device\) \(2008\)/);
  assert.deepEqual(await axeViolations(page), [], 'no violations with a detail panel open');
  await panel.screenshot({ path: `${ARTIFACTS}/detail-rtms-1440.png` });
  assertClean(problems);
  await context.close();
});

for (const width of [1440, 360]) {
  test(`icon arrays at ${width} px: out of 100, switchable to 10 and 1000`, async () => {
    const { page, context, problems } = await openStandalone(width);
    await ready(page);
    await page.getByRole('button', { name: 'Out of 100' }).click();
    const rtms = page.locator('.trd-icon-card[data-option="rtms"]');
    await rtms.waitFor();
    assert.match(await rtms.innerText(), /Standard 10 Hz rTMS: 29\.3 in 100\s+sham: 10\.4 in 100/);
    await page.getByLabel('Out of').selectOption('1000');
    assert.match(await rtms.innerText(), /293 in 1000/);
    await page.getByLabel('Out of').selectOption('10');
    assert.match(await rtms.innerText(), /2\.93 in 10/);
    await page.getByLabel('Out of').selectOption('100');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (overflow ${overflow}px)`);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `icons-${width}.png`);
    assertClean(problems);
    await context.close();
  });
}
