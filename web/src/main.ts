/**
 * The app shell: header with navigation and the language switch, and the page of the current
 * hash route. Fonts are bundled from npm, so nothing is fetched from another origin.
 */
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import './styles.css';
import { ApiError } from './api.js';
import { h } from './dom.js';
import { setLang, t, type StringKey } from './i18n.js';
import type { Page, PageContext } from './page.js';
import { PAGES, href, parseHash, withLang } from './router.js';
import { overviewPage } from './pages/overview.js';

// The overview is in the first bundle (first paint); the chart- and graph-heavy pages load on demand.
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
  briefing: async () => (await import('./pages/briefing.js')).briefingPage,
};

let leaving: Array<() => void> = [];
let generation = 0;

async function render(): Promise<void> {
  for (const fn of leaving) fn();
  leaving = [];
  const mine = ++generation;
  const route = parseHash(location.hash);
  setLang(route.lang);
  const app = document.getElementById('app')!;
  const main = h('main', { id: 'page', class: `page page-${route.page}`, tabindex: '-1' });
  app.replaceChildren(header(route), main);
  document.title = `${t('appName')} · ${REGISTRY[route.page as keyof typeof REGISTRY] ? t(route.page as StringKey) : t('notFound')}`;
  const load = REGISTRY[route.page as keyof typeof REGISTRY];
  if (!load) {
    main.append(h('h1', {}, t('notFound')));
    return;
  }
  const ctx: PageContext = { route, onLeave: (fn) => leaving.push(fn), alive: () => mine === generation };
  // The body is in the document while the page builds it: charts and graphs measure their boxes.
  const loading = h('p', { class: 'loading' }, t('loading'));
  const body = h('div', { class: 'page-body' });
  main.append(loading, body);
  try {
    const page = await load();
    await page(body, ctx);
    loading.remove();
    // For the paint benchmark: when the page's own content is in place.
    performance.mark(`marsad:ready:${route.page}`);
  } catch (error) {
    if (!ctx.alive()) return;
    // Reported to the console too: the end-to-end tests fail on console errors.
    console.error(error);
    const message = error instanceof ApiError ? `${error.status}: ${error.message}` : String((error as Error)?.message ?? error);
    main.replaceChildren(h('div', { class: 'error', role: 'alert' }, h('strong', {}, t('error')), ' ', message));
  }
  document.body.dataset.page = route.page;
  document.body.dataset.ready = String(mine);
}

function header(route: ReturnType<typeof parseHash>): HTMLElement {
  const nav = h(
    'nav',
    { class: 'nav', 'aria-label': t('appName') },
    PAGES.map((p) =>
      h('a', { href: href(route.lang, p), class: p === route.page ? 'active' : '', 'aria-current': p === route.page ? 'page' : null }, t(p)),
    ),
  );
  const other = route.lang === 'ar' ? 'en' : 'ar';
  return h(
    'header',
    { class: 'top' },
    h('a', { class: 'brand', href: href(route.lang, 'overview') }, t('appName')),
    nav,
    h('a', { class: 'lang-switch', href: withLang(route, other), lang: other, hreflang: other, id: 'lang-switch' }, t('switchLang')),
  );
}

window.addEventListener('hashchange', () => void render());
if (!location.hash) history.replaceState(null, '', href('ar', 'overview'));
void render();
