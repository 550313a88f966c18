// Size report of the release bundle: raw, gzip and brotli bytes of each part and the total.
// `./x size` prints it; tests/e2e/size.test.mjs enforces the budget with the same numbers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Whole release bundle, brotli, in bytes (1 KB = 1000 B). */
export const BUDGET_BROTLI_BYTES = 150_000;

const KINDS = [
  ['wasm', (f) => f.endsWith('.wasm')],
  ['JS glue', (f) => f.endsWith('.js')],
  ['CSS', (f) => f.endsWith('.css')],
  ['data (default file)', (f) => f === 'trd-evidence.json'],
  ['HTML', (f) => f.endsWith('.html')],
];

export function measure(dist) {
  const parts = KINDS.map(([kind]) => ({ kind, files: [], raw: 0, gzip: 0, brotli: 0 }));
  for (const file of readdirSync(dist)) {
    const index = KINDS.findIndex(([, match]) => match(file));
    if (index < 0) continue;
    const bytes = readFileSync(join(dist, file));
    const part = parts[index];
    part.files.push(file);
    part.raw += bytes.length;
    part.gzip += gzipSync(bytes, { level: 9 }).length;
    part.brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  const total = parts.reduce(
    (t, p) => ({ raw: t.raw + p.raw, gzip: t.gzip + p.gzip, brotli: t.brotli + p.brotli }),
    { raw: 0, gzip: 0, brotli: 0 },
  );
  return { parts, total };
}

export function format({ parts, total }) {
  const row = (name, r, g, b) =>
    `${name.padEnd(22)}${String(r).padStart(10)}${String(g).padStart(10)}${String(b).padStart(10)}`;
  return [
    row('part', 'raw B', 'gzip B', 'brotli B'),
    ...parts.filter((p) => p.files.length).map((p) => row(p.kind, p.raw, p.gzip, p.brotli)),
    row('total', total.raw, total.gzip, total.brotli),
    `budget: whole bundle ≤ ${BUDGET_BROTLI_BYTES} B brotli (${
      total.brotli <= BUDGET_BROTLI_BYTES ? 'within' : 'OVER'
    }, ${BUDGET_BROTLI_BYTES - total.brotli} B to spare)`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  console.log(format(measure(dist)));
}
