/**
 * The case's working copy in the store: its items (one row each, keyed by case, section and
 * id), its append-only history and the analyst's decisions on extraction candidates. Every write
 * is one transaction that writes the item, appends its history entry and bumps the revision, so a
 * crash leaves the copy as before or as after, never between. The same SQL serves PGlite and
 * PostgreSQL.
 */
import type { Citation } from '../domain/case.js';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import type { CandidateDecision, CaseCopyState, CaseItemRow, ChangeRecord, ItemKind, PendingChange } from '../domain/working-copy.js';
import type { SqlClient } from './sql-client.js';

export interface ItemWrite {
  kind: ItemKind;
  id: string;
  /** The item's data after the change (kept when retiring, so it can be restored). */
  data: Record<string, unknown>;
  retired: boolean;
  /** Position in its section; a new item goes last when omitted. */
  ordinal?: number;
}

export interface SeedRequest {
  caseId: string;
  seedHash: string;
  seedDir: string;
  rows: readonly CaseItemRow[];
  author: string;
  at: string;
  action: 'seed' | 'reseed' | 'import';
  reason: string | null;
}

export interface HistoryQuery {
  caseId: string;
  kind?: ItemKind;
  item?: string;
  /** Entries older than this seq (paging), newest first. */
  before?: number;
  limit: number;
}

/** The working-copy part of the Store. */
export interface CaseCopyStore {
  /** The copy of a case, or null when it was never seeded. */
  copyState(caseId: string): Promise<CaseCopyState | null>;
  /** The copy seeded from exactly this folder content, if any. */
  copyBySeedHash(seedHash: string, seedDir: string): Promise<CaseCopyState | null>;
  /** Replaces the copy's items with `rows` and records one history entry. */
  seedCopy(req: SeedRequest): Promise<ChangeRecord>;
  /** Every item of the copy (retired ones flagged), in section order. */
  copyItems(caseId: string): Promise<CaseItemRow[]>;
  /**
   * Writes one item and its history entry. `expectBefore` guards against lost updates: the
   * item's current data must equal it (null: the item must not exist or be retired).
   */
  applyChange(
    change: PendingChange & { at: string },
    write: ItemWrite,
    expectBefore: Record<string, unknown> | null,
    decision?: CandidateDecision,
  ): Promise<ChangeRecord>;
  /** History entries, newest first. */
  history(q: HistoryQuery): Promise<ChangeRecord[]>;
  change(caseId: string, seq: number): Promise<ChangeRecord | null>;
  decide(d: CandidateDecision): Promise<void>;
  decisions(caseId: string, document?: string): Promise<CandidateDecision[]>;
  /**
   * Keeps a document's extraction candidates. Earlier ones stay: a candidate listed before the
   * case changed (and its id with it) can still be accepted by the id the analyst saw.
   */
  saveCandidates(caseId: string, documentId: string, candidates: ReadonlyArray<{ id: string; kind: string; data: unknown }>): Promise<void>;
  /** A kept candidate by id, with its document; null when there is none. */
  candidate(caseId: string, id: string): Promise<{ documentId: string; data: unknown } | null>;
  /** Ids of the documents with candidates kept for the case (those extraction has been run over). */
  documentsWithCandidates(caseId: string): Promise<string[]>;
}

interface ChangeRow {
  seq: string | number;
  case_id: string;
  at: string | Date;
  author: string;
  action: ChangeRecord['action'];
  kind: ItemKind | null;
  item: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
  cite: Citation[] | string | null;
  candidate: string | null;
  reverts: string | number | null;
  revision: number;
}

const CHANGE_COLUMNS = 'seq, case_id, at, author, action, kind, item, before, after, reason, cite, candidate, reverts, revision';

function toChange(r: ChangeRow): ChangeRecord {
  return {
    seq: Number(r.seq),
    caseId: r.case_id,
    at: r.at instanceof Date ? r.at.toISOString() : new Date(r.at).toISOString(),
    author: r.author,
    action: r.action,
    kind: r.kind,
    item: r.item,
    before: parseJson(r.before),
    after: parseJson(r.after),
    reason: r.reason,
    cite: (parseJson(r.cite) as Citation[] | null) ?? [],
    candidate: r.candidate,
    reverts: r.reverts === null ? null : Number(r.reverts),
    revision: r.revision,
  };
}

function parseJson<T>(v: T | string | null): T | null {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

/** JSON with sorted keys, to compare items whatever order their fields were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

interface CopyRow {
  case_id: string;
  seed_hash: string;
  seed_dir: string;
  revision: number;
  edits: number | string;
}

const COPY_SELECT = `select c.case_id, c.seed_hash, c.seed_dir, c.revision,
  (select count(*) from case_changes h where h.case_id = c.case_id and h.seq > coalesce(c.seeded_seq, 0)) as edits
  from case_copies c`;

function toState(r: CopyRow): CaseCopyState {
  return { caseId: r.case_id, seedHash: r.seed_hash, seedDir: r.seed_dir, revision: r.revision, edits: Number(r.edits) };
}

async function insertChange(tx: SqlClient, c: PendingChange & { at: string }, revision: number): Promise<ChangeRecord> {
  const rows = await tx.query<ChangeRow>(
    `insert into case_changes (case_id, at, author, action, kind, item, before, after, reason, cite, candidate, reverts, revision)
     values ($1, $2::timestamptz, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10::jsonb, $11, $12, $13)
     returning ${CHANGE_COLUMNS}`,
    [
      c.caseId,
      c.at,
      c.author,
      c.action,
      c.kind,
      c.item,
      c.before === null ? null : JSON.stringify(c.before),
      c.after === null ? null : JSON.stringify(c.after),
      c.reason,
      JSON.stringify(c.cite),
      c.candidate,
      c.reverts,
      revision,
    ],
  );
  return toChange(rows[0]!);
}

async function writeDecision(db: SqlClient, d: CandidateDecision): Promise<void> {
  await db.query(
    `insert into candidate_decisions (case_id, candidate, document, decision, kind, item, reason, at, author)
     values ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz, $9)
     on conflict (case_id, candidate) do update set decision = excluded.decision, kind = excluded.kind, item = excluded.item,
       reason = excluded.reason, at = excluded.at, author = excluded.author`,
    [d.caseId, d.candidate, d.document, d.decision, d.kind, d.item, d.reason, d.at, d.author],
  );
}

export function caseCopyStore(db: SqlClient): CaseCopyStore {
  return {
    async copyState(caseId) {
      const rows = await db.query<CopyRow>(`${COPY_SELECT} where c.case_id = $1`, [caseId]);
      return rows[0] ? toState(rows[0]) : null;
    },

    async copyBySeedHash(seedHash, seedDir) {
      const rows = await db.query<CopyRow>(`${COPY_SELECT} where c.seed_hash = $1 and c.seed_dir = $2`, [seedHash, seedDir]);
      return rows[0] ? toState(rows[0]) : null;
    },

    async seedCopy(req) {
      return db.transaction(async (tx) => {
        const prev = await tx.query<{ revision: number }>(`select revision from case_copies where case_id = $1 for update`, [req.caseId]);
        const revision = (prev[0]?.revision ?? 0) + 1;
        await tx.query(`delete from case_items where case_id = $1`, [req.caseId]);
        if (req.action === 'import') {
          // An import is the analyst's change to the copy, not a new seed: the copy stays tied
          // to the folder it was seeded from, and the import counts among its edits.
          if (!prev[0]) throw new NotFoundError(`no working copy of case "${req.caseId}" to import into`);
          await tx.query(`update case_copies set revision = $2 where case_id = $1`, [req.caseId, revision]);
        } else {
          await tx.query(
            `insert into case_copies (case_id, seed_hash, seed_dir, revision) values ($1, $2, $3, $4)
             on conflict (case_id) do update set seed_hash = excluded.seed_hash, seed_dir = excluded.seed_dir, revision = excluded.revision`,
            [req.caseId, req.seedHash, req.seedDir, revision],
          );
        }
        // Rows in batches: one statement per batch keeps a 1,000-item case to a few round trips.
        for (let i = 0; i < req.rows.length; i += 500) {
          const batch = req.rows.slice(i, i + 500);
          const params: unknown[] = [];
          const values = batch.map((r) => {
            params.push(req.caseId, r.kind, r.id, r.ordinal, JSON.stringify(r.data), r.retired);
            const n = params.length;
            return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}::jsonb, $${n})`;
          });
          await tx.query(`insert into case_items (case_id, kind, id, ordinal, data, retired) values ${values.join(', ')}`, params);
        }
        const entry = await insertChange(
          tx,
          {
            caseId: req.caseId,
            at: req.at,
            author: req.author,
            action: req.action,
            kind: null,
            item: null,
            before: null,
            after: { items: req.rows.length, seedHash: req.seedHash, seedDir: req.seedDir },
            reason: req.reason,
            cite: [],
            candidate: null,
            reverts: null,
          },
          revision,
        );
        if (req.action !== 'import') await tx.query(`update case_copies set seeded_seq = $2 where case_id = $1`, [req.caseId, entry.seq]);
        return entry;
      });
    },

    async copyItems(caseId) {
      const rows = await db.query<{ kind: ItemKind; id: string; ordinal: number; data: Record<string, unknown> | string; retired: boolean }>(
        `select kind, id, ordinal, data, retired from case_items where case_id = $1 order by kind, ordinal, id`,
        [caseId],
      );
      return rows.map((r) => ({ kind: r.kind, id: r.id, ordinal: r.ordinal, data: parseJson(r.data)!, retired: r.retired }));
    },

    async applyChange(change, write, expectBefore, decision) {
      return db.transaction(async (tx) => {
        const copy = await tx.query<{ revision: number }>(`select revision from case_copies where case_id = $1 for update`, [change.caseId]);
        if (!copy[0]) throw new NotFoundError(`no working copy of case "${change.caseId}"`);
        const current = await tx.query<{ data: Record<string, unknown> | string; retired: boolean; ordinal: number }>(
          `select data, retired, ordinal from case_items where case_id = $1 and kind = $2 and id = $3`,
          [change.caseId, write.kind, write.id],
        );
        const row = current[0];
        const live = row && !row.retired ? parseJson(row.data) : null;
        if (canonicalJson(live) !== canonicalJson(expectBefore)) {
          throw new ConflictError(
            `${write.kind} "${write.id}" changed since it was read (someone else saved it first); reload and try again`,
          );
        }
        let ordinal = write.ordinal ?? row?.ordinal;
        if (ordinal === undefined) {
          const max = await tx.query<{ n: number | null }>(`select max(ordinal) as n from case_items where case_id = $1 and kind = $2`, [
            change.caseId,
            write.kind,
          ]);
          ordinal = (max[0]?.n ?? -1) + 1;
        }
        await tx.query(
          `insert into case_items (case_id, kind, id, ordinal, data, retired) values ($1, $2, $3, $4, $5::jsonb, $6)
           on conflict (case_id, kind, id) do update set data = excluded.data, retired = excluded.retired, ordinal = excluded.ordinal`,
          [change.caseId, write.kind, write.id, ordinal, JSON.stringify(write.data), write.retired],
        );
        const revision = copy[0].revision + 1;
        await tx.query(`update case_copies set revision = $2 where case_id = $1`, [change.caseId, revision]);
        const entry = await insertChange(tx, change, revision);
        // The decision on the candidate this change came from is part of the same write.
        if (decision) await writeDecision(tx, decision);
        return entry;
      });
    },

    async history(q) {
      const where = ['case_id = $1'];
      const params: unknown[] = [q.caseId];
      if (q.kind) where.push(`kind = $${params.push(q.kind)}`);
      if (q.item) where.push(`item = $${params.push(q.item)}`);
      if (q.before !== undefined) where.push(`seq < $${params.push(q.before)}`);
      const rows = await db.query<ChangeRow>(
        `select ${CHANGE_COLUMNS} from case_changes where ${where.join(' and ')} order by seq desc limit $${params.push(q.limit)}`,
        params,
      );
      return rows.map(toChange);
    },

    async change(caseId, seq) {
      const rows = await db.query<ChangeRow>(`select ${CHANGE_COLUMNS} from case_changes where case_id = $1 and seq = $2`, [caseId, seq]);
      return rows[0] ? toChange(rows[0]) : null;
    },

    async decide(d) {
      await writeDecision(db, d);
    },

    async saveCandidates(caseId, documentId, candidates) {
      await db.transaction(async (tx) => {
        for (let i = 0; i < candidates.length; i += 200) {
          const batch = candidates.slice(i, i + 200);
          const params: unknown[] = [];
          const values = batch.map((c) => {
            params.push(caseId, c.id, documentId, c.kind, JSON.stringify(c.data));
            const n = params.length;
            return `($${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
          });
          // The same candidate id from two documents with the same text keeps the latest.
          await tx.query(
            `insert into document_candidates (case_id, candidate, document_id, kind, data) values ${values.join(', ')}
             on conflict (case_id, candidate) do update set document_id = excluded.document_id, kind = excluded.kind, data = excluded.data`,
            params,
          );
        }
      });
    },

    async documentsWithCandidates(caseId) {
      const rows = await db.query<{ document_id: string }>(
        `select distinct document_id from document_candidates where case_id = $1 order by document_id`,
        [caseId],
      );
      return rows.map((r) => r.document_id);
    },

    async candidate(caseId, id) {
      const rows = await db.query<{ document_id: string; data: unknown }>(
        `select document_id, data from document_candidates where case_id = $1 and candidate = $2`,
        [caseId, id],
      );
      return rows[0] ? { documentId: rows[0].document_id, data: parseJson(rows[0].data as string) } : null;
    },

    async decisions(caseId, document) {
      const rows = await db.query<{
        case_id: string;
        candidate: string;
        document: string;
        decision: CandidateDecision['decision'];
        kind: ItemKind | null;
        item: string | null;
        reason: string | null;
        at: string | Date;
        author: string;
      }>(
        `select case_id, candidate, document, decision, kind, item, reason, at, author from candidate_decisions
         where case_id = $1 ${document ? 'and document = $2' : ''} order by at, candidate`,
        document ? [caseId, document] : [caseId],
      );
      return rows.map((r) => ({
        candidate: r.candidate,
        caseId: r.case_id,
        document: r.document,
        decision: r.decision,
        kind: r.kind,
        item: r.item,
        reason: r.reason,
        at: r.at instanceof Date ? r.at.toISOString() : new Date(r.at).toISOString(),
        author: r.author,
      }));
    },
  };
}
