/**
 * History: every change of the case, newest first — who made it, when, why, on which passages,
 * what it changed (field by field) — and a revert for each, which is itself a recorded change.
 * `?item=ID` (and `?kind=`) narrows it to one item; `?before=SEQ` pages back. The same list as
 * `marsad history`, through the same operation.
 */
import { forget, get, post } from '../api.js';
import type { ApiGetResponse } from '../api.js';
import { add, bdi, h, set } from '../dom.js';
import { fmtNumber, lang, locale, t, type StringKey } from '../i18n.js';
import { announce, errorNotice } from '../notice.js';
import type { Page } from '../page.js';
import { href } from '../router.js';

type Change = ApiGetResponse<'history'>['items'][number];

const PAGE_SIZE = 50;

export const historyPage: Page = async (root, ctx) => {
  const params = ctx.route.params;
  const item = params.get('item') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  const before = params.get('before') ?? undefined;
  const list = h('section', { id: 'history-list', 'aria-label': t('history') });
  add(
    root,
    h('h1', {}, t('history')),
    h('p', { class: 'muted lead' }, t('historyIntro'), ' ', h('a', { href: href(lang(), 'desk') }, t('desk'))),
    item ? h('p', {}, t('historyOf'), ' ', bdi(item, 'badge'), ' · ', h('a', { href: href(lang(), 'history') }, t('allChanges'))) : null,
    list,
  );
  const draw = async () => {
    const history = await get('history', { item, kind, before, limit: PAGE_SIZE });
    set(list);
    add(list, h('p', { class: 'muted' }, `${t('revision')} ${fmtNumber(history.revision)}`));
    if (!history.items.length) {
      add(list, h('p', { class: 'muted', id: 'history-empty' }, t('noChangesYet')));
      return;
    }
    const reverted = new Map<number, number>();
    for (const c of history.items) if (c.reverts !== null) reverted.set(c.reverts, c.seq);
    add(list, h('ol', { class: 'plain history' }, history.items.map((c) => entry(c, reverted.get(c.seq), draw))));
    const oldest = history.items[history.items.length - 1]!;
    if (history.items.length === PAGE_SIZE && oldest.seq > 1) {
      add(list, h('p', {}, h('a', { href: href(lang(), 'history', [], { item, kind, before: String(oldest.seq) }) }, t('olderChanges'))));
    }
  };
  await draw();
};

function entry(c: Change, revertedBy: number | undefined, redraw: () => Promise<void>): HTMLElement {
  const when = new Date(c.at);
  const li = h(
    'li',
    { class: `card change change-${c.action}`, 'data-seq': String(c.seq), id: `change-${c.seq}` },
    h(
      'header',
      { class: 'change-head' },
      h('strong', {}, `#${fmtNumber(c.seq)} `, t(`action-${c.action}` as StringKey)),
      c.kind && c.item ? [' ', h('a', { href: href(lang(), 'history', [], { item: c.item, kind: c.kind }) }, bdi(`${c.kind}/${c.item}`))] : null,
      ' · ',
      h('time', { datetime: c.at }, Number.isNaN(when.getTime()) ? c.at : when.toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' })),
      ' · ',
      bdi(c.author),
    ),
    c.reason ? h('p', { dir: 'auto' }, c.reason) : null,
    c.reverts !== null ? h('p', { class: 'muted' }, t('revertsChange'), ' ', h('a', { href: `#change-${c.reverts}` }, `#${fmtNumber(c.reverts)}`)) : null,
    c.candidate ? h('p', { class: 'muted' }, t('fromCandidate'), ' ', bdi(c.candidate)) : null,
    c.cite.length
      ? h('ul', { class: 'plain cites' }, c.cite.map((q) => h('li', {}, h('q', { dir: 'auto' }, q.quote), ' ', h('span', { class: 'muted' }, '— ', bdi(q.doc)))))
      : null,
    diff(c),
  );
  if (revertedBy !== undefined) add(li, h('p', { class: 'muted' }, t('revertedBy'), ' ', h('a', { href: `#change-${revertedBy}` }, `#${fmtNumber(revertedBy)}`)));
  else if (c.kind && c.action !== 'seed' && c.action !== 'reseed') {
    const status = h('div', { role: 'status', 'aria-live': 'polite' });
    const button = h('button', { type: 'button', class: 'secondary revert' }, t('revert'));
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await post('history/revert', { seq: c.seq });
        forget();
        announce(t('reverted'));
        await redraw();
      } catch (error) {
        button.disabled = false;
        set(status, errorNotice(error));
      }
    });
    add(li, h('p', {}, button), status);
  }
  return li;
}

/** The fields a change touched: before → after, values as the case files write them. */
function diff(c: Change): HTMLElement | null {
  const before = c.before ?? {};
  const after = c.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (!keys.length) return null;
  const show = (v: unknown) => (v === undefined ? '—' : short(JSON.stringify(v)));
  return h(
    'details',
    { class: 'change-diff' },
    h('summary', {}, `${t('fieldsChanged')}: ${keys.length}`),
    h(
      'dl',
      {},
      keys.map((k) => [
        h('dt', {}, bdi(k)),
        h('dd', {}, c.before ? [h('del', { dir: 'auto' }, show(before[k])), ' → '] : null, h('ins', { dir: 'auto' }, show(after[k]))),
      ]),
    ),
  );
}

function short(s: string): string {
  return s.length > 240 ? `${s.slice(0, 239)}…` : s;
}
