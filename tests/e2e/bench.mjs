// Benchmark (printed, never a pass/fail test): time from the data file's arrival to the
// charts being painted, and re-render time after a sort, for the bundled 16-option dataset
// and a generated 500-option dataset; then, on a 390×844 phone, how tall the default view is
// and how many DOM nodes it takes. Release build, headless Chromium, median of runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launch, openPage, ready, renderAll, serveDist } from './lib/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const bundled = readFileSync(join(DIST, 'embed', 'trd-evidence.json'), 'utf8');

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
        // The widget renders in a shadow root: watch each one as it is attached.
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) {
          const shadow = attach.call(this, init);
          new MutationObserver(() => {
            if (!window.__chartAt && window.__dataAt && shadow.querySelectorAll('.trd-fig-bars svg').length >= 2) {
              requestAnimationFrame(() => { window.__chartAt ??= performance.now(); });
            }
          }).observe(shadow, { childList: true, subtree: true });
          return shadow;
        };
      });
      await p.route('**/trd-evidence.json', (r) => r.fulfill({ contentType: 'application/json', body }));
    },
  });
  await page.waitForFunction(() => window.__chartAt);
  const firstChart = await page.evaluate(() => window.__chartAt - window.__dataAt);
  // A reader sorts after the page has settled, not within the first frame.
  await page.waitForTimeout(500);
  const resort = await page.evaluate(async () => {
    const root = document.querySelector('trd-evidence').shadowRoot;
    const select = [...root.querySelectorAll('select')].find((s) => s.closest('label')?.textContent.includes('Sort by'));
    const work = [];
    const frames = [];
    // A macrotask after the change: yew renders in microtasks, so by then the DOM is updated.
    const nextTask = () => new Promise((ok) => { const c = new MessageChannel(); c.port1.onmessage = ok; c.port2.postMessage(0); });
    // Three rounds of four sorts: the first sort after loading is reported on its own (the
    // engine has not optimised the code yet), the rest as the steady-state median.
    for (const token of Array(3).fill(['remission', 'response', 'name', 'default']).flat()) {
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const t0 = performance.now();
      select.value = token;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await nextTask();
      // Reading a size makes the browser restyle and lay out now: this is the work a sort costs.
      void document.body.offsetHeight;
      work.push(performance.now() - t0);
      // The frame that shows it: includes waiting for the display's next refresh (≈16.7 ms).
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      frames.push(performance.now() - t0);
    }
    return { work, frames };
  });
  await context.close();
  return { firstChart, firstSort: resort.work[0], resort: median(resort.work.slice(1)), frame: median(resort.frames.slice(1)) };
}

/** The default view at 390×844, every card rendered as scrolling through would: its height and
 * DOM nodes (the page's and the widget's shadow root's). */
async function phonePage(browser, server) {
  const { page, context } = await openPage(browser, `${server.url}/`, { width: 390, height: 844 });
  await ready(page);
  await renderAll(page);
  const sizes = await page.evaluate(() => {
    const host = document.querySelector('trd-evidence');
    const count = (root) => root.querySelectorAll('*').length;
    return { height: document.documentElement.scrollHeight, page: count(document), widget: count(host.shadowRoot) };
  });
  await context.close();
  return sizes;
}

const browser = await launch();
const server = await serveDist();
const phone = await phonePage(browser, server);
const rows = [];
for (const [name, body] of [['16 options (bundled)', bundled], ['500 options (generated)', generated(500)]]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server, body));
  rows.push([name, `${(body.length / 1000).toFixed(0)} kB`, ...['firstChart', 'firstSort', 'resort', 'frame'].map((k) => median(runs.map((r) => r[k])))]);
}
await browser.close();
await server.close();
console.log(`benchmark (release build, headless Chromium, median of ${RUNS} runs)`);
console.log('re-render: sort → DOM updated, restyled and laid out (median of the sorts after the first);');
console.log('next frame: sort → the next frame, which includes waiting for the display refresh.');
const widths = [26, 8, 18, 16, 14, 14];
const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('');
console.log(line(['dataset', 'data', 'data → charts ms', 'first sort ms', 're-render ms', 'next frame ms']));
for (const [name, size, ...ms] of rows) console.log(line([name, size, ...ms.map((m) => m.toFixed(1))]));
console.log(`phone 390×844, default view: document ${phone.height} px = ${(phone.height / 844).toFixed(1)} screens; `
  + `DOM nodes ${phone.page + phone.widget} (page ${phone.page}, widget ${phone.widget})`);
