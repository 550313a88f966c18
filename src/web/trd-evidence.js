// The trd-evidence loader, the one script a host page includes:
//   <script type="module" src="…/trd-evidence.js"></script>
//   <trd-evidence options="rtms,ect,esketamine"></trd-evidence>
// It defines the <trd-evidence> element, upgrades <div data-trd-evidence> elements, and runs
// the iframe page (embed.html). The wasm is loaded once per page; each instance starts when it
// nears the viewport and renders inside its own shadow root, so host CSS and widget CSS cannot
// reach each other. No inline script or style is needed, and nothing is fetched but this
// folder's files and the data file the host names.
//
// Speed: when an instance nears the viewport, its program (glue and wasm) and its data file are
// requested at once, in parallel, not one after the other; the widget then takes the data
// response already under way (see `prefetch`). A pasted element that shows the bundled data
// as it comes also asks for its first view, the same cards as HTML (`firstViewFor`), shown
// until the live widget has drawn.
const loadGlue = () => import('./trd-evidence-core.js');

const here = new URL('.', import.meta.url);
// The offline single-file copy (trd-evidence-offline.html) carries the wasm, the styles and the
// data inline, because a page opened from disk may not fetch or import other files.
const OFFLINE = globalThis.__TRD_EVIDENCE_OFFLINE__;
// The settings a host may change after the widget starts (see the README). The widget reads
// them itself; this list equals core/src/settings/attributes.rs ATTRIBUTES (a test checks).
const ATTRIBUTES = ['src', 'lang', 'options', 'metrics', 'sort', 'view', 'theme', 'heading-level',
  'title', 'kind', 'invasive', 'icon-metric', 'denominator', 'every-study', 'present', 'crisis', 'layout', 'permalink',
  'v', 'reviewed'];
// Watched in both spellings, on an element and on a div: the widget reads `data-title` on an
// element as it reads `title`, and `title` on a div as `data-title`.
const WATCHED = [...ATTRIBUTES, ...ATTRIBUTES.map((name) => `data-${name}`)];
// The languages the widget speaks, each with its bundled data file; this list equals
// core/src/words/mod.rs Lang::ALL (a test checks). The widget picks the language.
const LANGUAGES = ['en', 'es'];
// On the iframe page every setting comes from the page's address (the widget reads it).
const frame = document.documentElement.hasAttribute('data-trd-frame');
// The bundled files by language, as the widget reads them: "en=… es=… words.es=…" (the data,
// and for each language but English, which the program carries, its sentences).
const DEFAULT_DATA = LANGUAGES.flatMap((lang) => {
  const file = lang === 'en' ? 'trd-evidence.json' : `trd-evidence.${lang}.json`;
  const data = `${lang}=${OFFLINE ? OFFLINE.data[lang] : new URL(file, here).href}`;
  if (lang === 'en') return [data];
  return [data, `words.${lang}=${OFFLINE ? OFFLINE.words[lang] : new URL(`trd-evidence.words.${lang}.json`, here).href}`];
}).join(' ');
const defaultFor = (key) => DEFAULT_DATA.split(' ').find((entry) => entry.startsWith(`${key}=`))?.slice(key.length + 1);
// Start this far before an instance scrolls into view, so it is ready when the reader arrives.
const NEAR = '800px 0px';

let wasmReady;
/** The widget's program, loaded once per page; resolves to the Widget class. */
function loadWasm() {
  if (wasmReady) return wasmReady;
  // Decoded only on the first call: every instance on the page shares the one module. The
  // glue and the wasm are fetched side by side.
  const wasm = OFFLINE
    ? Uint8Array.from(atob(OFFLINE.wasm), (c) => c.charCodeAt(0))
    : fetch(new URL('trd-evidence-core.wasm', here));
  wasmReady = loadGlue()
    .then(async (glue) => { await glue.default({ module_or_path: wasm }); return glue.Widget; })
    .catch((error) => {
      wasmReady = undefined; // a later retry loads again
      throw error;
    });
  return wasmReady;
}

/** The data file an instance will read, as the widget works it out (src, else the bundled
 * file in its language), so its download can start with the program's. */
function dataFor(settings) {
  const query = (frame || settings.hasAttribute('permalink')) ? new URLSearchParams(location.search) : null;
  const src = (frame && query.get('src')) || settings.getAttribute('src') || settings.getAttribute('data-src');
  if (src?.trim()) return src.trim();
  return defaultFor(languageOf(settings));
}

/** Starts downloading `url` now; the widget takes the response (once) instead of asking again,
 * and stops it with `abort` when it no longer wants it. */
function prefetch(url) {
  if (url.startsWith('data:')) return;
  // The iframe page's address may name another site's file: the widget decides whether that
  // site is allowed (Settings::keep_src_within), so nothing is asked of it before.
  // An address that cannot be read is not asked for either (the widget then says why).
  let origin = null;
  try { origin = new URL(url, location.href).origin; } catch { return; }
  if (frame && origin !== location.origin) return;
  const waiting = (globalThis.__trdEvidencePrefetch ??= new Map());
  if (waiting.has(url)) return;
  const controller = new AbortController();
  const started = fetch(url, { signal: controller.signal }).catch(() => undefined);
  started.abort = () => controller.abort();
  waiting.set(url, started);
}

/** Stops the download of `url` started for a widget that left the page before taking it. */
function unprefetch(url) {
  const waiting = globalThis.__trdEvidencePrefetch;
  const started = waiting?.get(url);
  if (!started) return;
  waiting.delete(url);
  started.abort();
}

/** An element's setting as the widget reads it: the attribute, else its data- form. */
const attributeOf = (settings, name) => settings.getAttribute(name) ?? settings.getAttribute(`data-${name}`);

/** The settings given as [name, value]: on the iframe page, those in its address (other keys
 * are not read), else the element's attributes. */
function givenSettings(settings) {
  return frame
    ? [...new URLSearchParams(location.search)].filter(([name]) => ATTRIBUTES.includes(name))
    : ATTRIBUTES.map((name) => [name, attributeOf(settings, name)]).filter(([, value]) => value !== null);
}

// first-view.js: the first views (see there), written in here when the loader is shipped.
//= first-view.js

/** Renders a widget into `host`'s shadow root, configured by `settings`' attributes. */
function attach(host, settings) {
  // The standalone page carries its first view, written at build time into a declared shadow
  // root: it stays on screen until the live widget has drawn the same view, then gives way.
  // Not when the address asks for another view (it would show the wrong one meanwhile).
  // (Not one this loader fetched for an element that was moved: see `stop`.)
  const firstView = [...(host.shadowRoot?.children ?? [])].find((child) => child.matches('.trd-mount[data-prerendered]:not([data-fetched])'));
  const keep = Boolean(firstView) && !(settings.hasAttribute('permalink') && location.search.length > 1);
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  if (!keep) shadow.replaceChildren();
  let style;
  let styled;
  if (OFFLINE) {
    style = document.createElement('style');
    style.textContent = OFFLINE.css;
    styled = Promise.resolve();
  } else {
    style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL('trd-evidence.css', here).href;
    styled = new Promise((done) => { style.onload = done; style.onerror = done; });
  }
  const mount = document.createElement('div');
  mount.className = 'trd-mount';
  mount.hidden = keep;
  // Before the first view, so a message about a failed start shows above it.
  if (keep) {
    shadow.prepend(style, mount);
    holdTaps(firstView);
  } else {
    shadow.append(style, mount);
  }

  let widget = null;
  let stopped = false;
  // Whether the live widget shows something yet (then a first view arriving late stays out).
  let live = false;
  // Asked for once: a retry after a failed start keeps the first view already shown.
  let firstViewAddress = keep ? null : firstViewFor(settings);
  // A first view (the page's or the one asked for) is of the settings the element had: a
  // script that changes them before the widget draws makes it wrong (a valid theme only
  // recolours; an invalid one brings a message).
  const viewSettings = () => JSON.stringify([languageOf(settings), ...givenSettings(settings)
    .filter(([name, value]) => name !== 'theme' || !SAME_VIEW.theme(value))]);
  const firstSettings = viewSettings();
  // What this instance asked for early, so leaving the page stops exactly those.
  let early = [];
  const run = async () => {
    // On a retry after a failed start: a first view shown stays until the widget has drawn.
    if ([...shadow.children].some((child) => child.matches('.trd-mount[data-prerendered]'))) mount.hidden = true;
    const words = defaultFor(`words.${languageOf(settings)}`);
    early = [dataFor(settings), words].filter(Boolean);
    early.forEach(prefetch);
    if (firstViewAddress) {
      const html = firstViewText(firstViewAddress);
      firstViewAddress = null;
      Promise.all([html, styled]).then(([text]) => {
        const view = text && !stopped && !live && viewSettings() === firstSettings && readFirstView(text, settings);
        if (!view || !cutToChosen(view, settings) || !fitToSettings(view, settings)) return;
        // A message that the program failed stays above it; the widget loading stays hidden.
        if (!mount.querySelector('.trd-error')) mount.hidden = true;
        holdTaps(view);
        shadow.append(view);
      });
    }
    let Widget;
    try {
      [Widget] = await Promise.all([loadWasm(), styled]);
    } catch (error) {
      if (!stopped) showLoadFailure(mount, settings, error, run);
      return;
    }
    if (stopped || widget) return;
    mount.replaceChildren();
    widget = new Widget(mount, settings, DEFAULT_DATA, frame);
    whenShown(mount, () => {
      live = true;
      takeOver(shadow, mount);
      // For pages that lay themselves out around their content (a slide deck centres each
      // slide): the widget has drawn and has its height now.
      host.dispatchEvent(new CustomEvent('trd-evidence:ready', { bubbles: true, composed: true }));
    });
  };
  const near = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      near.disconnect();
      run();
    }
  }, { rootMargin: NEAR });
  near.observe(host);
  return {
    update: () => {
      if (viewSettings() !== firstSettings) takeOver(shadow, mount);
      widget?.update(settings, DEFAULT_DATA);
    },
    stop: () => {
      stopped = true;
      near.disconnect();
      // A first view fetched for this instance is not adopted if the element comes back.
      for (const view of shadow.querySelectorAll('.trd-mount[data-fetched]')) view.remove();
      early.forEach(unprefetch);
      widget?.unmount();
      widget?.free();
      widget = null;
    },
  };
}

// The only words the widget cannot take from its catalogue, because its program did not load;
// worded as its own error messages are. A new language adds its line here.
const LOAD_FAILED = {
  en: ['The comparison could not be shown',
    (reason) => `The widget's program could not be loaded (${reason}). Check your connection and try again.`,
    'Try again'],
  es: ['No se pudo mostrar la comparación',
    (reason) => `No se pudo cargar el programa del widget (${reason}). Revise su conexión e inténtelo de nuevo.`,
    'Intentar de nuevo'],
};

/** The language an instance is asked for, as the widget reads it (settings::read_page): on the
 * iframe page the address's lang, else its own (even empty), else its page's. */
function languageTag(settings) {
  const asked = frame ? new URLSearchParams(location.search).get('lang') : null;
  return asked ?? attributeOf(settings, 'lang') ?? settings.parentElement?.closest('[lang]')?.getAttribute('lang') ?? '';
}

/** "es" of "es-MX" or " es_419", split before trimming as `Lang::from_tag` does. */
function primaryLanguage(tag) {
  return tag.split(/[-_]/)[0].trim().toLowerCase();
}

/** The language an instance speaks: the one asked for if the widget has it, else English. */
function languageOf(settings) {
  const primary = primaryLanguage(languageTag(settings));
  return LANGUAGES.includes(primary) ? primary : 'en';
}

/** Calls `then` once the widget in `mount` shows something: its options, or a message. */
function whenShown(mount, then) {
  const shown = () => mount.querySelector('.trd-card, .trd-table, .trd-icons, [role=alert]');
  if (shown()) { then(); return; }
  const watch = new MutationObserver(() => { if (shown()) { watch.disconnect(); then(); } });
  watch.observe(mount, { childList: true, subtree: true });
}

/** Shows the live widget in place of the first view. */
function takeOver(shadow, mount) {
  const old = [...shadow.children].filter((child) => child.hasAttribute('data-prerendered'));
  // A reader who had tabbed into the first view keeps their place: the same control, counted
  // in reading order, in the live widget (the markup is the same); one who tapped a control
  // there gets it done now.
  const focused = old.find((view) => view.contains(shadow.activeElement));
  const place = focused ? placeIn(focused, shadow.activeElement) : -1;
  const tap = old.map((view) => tapped.get(view)).find((index) => index !== undefined) ?? -1;
  const choices = old.flatMap((view) => [...(chosen.get(view) ?? [])]);
  old.forEach((view) => view.remove());
  mount.hidden = false;
  const live = reachable(mount, old.some((view) => view.hasAttribute('data-cut')));
  for (const [index, value] of choices) {
    const select = live[index];
    if (select?.tagName !== 'SELECT' || select.value === value) continue;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  live[tap >= 0 ? tap : place]?.focus({ preventScroll: true });
  if (tap >= 0) live[tap]?.click();
}
const FOCUSABLE = 'a[href], button, select, input, summary, [tabindex]:not([tabindex="-1"])';
/** The controls a reader can reach, in reading order; beside a first view cut down to chosen
 * options, leaving out those that come and go with the choice (`.trd-by-selection`), so both
 * count alike. */
const reachable = (root, cut) => [...root.querySelectorAll(FOCUSABLE)]
  .filter((control) => !cut || !control.closest('.trd-by-selection'));
/** Where `control` stands among a first view's reachable controls. */
const placeIn = (view, control) => reachable(view, view.hasAttribute('data-cut')).indexOf(control);

// A first view's buttons do nothing yet, and its folded parts have nothing inside (they are
// built when opened): a tap on one is kept, and done once the live widget has drawn; so is
// a choice made in one of its lists (the order), by its place among the controls.
const tapped = new WeakMap();
const chosen = new WeakMap();
function holdTaps(view) {
  view.addEventListener('click', (event) => {
    const control = event.target.closest('button, summary');
    if (!control) return;
    event.preventDefault();
    tapped.set(view, placeIn(view, control));
  });
  view.addEventListener('change', (event) => {
    if (event.target.tagName !== 'SELECT') return;
    const choices = chosen.get(view) ?? new Map();
    choices.set(placeIn(view, event.target), event.target.value);
    chosen.set(view, choices);
  });
}

/** The widget's code itself could not be loaded: say so in the box, with a retry. */
function showLoadFailure(mount, settings, error, retry) {
  const lang = languageOf(settings);
  const [title, explain, again] = LOAD_FAILED[lang];
  const box = document.createElement('div');
  box.className = 'trd-evidence trd-error';
  box.setAttribute('role', 'alert');
  box.lang = lang;
  const level = Number(settings.getAttribute('heading-level') ?? settings.getAttribute('data-heading-level')) || 2;
  const heading = document.createElement(`h${Math.min(Math.max(level, 1), 6)}`);
  heading.textContent = title;
  const text = document.createElement('p');
  text.textContent = explain(error?.message ?? error);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'trd-button';
  button.textContent = again;
  button.addEventListener('click', () => { box.remove(); retry(); });
  box.append(heading, text, button);
  mount.replaceChildren(box);
  mount.hidden = false; // above the first view, if the page has one: it stays readable
}

class TrdEvidenceElement extends HTMLElement {
  static observedAttributes = WATCHED;
  connectedCallback() { this.instance ??= attach(this, this); }
  disconnectedCallback() { this.instance?.stop(); this.instance = null; }
  attributeChangedCallback() { this.instance?.update(); }
}

// The theme colours the element itself (:host([theme]) in the styles), so on the iframe page
// it is copied from the address to the element; the page takes the language asked for, so its
// title and the browser's tools read it as the widget does.
const theme = frame && new URLSearchParams(location.search).get('theme');
if (theme) for (const element of document.querySelectorAll('trd-evidence')) element.setAttribute('theme', theme);
if (frame) document.documentElement.lang = languageOf(document.querySelector('trd-evidence') ?? document.documentElement);
// The look a host sets with custom properties on the element, for the iframe from its address:
// ?trd-accent=%236b2c91&trd-font=Georgia,serif (the README lists them). Set through the
// CSSOM, which a strict Content-Security-Policy allows.
const THEMING = ['trd-font', 'trd-accent', 'trd-mark', 'trd-mark-2', 'trd-text', 'trd-muted', 'trd-bg',
  'trd-soft', 'trd-border', 'trd-grid', 'trd-on-mark', 'trd-flag-bg', 'trd-flag-text', 'trd-radius', 'trd-gap'];
if (frame) {
  for (const [key, value] of new URLSearchParams(location.search)) {
    if (!THEMING.includes(key)) continue;
    for (const element of document.querySelectorAll('trd-evidence')) element.style.setProperty(`--${key}`, value);
  }
}
// The iframe page's height goes to the parent.
if (frame) {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last && window.parent !== window) {
      last = height;
      // Only a height is sent, never content, so any parent may read it.
      window.parent.postMessage({ type: 'trd-evidence:height', height }, '*');
    }
  }).observe(document.documentElement);
}

if (!customElements.get('trd-evidence')) customElements.define('trd-evidence', TrdEvidenceElement);

// <div data-trd-evidence data-src="…"> works too (for editors that strip unknown elements).
for (const div of document.querySelectorAll('[data-trd-evidence]')) {
  if (div.shadowRoot) continue;
  const instance = attach(div, div);
  new MutationObserver(() => instance.update())
    .observe(div, { attributes: true, attributeFilter: WATCHED });
}
