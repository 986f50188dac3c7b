/**
 * Commitments as of a date: overdue first, then what falls due next; owner, deadline, timeliness,
 * current status on the 0–3 scale, and the status history, with a slip chart (planned vs actual)
 * above. On a phone the table becomes one card per commitment.
 */
import { get } from '../api.js';
import { citeLinks } from '../cite.js';
import { add, bdi, h } from '../dom.js';
import { bi, fmtDate, fmtNumber, label, lang, listSep, t } from '../i18n.js';
import { actorLink, actorMap, itemHistoryLink } from '../lookup.js';
import { unknownNotice } from '../notice.js';
import type { Page } from '../page.js';
import { href } from '../router.js';
import type { Commitment } from '../types.js';
import { asOfForm } from '../as-of-form.js';
import { slipChart } from '../slip-chart.js';

export const commitmentsPage: Page = async (root, ctx) => {
  const [selected] = ctx.route.args;
  const asOf = ctx.route.params.get('asOf') ?? undefined;
  const [data, actors] = await Promise.all([get('commitments', { asOf }), actorMap()]);
  const head = [t('commitments'), t('owners'), t('due'), t('timeliness'), t('status'), t('history')];
  const chart = slipChart(data.items, data.asOf);
  add(
    root,
    h('h1', {}, t('commitments')),
    h('p', { class: 'muted' }, `${t('asOf')} ${fmtDate(data.asOf)} · ${t('overdueFirst')} · `, h('a', { href: href(lang(), 'backtest'), id: 'backtest-link' }, t('backtest'))),
    asOfForm(ctx.route, data.asOf),
    chart
      ? h(
          'figure',
          // It scrolls sideways on a phone: focusable so the keyboard can scroll it too.
          { class: 'slip', tabindex: '0', 'aria-label': t('slipChart') },
          chart,
          h(
            'figcaption',
            { class: 'muted' },
            t('slipChart'),
            ' · ◇ ',
            t('planned'),
            ' · ● ',
            t('actual'),
            ' · ',
            [0, 1, 2, 3].map((k) => h('span', { class: `badge score-${k}` }, label(`score${k}`))),
          ),
        )
      : null,
    selected && !data.items.some((m) => m.id === selected)
      ? unknownNotice('unknownCommitment', selected, data.items.map((m) => ({ href: href(lang(), 'commitments', [m.id]), label: bi(m.title) })))
      : null,
    h(
      'table',
      { id: 'commitments-table', class: 'reflow' },
      h('thead', {}, h('tr', {}, head.map((x) => h('th', { scope: 'col' }, x)))),
      h(
        'tbody',
        {},
        data.items.map((m) =>
          h(
            'tr',
            { id: `c-${m.id}`, class: m.id === selected ? 'active' : '' },
            h(
              'td',
              { 'data-label': head[0] },
              h('a', { href: href(lang(), 'commitments', [m.id]), 'aria-current': m.id === selected ? 'true' : null }, h('strong', {}, bdi(bi(m.title)))),
              citeLinks(m.cite),
              m.description ? h('div', { class: 'muted' }, bi(m.description)) : null,
              m.id === selected ? h('div', {}, itemHistoryLink('commitments', m.id)) : null,
            ),
            h('td', { 'data-label': head[1] }, m.owners.map((o, i) => [i ? listSep() : '', actorLink(actors, o)])),
            h('td', { 'data-label': head[2] }, m.due ? fmtDate(m.due) : '—'),
            h(
              'td',
              { 'data-label': head[3] },
              h('span', { class: `badge tl-${m.timeliness}` }, label(`tl_${m.timeliness}`)),
              m.daysLate !== null ? h('div', { class: 'muted' }, `${fmtNumber(m.daysLate)} ${t('daysLate')}`) : null,
              m.daysLeft !== null ? h('div', { class: 'muted' }, `${fmtNumber(m.daysLeft)} ${t('daysLeft')}`) : null,
            ),
            h(
              'td',
              { 'data-label': head[4] },
              h('span', { class: `badge score-${m.current.score}` }, `${fmtNumber(m.current.score)}/${fmtNumber(3)} · ${label(`score${m.current.score}`)}`),
              h('meter', { min: 0, max: 3, value: m.current.score, class: 'meter', 'aria-label': `${t('status')}: ${label(`score${m.current.score}`)}` }),
            ),
            h(
              'td',
              { 'data-label': head[5] },
              h(
                m.id === selected ? 'div' : 'details',
                {},
                m.id === selected ? null : h('summary', {}, `${t('history')} (${fmtNumber(m.history.length)})`),
                h(
                  'ul',
                  { class: 'plain' },
                  m.history.map((e) =>
                    h('li', {}, h('span', { class: 'date' }, fmtDate(e.date)), h('span', { class: `badge score-${e.score}` }, label(`score${e.score}`)), ' ', bi(e.note), citeLinks(e.cite)),
                  ),
                ),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  if (selected) requestAnimationFrame(() => ctx.alive() && document.getElementById(`c-${selected}`)?.scrollIntoView({ block: 'center' }));
};
