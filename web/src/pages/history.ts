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
import { ITEM_KINDS } from '../../../src/domain/names.js';

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
    item && kind ? await itemEditor(kind, item) : newItemForm(),
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

/**
 * One item as the case files write it (JSON here), editable: Save sends the fields that changed
 * (refused with the field named when it does not validate, or with 409 when someone changed the
 * item since it was shown); Retire takes it out of the case, Restore brings it back.
 */
async function itemEditor(kind: string, id: string): Promise<HTMLElement> {
  let view: ApiGetResponse<'items/:kind/:id'>;
  try {
    view = await get('items/:kind/:id', { kind, id });
  } catch (error) {
    return errorNotice(error);
  }
  const text = h('textarea', { name: 'item-json', rows: 14, dir: 'ltr', spellcheck: false, class: 'item-json', 'aria-label': `${kind}/${id}` }, JSON.stringify(view.item, null, 2));
  const reason = h('input', { name: 'reason', dir: 'auto', placeholder: t('reasonOptional'), 'aria-label': t('reasonOptional') });
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', id: 'item-save' }, t('saveChanges'));
  const toggle = h('button', { type: 'button', class: 'secondary', id: 'item-retire' }, t(view.retired ? 'restore' : 'retire'));
  const form = h(
    'form',
    { class: 'card item-editor', id: 'item-editor' },
    h('h2', {}, t('editItem'), ' ', bdi(`${kind}/${id}`), view.retired ? h('span', { class: 'badge' }, t('retiredBadge')) : null),
    kind === 'meta' ? null : h('p', { class: 'muted' }, t('editItemHint')),
    text,
    h('div', { class: 'inline-fields' }, reason, save, kind === 'meta' ? null : toggle),
    status,
  );
  const done = async (work: () => Promise<unknown>) => {
    save.disabled = toggle.disabled = true;
    try {
      await work();
      forget();
      announce(t('saved'));
      location.reload();
    } catch (error) {
      save.disabled = toggle.disabled = false;
      set(status, errorNotice(error));
    }
  };
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    let edited: Record<string, unknown>;
    try {
      edited = JSON.parse(text.value) as Record<string, unknown>;
      if (edited === null || typeof edited !== 'object' || Array.isArray(edited)) throw new Error(t('expectedObject'));
    } catch (error) {
      set(status, errorNotice(error));
      return;
    }
    const changes: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(view.item), ...Object.keys(edited)])) {
      if (JSON.stringify(view.item[key]) !== JSON.stringify(edited[key])) changes[key] = edited[key] ?? null;
    }
    if (!Object.keys(changes).length) {
      set(status, h('p', { class: 'notice' }, t('nothingChanged')));
      return;
    }
    void done(() => post('items/edit', { kind: kind as never, id, set: changes, revision: view.revision, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) }));
  });
  toggle.addEventListener('click', () => {
    const body = { kind: kind as never, id, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) };
    void done(() => (view.retired ? post('items/restore', body) : post('items/retire', body)));
  });
  return form;
}

/** A new item of any section, written as the case files write it. */
function newItemForm(): HTMLElement {
  const kinds = ITEM_KINDS.filter((k) => k !== 'meta');
  const kindSelect = h('select', { name: 'kind', id: 'new-item-kind' }, kinds.map((k) => h('option', { value: k }, k)));
  const text = h('textarea', { name: 'new-item-json', rows: 8, dir: 'ltr', spellcheck: false, class: 'item-json', placeholder: '{ "id": "…", … }', 'aria-label': t('newItem') });
  const reason = h('input', { name: 'reason', dir: 'auto', placeholder: t('reasonOptional'), 'aria-label': t('reasonOptional') });
  const status = h('div', { role: 'status', 'aria-live': 'polite' });
  const form = h(
    'details',
    { class: 'card item-editor' },
    h('summary', {}, t('newItem')),
    h('p', { class: 'muted' }, t('newItemHint')),
    h('label', {}, t('section'), ' ', kindSelect),
    text,
    h('div', { class: 'inline-fields' }, reason, h('button', { type: 'button', id: 'new-item-add' }, t('addItem'))),
    status,
  );
  form.querySelector('#new-item-add')!.addEventListener('click', async () => {
    let item: Record<string, unknown>;
    try {
      item = JSON.parse(text.value) as Record<string, unknown>;
      if (item === null || typeof item !== 'object' || Array.isArray(item)) throw new Error(t('expectedObject'));
      const added = await post('items/add', { kind: kindSelect.value as never, item, ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) });
      forget();
      announce(t('saved'));
      location.hash = href(lang(), 'history', [], { kind: kindSelect.value, item: added.change.item ?? undefined });
    } catch (error) {
      set(status, errorNotice(error));
    }
  });
  return form;
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
