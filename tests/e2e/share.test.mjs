// Sharing and exports on the standalone page: the address keeps the view, a link restores it,
// and the downloads (CSV, SVG, PNG) hold what the reader sees, with the dataset's version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertNoProblems, ready, screenshot, useBrowser } from './lib/harness.mjs';

const env = useBrowser();

const widget = (page) => page.locator('trd-evidence');

/** Opens a folded section of the widget by its summary's words. */
async function unfold(page, name) {
  const summary = widget(page).locator('summary', { hasText: name });
  if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
}

test('the address keeps the view, and opening it restores exactly that view', async () => {
  const { page, context, problems } = await env.open(`/`, { width: 1280 });
  await ready(page);
  await widget(page).getByLabel('Sort by').selectOption('remission');
  await unfold(page, 'Customise');
  await widget(page).getByLabel('How invasive').selectOption('2');
  await widget(page).getByRole('button', { name: 'People', exact: true }).click();
  await widget(page).locator('.trd-icons select').nth(1).selectOption('1000');
  await page.waitForFunction(() => location.search.includes('denominator=1000'));
  const url = page.url();
  assert.match(url, /sort=remission/);
  assert.match(url, /view=icons/);
  assert.match(url, /invasive=2/);
  assert.match(url, /v=1\.1\.0&reviewed=2026-11-30/, 'the link carries the dataset version');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await unfold(page, 'Share');
  await widget(page).getByRole('button', { name: 'Copy link to this view' }).click();
  await widget(page).getByText('The link was copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  assertNoProblems(problems);
  await context.close();

  const restored = await env.open(url, { width: 1280 });
  const w = widget(restored.page);
  await w.locator('.trd-icons').waitFor();
  assert.equal(await w.getByLabel('Sort by').inputValue(), 'remission');
  assert.equal(await w.getByLabel('How invasive').inputValue(), '2');
  assert.equal(await w.getByRole('button', { name: 'People', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await w.locator('.trd-icons select').nth(1).inputValue(), '1000');
  assert.equal(restored.page.url(), url, 'the restored view writes the same address');
  assertNoProblems(restored.problems);
  await restored.context.close();
});

test('a link made with another dataset version says so', async () => {
  const { page, context } = await env.open(`/?sort=name&v=0.9.0&reviewed=2026-01-05`, { width: 1280 });
  await widget(page).getByText(/This link was made with version 0\.9\.0/).waitFor();
  await context.close();
});

test('the data downloads as CSV with one row per finding and its sources', async () => {
  const { page, context, problems } = await env.open(`/?options=rtms,ect,esketamine`, { width: 1280 });
  await ready(page);
  await unfold(page, 'Share');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    widget(page).getByRole('button', { name: 'Download the data (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'trd-evidence-1.1.0-findings.csv');
  const csv = readFileSync(await download.path(), 'utf8');
  const data = JSON.parse(readFileSync(new URL('../../data/trd-evidence.json', import.meta.url), 'utf8'));
  const findings = data.options.filter((o) => ['rtms', 'ect', 'esketamine'].includes(o.id)).reduce((n, o) => n + o.findings.length, 0);
  const rows = csv.trim().split('\r\n');
  assert.equal(rows.length, 1 + findings, 'a header and one row per finding');
  assert.match(rows[0], /^option_id,option,metric,/);
  assert.ok(csv.includes('29.3%') && csv.includes('1.1.0,2026-11-30'));
  assertNoProblems(problems);
  await context.close();
});

test('the chart downloads as SVG and as a 2x PNG, with title, note, figures and sources', async () => {
  const { page, context, problems } = await env.open(`/?options=rtms,ect,esketamine,vns`, { width: 1280 });
  await ready(page);
  await unfold(page, 'Share');
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    widget(page).getByRole('button', { name: 'Download the chart (SVG)' }).click(),
  ]);
  const svg = readFileSync(await svgDownload.path(), 'utf8');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return { error: doc.querySelector('parsererror')?.textContent ?? null, name: root.nodeName,
      width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')), text: root.textContent };
  }, svg);
  assert.equal(parsed.error, null, 'the SVG parses');
  assert.equal(parsed.name, 'svg');
  for (const part of ['Treatment-resistant depression', 'do not compare the options directly', 'Standard 10 Hz rTMS', '29.3%',
    'Vagus nerve stimulation', '$40,000–45,000', 'version 1.1.0', 'Sources']) {
    assert.ok(parsed.text.includes(part), `the SVG shows ${part}`);
  }
  const [pngDownload] = await Promise.all([
    page.waitForEvent('download'),
    widget(page).getByRole('button', { name: 'Download the chart (PNG)' }).click(),
  ]);
  const png = readFileSync(await pngDownload.path());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.deepEqual([w, h], [parsed.width * 2, parsed.height * 2], 'twice the SVG size, for slides');
  // Not blank: draw it and count pixels that are not white.
  const inked = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 600) dark++;
    return dark / (img.width * img.height);
  }, png.toString('base64'));
  assert.ok(inked > 0.01, `the PNG has ink on ${(inked * 100).toFixed(1)}% of its pixels`);
  await page.setViewportSize({ width: Math.min(parsed.width, 1600), height: 900 });
  // The page's own icon, so the browser does not ask the server for /favicon.ico.
  await page.setContent(`<link rel="icon" href="data:,"><img src="data:image/png;base64,${png.toString('base64')}" style="width:${parsed.width}px">`);
  await screenshot(page, 'export-png.png');
  assertNoProblems(problems);
  await context.close();
});
