/**
 * Search: as the CLI, with filters (document, language, outlet, dates, actor) and the order
 * (relevance or date) kept in the URL; above the results, how the query was read (names and
 * glossary forms in both languages, with their passage counts), "did you mean" links for words
 * that match nothing and names several actors share. Each result says what it matched and
 * where else the same text stands. A result opens the
 * reader with the matched words marked. The result count is announced; a refused query is
 * explained under the form, which stays usable.
 */
import { get } from '../api.js';
import { add, bdi, h } from '../dom.js';
import { bi, COUNTS, fmtDate, fmtNumber, lang, listSep, plural, t } from '../i18n.js';
import { actorMap, docTitle } from '../lookup.js';
import { announce, errorNotice } from '../notice.js';
import type { Page } from '../page.js';
import { href } from '../router.js';
import type { DocMeta } from '../types.js';

interface Hit {
  file: string; documentId: string; passage: string; ordinal: number; start: number; end: number;
  score: number; snippet: string; language: string; published: string | null;
  matched: string[]; alsoIn: Array<{ file: string; passage: string }>;
}
interface SearchResult {
  hits: Hit[];
  expansion: { alternatives: string[]; entities: string[] };
  units: Array<{ label: string; forms: string[]; passages: number }>;
  didYouMean: string[];
  ambiguous: Array<{ name: string; actors: string[] }>;
}

const FILTERS = ['q', 'doc', 'lang', 'outlet', 'from', 'to', 'actor', 'sort'] as const;

export const searchPage: Page = async (root, ctx) => {
  const params = ctx.route.params;
  const [docs, actors] = await Promise.all([get('documents'), actorMap()]);
  const field = (name: string, control: HTMLElement) => h('label', {}, name, control);
  const select = (name: string, all: string, options: Array<[string, string]>) =>
    h(
      'select',
      { name },
      h('option', { value: '' }, all),
      options.map(([v, l]) => h('option', { value: v, selected: params.get(name) === v }, l)),
    );
  const form = h(
    'form',
    { class: 'filters', role: 'search', id: 'search-form' },
    field(t('query'), h('input', { type: 'search', name: 'q', value: params.get('q') ?? '', required: true, dir: 'auto' })),
    field(t('documents'), select('doc', t('allDocuments'), docs.items.map((d) => [d.id, docTitle(d)]))),
    field(t('language'), select('lang', t('anyLanguage'), [['ar', 'العربية'], ['en', 'English']])),
    field(t('outlet'), h('input', { type: 'text', name: 'outlet', value: params.get('outlet') ?? '', dir: 'auto' })),
    field(t('from'), h('input', { type: 'date', name: 'from', value: params.get('from') ?? '' })),
    field(t('to'), h('input', { type: 'date', name: 'to', value: params.get('to') ?? '' })),
    field(t('actors'), select('actor', t('anyActor'), [...actors.values()].map((a) => [a.id, bi(a.name)]))),
    field(t('sortBy'), select('sort', t('byRelevance'), [['date', t('byDate')]])),
    h('button', { type: 'submit' }, t('search')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const next: Record<string, string> = {};
    for (const k of FILTERS) next[k] = String(data.get(k) ?? '').trim();
    location.hash = href(lang(), 'search', [], next);
  });
  const results = h('section', { id: 'search-results', 'aria-label': t('resultsAnnounce') });
  add(root, h('h1', {}, t('search')), form, results);
  const q = params.get('q');
  if (!q) return;
  const query = new URLSearchParams();
  for (const k of FILTERS) if (params.get(k)) query.set(k, params.get(k)!);
  let result: SearchResult;
  try {
    result = await get('search', Object.fromEntries(query));
  } catch (error) {
    // The form stays; the message goes where the results would be.
    add(results, h('h2', {}, t('searchFailed')), errorNotice(error, () => (location.hash = href(lang(), 'search', [], Object.fromEntries(params)))));
    announce(t('searchFailed'));
    return;
  }
  const titles = new Map(docs.items.map((d) => [d.id, docTitle(d)]));
  if (result.didYouMean.length) {
    const others = Object.fromEntries([...params.entries()].filter(([k]) => k !== 'q'));
    add(
      results,
      h('p', { id: 'did-you-mean' }, t('didYouMean'), ' ', result.didYouMean.map((d, i) => [i ? listSep() : '', h('a', { href: href(lang(), 'search', [], { ...others, q: d }) }, bdi(d))])),
    );
  }
  for (const a of result.ambiguous) {
    add(
      results,
      h('p', { class: 'muted ambiguous' }, t('ambiguousQueryName'), ' ', bdi(a.name, 'badge'), ' — ', a.actors.map((id, i) => [i ? listSep() : '', bdi(actors.get(id) ? bi(actors.get(id)!.name) : id)])),
    );
  }
  const expanded = result.units.filter((u) => u.forms.length > 0);
  if (expanded.length) {
    add(
      results,
      h(
        'p',
        { class: 'muted', id: 'expansion' },
        t('readAs'),
        ' ',
        expanded.map((u, i) => [i ? listSep() : '', bdi(u.label, 'badge'), ' → ', bdi(u.forms.slice(0, 6).join(' / ')), ` (${fmtNumber(u.passages)})`]),
      ),
    );
  }
  const count = plural(result.hits.length, COUNTS.results);
  add(results, h('h2', {}, `${t('results')}: ${count}`));
  announce(`${t('resultsAnnounce')}: ${count}`);
  if (!result.hits.length) add(results, h('p', { class: 'muted' }, t('noResults')));
  add(
    results,
    h(
      'ol',
      { class: 'plain results', id: 'results' },
      result.hits.map((hit) => {
        const forms = matchedForms(hit.snippet);
        return h(
          'li',
          {},
          h('a', { href: href(lang(), 'sources', [hit.documentId, hit.passage], { q, terms: forms.join('|') || undefined }) }, bdi(titles.get(hit.documentId) ?? hit.file)),
          h('span', { class: 'muted' }, ` ¶${fmtNumber(hit.ordinal + 1)} · ${hit.published ? fmtDate(hit.published) : ''} · ${t('score')} ${fmtNumber(hit.score, 3)}`),
          h('div', { class: 'snippet', dir: 'auto' }, snippet(hit.snippet)),
          hit.matched.length ? h('div', { class: 'muted matched' }, t('matchedOn'), ' ', hit.matched.map((m, i) => [i ? listSep() : '', bdi(m, 'badge')])) : null,
          hit.alsoIn.length
            ? h('div', { class: 'muted also-in' }, t('alsoIn'), ' ', hit.alsoIn.map((a, i) => [i ? listSep() : '', h('a', { href: href(lang(), 'sources', [a.passage.split(':')[0], a.passage], { q }) }, bdi(a.file))]))
            : null,
        );
      }),
    ),
  );
};

/** The words the store marked in a snippet with [[…]], distinct, for the reader to mark again. */
export function matchedForms(s: string): string[] {
  return [...new Set([...s.matchAll(/\[\[([\s\S]*?)\]\]/g)].map((m) => m[1].trim()).filter(Boolean))].slice(0, 10);
}

/** The store marks matches with [[…]]; everything else stays text. */
function snippet(s: string): Node[] {
  const out: Node[] = [];
  const re = /\[\[([\s\S]*?)\]\]/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push(document.createTextNode(s.slice(last, m.index)));
    out.push(h('mark', {}, m[1]));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(document.createTextNode(s.slice(last)));
  return out;
}
