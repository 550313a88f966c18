// Benchmark (printed, never a pass/fail test): time from the data file's arrival to the
// charts being painted, and re-render time after a sort, for the bundled 16-option dataset
// and a generated 500-option dataset. Release build, headless Chromium, median of runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launch, openPage, serveDist } from './lib/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const bundled = readFileSync(join(DIST, 'trd-evidence.json'), 'utf8');

/** 500 options made from the bundled ones' headline findings, ids opt-1 … opt-500. */
function generated(count) {
  const data = JSON.parse(bundled);
  const options = [];
  for (let i = 0; i < count; i++) {
    const base = data.options[i % data.options.length];
    const findings = base.findings.filter((f) => f.headline);
    const { headline_choice, ...rest } = base;
    options.push({ ...rest, id: `opt-${i + 1}`, name: `${base.name} (${i + 1})`, findings,
      burden: {}, costs: [], cost_notes: [], risks: [], caveats: [], regulatory: { ...base.regulatory, details: [] } });
  }
  return JSON.stringify({ ...data, options });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(browser, server, body) {
  const { page, context } = await openPage(browser, `${server.url}/`, {
    width: 1440,
    beforeGoto: async (p) => {
      await p.addInitScript(() => {
        // The moment the data file's response arrives, and the first painted chart after it.
        const origFetch = window.fetch;
        window.fetch = async (...args) => {
          const res = await origFetch(...args);
          if (String(args[0]?.url ?? args[0]).includes('trd-evidence.json')) window.__dataAt = performance.now();
          return res;
        };
        new MutationObserver(() => {
          if (!window.__chartAt && window.__dataAt && document.querySelectorAll('.trd-chart svg').length >= 2) {
            requestAnimationFrame(() => { window.__chartAt ??= performance.now(); });
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await p.route('**/trd-evidence.json', (r) => r.fulfill({ contentType: 'application/json', body }));
    },
  });
  await page.waitForFunction(() => window.__chartAt);
  const firstChart = await page.evaluate(() => window.__chartAt - window.__dataAt);
  const resort = await page.evaluate(async () => {
    const select = [...document.querySelectorAll('select')].find((s) => s.closest('label')?.textContent.includes('Sort by'));
    const times = [];
    for (const token of ['remission', 'response', 'name', 'default']) {
      const t0 = performance.now();
      select.value = token;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      times.push(performance.now() - t0);
    }
    return times;
  });
  await context.close();
  return { firstChart, resort: median(resort) };
}

const browser = await launch();
const server = await serveDist();
const rows = [];
for (const [name, body] of [['16 options (bundled)', bundled], ['500 options (generated)', generated(500)]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server, body));
  rows.push([name, `${(body.length / 1000).toFixed(0)} kB`, median(runs.map((r) => r.firstChart)), median(runs.map((r) => r.resort))]);
}
await browser.close();
await server.close();
console.log(`benchmark (release build, headless Chromium, median of ${RUNS} runs)`);
console.log('dataset'.padEnd(26) + 'data'.padStart(8) + 'data → charts ms'.padStart(20) + 're-render after sort ms'.padStart(26));
for (const [name, size, first, resort] of rows) {
  console.log(name.padEnd(26) + size.padStart(8) + first.toFixed(1).padStart(20) + resort.toFixed(1).padStart(26));
}
