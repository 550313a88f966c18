// Runs after `trunk build`: gathers what a host page needs into dist/embed/ under stable names,
// and makes dist/index.html load the widget exactly as a host page does (one module script, no
// inline script), so the standalone page works under the same strict CSP.
//
//   dist/embed/trd-evidence.js          the loader a host includes (src/web/trd-evidence.js, with
//                                       src/web/first-view.js written in)
//   dist/embed/trd-evidence-core.js     wasm-bindgen's glue, built by Trunk
//   dist/embed/trd-evidence-core.wasm   the widget, built by Trunk (wasm-opt -Oz)
//   dist/embed/trd-evidence.css         the widget's styles (src/styles/widget.css)
//   dist/embed/trd-evidence.json        the bundled dataset (data/trd-evidence.json)
//   dist/embed/trd-evidence.es.json     its Spanish edition (data/trd-evidence.es.json)
//   dist/embed/trd-evidence.words.es.json  the interface's Spanish sentences (trd-evidence-words)
//   dist/embed/trd-evidence.first-view.LANG.html  a pasted element's first view by language
//                                       (trd-evidence-prerender), shown while the program loads
//   dist/embed/embed.html               the iframe page, with trd-evidence-frame.css
//   dist/embed/trd-evidence-resizer.js  the optional host-side iframe resizer
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = resolve(process.argv[2] ?? join(root, 'dist'));
const embed = join(dist, 'embed');
rmSync(embed, { recursive: true, force: true });
mkdirSync(embed);

renameSync(join(dist, 'trd-evidence.js'), join(embed, 'trd-evidence-core.js'));
renameSync(join(dist, 'trd-evidence_bg.wasm'), join(embed, 'trd-evidence-core.wasm'));
// The first views, one per language the prerender knows (the loader asks by language).
const firstViews = readdirSync(dist).filter((name) => /^trd-evidence\.first-view\.[a-z]+\.html$/.test(name));
if (!firstViews.includes('trd-evidence.first-view.en.html')) throw new Error('no English first view in dist/');
for (const name of ['trd-evidence.words.es.json', ...firstViews]) {
  renameSync(join(dist, name), join(embed, name));
}
// The scripts a host page loads, without their comments (a third of the loader's bytes): only
// whole-line ones, which cannot be inside a string here (none has a multi-line string).
const withoutComments = (text) => text
  .replace(/^[ \t]*\/\*\*(?:(?!\*\/)[\s\S])*\*\/[ \t]*\n/gm, '')
  .replace(/^[ \t]*\/\/.*\n/gm, '');
// The loader names the file its first views are in; they are written in at that line.
const withIncludes = (text) => text.replace(/^\/\/= (first-view\.js)\n/m, (_, name) => readFileSync(join(root, 'src/web', name), 'utf8'));
// The program's glue too (wasm-bindgen writes our doc comments into it).
for (const [from, to] of [
  [join(root, 'src/web/trd-evidence.js'), 'trd-evidence.js'],
  [join(root, 'src/web/trd-evidence-resizer.js'), 'trd-evidence-resizer.js'],
  [join(embed, 'trd-evidence-core.js'), 'trd-evidence-core.js'],
]) {
  const shipped = withoutComments(withIncludes(readFileSync(from, 'utf8')));
  if (/^\/\/= /m.test(shipped) || (to === 'trd-evidence.js' && !shipped.includes('function fitToSettings('))) {
    throw new Error(`${from}: an included file was not written in`);
  }
  // A multi-line template string (a line with an odd number of backticks left after the
  // comments went) could have held a line that looked like a comment: refuse to ship it.
  if (shipped.split('\n').some((line) => (line.match(/\x60/g) ?? []).length % 2 === 1)) {
    throw new Error(`${from}: a multi-line string; comments cannot be taken out by lines`);
  }
  writeFileSync(join(embed, to), shipped);
}
// The stylesheets without their comments (over a quarter of their compressed bytes). Read
// character by character, so a `/*` inside a quoted string stays.
const cssWithoutComments = (css) => {
  let out = '';
  let quote = null;
  for (let i = 0; i < css.length; i += 1) {
    const c = css[i];
    if (quote) {
      out += c;
      if (c === '\\') out += css[(i += 1)] ?? '';
      else if (c === quote) quote = null;
    } else if (c === '/' && css[i + 1] === '*') {
      const end = css.indexOf('*/', i + 2);
      i = end < 0 ? css.length : end + 1;
      // A comment between two words parts them, as a space would (`a/**/b` is not `ab`).
      if (/\S/.test(out.at(-1) ?? ' ') && /\S/.test(css[i + 1] ?? ' ')) out += ' ';
    } else {
      if (c === '"' || c === "'") quote = c;
      out += c;
    }
  }
  // The lines a comment filled are left blank: dropped.
  return out.replace(/^[ \t]*\n/gm, '');
};
for (const [from, to] of [
  ['src/web/trd-evidence-frame.css', 'trd-evidence-frame.css'],
  ['src/styles/widget.css', 'trd-evidence.css'],
]) {
  writeFileSync(join(embed, to), cssWithoutComments(readFileSync(join(root, from), 'utf8')));
}
for (const [from, to] of [
  ['src/web/embed.html', 'embed.html'],
  ['data/trd-evidence.json', 'trd-evidence.json'],
  ['data/trd-evidence.es.json', 'trd-evidence.es.json'],
]) {
  copyFileSync(join(root, from), join(embed, to));
}

// Trunk injects an inline module script (and preloads) that starts the wasm from the page;
// the loader does that instead, for the standalone page as for any host.
const indexPath = join(dist, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const cleaned = html
  .replace(/<script type="module">[\s\S]*?TrunkApplicationStarted[\s\S]*?<\/script>/, '')
  .replace(/<link rel="modulepreload" href="(?!embed\/)[^>]*>/g, '')
  .replace(/<link rel="preload" href="(?!embed\/)[^>]*as="fetch"[^>]*>/g, '');
if (cleaned.includes('<script type="module">')) throw new Error('index.html still has an inline script');
// The first view (written by trd-evidence-prerender): the standalone page's widget shows it
// as a declared shadow root from the page's first bytes; the loader swaps in the live widget.
const firstView = readFileSync(join(dist, 'first-view.html'), 'utf8')
  .replace(/(<style data-prerendered>)([\s\S]*?)(<\/style>)/, (_, open, css, close) => open + cssWithoutComments(css) + close);
rmSync(join(dist, 'first-view.html'));
const opening = '<trd-evidence heading-level="1" permalink>';
if (!cleaned.includes(opening)) throw new Error('index.html: the widget element is not as expected');
const withFirstView = cleaned.replace(opening, `${opening}\n      ${firstView}`);
writeFileSync(indexPath, withFirstView);

// The offline copy: one HTML file with the wasm, scripts, styles and data inside, for opening
// from disk with no network (file:// pages may not import modules or fetch files).
const read = (name) => readFileSync(join(embed, name));
const glue = read('trd-evidence-core.js').toString()
  .replace(/^export class /gm, 'class ')
  .replace(/^export function /gm, 'function ')
  .replace(/^export \{[^}]*\};?\s*$/m, '');
const loader = read('trd-evidence.js').toString()
  .replace(/^const loadGlue = \(\) => import\('\.\/trd-evidence-core\.js'\);$/m,
    'const loadGlue = async () => ({ default: __wbg_init, Widget });');
if (!loader.includes('default: __wbg_init')) throw new Error('offline copy: the loader\'s glue import was not replaced');
if (/^\s*(import|export)\b/m.test(glue + loader)) throw new Error('offline copy: a module import or export is left');
const offline = {
  wasm: read('trd-evidence-core.wasm').toString('base64'),
  css: read('trd-evidence.css').toString(),
  // Every language's bundled data, by its tag (as the loader's LANGUAGES).
  data: {
    en: `data:application/json;base64,${read('trd-evidence.json').toString('base64')}`,
    es: `data:application/json;base64,${read('trd-evidence.es.json').toString('base64')}`,
  },
  // Each other language's sentences, as the loader names them ("words.es").
  words: {
    es: `data:application/json;base64,${read('trd-evidence.words.es.json').toString('base64')}`,
  },
};
// "</script" inside the inline script would end it early; JSON escapes keep it out.
const payload = JSON.stringify(offline).replace(/</g, '\\u003c');
const page = withFirstView
  .replace(/<link rel="stylesheet" href="\.\/page\.css"[^>]*>/, `<style>${readFileSync(join(dist, 'page.css'))}</style>`)
  .replace('<script type="module" src="embed/trd-evidence.js"></script>',
    // "</script" in the code (even in a comment) would end the inline script early.
    `<script type="module">\nglobalThis.__TRD_EVIDENCE_OFFLINE__ = ${payload};\n${`${glue}\n${loader}`.replace(/<\/script/gi, '<\\/script')}\n</script>`)
  .replace('<a href="embed/trd-evidence.json">trd-evidence.json</a>', 'inside this file')
  // Everything is inside: nothing to ask for ahead.
  .replace(/ *<link rel="(?:modulepreload|preload)" href="embed\/[^>]*>\n?/g, '');
if (page.includes('page.css') || page.includes('src="embed/')) throw new Error('offline copy: a file link is left');
writeFileSync(join(dist, 'trd-evidence-offline.html'), page);
console.log(`embed files in ${embed}`);
