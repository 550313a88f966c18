// Presenter mode: full screen, large type, a projector palette, and options revealed with the
// arrow keys; Esc leaves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, ready, screenshot, useBrowser } from './lib/harness.mjs';

const env = useBrowser();

test('presenter mode goes full screen and steps through options with the keyboard', async () => {
  const { page, problems } = await env.open('/?options=rtms,ect,esketamine,iv-ketamine', { width: 1280, height: 800 });
  const widget = page.locator('trd-evidence');
  await ready(page);
  const rows = () => widget.locator('.trd-card').count();
  assert.equal(await rows(), 4);
  await widget.getByRole('button', { name: /^Present/ }).click();
  await widget.locator('.trd-presenting').waitFor();
  assert.equal(await page.evaluate(() => document.fullscreenElement?.tagName), 'TRD-EVIDENCE', 'full screen');
  assert.equal(await rows(), 1, 'one option at first');
  assert.match(await widget.locator('.trd-present-hint').innerText(), /Showing 1 of 4 options\. → next option · ← back · Esc/);
  const size = await widget.locator('.trd-presenting').evaluate((e) => getComputedStyle(e).fontSize);
  assert.equal(size, '24px', 'large type');
  const figure = await widget.locator('.trd-fig-value').first().evaluate((t) => parseFloat(getComputedStyle(t).fontSize));
  assert.ok(figure >= 30, `figures are large (${figure}px)`);
  assert.ok(!(await widget.locator('.trd-controls-area').isVisible()), 'controls are hidden');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await rows(), 3);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await rows(), 2);
  await screenshot(page, 'presenter-1280.png');
  await page.keyboard.press('Escape');
  await widget.locator('.trd-presenting').waitFor({ state: 'detached' });
  assert.equal(await rows(), 4, 'all options again');
  assert.equal(await page.evaluate(() => document.fullscreenElement), null);
  assertNoProblems(problems);
});
