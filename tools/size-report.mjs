// Size report of the release bundle: raw, gzip and brotli bytes of each part and the total.
// `./x size` prints it; tests/e2e/size.test.mjs enforces the budget with the same numbers.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// Budgets in brotli bytes (1 KB = 1000 B), changed only with a measured reason:
// - code 150 KB → 170 KB: the complete data schema (regulatory status, burden, costs,
//   definitions: 12 more types) measured 157,345 B of wasm brotli; parsing without
//   serde_path_to_error brought it to 147,345 B; code in all measured 155,508 B.
// - whole bundle 150 KB → 225 KB: the full evidence dataset (16 options, 149 findings,
//   250 citations) measured 52,440 B brotli on its own.
// - code 170 KB → 185 KB, whole bundle 225 KB → 240 KB: the comparison view's controls,
//   table, provenance boxes and option detail panels measured 170,155 B of code (+14,682 B),
//   after wasm-opt --converge.
// - code 185 KB → 195 KB, whole bundle 240 KB → 250 KB: drawing each chart row as its own
//   picture (re-render after a sort 88 ms → 8 ms) took the wasm from 168,838 B to 174,337 B;
//   the cost panel and the table of burden and prices took it to 181,313 B (code 190,411 B).
// - code 195 KB → 205 KB, whole bundle 250 KB → 260 KB: embedding (the <trd-evidence> loader,
//   the iframe page and resizer, shadow-DOM styles with themes, attribute settings and the
//   Widget API) measured wasm 187,110 B, JS 8,349 B, CSS 3,251 B: code 199,541 B.
// - code 205 KB → 212 KB, whole bundle 260 KB → 267 KB: permalinks, "cite this view" and the
//   CSV, SVG and PNG exports measured code 208,752 B (+3,752 B over the previous budget).
// - code 212 KB → 220 KB, whole bundle 267 KB → 272 KB: the print handout, presenter mode
//   and the offline copy's loader support measured code 214,929 B, total 267,215 B. (Tried:
//   opt-level "s" instead of "z" made the wasm 19 KB larger; no custom sections are left.)
// - code 220 KB → 228 KB, whole bundle 272 KB → 281 KB: the reader-first view (answer cards
//   with figure bars, figure details in place, plain-word comparison groups, the glossary of
//   45 terms, whole-people icon arrays, "How to read this") measured code 225,255 B, total
//   277,588 B; with the everyday names of 45 comparison groups in the data (+196 B) and the
//   phone layout, code 227,591 B, total 280,120 B. Issue #13 takes the code to 150 KB; this
//   only keeps the budget honest meanwhile.
// - code 228 KB → 241 KB, whole bundle 281 KB → 297 KB: the Spanish catalogue compiled into
//   the wasm (326 messages, +11.6 KB), the evidence update of 2026-11-30 (253 citations, links,
//   comparator values: data 52,529 → 55,329 B) and flags for differences that could be chance:
//   code 239,724 B, total 295,053 B. (Issue #13 is to bring the code to 150 KB.)
// - code 241 KB → 243 KB, whole bundle 297 KB → 299 KB: choosing the language (lang, the
//   page's language, the files by language), Spanish numbers and dates, the translated
//   edition's footer line, the loader's words in Spanish: code 242,581 B, total 297,910 B.
// Issue #13's steps (code, brotli B): 242,581 at its start; loading in parallel, building what
//   is folded when opened, the print watch +3,082 (245,663); Spanish sentences read from a file
//   instead of compiled in -3,089 (242,574); lists 50 options at a time +1,099 (243,673); one
//   sort closure, ASCII case folding, scans instead of hash sets -1,959 (241,714). Tried without
//   gain: wasm-opt --gufa, -c, feature flags. Where the wasm's bytes go (twiggy, before brotli):
//   Yew and our components' views 30%, data segments 16% (English sentences, panic locations),
//   core/alloc 15%, the data model's serde code and serde_json 16%.
// - whole bundle 299 KB → 309 KB (code unchanged): the standalone page carries its first view
//   as HTML (the 16 cards and the widget's CSS in a declared shadow root), 9,562 B brotli, so
//   the comparison shows with the page before the program arrives.
// - code 243 KB → 251 KB, whole bundle 309 KB → 317 KB: issue #14's talks and hosts (16:9
//   slides drawn in the core and their downloads, the compact layout, presenter pages, the
//   handout's chart and questions, one outcome at a time): code 249,842 B, total 315,513 B.
//   The chart's and the slide's downloads share one routine (-61 B).
// - code 251 KB → 257 KB, whole bundle 317 KB → 323 KB: issue #15's defences against hostile
//   data and networks (one download per widget that is stopped when src changes or the widget
//   leaves, a timeout, a size cap counted while the file arrives, the encoding read by us,
//   the parser's messages in plain words in both languages, unsafe characters found in every
//   string, the iframe's data origins): code 255,875 B, total 321,701 B. gloo's "net" gave way
//   to its "timers" (the download is ours now).
// - code 257 KB → 264 KB, whole bundle 323 KB → 330 KB: issue #16's honest uncertainty (every
//   study's rate under each headline, marks shaped by tier, the spread in words; ratios with
//   their intervals on a scale of their own) and prices charted by unit, in both languages:
//   code 262,901 B, total 329,046 B. (Drawing the marks as our own SVG instead of
//   plotters elements saved 260 B.)
// - whole bundle 330 KB → 335 KB (code unchanged, 263,956 B): a pasted element's first view,
//   by language (the English one 4,209 B), so a bare <trd-evidence> shows its answer before the
//   program arrives (first chart on a phone 2,451 → 794 ms); the loader's part is +820 B.
// Issue #13's steps, continued (code, brotli B): 263,136 at this session's start; the loader's
//   first view +820 and its checks (settings changed, focus kept) +497 (264,453); the shipped
//   scripts without their comments -2,234 (262,219); the first view cut to chosen options and
//   the hand-over of a tap or a choice made on it +732 (262,951); the language files' id
//   fingerprint worked out while compiling, so the 398 message ids leave the wasm -3,586
//   (259,365). Where the wasm's code goes now
//   (wasm-opt --func-metrics, before brotli, 567 KB of code and 100 KB of data): Yew views of
//   our components 200 KB, the data model's deserialisation (serde derive, serde_json) 87 KB,
//   our core 90 KB, core/alloc 89 KB. 150 KB brotli is out of reach with Yew and serde as they
//   are used here; the other items tried since saved under 100 B each (Display instead of
//   Debug for drawing errors -91 B, not kept).
// - code 264 KB → 222 KB, whole bundle 335 KB → 291 KB: the data model read by a hand-written
//   reader over parsed JSON instead of serde's derived readers (a copy of every reader for each
//   way serde can meet a value). Steps (code, brotli B): 259,365 at this session's start; the
//   reader, with no early returns to undo (-20,350 as measured on the wasm alone); one scan of
//   the text for unsafe strings and repeated keys (+74); every study's marks in two passes, not
//   a sort, and wasm-opt told the memory starts zeroed and its lowest kilobyte is unused (-886);
//   objects in the file's order (-512): 235,694; the stylesheets shipped without their comments
//   -2,305 (and the standalone page's first view -1,884): 233,389; the wasm's JS glue without
//   the doc comments wasm-bindgen copies into it -677: 232,712; headings drawn by a function,
//   not a component -507; a figure's value worked out from its digits and a power of ten
//   instead of str::parse for f64, whose 10 KB table of powers (and its code) left the wasm
//   -13,405: wasm 200,603 B, code 218,759 B, total 287,352 B; the read in three tasks and a
//   file no longer wanted never shown +812: code 219,571 B, total 288,164 B. Tried without
//   gain: opt-level "s" for the widget crate (+19 KB) or for yew (+2.3 KB), a lower LLVM inline
//   threshold (-316 B, not kept). What is left (func-metrics, before brotli, about 500 KB of code): Yew
//   views and hooks of our components about 195 KB, Yew's runtime 70 KB, core/alloc 75 KB, our
//   core 67 KB; and 78 KB of data, of it about 16 KB of vtables (Yew's components, hooks and
//   callbacks), the float printer's table that serde_json's number paths keep, the English
//   sentences. 150 KB brotli would need far fewer view nodes and components.
// Budgets unchanged, next session (code, brotli B): 219,848 at its start; first views fitted to
//   a title, heading level, crisis line, outcomes and order in the loader +741; "Every study" in
//   links, every rate's source and group in words, a figure's own group beside its people,
//   finding labels, a burden sentence read once, moot price cells (+2,190): 222,779, over;
//   the footer and the error box drawn by functions, not components -1,098: 221,681, total
//   290,599. `./x size parts` now prints what each part of the wasm costs in brotli bytes: our
//   components 67,123 of the wasm's 202,677, so without any of them the code would still be
//   about 155 KB (wasm 136 KB, glue 13 KB, CSS 5 KB, HTML 1 KB). 150 KB is out of reach with
//   Yew and these features.
export const BUDGET_CODE_BROTLI_BYTES = 222_000;
export const BUDGET_BROTLI_BYTES = 291_000;

const KINDS = [
  ['wasm', (f) => f.endsWith('.wasm')],
  ['JS glue', (f) => f.endsWith('.js')],
  ['CSS', (f) => f.endsWith('.css')],
  ['data (default file)', (f) => f === 'trd-evidence.json'],
  // The first views (the bundled data drawn as HTML): the standalone page's, inside it with the
  // widget's CSS, and a pasted element's in English: content, like the data file, counted in the
  // total but not as code. (The Spanish edition's files are not counted, as its data is not.)
  ['data (first views: page, embed)', (f) => f === 'trd-evidence.first-view.en.html'],
  ['HTML', (f) => f.endsWith('.html') && !f.startsWith('trd-evidence.first-view.')],
];
const FIRST_VIEW = /<template shadowrootmode="open">[\s\S]*?<\/template>/;

/** Measures the embeddable files in dist/embed/ and the standalone page around them. */
export const OFFLINE_FILE = 'trd-evidence-offline.html';

function add(part, file, bytes) {
  part.files.push(file);
  part.raw += bytes.length;
  part.gzip += gzipSync(bytes, { level: 9 }).length;
  part.brotli += brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}

export function measure(dist) {
  const parts = KINDS.map(([kind]) => ({ kind, files: [], raw: 0, gzip: 0, brotli: 0 }));
  const files = [
    ...readdirSync(join(dist, 'embed')).map((f) => join('embed', f)),
    // The offline single-file copy is a separate download, not what a page loads.
    ...readdirSync(dist).filter((f) => f.includes('.') && f !== OFFLINE_FILE),
  ];
  for (const file of files) {
    const index = KINDS.findIndex(([, match]) => match(file.replace(/^embed\//, '')));
    if (index < 0) continue;
    let bytes = readFileSync(join(dist, file));
    const firstView = file === 'index.html' && bytes.toString().match(FIRST_VIEW)?.[0];
    if (firstView) {
      add(parts[KINDS.findIndex(([kind]) => kind.includes('first view'))], file, Buffer.from(firstView));
      bytes = Buffer.from(bytes.toString().replace(firstView, ''));
    }
    add(parts[index], file, bytes);
  }
  const sum = (list) =>
    list.reduce(
      (t, p) => ({ raw: t.raw + p.raw, gzip: t.gzip + p.gzip, brotli: t.brotli + p.brotli }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
  return { parts, code: sum(parts.filter((p) => !p.kind.startsWith('data'))), total: sum(parts) };
}

export function format({ parts, code, total }) {
  const row = (name, r, g, b) =>
    `${name.padEnd(30)}${String(r).padStart(10)}${String(g).padStart(10)}${String(b).padStart(10)}`;
  return [
    row('part', 'raw B', 'gzip B', 'brotli B'),
    ...parts.filter((p) => p.files.length).map((p) => row(p.kind, p.raw, p.gzip, p.brotli)),
    row('code (all but data)', code.raw, code.gzip, code.brotli),
    row('total', total.raw, total.gzip, total.brotli),
    `budget: code ≤ ${BUDGET_CODE_BROTLI_BYTES} B brotli (${
      code.brotli <= BUDGET_CODE_BROTLI_BYTES ? 'within' : 'OVER'
    }, ${BUDGET_CODE_BROTLI_BYTES - code.brotli} B to spare)`,
    `budget: whole bundle ≤ ${BUDGET_BROTLI_BYTES} B brotli (${
      total.brotli <= BUDGET_BROTLI_BYTES ? 'within' : 'OVER'
    }, ${BUDGET_BROTLI_BYTES - total.brotli} B to spare)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  console.log(format(measure(dist)));
  const offline = join(dist, OFFLINE_FILE);
  if (existsSync(offline)) {
    const bytes = readFileSync(offline);
    console.log(`offline copy ${OFFLINE_FILE}: ${bytes.length} B raw (opened from disk, not counted above)`);
  }
}
