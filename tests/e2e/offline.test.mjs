// The offline copy: one HTML file that works opened from disk with the network cut.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { DIST, launch, ready, screenshot } from './lib/harness.mjs';

// A file page needs no server: only the browser, closed whatever happens.
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the single-file copy opened from disk works with no network', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
  const requests = [];
  const errors = [];
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url().slice(0, 60)));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`file://${join(DIST, 'trd-evidence-offline.html')}`);
  const widget = page.locator('trd-evidence');
  await ready(page);
  assert.equal(await widget.locator('.trd-card').count(), 16);
  assert.ok(await widget.locator('.trd-card .trd-fig-bars svg').count() >= 16, 'the figures are drawn');
  const text = await widget.locator('article.trd-evidence').innerText();
  for (const part of ['29.3%', 'about 29 in 100', 'vs sham (placebo) treatment: 10.4%', 'do not compare the options directly', 'Evidence last reviewed 2026-11-30']) {
    assert.ok(text.includes(part), `the offline copy shows ${part}`);
  }
  // Styles came along: the widget has its white card and the charts their colours.
  assert.equal(await widget.locator('article.trd-evidence').evaluate((e) => getComputedStyle(e).backgroundColor), 'rgb(255, 255, 255)');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), [], 'nothing but the file itself');
  assert.deepEqual(errors, []);
  await screenshot(page, 'offline-1280.png');
  // Both languages are inside: the Spanish link opens the Spanish edition, still from disk.
  await page.getByRole('link', { name: 'Español' }).click();
  await widget.locator('.trd-root[lang="es"] .trd-card').first().waitFor();
  const spanish = await widget.locator('article.trd-evidence').innerText();
  assert.ok(spanish.includes('29,3\u00a0%') && spanish.includes('Traducción de la edición en inglés'), 'the Spanish edition');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:')), []);
  assert.deepEqual(errors, []);
  await context.close();
});
