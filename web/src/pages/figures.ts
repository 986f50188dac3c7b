/**
 * Figures & conflicts: conflicts computed by the server, each pair side by side with periods
 * and sources; below, every figure grouped by the quantity it measures.
 */
import { get } from '../api.js';
import { citeLinks, citeQuote, type Cite } from '../cite.js';
import { add, bdi, h, set } from '../dom.js';
import { bi, fmtDate, fmtNumber, fmtQuantity, label, listSep, t } from '../i18n.js';
import { actorLink, actorMap } from '../lookup.js';
import type { Page } from '../page.js';
import type { Actor, Claim, PDate, Quantity } from '../types.js';

interface Side {
  claim: string; value: Claim['value']; qualifier: string; unit: string; period?: { from?: PDate; to?: PDate };
  reported_by: string[]; docs: string[]; cite: Cite[];
}
interface Conflict { kind: 'conflict' | 'different-periods'; quantity: string; periods: string; a: Side; b: Side }


function fmtPeriod(p: Side['period']): string {
  if (!p) return '—';
  return `${p.from ? fmtDate(p.from) : '…'} – ${p.to ? fmtDate(p.to) : '…'}`;
}

export const figuresPage: Page = async (root, ctx) => {
  const selectedClaim = ctx.route.params.get('claim');
  const [conflicts, claims, actors] = await Promise.all([
    get('claims/conflicts'),
    get('claims'),
    actorMap(),
  ]);
  const quantity = (id: string) => claims.quantities.find((q) => q.id === id);
  add(root, h('h1', {}, t('figures')), h('h2', {}, `${t('conflicts')} (${fmtNumber(conflicts.items.length)})`));
  if (!conflicts.items.length) add(root, h('p', { class: 'muted' }, t('noConflicts')));
  for (const c of conflicts.items) {
    add(root, 
      h(
        'section',
        { class: 'card conflict-box', 'data-kind': c.kind },
        h('h3', {}, bi(quantity(c.quantity)?.label) || c.quantity, ' ', h('span', { class: `badge ${c.kind === 'different-periods' ? 'score-2' : c.kind === 'conflict' ? 'score-0' : 'score-1'}` }, label(c.kind))),
        h('div', { class: 'conflict' }, sideCard(c.a, actors), sideCard(c.b, actors)),
      ),
    );
  }
  add(root, h('h2', {}, t('allFigures')));
  const byQuantity = new Map<string, Claim[]>();
  for (const c of claims.items) byQuantity.set(c.quantity, [...(byQuantity.get(c.quantity) ?? []), c]);
  const head = [t('quantity'), t('value'), t('period'), t('reportedBy'), t('source')];
  add(root,
    h(
      'table',
      { id: 'claims-table', class: 'reflow' },
      h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
      h(
        'tbody',
        {},
        [...byQuantity].flatMap(([q, items]) =>
          items.map((c, i) =>
            h(
              'tr',
              { id: `claim-${c.id}`, class: c.id === selectedClaim ? 'active' : '' },
              h('td', { 'data-label': head[0], class: i === 0 ? '' : 'repeat' }, h('span', { class: i === 0 ? '' : 'sr-only' }, bi(quantity(q)?.label) || q)),
              h('td', { 'data-label': head[1] }, h('strong', {}, fmtQuantity(c.value, c.unit, c.qualifier))),
              h('td', { 'data-label': head[2] }, fmtPeriod(c.period)),
              h('td', { 'data-label': head[3] }, c.reported_by.map((a, k) => [k ? listSep() : '', actorLink(actors, a)])),
              h('td', { 'data-label': head[4] }, citeLinks(c.cite)),
            ),
          ),
        ),
      ),
    ),
  );
  if (selectedClaim) {
    requestAnimationFrame(() => ctx.alive() && document.getElementById(`claim-${selectedClaim}`)?.scrollIntoView({ block: 'center' }));
  }
};

function sideCard(s: Side, actors: Map<string, Actor>): HTMLElement {
  return h(
    'div',
    { class: 'claim-card', 'data-claim': s.claim },
    h('div', { class: 'v' }, fmtQuantity(s.value, s.unit, s.qualifier)),
    h('dl', { class: 'kv' }, h('dt', {}, t('period')), h('dd', {}, fmtPeriod(s.period)), h('dt', {}, t('reportedBy')), h('dd', {}, s.reported_by.map((a, i) => [i ? listSep() : '', actorLink(actors, a)]))),
    s.cite.map((c) => citeQuote(c)),
  );
}
