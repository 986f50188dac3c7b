/** Overview: the question, key figures, next deadlines, latest events and the scenarios. */
import { get } from '../api.js';
import { citeLinks } from '../cite.js';
import { add, bdi, h, set } from '../dom.js';
import { bi, fmtDate, fmtNumber, label, lang, listSep, t, type StringKey } from '../i18n.js';
import type { Page } from '../page.js';
import { href } from '../router.js';
import type { Bi, CaseEvent, Commitment, Scenario } from '../types.js';
import { post } from '../api.js';
import { actorMap, actorName } from '../lookup.js';

interface Overview {
  meta: { title: Bi; question: Bi; as_of?: string };
  asOf: string;
  counts: Record<string, number>;
  store: { documents?: number; passages?: number };
  deadlines: Commitment[];
  latestEvents: CaseEvent[];
  scenarios: Scenario[];
}

export const overviewPage: Page = async (root, ctx) => {
  const o = await get<Overview>('overview');
  const figures: Array<[StringKey, number | undefined, string]> = [
    ['documents', o.store.documents, 'sources'],
    ['passages', o.store.passages, 'sources'],
    ['actors', o.counts.actors, 'actors'],
    ['events', o.counts.events, 'timeline'],
    ['commitments', o.counts.commitments, 'commitments'],
    ['claims', o.counts.claims, 'figures'],
    ['conflicts', o.counts.conflicts, 'figures'],
    ['concepts', o.counts.concepts, 'causal'],
    ['scenarios', o.counts.scenarios, 'scenarios'],
  ];
  add(root, 
    h('h1', { id: 'case-title' }, bi(o.meta.title)),
    h('p', { class: 'question' }, bi(o.meta.question), ' ', h('span', { class: 'muted' }, `(${t('asOf')} ${fmtDate(o.asOf)})`)),
    h('h2', {}, t('keyFigures')),
    h(
      'div',
      { class: 'figures', id: 'key-figures' },
      figures.map(([key, n, page]) =>
        h('a', { class: 'figure', href: href(lang(), page) }, h('span', { class: 'n' }, fmtNumber(n ?? 0)), t(key)),
      ),
    ),
    h(
      'div',
      { class: 'grid' },
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('nextDeadlines')),
        h(
          'ul',
          { class: 'plain' },
          o.deadlines.map((m) =>
            h(
              'li',
              {},
              h('span', { class: 'date' }, fmtDate(m.due)),
              h('a', { href: href(lang(), 'commitments', [m.id]) }, bi(m.title)),
              h('span', { class: `badge score-${m.current.score}` }, label(`score${m.current.score}`)),
              citeLinks(m.cite),
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('latestEvents')),
        h(
          'ul',
          { class: 'plain' },
          o.latestEvents.map((e) =>
            h(
              'li',
              {},
              h('span', { class: 'date' }, fmtDate(e.date)),
              h('a', { href: href(lang(), 'timeline', [], { event: e.id }) }, bdi(bi(e.title))),
              citeLinks(e.cite),
            ),
          ),
        ),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('scenarioSummary')),
        h(
          'ul',
          { class: 'plain' },
          o.scenarios.map((s) =>
            h(
              'li',
              {},
              h('a', { href: href(lang(), 'scenarios', [s.id]) }, h('strong', {}, bi(s.title))),
              h('div', { class: 'muted' }, bi(s.description)),
              h('div', { class: 'payoffs', 'data-scenario': s.id }),
            ),
          ),
        ),
      ),
    ),
  );
  // Winners and losers arrive after the first paint: the overview does not wait for the engine.
  fillPayoffs(root, o.scenarios, ctx.alive).catch((error: unknown) => console.error(error));
};

async function fillPayoffs(root: HTMLElement, scenarios: Scenario[], alive: () => boolean): Promise<void> {
  const actors = await actorMap();
  for (const s of scenarios) {
    const r = await post<{ winners: Array<{ actor: string }>; losers: Array<{ actor: string }> }>('simulate', { scenario: s.id });
    if (!alive()) return;
    const box = root.querySelector(`.payoffs[data-scenario="${s.id}"]`);
    if (!box || (!r.winners.length && !r.losers.length)) continue;
    const names = (xs: Array<{ actor: string }>) => xs.slice(0, 3).map((x) => actorName(actors, x.actor)).join(listSep()) || '—';
    box.append(
      h('span', { class: 'pos' }, `${t('winners')}: ${names(r.winners)}`),
      ' · ',
      h('span', { class: 'neg' }, `${t('losers')}: ${names(r.losers)}`),
    );
  }
}
