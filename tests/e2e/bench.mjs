// Benchmark (printed, never a pass/fail test). Release build, served with brotli, headless
// Chromium, medians of interleaved runs:
//   1. time to first chart, to the live widget and to first text on the standalone page, two
//      clinic pages (a bare element, the README's snippet) and a peer page that draws the two
//      headline panels with vega-embed, with no throttling and on an emulated mid-range phone
//      (CPU 4× slower, 150 ms round trip, 1.6 Mbps), and the ratios;
//   2. re-render after a sort, for the bundled 16 options and a generated 500;
//   3. DOM nodes, blocking time and memory after load, and after 80 sorts (500 options);
//   4. the default view's height and DOM nodes on a 390×844 phone.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST, launch, openPage, ready, renderAll } from './lib/harness.mjs';
import { startServer } from '../../tools/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const bundled = readFileSync(join(DIST, 'embed', 'trd-evidence.json'), 'utf8');
const PHONE = { cpu: 4, latency: 150, bitsPerSecond: 1.6e6 };

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

/**
 * Before the page's scripts: notes the first paint of text, long tasks, the wasm memories
 * created, and the first moment `chartSelector` matches (in the page or any open shadow root),
 * stamped at the frame that shows it.
 */
function instrument([selector, liveSelector]) {
  {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask', buffered: true });
    window.__memories = [];
    const keep = (result) => {
      const exports = (result.instance ?? result).exports;
      if (exports?.memory) window.__memories.push(exports.memory);
      return result;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
    }
    const roots = [document];
    const stamp = (name, wanted) => {
      if (window[name] || !roots.some((root) => root.querySelector(wanted))) return;
      requestAnimationFrame(() => { window[name] ??= performance.now(); });
    };
    const check = () => {
      stamp('__chartAt', selector);
      stamp('__liveAt', liveSelector ?? selector);
    };
    const watch = (root) => new MutationObserver(check).observe(root, { childList: true, subtree: true });
    watch(document);
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const shadow = attach.call(this, init);
      roots.push(shadow);
      watch(shadow);
      return shadow;
    };
    // Shadow roots declared in the HTML exist before any script: look for them as they parse.
    document.addEventListener('readystatechange', () => {
      for (const host of document.querySelectorAll('trd-evidence')) {
        if (host.shadowRoot && !roots.includes(host.shadowRoot)) { roots.push(host.shadowRoot); watch(host.shadowRoot); check(); }
      }
    });
  }
}

/** Opens `path` (with the phone profile or none) and times its first chart and first text;
 * its blocking time counts until the live widget (`liveSelector`) has drawn, and a moment after
 * (a first view written at build time shows before the program has done its work). */
async function firstChart(browser, server, path, chartSelector, liveSelector, profile, body) {
  const { page, context } = await openPage(browser, `${server.url}${path}`, {
    width: 390,
    height: 844,
    beforeGoto: async (p) => {
      await p.addInitScript(instrument, [chartSelector, liveSelector]);
      if (body) {
        await p.route('**/embed/trd-evidence.json', (r) => r.fulfill({ contentType: 'application/json', body }));
        // The first view shows the bundled 16 options: with another file, the program draws first.
        await p.route('**/embed/trd-evidence.first-view.*', (r) => r.fulfill({ status: 404, body: '' }));
      }
      if (profile) {
        const cdp = await p.context().newCDPSession(p);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: profile.latency,
          downloadThroughput: profile.bitsPerSecond / 8,
          uploadThroughput: profile.bitsPerSecond / 8,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
      }
    },
  });
  await page.waitForFunction(() => window.__chartAt, null, { timeout: 60000 });
  await page.waitForFunction(() => window.__liveAt, null, { timeout: 60000 });
  await page.waitForTimeout(1500);
  const result = await page.evaluate(() => ({
    // Nothing shows before the first paint.
    chart: Math.max(window.__chartAt, performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0),
    live: window.__liveAt,
    text: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    blocking: window.__longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
  }));
  await context.close();
  return result;
}

/** Sort timings, and DOM nodes, blocking time and memory before and after 80 sorts. */
async function sorting(browser, server, body) {
  const { page, context } = await openPage(browser, `${server.url}/`, {
    width: 1440,
    beforeGoto: async (p) => {
      await p.addInitScript(instrument, ['.trd-card']);
      await p.route('**/trd-evidence.json', (r) => r.fulfill({ contentType: 'application/json', body }));
    },
  });
  await ready(page);
  await page.waitForTimeout(1000);
  const cdp = await context.newCDPSession(page);
  const measureMemory = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const { nodes } = await cdp.send('Memory.getDOMCounters');
    const wasm = await page.evaluate(() => window.__memories.reduce((sum, m) => sum + m.buffer.byteLength, 0));
    return { heap: usedSize, nodes, wasm };
  };
  const loaded = await measureMemory();
  const blocking = await page.evaluate(() => window.__longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0));
  const sortRounds = (rounds) => page.evaluate(async (n) => {
    const root = document.querySelector('trd-evidence').shadowRoot;
    const select = [...root.querySelectorAll('select')].find((s) => s.closest('label')?.textContent.includes('Sort by'));
    const work = [];
    // A macrotask after the change: yew renders in microtasks, so by then the DOM is updated.
    const nextTask = () => new Promise((ok) => { const c = new MessageChannel(); c.port1.onmessage = ok; c.port2.postMessage(0); });
    // Four sorts a round; the first is reported on its own (the engine has not optimised the
    // code yet).
    for (const token of Array(n).fill(['remission', 'response', 'name', 'default']).flat()) {
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const t0 = performance.now();
      select.value = token;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await nextTask();
      // Reading a size makes the browser restyle and lay out now: this is the work a sort costs.
      void document.body.offsetHeight;
      work.push(performance.now() - t0);
    }
    return work;
  }, rounds);
  // 40 sorts, then 40 more: memory that still grows in the second half is a leak (wasm
  // memory never shrinks, so its first growth is only the peak).
  const timings = await sortRounds(10);
  const half = await measureMemory();
  timings.push(...await sortRounds(10));
  const sorted = await measureMemory();
  await context.close();
  return { firstSort: timings[0], resort: median(timings.slice(1)), blocking, loaded, half, sorted };
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
const server = await startServer(DIST, 0, {
  compress: true,
  mounts: { '/peer/': join(here, 'peer'), '/peer-lib/': join(here, 'node_modules'), '/hosts/': join(here, 'hosts') },
});
// The standalone page (its first view comes with the HTML), a clinic page with a bare
// <trd-evidence> (the loader asks for its first view beside the program), one with the README's
// snippet (four options chosen: the first view cut down to them), and the peer.
const LIVE = '.trd-mount:not([data-prerendered]):not([hidden]) .trd-fig-bars svg';
const SUBJECTS = {
  page: ['/', '.trd-fig-bars svg', LIVE],
  embed: ['/hosts/default.html', '.trd-fig-bars svg', LIVE],
  snippet: ['/hosts/plain.html', '.trd-fig-bars svg', LIVE],
  peer: ['/peer/vega.html', '#chart svg .mark-rect path', '#chart svg .mark-rect path'],
};
const loads = Object.fromEntries(Object.keys(SUBJECTS).map((k) => [k, { none: [], phone: [] }]));
for (let i = 0; i < RUNS; i++) {
  for (const [profileName, profile] of [['none', null], ['phone', PHONE]]) {
    for (const [name, subject] of Object.entries(SUBJECTS)) {
      loads[name][profileName].push(await firstChart(browser, server, ...subject, profile));
    }
  }
}
// Loading 500 options: blocking time, ours (the embed, its first view refused) against the peer's.
const many = generated(500);
const heavy = { ours: [], peer: [] };
for (let i = 0; i < Math.max(1, Math.ceil(RUNS / 2)); i++) {
  heavy.ours.push(await firstChart(browser, server, ...SUBJECTS.embed, null, many));
  heavy.peer.push(await firstChart(browser, server, ...SUBJECTS.peer, null, many));
}
const phone = await phonePage(browser, server);
const sorts = [];
for (const [name, body] of [['16 options (bundled)', bundled], ['500 options (generated)', generated(500)]]) {
  const runs = [];
  for (let i = 0; i < Math.max(1, Math.ceil(RUNS / 2)); i++) runs.push(await sorting(browser, server, body));
  sorts.push([name, body.length, runs]);
}
await browser.close();
await server.close();

const ms = (x) => `${Math.round(x)} ms`;
const kb = (x) => `${(x / 1e6).toFixed(1)} MB`;
const pad = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('');
console.log(`benchmark (release build served with brotli, headless Chromium, median of ${RUNS} interleaved runs)`);
console.log('phone: CPU 4× slower, 150 ms round trip, 1.6 Mbps. first chart: navigation → the frame showing');
console.log('the first drawn figure (ours: a card\'s bars; peer: vega-embed\'s bars for the two headline panels).');
console.log('page: the standalone page; embed: a clinic page with a bare <trd-evidence>; snippet: one with');
console.log('the README\'s snippet (options chosen). live widget: the program has drawn (it answers taps);');
console.log('until then a first view written at build time may show. Ratios are to the peer.');
const widths = [30, 10, 10, 10, 10, 8, 8, 9];
console.log(pad(['time to …', 'page', 'embed', 'snippet', 'peer', 'page', 'embed', 'snippet'], widths));
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '–');
for (const [profile, label] of [['none', 'no throttling'], ['phone', 'phone']]) {
  for (const [key, what] of [['chart', 'first chart'], ['live', 'live widget'], ['text', 'first text'], ['blocking', 'blocking time']]) {
    const [page, embed, snippet, peer] = ['page', 'embed', 'snippet', 'peer'].map((s) => median(loads[s][profile].map((r) => r[key])));
    console.log(pad([`${what}, ${label}`, ms(page), ms(embed), ms(snippet), ms(peer),
      ratio(page, peer), ratio(embed, peer), ratio(snippet, peer)], widths));
  }
}
{
  const [ours, peer] = ['ours', 'peer'].map((s) => median(heavy[s].map((r) => r.blocking)));
  const [oursChart, peerChart] = ['ours', 'peer'].map((s) => median(heavy[s].map((r) => r.chart)));
  console.log(pad(['500 options, no throttling: blocking', ms(ours), '', '', ms(peer), '', ratio(ours, peer)], widths));
  console.log(pad(['500 options: first chart', ms(oursChart), '', '', ms(peerChart), '', ratio(oursChart, peerChart)], widths));
}
console.log('');
console.log('re-render: sort → DOM updated, restyled and laid out (median of 79 sorts after the first).');
console.log('memory: JS heap after garbage collection, and the wasm memory; DOM nodes from the DevTools counters.');
const sortWidths = [26, 8, 12, 12, 11, 11, 24, 24, 34];
console.log(pad(['dataset', 'data', 'first sort', 're-render', 'blocking', 'DOM nodes', 'heap / wasm, loaded', 'after 40 sorts', 'after 80 sorts'], sortWidths));
for (const [name, size, runs] of sorts) {
  const pick = (f) => median(runs.map(f));
  console.log(pad([name, `${(size / 1000).toFixed(0)} kB`, ms(pick((r) => r.firstSort)), `${pick((r) => r.resort).toFixed(1)} ms`,
    ms(pick((r) => r.blocking)), pick((r) => r.loaded.nodes),
    `${kb(pick((r) => r.loaded.heap))} / ${kb(pick((r) => r.loaded.wasm))}`,
    `${kb(pick((r) => r.half.heap))} / ${kb(pick((r) => r.half.wasm))}`,
    `${kb(pick((r) => r.sorted.heap))} / ${kb(pick((r) => r.sorted.wasm))}, ${pick((r) => r.sorted.nodes)} nodes`], sortWidths));
}
console.log('');
console.log(`phone 390×844, default view: document ${phone.height} px = ${(phone.height / 844).toFixed(1)} screens; `
  + `DOM nodes ${phone.page + phone.widget} (page ${phone.page}, widget ${phone.widget})`);
