/**
 * Hypotheses: the Analysis of Competing Hypotheses matrix — evidence × hypotheses, each rating
 * colour-coded with its rationale and citation one click away (a citation opens its passage).
 * The rows sort by diagnosticity, credibility or title (click a header; the order is kept in
 * the URL, so the language switch keeps it). Beside it: the scores per hypothesis, the items
 * the leading hypothesis hangs on, and the ranking without low-credibility evidence.
 */
import { get } from '../api.js';
import { asOfForm } from '../as-of-form.js';
import { citeLinks, citeQuote, type Cite } from '../cite.js';
import { add, bdi, h, set } from '../dom.js';
import { bi, fmtDate, fmtNumber, label, lang, listSep, t, type StringKey } from '../i18n.js';
import type { Page } from '../page.js';
import { href, replaceRoute } from '../router.js';
import { unknownNotice } from '../notice.js';
import type { Bi } from '../types.js';

interface Hypothesis { id: string; title: Bi; description?: Bi }
interface Rating { hypothesis: string; rating: string; rationale: Bi; cite: Cite[] }
interface Evidence { id: string; title: Bi; credibility: Grade; relevance: Grade; ratings: Rating[] }
interface Score { hypothesis: string; inconsistency: number; weightedInconsistency: number; weightedScore: number; rank: number }
interface Analysis {
  scores: Score[];
  leading: string | null;
  diagnosticity: Array<{ evidence: string; weight: number; diagnosticity: number }>;
  critical: Array<{ evidence: string; leadingWithout: string | null }>;
  withoutLowCredibility: { dropped: string[]; scores: Score[]; leading: string | null };
}
type Grade = 'low' | 'medium' | 'high';

const GRADE: Record<Grade, number> = { low: 0, medium: 1, high: 2 };
const RATINGS = ['CC', 'C', 'N', 'NA', 'I', 'II'] as const;
const SORTS = ['diagnosticity', 'credibility', 'title'] as const;
type SortKey = (typeof SORTS)[number];

export const hypothesesPage: Page = async (root, ctx) => {
  const data = await get('hypotheses', { asOf: ctx.route.params.get('asOf') ?? undefined });
  const a = data.analysis;
  const hypTitle = (id: string | null) => (id ? bi(data.hypotheses.find((x) => x.id === id)?.title) || id : '—');
  const evTitle = (id: string) => bi(data.evidence.find((e) => e.id === id)?.title) || id;
  const diag = new Map(a.diagnosticity.map((d) => [d.evidence, d]));
  const params = ctx.route.params;
  const sort = (SORTS as readonly string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as SortKey) : undefined;
  // Numbers read best high-first, titles A→Z; a second click reverses.
  const naturalDir = (key: SortKey) => (key === 'title' ? 'asc' : 'desc');
  const dir = params.get('dir') === 'asc' || params.get('dir') === 'desc' ? params.get('dir')! : sort ? naturalDir(sort) : 'desc';

  const scoreTable = (scores: Score[], leading: string | null, id: string) =>
    h(
      'table',
      { class: 'scores reflow', id },
      h(
        'thead',
        {},
        h('tr', {}, [t('rank'), t('hypothesis'), t('inconsistency'), t('weightedInconsistency'), t('weightedScore')].map((x, i) => h('th', { scope: 'col', class: i >= 2 ? 'num' : null }, x))),
      ),
      h(
        'tbody',
        {},
        scores.map((s) =>
          h(
            'tr',
            { class: s.hypothesis === leading ? 'active' : '', 'data-hypothesis': s.hypothesis },
            h('td', { 'data-label': t('rank') }, fmtNumber(s.rank)),
            h('td', { 'data-label': t('hypothesis') }, bdi(hypTitle(s.hypothesis))),
            h('td', { class: 'num', 'data-label': t('inconsistency') }, fmtNumber(s.inconsistency, 1)),
            h('td', { class: 'num', 'data-label': t('weightedInconsistency') }, fmtNumber(s.weightedInconsistency, 2)),
            h('td', { class: 'num', 'data-label': t('weightedScore') }, fmtNumber(s.weightedScore, 2)),
          ),
        ),
      ),
    );

  add(
    root,
    h('h1', {}, t('hypotheses')),
    // The ranking as it stood on a day: the evidence known by then (`marsad ach --as-of`).
    asOfForm(ctx.route, data.asOf),
    h('p', {}, t('leading'), ': ', h('strong', { id: 'leading' }, bdi(hypTitle(a.leading))), ' ', h('span', { class: 'muted' }, `(${t('asOf')} ${fmtDate(data.asOf)})`)),
    h('p', { class: 'muted small' }, t('achMethod'), ' ', h('a', { href: href(lang(), 'backtest'), id: 'backtest-link' }, t('backtest'))),
    h(
      'div',
      { class: 'grid' },
      h('section', { class: 'card' }, h('h2', {}, t('ranking')), scoreTable(a.scores, a.leading, 'ach-scores')),
      h(
        'section',
        { class: 'card', id: 'ach-robustness' },
        h('h2', {}, t('robustness')),
        h('h3', {}, t('criticalItems')),
        a.critical.length
          ? h(
              'ul',
              { class: 'plain', id: 'ach-critical' },
              a.critical.map((c) => h('li', {}, bdi(evTitle(c.evidence)), ' ← ', t('withoutIt'), ': ', h('strong', {}, bdi(hypTitle(c.leadingWithout))))),
            )
          : h('p', { class: 'muted' }, t('noCritical')),
        h('h3', {}, t('withoutLow')),
        h(
          'p',
          {},
          `${t('dropped')} (${fmtNumber(a.withoutLowCredibility.dropped.length)}): `,
          a.withoutLowCredibility.dropped.length ? a.withoutLowCredibility.dropped.map((id, i) => [i ? listSep() : '', bdi(evTitle(id))]) : '—',
        ),
        scoreTable(a.withoutLowCredibility.scores, a.withoutLowCredibility.leading, 'ach-scores-reduced'),
      ),
    ),
    h('h2', {}, t('matrix')),
    h(
      'p',
      { class: 'legend', id: 'rating-legend' },
      RATINGS.map((r) => h('span', {}, h('span', { class: `rating-chip rating-${r}` }, r), ' ', t(`rating${r}` as StringKey))),
    ),
  );

  const rows = [...data.evidence];
  const cmpTitle = (x: Evidence, y: Evidence) => bi(x.title).localeCompare(bi(y.title), lang());
  const compare: Record<SortKey, (x: Evidence, y: Evidence) => number> = {
    diagnosticity: (x, y) => (diag.get(x.id)?.diagnosticity ?? 0) - (diag.get(y.id)?.diagnosticity ?? 0),
    credibility: (x, y) => GRADE[x.credibility] - GRADE[y.credibility] || GRADE[x.relevance] - GRADE[y.relevance],
    title: cmpTitle,
  };
  if (sort) {
    const sign = dir === 'asc' ? 1 : -1;
    // Ties keep the case's order, so equal items do not jump around between clicks.
    const index = new Map(rows.map((e, i) => [e.id, i]));
    rows.sort((x, y) => sign * compare[sort](x, y) || index.get(x.id)! - index.get(y.id)!);
  }

  const go = (next: Record<string, string | undefined>) =>
    (location.hash = href(lang(), 'hypotheses', [], { sort, dir: sort ? dir : undefined, asOf: params.get('asOf') ?? undefined, ...next }));
  const sortHeader = (key: SortKey, text: string) => {
    const active = sort === key;
    const nextDir = active ? (dir === 'asc' ? 'desc' : 'asc') : naturalDir(key);
    return h(
      'th',
      { scope: 'col', 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none', class: 'sortable' },
      h(
        'button',
        { type: 'button', class: 'sort', id: `sort-${key}`, 'data-sort': key, onclick: () => go({ sort: key, dir: nextDir }) },
        text,
        h('span', { class: 'arrow', 'aria-hidden': 'true' }, active ? (dir === 'asc' ? '▲' : '▼') : '↕'),
      ),
    );
  };

  const detail = h('section', { class: 'card', id: 'rating-detail', 'aria-live': 'polite', tabindex: '-1' });
  const showDetail = (e: Evidence, x: Hypothesis, r: Rating) =>
    set(
      detail,
      h('h3', {}, bdi(bi(e.title))),
      h('p', {}, h('span', { class: `rating-chip rating-${r.rating}` }, r.rating), ' ', t(`rating${r.rating}` as StringKey), ' — ', bdi(bi(x.title))),
      h('p', { class: 'rationale' }, bi(r.rationale), citeLinks(r.cite)),
      r.cite.map((c) => citeQuote(c)),
    );

  const matrix = h(
    'table',
    { id: 'ach-matrix', class: 'matrix reflow' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        sortHeader('title', t('evidence')),
        sortHeader('credibility', t('credibility')),
        sortHeader('diagnosticity', t('diagnosticity')),
        data.hypotheses.map((x) => h('th', { scope: 'col', title: bi(x.description), class: 'hyp' }, bdi(bi(x.title)))),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((e) =>
        h(
          'tr',
          { 'data-evidence': e.id, id: `ev-${e.id}`, class: e.id === params.get('evidence') ? 'active' : '' },
          h('th', { scope: 'row', class: 'ev' }, bdi(bi(e.title))),
          h('td', { 'data-label': t('credibility') }, `${label(e.credibility)} / ${label(e.relevance)}`),
          h('td', { class: 'num', 'data-label': t('diagnosticity') }, fmtNumber(diag.get(e.id)?.diagnosticity ?? 0, 2)),
          data.hypotheses.map((x) => {
            const r = e.ratings.find((y) => y.hypothesis === x.id);
            if (!r) return h('td', { class: 'rating rating-none' }, '');
            return h(
              'td',
              { class: `rating rating-${r.rating}`, title: bi(r.rationale), 'data-label': bi(x.title) },
              h(
                'button',
                {
                  type: 'button',
                  class: 'rating-button',
                  'data-rating': `${e.id}:${x.id}`,
                  onclick: (ev: Event) => {
                    select(ev.currentTarget as HTMLElement, e, x, r);
                    // The rationale sits under the matrix: bring it into view and move there.
                    detail.scrollIntoView({ block: 'nearest' });
                    detail.focus({ preventScroll: true });
                  },
                },
                r.rating,
                // The visible code first, then what it means for whom: the name starts with what is seen.
                h('span', { class: 'sr-only' }, ` ${t(`rating${r.rating}` as StringKey)} — ${bi(x.title)} — ${bi(e.title)}`),
              ),
              citeLinks(r.cite),
            );
          }),
        ),
      ),
    ),
  );
  function select(button: HTMLElement, e: Evidence, x: Hypothesis, r: Rating): void {
    for (const el of matrix.querySelectorAll('td.selected')) el.classList.remove('selected');
    button.parentElement?.classList.add('selected');
    showDetail(e, x, r);
    replaceRoute(href(lang(), 'hypotheses', [], { sort, dir: sort ? dir : undefined, asOf: params.get('asOf') ?? undefined, rating: `${e.id}:${x.id}` }));
  }
  // On narrow screens the headers fold away with the table: the same sorts as a list.
  const sortSelect = h(
    'select',
    { id: 'sort-select', name: 'sort' },
    h('option', { value: '' }, '—'),
    SORTS.map((k) => h('option', { value: k, selected: k === sort }, k === 'title' ? t('evidence') : k === 'credibility' ? t('credibility') : t('diagnosticity'))),
  );
  sortSelect.addEventListener('change', () => go({ sort: sortSelect.value || undefined, dir: sortSelect.value ? naturalDir(sortSelect.value as SortKey) : undefined }));
  add(detail, h('p', { class: 'muted' }, t('clickRating')));
  add(root, h('form', { class: 'filters narrow-only' }, h('label', {}, t('ranking'), sortSelect)), h('div', { class: 'scroll-x' }, matrix), detail);
  const wanted = params.get('rating');
  if (wanted) {
    const [evId, hypId] = wanted.split(':');
    const e = data.evidence.find((x) => x.id === evId);
    const x = data.hypotheses.find((y) => y.id === hypId);
    const r = e?.ratings.find((y) => y.hypothesis === hypId);
    const button = matrix.querySelector<HTMLElement>(`[data-rating="${CSS.escape(wanted)}"]`);
    if (e && x && r && button) select(button, e, x, r);
    else add(root, unknownNotice('unknownRating', wanted));
  }
  const focusEvidence = params.get('evidence');
  if (focusEvidence) requestAnimationFrame(() => ctx.alive() && document.getElementById(`ev-${focusEvidence}`)?.scrollIntoView({ block: 'center' }));
};
