// The first views of the trd-evidence loader: which settings a prerendered first view can
// show, and how it is fitted to them. Not a module of its own (that would be one more request
// before anything shows): tools/assemble-embed.mjs writes it into the loader where the loader
// names this file, so it shares the loader's names (`here`, `givenSettings`, `languageOf`…).
// A pasted element shows a first view written at build time (trd-evidence.first-view.LANG.html,
// the bundled data as the widget draws it) while its program loads, when none of its settings
// changes what the widget shows: those below may be set, to a value the first view matches.
// Chosen options keep the first view too, cut down to their cards (`cutToChosen`); a title,
// heading level, crisis line at the end, outcomes without the other charts or an order are
// written into it (`fitToSettings`). Values are taken only where the loader reads them exactly
// as the widget does: plain ASCII lists split as settings::tokens splits them, and no character
// that one of JavaScript's and Rust's `trim` removes and the other keeps (`firstViewFor` looks
// at the language, which may come from the page, before any setting).
const THEMES = ['auto', 'light', 'dark', 'high-contrast'];
const PANELS = ['response', 'remission', 'burden', 'cost'];
// The orders, as the widget lists them (state::SortKey::ALL).
const SORTS = ['default', 'response', 'remission', 'name'];
const plainList = (value) => /^[\x20-\x7e\t\n\r]*$/.test(value);
const listed = (value) => value.split(/[, \n\t]/).map((token) => token.trim()).filter(Boolean);
const oneOf = (value, tokens) => tokens.includes(value.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, ''));
// JavaScript's trim removes U+FEFF and keeps U+0085; Rust's does the opposite.
const trimsAlike = (value) => !/[\ufeff\u0085]/.test(value);
const SAME_VIEW = {
  lang: (value) => LANGUAGES.includes(primaryLanguage(value)),
  theme: (value) => THEMES.includes(value),
  'heading-level': (value) => oneOf(value, ['1', '2', '3', '4', '5', '6']),
  options: plainList,
  // (A lone surrogate reaches the widget as U+FFFD.)
  title: (value) => trimsAlike(value) && !/\p{Cs}/u.test(value),
  crisis: (value) => oneOf(value, ['top', 'end']),
  sort: (value) => oneOf(value, SORTS),
  // Both outcomes, in the widget's order (each card then shows both, as the first view does);
  // the hours and price charts may be left out.
  metrics: (value) => {
    const tokens = listed(value);
    const outcomes = [...new Set(tokens)].filter((token) => token === 'response' || token === 'remission');
    return plainList(value) && tokens.every((token) => PANELS.includes(token))
      && (tokens.length === 0 || outcomes.join() === 'response,remission');
  },
};

/** The address of the first view `settings` would show first, or null when it shows another. */
function firstViewFor(settings) {
  if (OFFLINE || !trimsAlike(languageTag(settings))) return null;
  const given = givenSettings(settings);
  const names = given.map(([name]) => name);
  const changesView = new Set(names).size < names.length || given.some(([name, value]) => !SAME_VIEW[name]?.(value));
  return changesView ? null : new URL(`trd-evidence.first-view.${languageOf(settings)}.html`, here).href;
}

/** Writes into the first view what `settings` change in it without changing what it shows:
 * the title, the headings' levels (the widget's heading at `heading-level`, each below it one
 * further down, to 6 at most), no crisis line at the top, no folded charts without hours or
 * prices, the cards in the order asked for (SAME_VIEW has checked the values). False when the
 * first view cannot show that order (the prerender lists the orders in which only the cards'
 * places change, `data-orders`). */
function fitToSettings(view, settings) {
  const given = Object.fromEntries(givenSettings(settings));
  const sort = given.sort?.trim();
  if (sort && sort !== 'default') {
    const order = (view.getAttribute('data-orders') ?? '').split(' ').find((entry) => entry.startsWith(`${sort}:`));
    if (!order) return false;
    const place = new Map(order.slice(sort.length + 1).split(',').map((id, index) => [id, index]));
    const cards = [...view.querySelectorAll('.trd-answers > .trd-card')];
    if (cards.some((card) => !place.has(card.getAttribute('data-option')))) return false;
    cards.sort((a, b) => place.get(a.getAttribute('data-option')) - place.get(b.getAttribute('data-option')));
    cards[0]?.parentElement.append(...cards);
    // The list of orders shows it, as the widget's does (a reader's later choice still counts).
    const orders = [...view.querySelectorAll('select')].find((select) => [...select.options].map((o) => o.value).join() === SORTS.join());
    if (!orders) return false;
    for (const option of orders.options) option.defaultSelected = option.value === sort;
  }
  const title = given.title?.trim();
  const article = view.querySelector('.trd-evidence');
  if (title) {
    const heading = article?.querySelector(':scope > .trd-heading');
    if (heading) heading.textContent = Array.from(title).slice(0, 200).join('');
  }
  const level = Number(given['heading-level']?.trim() ?? 2);
  if (level !== 2) {
    for (const heading of view.querySelectorAll('h2, h3, h4, h5, h6')) {
      const moved = document.createElement(`h${Math.min(Number(heading.tagName[1]) - 2 + level, 6)}`);
      for (const { name, value } of heading.attributes) moved.setAttribute(name, value);
      moved.append(...heading.childNodes);
      heading.replaceWith(moved);
    }
  }
  if (given.crisis?.trim() === 'end') view.querySelector('.trd-crisis-top')?.remove();
  const panels = listed(given.metrics ?? '');
  if (panels.length && !panels.includes('burden') && !panels.includes('cost')) view.querySelector('.trd-more-charts')?.remove();
  return true;
}

/** Keeps the cards of the options `settings` choose (in the first view's order, the data's,
 * which `fitToSettings` then changes to the one `sort` asks for) and hides what counts the chosen ones (`.trd-by-selection`,
 * the sources' heading). False when the widget will show something else: an option the data
 * does not have, or fewer than a comparison needs (it then says so, above every option). */
function cutToChosen(view, settings) {
  const list = givenSettings(settings).find(([name]) => name === 'options')?.[1]?.trim();
  if (!list) return true;
  const ids = new Set(listed(list));
  const cards = [...view.querySelectorAll('.trd-card[data-option]')];
  const known = new Set(cards.map((card) => card.getAttribute('data-option')));
  if ([...ids].some((id) => !known.has(id)) || ids.size < Number(view.getAttribute('data-min-options'))) return false;
  for (const card of cards) if (!ids.has(card.getAttribute('data-option'))) card.remove();
  for (const part of view.querySelectorAll('.trd-by-selection')) part.hidden = true;
  view.setAttribute('data-cut', '');
  // "Customise · 4 of 16", as the widget words it (the prerender wrote it for every count).
  const label = JSON.parse(view.getAttribute('data-choose-labels') ?? '[]')[ids.size];
  const summary = view.querySelector('.trd-choose > summary');
  if (!label || !summary) return false;
  summary.textContent = label;
  return true;
}

// One download per first view, shared by every instance on the page that shows it.
const firstViewTexts = new Map();
const firstViewText = (url) => {
  if (!firstViewTexts.has(url)) {
    firstViewTexts.set(url, fetch(url).then((response) => (response.ok ? response.text() : null)).catch(() => null));
  }
  return firstViewTexts.get(url);
};

/** The first view in `html` (a file from this folder), its links made absolute and its theme
 * as `settings` ask; null if it cannot be read (or a Trusted Types policy forbids parsing). */
function readFirstView(html, settings) {
  try {
    const template = document.createElement('template');
    template.innerHTML = html;
    const view = template.content.firstElementChild;
    if (!view?.matches('.trd-mount[data-prerendered]')) return null;
    view.setAttribute('data-fetched', '');
    for (const link of view.querySelectorAll('a[href]:not([href^="#"])')) {
      link.href = new URL(link.getAttribute('href'), here).href;
    }
    const theme = attributeOf(settings, 'theme');
    if (theme) view.querySelector('.trd-root')?.setAttribute('data-theme', theme);
    return view;
  } catch {
    return null;
  }
}
