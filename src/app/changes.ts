/**
 * Writing to the case: add, edit, retire and restore items of any section, revert a change, and
 * read the history. Every write is validated as the YAML loader validates (the item's schema,
 * then the whole case's cross-references, with the field named), its citations must resolve to
 * stored passages, and it is stored with its history entry in one transaction. Everything
 * derived (conflicts, the model, listings) follows at once: the next read sees the new revision.
 */
import { itemKey, parseItem, caseProblems, caseRows, sectionsOf } from '../case/working-copy.js';
import type { Citation } from '../domain/case.js';
import { ConflictError, InputError, NotFoundError } from '../domain/errors.js';
import type {
  AddItemRequest,
  EditItemRequest,
  HistoryRequest,
  ItemRequest,
  RetireItemRequest,
  RevertRequest,
} from '../domain/requests.js';
import type { ChangeResponse, HistoryResponse, ItemResponse } from '../domain/responses.js';
import type { CandidateDecision, CaseItemRow, ChangeAction, ItemKind } from '../domain/working-copy.js';
import { canonicalJson } from '../store/index.js';
import type { Workbench } from './workbench.js';
import { asOfDay, dayNumber } from '../domain/dates.js';

export const DEFAULT_AUTHOR = 'analyst';

/** The working copy's rows as they are now (retired ones included). */
async function currentRows(wb: Workbench): Promise<{ rows: CaseItemRow[]; caseId: string; revision: number }> {
  const state = await wb.caseState();
  const store = await wb.store();
  return { rows: await store.cases.copyItems(state.caseId), caseId: state.caseId, revision: state.revision };
}

function findRow(rows: readonly CaseItemRow[], kind: ItemKind, id: string): CaseItemRow | undefined {
  return rows.find((r) => r.kind === kind && r.id === id);
}

function liveRow(rows: readonly CaseItemRow[], kind: ItemKind, id: string): CaseItemRow {
  const row = findRow(rows, kind, id);
  if (!row || row.retired) {
    const known = rows.filter((r) => r.kind === kind && !r.retired).map((r) => r.id);
    throw new NotFoundError(
      `no ${kind} "${id}" in the case${row?.retired ? ' (it was retired; restore it first)' : ''}${known.length <= 12 ? `; there are: ${known.join(', ') || 'none'}` : ''}`,
    );
  }
  return row;
}

/** The case's problems were the rows changed as given; throws them all at once (field named). */
function checkCase(rows: readonly CaseItemRow[]): void {
  const { sections } = sectionsOf(rows);
  const problems = caseProblems(sections);
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) {
    throw new InputError(
      `the change leaves ${problems.length} problems in the case: ${problems
        .slice(0, 8)
        .map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}`)
        .join('; ')}`,
      { field: problems[0]!.field },
    );
  }
}

function replaced(rows: readonly CaseItemRow[], row: CaseItemRow): CaseItemRow[] {
  const out = rows.filter((r) => !(r.kind === row.kind && r.id === row.id));
  out.push(row);
  return out;
}

/** Every citation of the change must point at a stored document holding its quote. */
async function checkCitations(wb: Workbench, cite: readonly Citation[]): Promise<void> {
  const index = await wb.citations();
  for (const [i, c] of cite.entries()) {
    const r = await index.resolve(c);
    if (!r.documentId) throw new InputError(`document "${c.doc}" is not in the store (ingest it first)`, { field: `cite[${i}].doc` });
    if (r.start === undefined) throw new InputError(`quote not found in "${c.doc}": "${c.quote.slice(0, 60)}"`, { field: `cite[${i}].quote` });
  }
}

/** The citations a change rests on: those given, else those the item gained. */
function changeCites(given: Citation[] | undefined, before: Record<string, unknown> | null, after: Record<string, unknown> | null): Citation[] {
  if (given) return given;
  const list = (v: Record<string, unknown> | null) => (Array.isArray(v?.cite) ? (v!.cite as Citation[]) : []);
  const old = new Set(list(before).map((c) => `${c.doc}\u0000${c.quote}`));
  return list(after).filter((c) => !old.has(`${c.doc}\u0000${c.quote}`));
}

interface Write {
  action: ChangeAction;
  kind: ItemKind;
  id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** What the row holds after the change (the data is kept when retiring). */
  row: CaseItemRow;
  reason?: string;
  cite: Citation[];
  author?: string;
  reverts?: number;
  candidate?: string;
  decision?: Omit<CandidateDecision, 'caseId' | 'at' | 'author'>;
}

async function commit(wb: Workbench, caseId: string, w: Write): Promise<ChangeResponse> {
  const store = await wb.store();
  await wb.caseWillChange();
  const at = wb.clock().toISOString();
  const author = w.author ?? DEFAULT_AUTHOR;
  const change = await store.cases.applyChange(
    {
      caseId,
      at,
      author,
      action: w.action,
      kind: w.kind,
      item: w.id,
      before: w.before,
      after: w.after,
      reason: w.reason ?? null,
      cite: w.cite,
      candidate: w.candidate ?? null,
      reverts: w.reverts ?? null,
    },
    { kind: w.kind, id: w.id, data: w.row.data, retired: w.row.retired, ordinal: w.row.ordinal },
    w.before,
    w.decision ? { ...w.decision, caseId, at, author } : undefined,
  );
  return { change, item: w.after };
}

export async function addItem(wb: Workbench, req: AddItemRequest, from?: Pick<Write, 'candidate' | 'decision'>): Promise<ChangeResponse> {
  const { rows, caseId } = await currentRows(wb);
  const data = parseItem(req.kind, req.item);
  const id = itemKey(req.kind, data);
  const existing = findRow(rows, req.kind, id);
  if (existing && !existing.retired) throw new ConflictError(`${req.kind} "${id}" already exists; edit it instead`);
  if (existing?.retired) throw new ConflictError(`${req.kind} "${id}" was retired; restore it or choose another id`);
  const ordinal = Math.max(-1, ...rows.filter((r) => r.kind === req.kind).map((r) => r.ordinal)) + 1;
  const row: CaseItemRow = { kind: req.kind, id, ordinal, data, retired: false };
  checkCase(replaced(rows, row));
  const cite = changeCites(req.cite, null, data);
  await checkCitations(wb, cite);
  return commit(wb, caseId, { action: 'add', kind: req.kind, id, before: null, after: data, row, reason: req.reason, cite, author: req.author, ...from });
}

/** Sets `value` at a dotted `path` of a copy of `item` (null removes the field). */
function setPath(item: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  if (keys.some((k) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(k))) throw new InputError(`expected a field path such as "title.en", got "${path}"`, { field: 'set' });
  const out = structuredClone(item);
  let node: Record<string, unknown> = out;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === undefined || next === null) node[key] = {};
    else if (typeof next !== 'object' || Array.isArray(next)) throw new InputError(`"${key}" is not a mapping; set the whole field instead`, { field: `set.${path}` });
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === null) delete node[last];
  else node[last] = value;
  return out;
}

export async function editItem(wb: Workbench, req: EditItemRequest, from?: Pick<Write, 'candidate' | 'decision'>): Promise<ChangeResponse> {
  const { rows, caseId, revision } = await currentRows(wb);
  if (req.revision !== undefined && req.revision !== revision) {
    const later = await (await wb.store()).cases.history({ caseId, kind: req.kind, item: req.id, limit: 1 });
    if (later[0] && later[0].revision > req.revision) {
      throw new ConflictError(`${req.kind} "${req.id}" was changed (revision ${later[0].revision}) after revision ${req.revision}; reload and try again`);
    }
  }
  const row = liveRow(rows, req.kind, req.id);
  if (Object.keys(req.set).length === 0) throw new InputError('nothing to change: give at least one field to set', { field: 'set' });
  let next = row.data;
  for (const [path, value] of Object.entries(req.set)) next = setPath(next, path, value);
  const data = parseItem(req.kind, next);
  if (itemKey(req.kind, data) !== req.id) {
    throw new InputError(`an item's id cannot change (${req.id} → ${itemKey(req.kind, data)}); retire it and add a new one`, { field: 'set' });
  }
  if (canonicalJson(data) === canonicalJson(row.data)) throw new InputError('the change sets what the item already holds', { field: 'set' });
  const after: CaseItemRow = { ...row, data };
  checkCase(replaced(rows, after));
  const cite = changeCites(req.cite, row.data, data);
  await checkCitations(wb, cite);
  return commit(wb, caseId, { action: 'edit', kind: req.kind, id: req.id, before: row.data, after: data, row: after, reason: req.reason, cite, author: req.author, ...from });
}

export async function retireItem(wb: Workbench, req: RetireItemRequest): Promise<ChangeResponse> {
  const { rows, caseId } = await currentRows(wb);
  const row = liveRow(rows, req.kind, req.id);
  const after: CaseItemRow = { ...row, retired: true };
  // Retiring an item others point at would break them: the problems name each of them.
  checkCase(replaced(rows, after));
  return commit(wb, caseId, { action: 'retire', kind: req.kind, id: req.id, before: row.data, after: null, row: after, reason: req.reason, cite: [], author: req.author });
}

export async function restoreItem(wb: Workbench, req: RetireItemRequest): Promise<ChangeResponse> {
  const { rows, caseId } = await currentRows(wb);
  const row = findRow(rows, req.kind, req.id);
  if (!row || !row.retired) throw new NotFoundError(`no retired ${req.kind} "${req.id}" to restore`);
  const after: CaseItemRow = { ...row, retired: false };
  checkCase(replaced(rows, after));
  return commit(wb, caseId, { action: 'restore', kind: req.kind, id: req.id, before: null, after: row.data, row: after, reason: req.reason, cite: [], author: req.author });
}

/** Undoes one change by recording its inverse; the item must still be as that change left it. */
export async function revertChange(wb: Workbench, req: RevertRequest): Promise<ChangeResponse> {
  const { rows, caseId } = await currentRows(wb);
  const store = await wb.store();
  const change = await store.cases.change(caseId, req.seq);
  if (!change) throw new NotFoundError(`no change #${req.seq} in the history of the case (see marsad history)`);
  if (change.kind === null || change.item === null) {
    throw new InputError(`change #${req.seq} (${change.action}) replaced the whole case; it cannot be reverted item by item`, { field: 'seq' });
  }
  const row = findRow(rows, change.kind, change.item);
  const live = row && !row.retired ? row.data : null;
  if (canonicalJson(live) !== canonicalJson(change.after)) {
    const later = await store.cases.history({ caseId, kind: change.kind, item: change.item, limit: 1 });
    throw new ConflictError(
      `${change.kind} "${change.item}" changed after #${req.seq} (latest: #${later[0]?.seq}); revert the later change first`,
    );
  }
  const restored = change.before;
  const next: CaseItemRow = restored
    ? { kind: change.kind, id: change.item, ordinal: row?.ordinal ?? Math.max(-1, ...rows.filter((r) => r.kind === change.kind).map((r) => r.ordinal)) + 1, data: restored, retired: false }
    : { ...row!, retired: true };
  checkCase(replaced(rows, next));
  return commit(wb, caseId, {
    action: 'revert',
    kind: change.kind,
    id: change.item,
    before: live,
    after: restored,
    row: next,
    reason: req.reason ?? `reverts #${req.seq}`,
    cite: [],
    author: req.author,
    reverts: req.seq,
  });
}

export async function history(wb: Workbench, req: HistoryRequest): Promise<HistoryResponse> {
  const state = await wb.caseState();
  const store = await wb.store();
  if (req.asOf) {
    // The log as it stood at the end of the day: page back past later changes until `limit` are found.
    const end = asOfDay(req.asOf);
    const items: Awaited<ReturnType<typeof store.cases.history>> = [];
    let before = req.before;
    for (;;) {
      const page = await store.cases.history({ caseId: state.caseId, kind: req.kind, item: req.item, before, limit: 1000 });
      items.push(...page.filter((c) => dayNumber(c.at.slice(0, 10)) <= end));
      if (page.length < 1000 || items.length >= req.limit) break;
      before = page[page.length - 1]!.seq;
    }
    return { caseId: state.caseId, revision: state.revision, items: items.slice(0, req.limit) };
  }
  const items = await store.cases.history({ caseId: state.caseId, kind: req.kind, item: req.item, before: req.before, limit: req.limit });
  return { caseId: state.caseId, revision: state.revision, items };
}

/** One item as it is now (retired or not) with its history. */
export async function getItem(wb: Workbench, req: ItemRequest): Promise<ItemResponse> {
  const { rows, caseId, revision } = await currentRows(wb);
  const row = findRow(rows, req.kind, req.id);
  if (!row) throw new NotFoundError(`no ${req.kind} "${req.id}" in the case`);
  const entries = await (await wb.store()).cases.history({ caseId, kind: req.kind, item: req.id, limit: 1000 });
  return { kind: req.kind, id: req.id, item: row.data, retired: row.retired, revision, history: entries };
}

/** The rows of a loaded case, for tests and export comparisons. */
export { caseRows };
