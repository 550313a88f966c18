// A tired reader on a phone: the standalone page and a default embed at 390×844 and 320×640, read
// as they would be. The answer and the crisis line come first; every figure opens its study
// in place; every [n] brings its source into view; nothing overlaps or scrolls sideways.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNoProblems, axeViolations, focused, openCharts, ready, renderAll, screenshot, useBrowser } from './lib/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const env = useBrowser({ mounts: { '/hosts/': join(here, 'hosts') } });

// The embed as a clinic pastes it: a bare <trd-evidence> under the page's own heading.
const PAGES = [['standalone page', '/'], ['default element embed', '/hosts/default.html']];
const PHONES = [[390, 844], [320, 640]];

/** The top and bottom of the first element matching `selector` in the widget, in page pixels. */
const place = (page, selector) => page.locator('trd-evidence').locator(selector).first().evaluate((e) => {
  const r = e.getBoundingClientRect();
  return { top: r.top + scrollY, bottom: r.bottom + scrollY };
});

const inViewport = (locator) => locator.evaluate((e) => {
  const r = e.getBoundingClientRect();
  return r.top >= 0 && r.top < innerHeight && r.bottom > 0;
});

for (const [name, path] of PAGES) {
  for (const [width, height] of PHONES) {
    describe(`${name} at ${width}×${height}`, () => {
      test('the first screen answers with figures, the crisis line comes within two', async () => {
        const { page, problems } = await env.open(path, { width, height });
        await ready(page);
        const figure = await place(page, '.trd-fig-value');
        if (width >= 390) {
          assert.ok(figure.bottom <= height, `the first figure ends at ${figure.bottom}px, in the first ${height}px screen`);
        } else {
          // On the narrowest phone, within the widget's first screen: what the host puts
          // above it (its own heading and introduction) is the host's.
          const widget = await page.locator('trd-evidence').evaluate((e) => e.getBoundingClientRect().top + scrollY);
          assert.ok(figure.bottom - widget <= height,
            `the first figure ends ${figure.bottom - widget}px below the widget's top, in its first ${height}px screen`);
        }
        const crisis = await place(page, '.trd-crisis-top');
        assert.ok(crisis.top < 2 * height, `the crisis line starts at ${crisis.top}px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
        if (width === 390 && path === '/') {
          // The whole default view, every card rendered as a reader scrolling would see it.
          await renderAll(page);
          const total = await page.evaluate(() => document.documentElement.scrollHeight);
          console.log(`document height at ${width}×${height}: ${total}px (${(total / height).toFixed(1)} screens)`);
          assert.ok(total <= 6 * height, `the default view is ${total}px, at most 6 screens`);
        }
        assert.deepEqual(await axeViolations(page), []);
        await page.screenshot({ path: join(here, 'artifacts', `reader-${path === '/' ? 'page' : 'embed'}-${width}-first-screen.png`) });
        assertNoProblems(problems);
      });

      test('a tapped figure opens its study in view; its [n] brings the source into view and focus', async () => {
        const { page, problems } = await env.open(path, { width, height });
        await ready(page);
        const figure = page.locator('trd-evidence .trd-fig-button').first();
        await figure.click();
        const details = page.locator('trd-evidence .trd-fig-details');
        await details.waitFor();
        assert.ok(await inViewport(details), 'its details are in the viewport');
        assert.ok(await inViewport(figure), 'and so is the figure');
        assert.deepEqual(await axeViolations(page), [], 'a figure open');
        const cite = details.locator('.trd-cite').first();
        const target = (await cite.getAttribute('href')).slice(1);
        assert.match(await cite.getAttribute('aria-label'), /^Source \d+: \S/, 'named by its source');
        await cite.click();
        const source = page.locator(`trd-evidence [id="${target}"]`);
        await page.waitForFunction((id) => {
          let e = document.activeElement;
          while (e?.shadowRoot?.activeElement) e = e.shadowRoot.activeElement;
          return e?.id === id;
        }, target);
        assert.equal(await focused(page, 'id'), target, 'the source has focus');
        assert.ok(await inViewport(source), 'the source is in the viewport');
        assert.deepEqual(await axeViolations(page), [], 'the sources open');
        await screenshot(page, `reader-${path === '/' ? 'page' : 'embed'}-${width}-source.png`);
        assertNoProblems(problems);
      });

      test('no two labels of a chart touch, and the charts fit', async () => {
        const { page, problems } = await env.open(path, { width, height });
        await ready(page);
        await openCharts(page);
        const clashes = await page.locator('trd-evidence .trd-chart-image').evaluateAll((charts) => charts.flatMap((chart) => {
          const boxes = [...chart.querySelectorAll('svg text')].map((t) => [t.textContent, t.getBoundingClientRect()]);
          const found = [];
          for (let i = 0; i < boxes.length; i++) {
            const [ta, a] = boxes[i];
            if (a.right > chart.getBoundingClientRect().right + 1 || a.left < chart.getBoundingClientRect().left - 1) found.push(`${ta} leaves the chart`);
            for (let j = i + 1; j < boxes.length; j++) {
              const [tb, b] = boxes[j];
              const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
              if (!apart) found.push(`${ta} | ${tb}`);
            }
          }
          return found;
        }));
        assert.deepEqual(clashes, []);
        assert.deepEqual(await axeViolations(page), [], 'the charts open');
        assertNoProblems(problems);
      });
    });
  }
}

for (const width of [360, 768, 1024]) {
  test(`no chart label touches another at ${width} px`, async () => {
    const { page } = await env.open('/', { width, height: 900 });
    await ready(page);
    await openCharts(page);
    const clashes = await page.locator('trd-evidence .trd-chart-image svg').evaluateAll((svgs) => svgs.flatMap((svg) => {
      const boxes = [...svg.querySelectorAll('text')].map((t) => t.getBoundingClientRect());
      return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) =>
        !(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top)).map(() => i));
    }));
    assert.deepEqual(clashes, []);
  });
}

test('the standalone page follows dark mode around the widget', async () => {
  const { page } = await env.open('/', { width: 390, height: 844, beforeGoto: (p) => p.emulateMedia({ colorScheme: 'dark' }) });
  await ready(page);
  const [pageBg, widgetBg] = await page.evaluate(() => [
    getComputedStyle(document.body).backgroundColor,
    getComputedStyle(document.querySelector('trd-evidence').shadowRoot.querySelector('.trd-evidence')).backgroundColor,
  ]);
  assert.equal(widgetBg, 'rgb(21, 24, 28)');
  assert.notEqual(pageBg, 'rgb(246, 247, 249)', 'the page is not left light');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'reader-page-390-dark.png');
});

for (const [width, height] of [[320, 640], [390, 844], [768, 1024], [1440, 900]]) {
  test(`screenshots at ${width} px, for reading as a parent and as a psychiatrist`, async () => {
    const { page } = await env.open('/', { width, height });
    await ready(page);
    await page.screenshot({ path: join(here, 'artifacts', `reader-${width}-first-screen.png`) });
    await renderAll(page);
    await screenshot(page, `reader-${width}-full.png`);
  });
}

for (const [width, height] of [[390, 844], [1440, 900]]) {
  test(`every study at ${width} px: off at first, one tap shows a mark per study and the spread in words`, async () => {
    const { page, problems } = await env.open('/', { width, height });
    await ready(page);
    const widget = page.locator('trd-evidence');
    assert.equal(await widget.locator('.trd-studies').count(), 0, 'the cards start with the headline figures only');
    const toggle = widget.getByRole('button', { name: 'Every study' });
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const card = widget.locator('.trd-card[data-option="med-switch"]');
    const response = card.locator('.trd-fig[data-figure="response"] + .trd-studies, .trd-fig[data-figure="response"] .trd-studies').first();
    await response.waitFor();
    assert.match(await response.innerText(), /5 rates from 3 sources \(some give more than one\): from 13\.4% \(mirtazapine\) to 62\.4% \(switch to bupropion\)\./);
    assert.equal(await response.locator('svg circle, svg path, svg rect').count(), 5, 'one mark per rate');
    // Marks keep their size on a phone: a mark is at least 9 px across.
    const mark = await response.locator('svg circle').first().boundingBox();
    assert.ok(mark.width >= 9, `a mark is ${mark.width}px wide`);
    // The marks' 0% and 100% sit under the ends of the figure's bar (one scale for both).
    const bar = await card.locator('.trd-fig[data-figure="response"] .trd-fig-bars svg').boundingBox();
    const marks = await response.locator('.trd-studies-marks > svg').boundingBox();
    const [zero, hundred] = [marks.x, marks.x + marks.width];
    assert.ok(Math.abs(zero - bar.x) <= 2 && Math.abs(hundred - (bar.x + bar.width)) <= 2,
      `marks 0–100% at ${zero}–${hundred}, bar at ${bar.x}–${bar.x + bar.width}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px)`);
    await toggle.scrollIntoViewIfNeeded();
    await screenshot(page, `every-study-${width}.png`);
    assert.deepEqual(await axeViolations(page), []);
    assertNoProblems(problems);
  });
}

test('a shared link keeps "Every study": the address carries it and opening it shows the marks', async () => {
  const { page, problems } = await env.open('/', { width: 390, height: 844 });
  await ready(page);
  const toggle = page.locator('trd-evidence').getByRole('button', { name: 'Every study' });
  await toggle.click();
  await page.waitForFunction(() => location.search.includes('every-study=on'));
  const link = page.url();
  await toggle.click();
  await page.waitForFunction(() => !location.search.includes('every-study'));

  const { page: opened, problems: openedProblems } = await env.open(link, { width: 390, height: 844 });
  await ready(opened);
  const widget = opened.locator('trd-evidence');
  assert.equal(await widget.getByRole('button', { name: 'Every study' }).getAttribute('aria-pressed'), 'true');
  await widget.locator('.trd-card[data-option="med-switch"] .trd-studies').first().waitFor();
  assert.ok(await widget.locator('.trd-every-study-key').isVisible(), 'the key to the marks shows with them');
  assertNoProblems(problems);
  assertNoProblems(openedProblems);
});
