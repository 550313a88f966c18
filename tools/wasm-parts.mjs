// Where the wasm's brotli bytes go, by part: our components' views, our core, Yew's runtime,
// the standard library, serde_json, the rest. `./x size parts` prints it after the release build.
//
// The release build's wasm before wasm-bindgen is taken through wasm-bindgen and wasm-opt as
// Trunk takes it (the flags are read from index.html), keeping function names. A part's cost is
// what the code section's brotli size loses without that part's functions: brotli shares context
// across parts, so each part's bytes alone would overstate it. The data section (sentences,
// tables, vtables) is reported apart.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'target/wasm32-unknown-unknown/release/trd-evidence.wasm');

/** The part a function belongs to, by its (demangled) name. */
const PARTS = [
  // A function component's body is compiled into Yew's `view` for that component.
  ['our components (views, hooks, callbacks)', /Stateful>::view|^<?trd_evidence::/],
  ['Yew runtime', /^<?yew::/],
  ['our core (data, checks, words, charts)', /^<?trd_core::/],
  ['serde_json (and indexmap)', /^<?(serde_json|serde_core|indexmap)::/],
  ['standard library (fmt, alloc, sort, drop glue)', /^<?(core|alloc|std|dlmalloc|hashbrown|compiler_builtins)(\[[0-9a-f]+\])?::/],
];
const partOf = (name) => PARTS.find(([, pattern]) => pattern.test(name))?.[0] ?? 'other (wasm-bindgen, js-sys, plotters, …)';

const brotli = (bytes) => brotliCompressSync(bytes, {
  params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 },
}).length;

/** The function bodies (in order) and the data section of a wasm module. */
function sections(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  const bodies = [];
  let data = Buffer.alloc(0);
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const start = at;
    if (id === 10) {
      for (let count = leb(); count > 0; count--) {
        const length = leb();
        bodies.push(bytes.subarray(at, at + length));
        at += length;
      }
    } else if (id === 11) {
      data = bytes.subarray(start, start + size);
    }
    at = start + size;
  }
  return { bodies, data };
}

const work = mkdtempSync(join(tmpdir(), 'trd-parts-'));
try {
  const flags = readFileSync(join(root, 'index.html'), 'utf8').match(/data-wasm-opt-params="([^"]*)"/)?.[1].split(/\s+/) ?? [];
  execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', work, built]);
  const named = join(work, 'named.wasm');
  execFileSync('wasm-opt', ['-Oz', ...flags, '--all-features', '--debuginfo', join(work, 'trd-evidence_bg.wasm'), '-o', named]);
  // Binaryen prints each defined function's name and size in module order.
  const metrics = execFileSync('wasm-opt', ['--all-features', named, '--func-metrics'], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const names = [...metrics.matchAll(/^func: (.*)\n \[binary-bytes\] : (\d+)/gm)].map((m) => m[1]);
  const { bodies, data } = sections(readFileSync(named));
  if (names.length !== bodies.length) throw new Error(`${names.length} names for ${bodies.length} functions`);

  const byPart = new Map();
  bodies.forEach((body, i) => {
    const part = partOf(names[i]);
    byPart.set(part, [...(byPart.get(part) ?? []), i]);
  });
  const all = brotli(Buffer.concat(bodies));
  const rows = [...byPart].map(([part, members]) => {
    const inPart = new Set(members);
    const raw = members.reduce((sum, i) => sum + bodies[i].length, 0);
    const without = brotli(Buffer.concat(bodies.filter((_, i) => !inPart.has(i))));
    return { part, functions: members.length, raw, brotli: all - without };
  });
  rows.sort((a, b) => b.brotli - a.brotli);
  const width = Math.max(...rows.map((r) => r.part.length));
  console.log(`${'part of the wasm'.padEnd(width)}  functions  raw bytes  brotli bytes it costs`);
  for (const r of rows) {
    console.log(`${r.part.padEnd(width)}  ${String(r.functions).padStart(9)}  ${String(r.raw).padStart(9)}  ${String(r.brotli).padStart(21)}`);
  }
  console.log(`${'all code'.padEnd(width)}  ${String(bodies.length).padStart(9)}  ${String(bodies.reduce((s, b) => s + b.length, 0)).padStart(9)}  ${String(all).padStart(21)}`);
  console.log(`${'data (sentences, tables, vtables)'.padEnd(width)}  ${''.padStart(9)}  ${String(data.length).padStart(9)}  ${String(brotli(data)).padStart(21)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
