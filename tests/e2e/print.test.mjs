// Printing the standalone page gives a handout of at most two pages (A4 and Letter) in type of
// 9 pt or more: the crisis line and questions for a clinician, a compact chart, the table of
// figures with their comparison groups, tiers, people, timepoints and sources, the sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { ARTIFACTS, ready, useBrowser } from './lib/harness.mjs';

const env = useBrowser();

const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** Every font size the PDF's page contents set (`12 Tf`), in points. Chromium writes them in
 * CSS pixels under a 0.75 page transform, so a size of 12 is 9 pt. */
function fontSizes(pdf) {
  const text = pdf.toString('latin1');
  const sizes = new Set();
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    let content;
    try {
      content = inflateSync(pdf.subarray(start, text.indexOf('endstream', start))).toString('latin1');
    } catch {
      continue; // not a compressed content stream (an image, a font)
    }
    for (const size of content.matchAll(/([\d.]+)\s+Tf\b/g)) sizes.add(Number(size[1]) * 0.75);
  }
  return [...sizes];
}

test('printing gives at most two pages on A4 and on Letter, 9 pt and up, crisis line and questions first', async () => {
  const { page } = await env.open('/', { width: 1280 });
  const widget = page.locator('trd-evidence');
  await ready(page);
  // Before printing the handout and the sources are not built at all (the first render is the
  // comparison alone); printing builds them.
  assert.equal(await widget.locator('.trd-handout').count(), 0);
  await page.emulateMedia({ media: 'print' });
  await widget.locator('.trd-handout tbody tr').first().waitFor();
  assert.equal(await widget.locator('.trd-handout tbody tr').count(), 16);
  assert.equal(await widget.locator('.trd-handout-chart li').count(), 16, 'the compact chart');
  const handout = await widget.locator('.trd-handout').innerText();
  assert.match(handout, /^Need help now\?.*988/s, 'the crisis line first');
  assert.match(handout, /Questions to ask a clinician/);
  assert.ok(!(await widget.locator('.trd-controls-area').isVisible()), 'no controls on paper');
  assert.ok(await widget.locator('.trd-citations').isVisible());
  assert.match(await widget.locator('.trd-disclaimer').innerText(), /not medical advice/);
  const row = await widget.locator('.trd-handout tbody tr', { hasText: 'Standard 10 Hz rTMS' }).innerText();
  assert.match(row, /29\.3% vs sham \(placebo\) treatment: 10\.4%/);
  assert.match(row, /tier B; n 1,371/);
  assert.ok(!/under each figure/.test(await widget.locator('article').innerText()), 'no words about what paper does not show');
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format });
    writeFileSync(join(ARTIFACTS, `handout-${format}.pdf`), pdf);
    assert.ok(pages(pdf) <= 2, `${format}: ${pages(pdf)} pages`);
    const sizes = fontSizes(pdf);
    assert.ok(sizes.length > 0, 'font sizes read from the PDF');
    assert.ok(Math.min(...sizes) >= 9, `${format}: the smallest type is ${Math.min(...sizes)} pt`);
  }
  // The handout is print-only.
  await page.emulateMedia({ media: 'screen' });
  await widget.locator('.trd-handout').waitFor({ state: 'detached' });
});
