// Slides and real sites: a reveal.js 5 deck (the compact widget fits its slide; keys in the
// widget do not move the deck; presenter mode steps without fighting it; Esc does not open the
// overview), pages built with Bootstrap 5 and WordPress's block CSS (npm packages, served on
// loopback), the theming properties in every embed form, and the 16:9 slide export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNoProblems, axeViolations, openCharts, ready, screenshot, useBrowser } from './lib/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const env = useBrowser({ mounts: { '/hosts/': join(here, 'hosts'), '/vendor/': join(here, 'node_modules') } });

const deck = (page) => page.evaluate(() => ({ slide: Reveal.getIndices().h, overview: Reveal.isOverview() }));

test('in a reveal.js deck: the compact widget fits its slide, keys stay in the widget, presenter mode and Esc do not move the deck', async () => {
  const { page, problems } = await env.open('/hosts/reveal.html', { width: 1280, height: 800 });
  await page.waitForFunction(() => window.Reveal?.isReady());
  await page.evaluate(() => Reveal.slide(1));
  await ready(page, 1);
  const compact = page.locator('#compact');
  await compact.locator('.trd-card').first().waitFor();
  assert.equal(await compact.locator('.trd-card').count(), 4);
  assert.equal(await compact.locator('.trd-controls-area').count(), 0, 'no controls');
  // Laid out in the slide's own 960×700 pixels (reveal scales the slide as a whole).
  const box = await page.evaluate(() => {
    const slide = document.querySelector('.slides > section.present');
    const widget = document.getElementById('compact');
    return { slide: slide.offsetHeight, widget: widget.offsetHeight, width: widget.offsetWidth };
  });
  assert.ok(box.widget + 80 <= 700 && box.width <= 960, `the compact widget is ${box.width}×${box.widget} in a 960×700 slide`);
  await page.waitForTimeout(1000); // the slide transition
  const placed = await page.evaluate(() => {
    const r = document.getElementById('compact').getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, screen: innerHeight };
  });
  assert.ok(placed.top >= 0 && placed.bottom <= placed.screen, `the widget is on screen: ${placed.top}..${placed.bottom}`);
  await page.screenshot({ path: join(here, 'artifacts', 'reveal-compact-slide.png') });
  // Slide 3: the full widget. An arrow in its sort select changes the sort, not the slide.
  await page.evaluate(() => Reveal.slide(2));
  const full = page.locator('#full');
  await full.locator('.trd-card').first().waitFor();
  const sort = full.getByLabel('Sort by');
  await sort.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await sort.inputValue(), 'response', 'the select took the arrow');
  assert.deepEqual(await deck(page), { slide: 2, overview: false }, 'the deck did not move');
  // Space on a button presses it and does not advance the deck.
  await full.getByRole('button', { name: 'People', exact: true }).focus();
  await page.keyboard.press(' ');
  assert.equal(await full.getByRole('button', { name: 'People', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.deepEqual(await deck(page), { slide: 2, overview: false });
  await full.getByRole('button', { name: 'Chart', exact: true }).click();
  // Presenter mode: its steps are the widget's; Esc leaves it once and does not open reveal's overview.
  await full.getByRole('button', { name: /^Present/ }).click();
  await full.locator('.trd-presenting').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await full.locator('.trd-card').count(), 3);
  assert.deepEqual(await deck(page), { slide: 2, overview: false }, 'the deck stayed on its slide');
  await page.keyboard.press('Escape');
  await full.locator('.trd-presenting').waitFor({ state: 'detached' });
  assert.deepEqual(await deck(page), { slide: 2, overview: false }, 'Esc did not open the overview');
  assertNoProblems(problems);
});

for (const [name, path] of [['Bootstrap 5', '/hosts/bootstrap.html'], ['WordPress block CSS', '/hosts/wordpress.html']]) {
  for (const width of [1280, 390]) {
    test(`a site built with ${name} at ${width} px keeps the widget whole`, async () => {
      const { page, problems } = await env.open(path, { width });
      await ready(page);
      const root = await page.locator('trd-evidence .trd-root').first().evaluate((e) => {
        const s = getComputedStyle(e);
        return { size: s.fontSize, line: s.lineHeight };
      });
      assert.deepEqual(root, { size: '16px', line: '24px' }, 'host CSS does not reach inside');
      const button = await page.locator('trd-evidence .trd-fig-button').first().boundingBox();
      assert.ok(button.width >= 120 && button.height >= 44, `a figure is ${button.width}×${button.height}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, `host-${path.includes('bootstrap') ? 'bootstrap' : 'wordpress'}-${width}.png`);
      assertNoProblems(problems);
    });
  }
}

test('the theming properties reach the text, the charts and the buttons in the element, the div and the iframe', async () => {
  const { page, problems } = await env.open('/hosts/bootstrap.html', { width: 1280 });
  await ready(page, 2);
  const main = page.locator('#main');
  assert.match(await main.locator('.trd-fig-value').first().evaluate((e) => getComputedStyle(e).fontFamily), /Georgia/);
  await openCharts(page, '#main');
  assert.match(await main.locator('.trd-chart svg text').first().evaluate((e) => getComputedStyle(e).fontFamily), /Georgia/,
    'chart text follows --trd-font');
  const accent = await page.locator('#side .trd-compact-more .trd-more').evaluate((e) => getComputedStyle(e).color);
  assert.equal(accent, 'rgb(107, 44, 145)', 'the div form takes --trd-accent');
  assertNoProblems(problems);
  const frame = await env.open('/embed/embed.html?options=rtms,ect&trd-accent=%236b2c91&trd-font=Georgia,serif', { width: 1024 });
  await ready(frame.page);
  const framed = frame.page.locator('trd-evidence');
  assert.equal(await framed.locator('.trd-more').first().evaluate((e) => getComputedStyle(e).color), 'rgb(107, 44, 145)');
  assert.match(await framed.locator('.trd-fig-value').first().evaluate((e) => getComputedStyle(e).fontFamily), /Georgia/);
  assertNoProblems(frame.problems);
});

test('compact: four options with one outcome, each with its source, are at most 500 px tall at 1280 px, and one link opens the rest', async () => {
  const { page, problems } = await env.open('/hosts/compact.html', { width: 1280 });
  await ready(page);
  const widget = page.locator('trd-evidence');
  const height = await widget.evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(height <= 500, `${height}px tall`);
  const text = await widget.locator('article').innerText();
  assert.match(text, /The studies differ, so the figures do not compare the options directly\./);
  assert.ok(!/Well again/.test(text), 'only the chosen outcome');
  // Each figure still says who found it, on the slide itself.
  const sources = await widget.locator('.trd-fig').evaluateAll((figures) => figures.map((figure) => {
    const source = figure.querySelector('.trd-fig-source');
    return source?.checkVisibility() ? source.innerText.trim() : '';
  }));
  assert.equal(sources.length, 4);
  assert.ok(sources.every((s) => /\d{4}/.test(s)), sources.join(' | '));
  assert.ok(sources.some((s) => s.includes('Berlim 2013')), sources.join(' | '));
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'compact-1280.png');
  await widget.getByRole('button', { name: 'Sources, study details and more' }).click();
  await widget.locator('.trd-controls-area').waitFor();
  assert.ok(await widget.locator('summary', { hasText: /^Sources/ }).isVisible(), 'the sources, one tap away');
  assertNoProblems(problems);
});

test('slides download at 1920×1080 and 1280×720, one slide of four options at a time', async () => {
  const { page, problems } = await env.open('/?options=rtms,ect,esketamine,iv-ketamine,vns,dbs', { width: 1280 });
  await ready(page);
  const widget = page.locator('trd-evidence');
  await widget.locator('summary', { hasText: 'Share' }).click();
  const [size, which] = [widget.locator('.trd-slides select').nth(0), widget.locator('.trd-slides select').nth(1)];
  for (const [value, width, height] of [['0', 1920, 1080], ['1', 1280, 720]]) {
    await size.selectOption(value);
    await which.selectOption('1');
    const [png] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: 'Download the slide (PNG)' }).click()]);
    assert.equal(png.suggestedFilename(), `trd-evidence-1.1.0-slide-2-of-2-${width}x${height}.png`);
    const bytes = readFileSync(await png.path());
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [width, height]);
    const [svg] = await Promise.all([page.waitForEvent('download'), widget.getByRole('button', { name: 'Download the slide (SVG)' }).click()]);
    const text = readFileSync(await svg.path(), 'utf8');
    const sizes = [...text.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]) * width / 1920);
    assert.ok(Math.min(...sizes) >= 28 * width / 1920, `smallest text ${Math.min(...sizes)}px on a ${width}-wide slide`);
    if (width === 1920) {
      await page.setViewportSize({ width: 1920, height: 1080 });
      const look = await env.open('/hosts/plain.html', { width: 1920, height: 1080 });
      await look.page.setContent(`<body style="margin:0"><img src="data:image/png;base64,${bytes.toString('base64')}"></body>`);
      await screenshot(look.page, 'slide-2-1920.png');
    }
  }
  assertNoProblems(problems);
});
