// Printing the standalone page gives a one-page handout (A4 and Letter) of the current view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ready, useBrowser } from './lib/harness.mjs';

const env = useBrowser();

const pages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

test('printing the default view gives exactly one page on A4 and on Letter, with sources and disclaimer', async () => {
  const { page } = await env.open('/', { width: 1280 });
  const widget = page.locator('trd-evidence');
  await ready(page);
  // Before printing the handout and the sources are not built at all (the first render is the
  // comparison alone); printing builds them.
  assert.equal(await widget.locator('.trd-handout').count(), 0);
  await page.emulateMedia({ media: 'print' });
  await widget.locator('.trd-handout tbody tr').first().waitFor();
  // What is printed: the handout table of all 16 options, the sources and the disclaimer; no controls.
  assert.equal(await widget.locator('.trd-handout tbody tr').count(), 16);
  assert.ok(await widget.locator('.trd-handout').isVisible());
  assert.ok(!(await widget.locator('.trd-controls-area').isVisible()), 'no controls on paper');
  assert.ok(await widget.locator('.trd-citations').isVisible());
  assert.match(await widget.locator('.trd-disclaimer').innerText(), /not medical advice/);
  const row = await widget.locator('.trd-handout tbody tr', { hasText: 'Standard 10 Hz rTMS' }).innerText();
  assert.match(row, /29\.3% vs sham 10\.4%/);
  assert.match(row, /tier B; n 1,371/);
  for (const format of ['A4', 'Letter']) {
    const pdf = await page.pdf({ format });
    writeFileSync(join(ARTIFACTS, `handout-${format}.pdf`), pdf);
    assert.equal(pages(pdf), 1, `one ${format} page`);
  }
  // The handout is print-only.
  await page.emulateMedia({ media: 'screen' });
  await widget.locator('.trd-handout').waitFor({ state: 'detached' });
});
