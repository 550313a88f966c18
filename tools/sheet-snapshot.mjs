// Reads the evidence sheet (trd-options.md) and writes what the native tests compare the
// bundled data with: each option's findings rows and each citation's identifiers and links.
// The sheet lives outside this repository, so its facts are kept here as a snapshot;
// run this again when the sheet changes, and the tests say what the data must follow.
//
//     node tools/sheet-snapshot.mjs ../shared/evidence/trd-options.md > tests/data/sheet.json
import { readFileSync } from 'node:fs';

const path = process.argv[2];
if (!path) {
  console.error('usage: node tools/sheet-snapshot.mjs PATH/TO/trd-options.md > tests/data/sheet.json');
  process.exit(2);
}
const text = readFileSync(path, 'utf8');
const lines = text.split('\n');
const reviewed = text.match(/Last reviewed: \*\*(\d{4}-\d{2}-\d{2})\*\*/)?.[1] ?? null;

// Findings: the table under "### Findings" in each "## N. `id`: name" section.
const options = {};
let option = null;
let inFindings = false;
for (const line of lines) {
  const heading = line.match(/^## \d+\. `([a-z0-9-]+)`/);
  if (heading) { option = heading[1]; options[option] = []; inFindings = false; continue; }
  if (line.startsWith('## ')) { option = null; continue; }
  if (line.startsWith('### ')) { inFindings = line.startsWith('### Findings'); continue; }
  if (!option || !inFindings || !/^\| \d+ \|/.test(line)) continue;
  const cells = line.split(' | ').map((c) => c.replace(/^\| ?| ?\|$/g, '').trim());
  const [row, metric, value, comparator, design, tier, n, population, timepoint, definition, cite, headline] = cells;
  options[option].push({
    row: Number(row), metric, value, comparator, design, tier, n, population, timepoint, definition,
    cite: cite.split(/;\s*/).map((c) => c.trim()).filter(Boolean),
    headline: headline.replace(/\*/g, '').trim() || null,
  });
}

// Citations: "- **KEY** — … DOI: … · PMID: … · URL: a ; b · Note: …" after "## Citations".
const citations = {};
const start = lines.findIndex((l) => l.startsWith('## Citations'));
for (const line of lines.slice(start + 1)) {
  const entry = line.match(/^- \*\*([^*]+)\*\* — (.*)$/);
  if (!entry) continue;
  const [, key, rest] = entry;
  const fields = rest.split(' · ');
  const field = (name) => fields.map((f) => f.match(new RegExp(`(?:^|\\. )${name}: (.*)$`))?.[1]).find(Boolean) ?? null;
  // Every "URL:" of the entry (one key may hold two sources, "(a) … (b) …"), each a list
  // separated by ";" (some give domains only).
  const urls = [...rest.matchAll(/URL: (.*?)(?= · |$)/g)]
    .flatMap((m) => m[1].split(/\s*;\s*/))
    .map((u) => u.trim().split(' ')[0])
    .filter((u) => u.length > 0 && !u.startsWith('('));
  citations[key] = {
    doi: field('DOI')?.split(' ')[0] ?? null,
    pmid: field('PMID')?.match(/^\d+/)?.[0] ?? null,
    urls,
    // Marked as a copy by the sheet itself ("*highnectar.com (MedPage Today mirror)*").
    mirror: /\*[^*]*mirror[^*]*\*|mirrored/i.test(rest),
  };
}

process.stdout.write(`${JSON.stringify({ source: 'trd-options.md', reviewed, options, citations }, null, 1)}\n`);
