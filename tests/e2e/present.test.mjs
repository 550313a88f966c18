// Presenter mode: full screen, large type, a projector palette, options revealed with the
// keys a page at a time, every shown option on screen at 1280×720 and 1920×1080; Esc leaves
// and focus returns to "Present".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoProblems, ready, screenshot, useBrowser } from './lib/harness.mjs';

const env = useBrowser();

/** The smallest font size of any text shown in presenter mode, and whether every shown option
 * is on screen. */
const measure = (widget) => widget.locator('.trd-presenting').evaluate((article) => {
  let smallest = Infinity;
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const parent = walker.currentNode.parentElement;
    const r = parent.getBoundingClientRect();
    if (!walker.currentNode.textContent.trim() || r.width === 0 || parent.closest('svg, .trd-visually-hidden, [aria-hidden="true"]')) continue;
    const size = parseFloat(getComputedStyle(parent).fontSize);
    if (size < smallest) { smallest = size; window.__smallest = `${parent.className}: ${walker.currentNode.textContent.trim().slice(0, 30)}`; }
  }
  const last = [...article.querySelectorAll('.trd-card')].at(-1).getBoundingClientRect();
  return { smallest, fits: last.bottom <= innerHeight };
});

for (const [width, height] of [[1920, 1080], [1280, 720]]) {
  test(`presenter mode at ${width}×${height}: pages of options that fit, large type, keys, Esc`, async () => {
    const { page, problems } = await env.open('/', { width, height });
    const widget = page.locator('trd-evidence');
    await ready(page);
    const cards = () => widget.locator('.trd-card').count();
    assert.equal(await cards(), 16);
    const present = widget.getByRole('button', { name: /^Present/ });
    await present.click();
    await widget.locator('.trd-presenting').waitFor();
    assert.equal(await page.evaluate(() => document.fullscreenElement?.tagName), 'TRD-EVIDENCE', 'full screen');
    assert.equal(await cards(), 1, 'one option at first');
    assert.match(await widget.locator('.trd-present-hint').innerText(), /Option 1 of 16 · → next · ← back · Home, End · Esc/);
    assert.ok(!(await widget.locator('.trd-controls-area').isVisible()), 'controls are hidden');
    // Every page of options fits, whatever its options' names and comparison groups.
    for (let revealed = 1; revealed < 16; revealed++) {
      await page.keyboard.press('ArrowRight');
      const { smallest, fits } = await measure(widget);
      assert.ok(fits, `option ${revealed + 1}: every shown option on screen`);
      if (height >= 1080) assert.ok(smallest >= 24, `text at least 24 px (smallest ${smallest}px, ${await page.evaluate(() => window.__smallest)})`);
      if (revealed === 3) {
        assert.equal(await cards(), 4, 'a page of four');
        // Each bar ends where its figure does, never past the card's rule.
        const overshoots = await widget.locator('.trd-answers').evaluate((list) => [...list.querySelectorAll('.trd-fig')].flatMap((figure) => {
          const [outer, bars] = [figure.getBoundingClientRect(), figure.querySelector('.trd-fig-bars svg')?.getBoundingClientRect()];
          return bars && (bars.left < outer.left - 0.5 || bars.right > outer.right + 0.5) ? [`${figure.closest('.trd-card').dataset.option}: bars ${Math.round(bars.left)}–${Math.round(bars.right)}, figure ${Math.round(outer.left)}–${Math.round(outer.right)}`] : [];
        }));
        assert.deepEqual(overshoots, []);
        await screenshot(page, `presenter-${width}.png`);
      }
      if (revealed === 4) assert.equal(await cards(), 1, 'the fifth option starts the next page');
    }
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await cards(), 4, 'back to the first page');
    await page.keyboard.press('End');
    assert.equal(await cards(), 4, 'End: the last page (options 13 to 16), all revealed');
    assert.match(await widget.locator('.trd-present-hint').innerText(), /Option 16 of 16/);
    await page.keyboard.press('Home');
    assert.match(await widget.locator('.trd-present-hint').innerText(), /Option 1 of 16/);
    await page.keyboard.press('Escape');
    await widget.locator('.trd-presenting').waitFor({ state: 'detached' });
    assert.equal(await cards(), 16, 'all options again');
    assert.equal(await page.evaluate(() => document.fullscreenElement), null);
    await page.waitForFunction(() => document.querySelector('trd-evidence').shadowRoot.activeElement?.classList.contains('trd-present-button'));
    assertNoProblems(problems);
  });
}
