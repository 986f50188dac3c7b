/**
 * The app shell: a skip link, the header (navigation behind a menu button on narrow screens,
 * display settings, the language switch), the live region, and the page of the current hash
 * route. After each navigation focus moves to the page's heading, and Back/Forward restore the
 * scroll position the page had. Fonts are bundled from npm: nothing is fetched elsewhere.
 */
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles.css';
import { h } from './dom.js';
import { setLang, t, type StringKey } from './i18n.js';
import { errorNotice } from './notice.js';
import type { Page, PageContext } from './page.js';
import { NAV, PAGES, href, parseHash, withLang, type Route } from './router.js';
import { overviewPage } from './pages/overview.js';
import { onSettingsChange, saveSettings, settings, type MonthStyle, type Numerals } from './settings.js';

// The overview is in the first bundle (first paint); the other pages load on demand, each with
// only the libraries it uses.
const REGISTRY: Record<(typeof PAGES)[number], () => Promise<Page>> = {
  overview: async () => overviewPage,
  sources: async () => (await import('./pages/sources.js')).sourcesPage,
  search: async () => (await import('./pages/search.js')).searchPage,
  actors: async () => (await import('./pages/actors.js')).actorsPage,
  timeline: async () => (await import('./pages/timeline.js')).timelinePage,
  commitments: async () => (await import('./pages/commitments.js')).commitmentsPage,
  figures: async () => (await import('./pages/figures.js')).figuresPage,
  causal: async () => (await import('./pages/causal.js')).causalPage,
  scenarios: async () => (await import('./pages/scenarios.js')).scenariosPage,
  hypotheses: async () => (await import('./pages/hypotheses.js')).hypothesesPage,
  backtest: async () => (await import('./pages/backtest.js')).backtestPage,
  briefing: async () => (await import('./pages/briefing.js')).briefingPage,
  desk: async () => (await import('./pages/desk.js')).deskPage,
  history: async () => (await import('./pages/history.js')).historyPage,
  jobs: async () => (await import('./pages/jobs.js')).jobsPage,
};

let leaving: Array<() => void> = [];
let generation = 0;

// Scroll positions by history entry: each entry carries a key in history.state.
history.scrollRestoration = 'manual';
const scrollByEntry = new Map<string, number>();
let currentEntry = '';
let entries = 0;
let firstRender = true;

function entryKey(): { key: string; revisited: boolean } {
  const state = history.state as { key?: string } | null;
  if (state?.key) return { key: state.key, revisited: scrollByEntry.has(state.key) };
  const key = `${Date.now().toString(36)}-${(++entries).toString(36)}`;
  history.replaceState({ ...(state ?? {}), key }, '', location.href);
  return { key, revisited: false };
}

async function render(): Promise<void> {
  for (const fn of leaving) fn();
  leaving = [];
  const mine = ++generation;
  const { key, revisited } = entryKey();
  currentEntry = key;
  const route = parseHash(location.hash);
  setLang(route.lang);
  const app = document.getElementById('app')!;
  const main = h('main', { id: 'page', class: `page page-${route.page}`, tabindex: '-1' });
  const known = route.page in REGISTRY;
  document.title = `${t('appName')} · ${known ? t(route.page as StringKey) : t('notFound')}`;
  app.replaceChildren(skipLink(), header(route), main, h('div', { id: 'announcer', class: 'sr-only', role: 'status', 'aria-live': 'polite' }));
  if (!known) {
    main.append(h('h1', { tabindex: '-1' }, t('notFound')), errorNotice(new Error(`#${location.hash.slice(1)}`)));
    finish(route, mine, revisited, key);
    document.body.dataset.settled = String(mine);
    return;
  }
  const deferred: Array<Promise<unknown>> = [];
  const ctx: PageContext = { route, onLeave: (fn) => leaving.push(fn), alive: () => mine === generation, defer: (work) => deferred.push(work) };
  // The body is in the document while the page builds it: charts and graphs measure their boxes.
  const loading = h('p', { class: 'loading', role: 'status' }, t('loading'));
  const body = h('div', { class: 'page-body' });
  main.append(loading, body);
  try {
    const page = await REGISTRY[route.page as keyof typeof REGISTRY]();
    await page(body, ctx);
    loading.remove();
    // For the paint benchmark: when the page's own content is in place.
    performance.mark(`marsad:ready:${route.page}`);
  } catch (error) {
    if (!ctx.alive()) return;
    // Reported to the console too: the end-to-end tests fail on console errors.
    console.error(error);
    loading.remove();
    // The page keeps what it already built (a search form stays usable); the error goes under it.
    if (!body.querySelector('h1')) body.prepend(h('h1', { tabindex: '-1' }, t(route.page as StringKey)));
    body.append(errorNotice(error, () => void render()));
  }
  if (!ctx.alive()) return;
  finish(route, mine, revisited, key);
  for (const outcome of await Promise.allSettled(deferred)) {
    // A failure after ready is reported (the tests fail on console errors); the page keeps what it drew.
    if (outcome.status === 'rejected') console.error(outcome.reason);
  }
  if (!ctx.alive()) return;
  performance.mark(`marsad:settled:${route.page}`);
  document.body.dataset.settled = String(mine);
}

function finish(route: Route, mine: number, revisited: boolean, key: string): void {
  document.body.dataset.page = route.page;
  document.body.dataset.ready = String(mine);
  if (revisited) window.scrollTo(0, scrollByEntry.get(key) ?? 0);
  else if (!route.args.length && !route.params.size) window.scrollTo(0, 0);
  // Focus follows navigation to the new page's heading (not on the first load: the browser
  // starts at the top and a screen reader reads the page from there).
  if (!firstRender) {
    const heading = document.querySelector<HTMLElement>('#page h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    } else document.getElementById('page')?.focus({ preventScroll: true });
  }
  firstRender = false;
}

function skipLink(): HTMLElement {
  return h(
    'a',
    {
      class: 'skip-link',
      href: '#page',
      onclick: (ev: Event) => {
        // The hash holds the route, so the link moves focus itself instead of navigating.
        ev.preventDefault();
        document.getElementById('page')?.focus();
      },
    },
    t('skipToContent'),
  );
}

function header(route: Route): HTMLElement {
  const nav = h(
    'nav',
    { class: 'nav', id: 'site-nav', 'aria-label': t('appName') },
    h(
      'ul',
      {},
      NAV.map((p) =>
        h('li', {}, h('a', { href: href(route.lang, p), class: p === route.page || (p === 'desk' && route.page === 'history') || (p === 'commitments' && route.page === 'backtest') ? 'active' : '', 'aria-current': p === route.page ? 'page' : null }, t(p))),
      ),
    ),
  );
  const menu = h('button', { type: 'button', class: 'menu-button', id: 'menu-button', 'aria-expanded': 'false', 'aria-controls': 'site-nav' }, h('span', { 'aria-hidden': 'true' }, '☰ '), t('menu'));
  menu.addEventListener('click', () => {
    const open = menu.getAttribute('aria-expanded') !== 'true';
    menu.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
  });
  const other = route.lang === 'ar' ? 'en' : 'ar';
  return h(
    'header',
    { class: 'top' },
    h('a', { class: 'brand', href: href(route.lang, 'overview') }, t('appName')),
    menu,
    nav,
    settingsPanel(),
    h('a', { class: 'lang-switch', href: withLang(route, other), lang: other, hreflang: other, id: 'lang-switch' }, t('switchLang')),
  );
}

function settingsPanel(): HTMLElement {
  const s = settings();
  const lang = document.documentElement.lang === 'en' ? 'en' : 'ar';
  const numerals = h(
    'select',
    { id: 'setting-numerals', name: 'numerals' },
    h('option', { value: 'latn', selected: s.numerals[lang] === 'latn' }, t('numeralsLatn')),
    h('option', { value: 'arab', selected: s.numerals[lang] === 'arab' }, t('numeralsArab')),
  );
  const months = h(
    'select',
    { id: 'setting-months', name: 'months', lang: 'ar' },
    h('option', { value: 'egypt', selected: s.months === 'egypt' }, t('monthsEgypt')),
    h('option', { value: 'levant', selected: s.months === 'levant' }, t('monthsLevant')),
  );
  const save = () =>
    saveSettings({
      numerals: { ...settings().numerals, [lang]: numerals.value as Numerals },
      months: months.value as MonthStyle,
    });
  numerals.addEventListener('change', save);
  months.addEventListener('change', save);
  return h(
    'details',
    { class: 'settings', id: 'settings' },
    h('summary', {}, t('settings')),
    h(
      'div',
      { class: 'settings-body' },
      h('label', {}, t('numerals'), numerals),
      h('label', {}, t('monthStyle'), months),
    ),
  );
}

window.addEventListener('hashchange', () => {
  // Remember where the page being left was scrolled, for Back.
  if (currentEntry) scrollByEntry.set(currentEntry, window.scrollY);
  void render();
});
onSettingsChange(() => {
  if (currentEntry) scrollByEntry.set(currentEntry, window.scrollY);
  void render().then(() => document.getElementById('settings')?.setAttribute('open', ''));
});
// The server has set its cookie from ?token= on this page's request: drop the token from the
// address bar and the history, where it would be shown, shared and kept.
if (new URLSearchParams(location.search).has('token')) history.replaceState(null, '', location.pathname + location.hash);
if (!location.hash) history.replaceState(null, '', href('ar', 'overview'));
void render();
