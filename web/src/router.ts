/**
 * State lives in the URL hash: `#/<lang>/<page>/<arg>/<arg>?key=value`, so the language switch,
 * reloads and shared links keep the page and the selection.
 */
import type { Lang } from './i18n.js';

export interface Route {
  lang: Lang;
  page: string;
  args: string[];
  params: URLSearchParams;
}

export const PAGES = ['overview', 'sources', 'search', 'actors', 'timeline', 'commitments', 'figures', 'causal', 'scenarios', 'hypotheses', 'backtest', 'briefing', 'desk', 'history'] as const;

/**
 * The pages in the navigation bar: the history is reached from the desk and from each change,
 * the back-test from the commitments and hypotheses pages.
 */
export const NAV: ReadonlyArray<(typeof PAGES)[number]> = PAGES.filter((p) => p !== 'history' && p !== 'backtest');

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const lang: Lang = parts[0] === 'en' ? 'en' : 'ar';
  const page = parts[1] ?? 'overview';
  return { lang, page, args: parts.slice(2), params: new URLSearchParams(query) };
}

export function href(lang: Lang, page: string, args: string[] = [], params?: Record<string, string | undefined>): string {
  const path = [lang, page, ...args].map(encodeURIComponent).join('/');
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== '') q.set(k, v);
  const qs = q.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

export function withLang(route: Route, lang: Lang): string {
  const qs = route.params.toString();
  const path = [lang, route.page, ...route.args].map(encodeURIComponent).join('/');
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

/**
 * Records a selection in the URL without a new history entry and without re-rendering the page
 * (the page already shows it). The entry's scroll key is kept, so Back still restores scroll.
 */
export function replaceRoute(hash: string): void {
  history.replaceState(history.state, '', hash);
}

/** The route of a hash built by `href` (for pages that keep their selection in the URL). */
export function currentParams(): URLSearchParams {
  return parseHash(location.hash).params;
}
