// Languages: the widget speaks the page's language when it has it (Spanish here), or the one
// its lang attribute names, on a Spanish host page with the README's snippet, as one element of
// an English page, and in the iframe. No English interface string may show in a Spanish widget,
// and the figures are the English edition's, digit for digit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertNoProblems, axeViolations, ready, renderAll, screenshot, useBrowser } from './lib/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const env = useBrowser({ mounts: { '/hosts/': join(here, 'hosts') } });

/** A catalogue file's messages: key → text (core/src/words/<lang>.rs). */
function catalogue(lang) {
  const source = readFileSync(join(here, `../../core/src/words/${lang}.rs`), 'utf8');
  const messages = new Map();
  for (const [, key, text] of source.matchAll(/^ {4}([a-z0-9_]+): "((?:[^"\\]|\\.)*)",$/gm)) {
    // Rust's escapes: \u{a0}, \", \\, \n.
    messages.set(key, text.replace(/\\u\{([0-9a-fA-F]+)\}|\\(.)/g, (_, hex, ch) =>
      (hex ? String.fromCodePoint(parseInt(hex, 16)) : ch === 'n' ? '\n' : ch)));
  }
  return messages;
}

// The English interface's words that Spanish does not share: each message's text between its
// blanks, where it differs from the Spanish message, in pieces of at least four letters.
const english = catalogue('en');
const spanish = catalogue('es');
const SPANISH_TEXT = [...spanish.values()].join('\n');
function piecesOf(text) {
  return text.split(/\{[a-z_]+\}/)
    .map((piece) => piece.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((piece) => /\p{L}{4}/u.test(piece) && !SPANISH_TEXT.includes(piece));
}
const ENGLISH_PIECES = [...new Set([...english]
  .filter(([key, text]) => spanish.get(key) !== text)
  .flatMap(([, text]) => piecesOf(text)))];
const ENGLISH_NAMES = JSON.parse(readFileSync(join(here, '../../data/trd-evidence.json'), 'utf8'))
  .options.map((o) => o.name);

/** Everything a reader or a screen reader meets in a widget: its text and its labels, but the
 * sources (their list and the names of links to them), which stay as they were published. */
const readable = (root) => root.evaluate((node) => {
  const copy = node.cloneNode(true);
  copy.querySelector('.trd-citations')?.remove();
  node.parentNode.append(copy);
  const parts = [copy.innerText];
  copy.remove();
  for (const element of node.querySelectorAll('[aria-label], [title], [alt]')) {
    if (element.closest('.trd-citations') || element.matches('.trd-cite')) continue;
    parts.push(element.getAttribute('aria-label') ?? '', element.getAttribute('title') ?? '', element.getAttribute('alt') ?? '');
  }
  return parts.join('\n');
});

/** English words a Spanish reader would meet, by the piece of the catalogue or data they are. */
function englishIn(text) {
  const found = ENGLISH_PIECES.filter((piece) => new RegExp(`(^|[^\\p{L}])${piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u').test(text));
  return found.concat(ENGLISH_NAMES.filter((name) => text.includes(name)));
}

/** The rates shown, as numbers written with a point: "26,1 %" and "26.1%" both give 26.1. */
const rates = (text) => [...text.matchAll(/(\d+(?:[.,]\d+)?)\s?%/g)].map((m) => m[1].replace(',', '.')).sort();

async function openEverything(root) {
  for (const summary of await root.locator('summary').all()) {
    if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
  }
}

for (const width of [390, 1440]) {
  test(`a Spanish page with the README's snippet gets the widget in Spanish at ${width} px`, async () => {
    const { page, problems } = await env.open('/hosts/es.html', { width, height: 844 });
    await ready(page);
    const widget = page.locator('trd-evidence');
    assert.equal(await widget.locator('.trd-root').getAttribute('lang'), 'es');
    assert.equal(await widget.locator('.trd-root').getAttribute('dir'), 'ltr');
    await renderAll(page);
    const article = widget.locator('article.trd-evidence');
    await openEverything(article);
    const text = await readable(article);
    assert.deepEqual(englishIn(text), [], 'no English interface string');
    for (const part of ['Mucha mejoría', 'unas 29 de cada 100', '29,3\u00a0%', 'frente a tratamiento simulado (placebo): 10,4\u00a0%',
      'Traducción de la edición en inglés (versión 1.1.0, revisada el 30 de noviembre de 2026).', 'Línea 988']) {
      assert.ok(text.includes(part), `shows ${part}`);
    }
    assert.ok(problems.foreignRequests.length === 0 && env.server.requests.includes('/embed/trd-evidence.es.json'),
      'the Spanish edition of the bundled data');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, `language-es-${width}.png`);
    assertNoProblems(problems);
  });
}

test('one element asks for Spanish on an English page: both speak their own, with the same figures', async () => {
  const { page, problems } = await env.open('/hosts/mixed.html', { width: 1280, height: 2000 });
  await ready(page, 2);
  await renderAll(page);
  const [en, es] = [page.locator('#english'), page.locator('#spanish')];
  assert.equal(await en.locator('.trd-root').getAttribute('lang'), 'en');
  assert.equal(await es.locator('.trd-root').getAttribute('lang'), 'es');
  const spanishText = await readable(es.locator('article.trd-evidence'));
  const englishText = await readable(en.locator('article.trd-evidence'));
  assert.deepEqual(englishIn(spanishText), []);
  assert.ok(englishText.includes('Much better') && !englishText.includes('Mucha mejoría'));
  const [ours, theirs] = [rates(englishText), rates(spanishText)];
  assert.ok(ours.length >= 12, `${ours.length} rates`);
  assert.deepEqual(theirs, ours, 'the same rates, digit for digit');
  // The CSV downloads in the widget's language.
  await es.locator('summary', { hasText: 'Compartir' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    es.getByRole('button', { name: /CSV/ }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^id_opcion,opcion,medida,/);
  // And the pictures for slides, the chart and the 16:9 slide: their words in Spanish,
  // their figures the same.
  for (const name of ['Descargar el gráfico (SVG)', 'Descargar la diapositiva (SVG)']) {
    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      es.getByRole('button', { name }).click(),
    ]);
    const svg = readFileSync(await svgDownload.path(), 'utf8');
    const svgText = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      doc.querySelectorAll('[data-part="sources"], .trd-export-sources').forEach((e) => e.remove());
      return doc.documentElement.textContent;
    }, svg);
    assert.ok(svgText.includes('29,3\u00a0%'), `${name}: Spanish notation in the picture`);
    assert.deepEqual(englishIn(svgText.split(/Fuentes/)[0]), [], `${name}: no English words before the sources`);
  }
  assert.deepEqual(await axeViolations(page), []);
  assertNoProblems(problems);
});

test('the iframe with lang=es is in Spanish, page and widget', async () => {
  const { page, problems } = await env.open('/hosts/iframe-es.html', { width: 1024 });
  const frame = page.frameLocator('iframe[data-trd-evidence-frame]');
  await frame.locator('.trd-card svg').first().waitFor({ timeout: 20000 });
  assert.equal(await frame.locator('html').getAttribute('lang'), 'es');
  assert.equal(await frame.locator('.trd-root').getAttribute('lang'), 'es');
  const text = await readable(frame.locator('article.trd-evidence'));
  assert.deepEqual(englishIn(text), []);
  assert.ok(text.includes('29,3\u00a0%'));
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'language-iframe-es.png');
  assertNoProblems(problems);
});

test('an English widget on an Arabic page says it is English', async () => {
  const { page, problems } = await env.open('/hosts/rtl.html', { width: 390 });
  await ready(page);
  const root = page.locator('trd-evidence .trd-root');
  assert.deepEqual([await root.getAttribute('lang'), await root.getAttribute('dir')], ['en', 'ltr']);
  assertNoProblems(problems);
});

test('the standalone page switches language from its address, and the link keeps it', async () => {
  const { page, problems } = await env.open('/?lang=es', { width: 1280 });
  await ready(page);
  await page.locator('trd-evidence').getByRole('button', { name: 'Tabla', exact: true }).click();
  await page.waitForFunction(() => location.search.includes('view=table'));
  assert.match(page.url(), /\?lang=es&view=table&v=1\.1\.0&reviewed=2026-11-30$/);
  assert.equal(await page.locator('trd-evidence .trd-root').getAttribute('lang'), 'es');
  await page.getByRole('link', { name: 'English' }).click();
  // The live widget (not the page's prerendered first view, which it replaces) speaks English.
  await page.locator('trd-evidence .trd-mount:not([data-prerendered]) .trd-root[lang="en"]').waitFor();
  assertNoProblems(problems);
});
