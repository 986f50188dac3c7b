/**
 * Overview: the answer to the case's question first — the leading hypothesis with the
 * probability of its main conclusion and the evidence it rests on — then what is overdue and
 * due next, what changed since a chosen date (kept in the URL), the map of places and events,
 * and the inventory of the case with links to each page.
 */
import { get, getFresh, postCached } from '../api.js';
import { citeLinks, type Cite } from '../cite.js';
import { add, bdi, h, set, type Child } from '../dom.js';
import { bi, COUNTS, fmtDate, fmtNumber, fmtPercent, label, lang, listSep, plural, t, type StringKey } from '../i18n.js';
import { actorMap, actorName } from '../lookup.js';
import { errorNotice } from '../notice.js';
import type { ApiGetResponse } from '../api.js';
import type { Page } from '../page.js';
import { href, replaceRoute } from '../router.js';
import type { Bi, CaseEvent, Commitment, Scenario } from '../types.js';
import { asOfForm } from '../as-of-form.js';

type Overview = ApiGetResponse<'overview'>;
type Answer = ApiGetResponse<'overview/answer'>;
type Deadline = Answer['overdue'][number];
type Change = Answer['changes'][number];
type Payoff = { actor: string; payoff: number };

export const overviewPage: Page = async (root, ctx) => {
  const sinceParam = ctx.route.params.get('since') ?? '';
  // As of a date (kept in the URL): the case rewound to what was known then.
  const asOfParam = ctx.route.params.get('asOf') ?? undefined;
  const [o, answer, actors] = await Promise.all([
    get('overview', { asOf: asOfParam }),
    get('overview/answer', { since: sinceParam, asOf: asOfParam }),
    actorMap(),
  ]);
  const names = (xs: Payoff[]): Child[] => xs.map((x, i) => [i ? listSep() : '', bdi(actorName(actors, x.actor))]);
  add(
    root,
    h('h1', { id: 'case-title' }, bi(o.meta.title)),
    h('p', { class: 'question' }, bi(o.meta.question), ' ', h('span', { class: 'muted' }, `(${t('asOf')} ${fmtDate(o.asOf)})`)),
    asOfForm(ctx.route, o.asOf),
    bottomLineCard(answer, names),
  );

  const changesBox = h('div', { id: 'changes-list' });
  const sinceInput = h('input', { type: 'date', name: 'since', id: 'since', value: answer.since, max: answer.asOf });
  sinceInput.addEventListener('change', () => {
    const since = sinceInput.value;
    if (!since) return;
    replaceRoute(href(lang(), 'overview', [], asOfParam ? { since, asOf: asOfParam } : { since }));
    getFresh('overview/answer', { since, asOf: asOfParam })
      .then((a) => ctx.alive() && set(changesBox, changeList(a.changes, actors)))
      .catch((error: unknown) => set(changesBox, errorNotice(error)));
  });
  set(changesBox, changeList(answer.changes, actors));
  add(
    root,
    h(
      'div',
      { class: 'grid' },
      h(
        'section',
        { class: 'card', id: 'overdue' },
        h('h2', {}, t('overdue')),
        answer.overdue.length
          ? h('ul', { class: 'plain' }, answer.overdue.map((d) => deadlineItem(d, 'overdue')))
          : h('p', { class: 'muted' }, t('nothingOverdue')),
      ),
      h('section', { class: 'card', id: 'due-next' }, h('h2', {}, t('dueNext')), h('ul', { class: 'plain' }, answer.upcoming.map((d) => deadlineItem(d, 'upcoming')))),
      h(
        'section',
        { class: 'card', id: 'changes' },
        h('h2', {}, h('label', { for: 'since' }, t('changedSince')), ' ', sinceInput),
        changesBox,
      ),
    ),
  );

  const mapBox = h('section', { class: 'card', id: 'place-map' }, h('h2', {}, t('mapTitle')));
  add(root, mapBox);
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
  add(
    root,
    h('h2', {}, t('keyFigures')),
    h(
      'ul',
      { class: 'figures plain-grid', id: 'key-figures' },
      figures.map(([key, n, page]) => h('li', {}, h('a', { class: 'figure', href: href(lang(), page) }, h('span', { class: 'n' }, fmtNumber(n ?? 0)), t(key)))),
    ),
    h(
      'div',
      { class: 'grid' },
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('latestEvents')),
        h(
          'ul',
          { class: 'plain' },
          o.latestEvents.map((e) =>
            h('li', {}, h('span', { class: 'date' }, fmtDate(e.date)), h('a', { href: href(lang(), 'timeline', [], { event: e.id }) }, bdi(bi(e.title))), citeLinks(e.cite)),
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
  // The map's outline is a separate file, fetched with the page; winners and losers per scenario
  // arrive after the first paint: the overview does not wait for the engine.
  const places = get('overview/places');
  const mapDone = import('../place-map.js')
    .then(async (m) => m.placeMap((await places).places))
    .then((el) => {
      if (!ctx.alive()) return;
      mapBox.append(el);
      performance.mark('marsad:map-drawn');
    })
    .catch((error: unknown) => {
      console.error(error);
      mapBox.append(errorNotice(error));
    });
  fillPayoffs(root, o.scenarios, ctx.alive).catch((error: unknown) => console.error(error));
  ctx.defer(mapDone);
};

function bottomLineCard(a: Answer, names: (xs: Payoff[]) => Child[]): HTMLElement {
  const b = a.bottomLine;
  if (!b) return h('section', { class: 'card answer', id: 'bottom-line' }, h('h2', {}, t('bottomLine')), h('p', { class: 'muted' }, t('noScenarios')));
  return h(
    'section',
    { class: 'card answer', id: 'bottom-line' },
    h('h2', {}, t('bottomLine')),
    h('p', { class: 'lead' }, t('leadingHypothesis'), ': ', h('strong', { id: 'bottom-line-hypothesis' }, bdi(bi(b.hypothesis.title)))),
    b.hypothesis.description ? h('p', { class: 'muted' }, bi(b.hypothesis.description)) : null,
    b.scenario
      ? h(
          'p',
          {},
          `${t('inItsScenario')} (`,
          h('a', { href: href(lang(), 'scenarios', [b.scenario.id]) }, bdi(bi(b.scenario.title))),
          '): ',
          b.winners.length ? h('span', { class: 'pos' }, `${t('winners')}: `, names(b.winners)) : null,
          b.winners.length && b.losers.length ? (lang() === 'ar' ? '؛ ' : '; ') : '',
          b.losers.length ? h('span', { class: 'neg' }, `${t('losers')}: `, names(b.losers)) : null,
          '.',
        )
      : null,
    b.probability
      ? h(
          'p',
          { id: 'bottom-line-probability' },
          h('span', { class: 'prob' }, fmtPercent(b.probability.ahead)),
          ' — ',
          probabilitySentence(b.probability, names),
        )
      : null,
    h('h3', {}, t('restsOn')),
    h(
      'ul',
      { class: 'plain', id: 'bottom-line-support' },
      b.support.map((s) =>
        h(
          'li',
          {},
          h('span', { class: `rating-chip rating-${s.rating}` }, s.rating),
          ' ',
          h('a', { href: href(lang(), 'hypotheses', [], { evidence: s.evidence }) }, bdi(bi(s.title))),
          ' — ',
          bi(s.rationale),
          citeLinks(s.cite),
        ),
      ),
    ),
    b.critical.length
      ? [h('h3', {}, t('hangsOn')), h('ul', { class: 'plain' }, b.critical.map((k) => h('li', {}, h('a', { href: href(lang(), 'hypotheses', [], { evidence: k.evidence }) }, bdi(bi(k.title))))))]
      : null,
  );
}

function probabilitySentence(p: { actor: string; ahead: number; runs: number }, names: (xs: Payoff[]) => Child[]): HTMLElement {
  return h('span', {}, names([{ actor: p.actor, payoff: 0 }]), ` ${t('aheadIn')} ${fmtPercent(p.ahead)} ${t('ofRuns')} (${plural(p.runs, COUNTS.runs)}).`);
}

function deadlineItem(d: Deadline, kind: 'overdue' | 'upcoming'): HTMLElement {
  const m = d.commitment;
  return h(
    'li',
    {},
    h('span', { class: 'date' }, fmtDate(m.due)),
    h('a', { href: href(lang(), 'commitments', [m.id]) }, bdi(bi(m.title))),
    ' ',
    h('span', { class: `badge score-${d.current.score}` }, label(`score${d.current.score}`)),
    kind === 'overdue' ? h('span', { class: 'badge score-0' }, plural(d.days, COUNTS.days)) : null,
    citeLinks(m.cite),
  );
}

function changeList(changes: Change[], actors: Map<string, import('../types.js').Actor>): HTMLElement {
  if (!changes.length) return h('p', { class: 'muted' }, t('noChanges'));
  const kindLabel: Record<Change['kind'], StringKey> = { event: 'eventKind', stance: 'stanceTaken', status: 'statusChange', claim: 'figureStated' };
  const target = (c: Change) =>
    c.kind === 'event'
      ? href(lang(), 'timeline', [], { event: c.id })
      : c.kind === 'stance'
        ? href(lang(), 'actors', [c.actor ?? ''], { stance: c.id })
        : c.kind === 'status'
          ? href(lang(), 'commitments', [c.id])
          : href(lang(), 'figures', [], { claim: c.id });
  return h(
    'ul',
    { class: 'plain changes' },
    changes.slice(0, 12).map((c) =>
      h(
        'li',
        {},
        h('span', { class: 'date' }, fmtDate(c.date)),
        h('span', { class: 'badge kind' }, t(kindLabel[c.kind])),
        ' ',
        c.actor ? [bdi(actorName(actors, c.actor)), ': '] : null,
        h('a', { href: target(c) }, bdi(bi(c.title))),
        c.kind === 'status' && c.detail ? [' ', h('span', { class: `badge score-${c.detail}` }, label(`score${c.detail}`))] : null,
        c.kind === 'stance' && c.detail ? [' ', h('span', { class: 'badge' }, label(c.detail))] : null,
        citeLinks(c.cite),
      ),
    ),
    changes.length > 12 ? h('li', { class: 'muted' }, `+ ${plural(changes.length - 12, COUNTS.items)}`) : null,
  );
}

async function fillPayoffs(root: HTMLElement, scenarios: Overview['scenarios'], alive: () => boolean): Promise<void> {
  const actors = await actorMap();
  for (const s of scenarios) {
    const r = await postCached('simulate', { scenario: s.id });
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
