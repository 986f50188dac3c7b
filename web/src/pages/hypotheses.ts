/**
 * Hypotheses: the Analysis of Competing Hypotheses matrix — evidence × hypotheses with each
 * rating (its rationale and citation one click away), the ranking, how diagnostic each item is,
 * which items the leading hypothesis hangs on, and the ranking without low-credibility items.
 */
import { get } from '../api.js';
import { citeLinks, type Cite } from '../cite.js';
import { add, h } from '../dom.js';
import { bi, fmtNumber, label, t } from '../i18n.js';
import type { Page } from '../page.js';
import type { Bi } from '../types.js';

interface Hypothesis { id: string; title: Bi; description?: Bi }
interface Rating { hypothesis: string; rating: string; rationale: Bi; cite: Cite[] }
interface Evidence { id: string; title: Bi; credibility: string; relevance: string; ratings: Rating[] }
interface Score { hypothesis: string; inconsistency: number; weightedInconsistency: number; weightedScore: number; rank: number }
interface Analysis {
  scores: Score[];
  leading: string | null;
  diagnosticity: Array<{ evidence: string; weight: number; diagnosticity: number }>;
  critical: Array<{ evidence: string; leadingWithout: string | null }>;
  withoutLowCredibility: { dropped: string[]; scores: Score[]; leading: string | null };
}

export const hypothesesPage: Page = async (root) => {
  const data = await get<{ hypotheses: Hypothesis[]; evidence: Evidence[]; analysis: Analysis }>('hypotheses');
  const title = (id: string | null) => (id ? bi(data.hypotheses.find((x) => x.id === id)?.title) || id : '—');
  const evTitle = (id: string) => bi(data.evidence.find((e) => e.id === id)?.title) || id;
  const a = data.analysis;
  const scoreTable = (scores: Score[]) =>
    h(
      'table',
      { class: 'scores' },
      h('thead', {}, h('tr', {}, [t('rank'), t('hypotheses'), t('inconsistency'), t('weightedScore')].map((x) => h('th', {}, x)))),
      h(
        'tbody',
        {},
        scores.map((s) =>
          h('tr', { class: s.hypothesis === a.leading ? 'active' : '' }, h('td', {}, fmtNumber(s.rank)), h('td', {}, title(s.hypothesis)), h('td', {}, fmtNumber(s.inconsistency, 1)), h('td', {}, fmtNumber(s.weightedScore, 2))),
        ),
      ),
    );
  add(
    root,
    h('h1', {}, t('hypotheses')),
    h('p', {}, t('leading'), ': ', h('strong', { id: 'leading' }, title(a.leading))),
    h('div', { class: 'grid' }, h('section', { class: 'card' }, h('h2', {}, t('ranking')), scoreTable(a.scores)), h(
      'section',
      { class: 'card' },
      h('h2', {}, t('robustness')),
      h('p', {}, t('withoutLow'), ` (${fmtNumber(a.withoutLowCredibility.dropped.length)}): `, h('strong', {}, title(a.withoutLowCredibility.leading))),
      a.critical.length
        ? h('ul', { class: 'plain' }, a.critical.map((c) => h('li', {}, evTitle(c.evidence), ' → ', title(c.leadingWithout))))
        : h('p', { class: 'muted' }, t('noCritical')),
    )),
    h('h2', {}, t('matrix')),
  );
  const diag = new Map(a.diagnosticity.map((d) => [d.evidence, d.diagnosticity]));
  const matrix = h(
    'table',
    { id: 'ach-matrix', class: 'matrix' },
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, t('evidence')), h('th', {}, t('credibility')), h('th', {}, t('diagnosticity')), data.hypotheses.map((x) => h('th', { title: bi(x.description) }, bi(x.title)))),
    ),
    h(
      'tbody',
      {},
      data.evidence.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, bi(e.title)),
          h('td', {}, `${label(e.credibility)} / ${label(e.relevance)}`),
          h('td', {}, fmtNumber(diag.get(e.id) ?? 0, 2)),
          data.hypotheses.map((x) => {
            const r = e.ratings.find((y) => y.hypothesis === x.id);
            return h('td', { class: `rating rating-${r?.rating ?? 'none'}`, title: r ? bi(r.rationale) : '' }, r ? r.rating : '', r ? citeLinks(r.cite) : null);
          }),
        ),
      ),
    ),
  );
  add(root, h('div', { class: 'scroll-x' }, matrix));
};
