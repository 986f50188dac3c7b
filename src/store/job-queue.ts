/**
 * The job queue: background work kept in the `jobs` table, shared by every process that opens the
 * same database. Written once in SQL for both stores. A worker claims the oldest claimable job
 * with `SELECT … FOR UPDATE SKIP LOCKED` (two workers never take the same row, and neither waits
 * for the other), holds it under a lease renewed by its progress reports, and writes the result
 * only while it still holds it. A job whose worker died (its lease ran out) is claimed again by
 * another worker, at most `maxAttempts` times.
 *
 * A job may be split into parts (rows with `parent_id`): the parent waits while its parts run;
 * the worker that finishes the last part queues the parent again, and whoever claims it then
 * merges the parts' results. Payloads and results are JSON kept as text, so numbers come back
 * exactly as they were written (a merged Monte Carlo result is byte-identical to one process's).
 */
import type { SqlClient } from './sql-client.js';

export type JobRowState = 'queued' | 'waiting' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobRow {
  id: string;
  kind: string;
  parentId: string | null;
  /** Part number among its parent's parts (0 for a job without parent). */
  part: number;
  state: JobRowState;
  payload: unknown;
  result: unknown;
  error: string | null;
  done: number;
  total: number;
  attempts: number;
  maxAttempts: number;
  worker: string | null;
  workers: string[];
  created: string;
  started: string | null;
  finished: string | null;
}

/** A job with its parts' progress summed (what listings show). */
export interface JobSummaryRow extends JobRow {
  parts: number;
  partsDone: number;
  partsRunning: number;
}

export interface NewJob {
  id: string;
  kind: string;
  payload: unknown;
  /** Units of work (runs, files) in all. */
  total: number;
  maxAttempts: number;
  /** Parts run by any worker; the job itself is then claimed once they are all done. */
  parts?: ReadonlyArray<{ id: string; payload: unknown; total: number }>;
}

export interface JobQueue {
  /** Stores a job (and its parts) in one transaction, claimable at once. */
  enqueue(job: NewJob): Promise<JobRow>;
  /**
   * Takes the oldest queued job, or a running one whose lease ran out, for `worker` during
   * `leaseSeconds`; null when there is none. Jobs whose lease ran out after their last attempt
   * fail here (and their parent with them).
   */
  claim(worker: string, leaseSeconds: number): Promise<JobRow | null>;
  /** Records progress and renews the lease; false when the job is no longer this worker's (cancelled, or taken over). */
  heartbeat(id: string, worker: string, done: number, leaseSeconds: number): Promise<boolean>;
  /** Stores the result; false (nothing written) when the job is no longer this worker's. */
  complete(id: string, worker: string, result: unknown): Promise<boolean>;
  /** Gives a claimed job back to the queue at once (a worker stopping), its attempt not counted. */
  release(id: string, worker: string): Promise<void>;
  /** The job failed for good (its parent too, and its other parts are cancelled). */
  fail(id: string, worker: string, error: string): Promise<void>;
  /** Cancels a job that has not finished (and its parts); the row, or null when there is none. */
  cancel(id: string): Promise<JobRow | null>;
  /** Queues a failed or cancelled job again (its unfinished parts only); the row, or null when there is none. */
  retry(id: string): Promise<JobRow | null>;
  /** A job by id with its parts' progress; null when there is none. */
  get(id: string): Promise<JobSummaryRow | null>;
  /** Jobs without parent, newest first. */
  list(opts: { limit: number; state?: JobRowState }): Promise<JobSummaryRow[]>;
  /** A job's parts in order, with their results. */
  parts(id: string): Promise<JobRow[]>;
}

/** A finished part's payload longer than this is dropped (see complete). */
const DROP_PAYLOAD_CHARS = 64 * 1024;

interface RawRow {
  id: string;
  kind: string;
  parent_id: string | null;
  part: number;
  state: JobRowState;
  payload: string;
  result: string | null;
  error: string | null;
  done: number;
  total: number;
  attempts: number;
  max_attempts: number;
  worker: string | null;
  workers: string[];
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
  parts?: number;
  parts_done?: number;
  parts_running?: number;
  parts_sum?: number | null;
  parts_attempts?: number | null;
  parts_started?: Date | string | null;
  parts_workers?: string[] | null;
}

function iso(v: Date | string | null): string | null {
  if (v === null) return null;
  return v instanceof Date ? v.toISOString() : new Date(v).toISOString();
}

function toRow(r: RawRow): JobRow {
  return {
    id: r.id,
    kind: r.kind,
    parentId: r.parent_id,
    part: r.part,
    state: r.state,
    payload: JSON.parse(r.payload) as unknown,
    result: r.result === null ? null : (JSON.parse(r.result) as unknown),
    error: r.error,
    done: r.done,
    total: r.total,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    worker: r.worker,
    workers: r.workers,
    created: iso(r.created_at)!,
    started: iso(r.started_at),
    finished: iso(r.finished_at),
  };
}

function toSummary(r: RawRow): JobSummaryRow {
  const row = toRow(r);
  const parts = Number(r.parts ?? 0);
  if (parts === 0) return { ...row, parts: 0, partsDone: 0, partsRunning: 0 };
  const workers = [...new Set([...row.workers, ...(r.parts_workers ?? [])])].sort();
  return {
    ...row,
    // A parent's progress is its parts': finished when merged, else the sum of theirs.
    done: row.state === 'done' ? row.total : Math.min(row.total, Number(r.parts_sum ?? 0)),
    attempts: Math.max(row.attempts, Number(r.parts_attempts ?? 0)),
    // Started when its first part was.
    started: iso(r.parts_started ?? null) ?? row.started,
    workers,
    parts,
    partsDone: Number(r.parts_done ?? 0),
    partsRunning: Number(r.parts_running ?? 0),
  };
}

const COLUMNS = `id, kind, parent_id, part, state, payload, result, error, done, total, attempts, max_attempts, worker, workers, created_at, started_at, finished_at`;

/** The columns of a job plus its parts' counts (the result is left out of listings: it can be large). */
const SUMMARY = (alias: string, withResult: boolean) => `
  ${alias}.id, ${alias}.kind, ${alias}.parent_id, ${alias}.part, ${alias}.state, ${alias}.payload,
  ${withResult ? `${alias}.result` : 'null::text as result'}, ${alias}.error, ${alias}.done, ${alias}.total,
  ${alias}.attempts, ${alias}.max_attempts, ${alias}.worker, ${alias}.workers, ${alias}.created_at,
  ${alias}.started_at, ${alias}.finished_at,
  (select count(*)::int from jobs c where c.parent_id = ${alias}.id) as parts,
  (select count(*)::int from jobs c where c.parent_id = ${alias}.id and c.state = 'done') as parts_done,
  (select count(*)::int from jobs c where c.parent_id = ${alias}.id and c.state = 'running') as parts_running,
  (select sum(c.done)::int from jobs c where c.parent_id = ${alias}.id) as parts_sum,
  (select max(c.attempts)::int from jobs c where c.parent_id = ${alias}.id) as parts_attempts,
  (select min(c.started_at) from jobs c where c.parent_id = ${alias}.id) as parts_started,
  (select array_agg(distinct w) from jobs c, unnest(c.workers) w where c.parent_id = ${alias}.id) as parts_workers`;

export function jobQueue(db: SqlClient): JobQueue {
  /** A parent whose part failed for good fails too; its other parts are cancelled. */
  const failParent = async (tx: SqlClient, parentId: string, part: number, error: string) => {
    await tx.query(
      `update jobs set state = 'failed', error = $2, finished_at = clock_timestamp(), lease_until = null
        where id = $1 and state in ('waiting', 'queued', 'running')`,
      [parentId, `part ${part + 1}: ${error}`],
    );
    await tx.query(
      `update jobs set state = 'cancelled', finished_at = clock_timestamp(), lease_until = null
        where parent_id = $1 and state in ('queued', 'running')`,
      [parentId],
    );
  };

  return {
    async enqueue(job) {
      return db.transaction(async (tx) => {
        const parts = job.parts ?? [];
        const rows = await tx.query<RawRow>(
          `insert into jobs (id, kind, state, payload, total, max_attempts)
             values ($1, $2, $3, $4, $5, $6) returning ${COLUMNS}`,
          [job.id, job.kind, parts.length ? 'waiting' : 'queued', JSON.stringify(job.payload), job.total, job.maxAttempts],
        );
        for (let i = 0; i < parts.length; i++) {
          const p = parts[i];
          await tx.query(
            `insert into jobs (id, kind, parent_id, part, state, payload, total, max_attempts)
               values ($1, $2, $3, $4, 'queued', $5, $6, $7)`,
            [p.id, job.kind, job.id, i, JSON.stringify(p.payload), p.total, job.maxAttempts],
          );
        }
        return toRow(rows[0]);
      });
    },

    async claim(worker, leaseSeconds) {
      return db.transaction(async (tx) => {
        // Jobs whose worker stopped on their last attempt fail rather than run a fourth time.
        const spent = await tx.query<{ id: string; parent_id: string | null; part: number; error: string }>(
          `update jobs set state = 'failed', finished_at = clock_timestamp(), lease_until = null,
                  error = 'its worker stopped before finishing (attempt ' || attempts || ' of ' || max_attempts || ')'
            where id in (select id from jobs where state = 'running' and lease_until < clock_timestamp()
                           and attempts >= max_attempts for update skip locked)
            returning id, parent_id, part, error`,
        );
        for (const s of spent) {
          if (s.parent_id) await failParent(tx, s.parent_id, s.part, s.error);
        }
        const rows = await tx.query<RawRow>(
          `update jobs j set state = 'running', worker = $1, done = 0, attempts = j.attempts + 1,
                  workers = case when $1 = any(j.workers) then j.workers else j.workers || $1::text end,
                  lease_until = clock_timestamp() + make_interval(secs => $2),
                  started_at = coalesce(j.started_at, clock_timestamp())
            where j.id = (select id from jobs
                           where state = 'queued' or (state = 'running' and lease_until < clock_timestamp())
                           order by created_at, part
                           limit 1
                           for update skip locked)
            returning ${COLUMNS}`,
          [worker, leaseSeconds],
        );
        return rows[0] ? toRow(rows[0]) : null;
      });
    },

    async heartbeat(id, worker, done, leaseSeconds) {
      const rows = await db.query(
        `update jobs set done = $3, lease_until = clock_timestamp() + make_interval(secs => $4)
          where id = $1 and worker = $2 and state = 'running' returning id`,
        [id, worker, done, leaseSeconds],
      );
      return rows.length === 1;
    },

    async complete(id, worker, result) {
      return db.transaction(async (tx) => {
        const rows = await tx.query<{ parent_id: string | null }>(
          // A finished part's payload is never read again (a retry runs only unfinished parts):
          // a large one — an uploaded file's bytes — is dropped rather than kept with the job.
          `update jobs set state = 'done', result = $3, done = total, finished_at = clock_timestamp(), lease_until = null,
              payload = case when parent_id is not null and length(payload) > ${DROP_PAYLOAD_CHARS} then '{}' else payload end
            where id = $1 and worker = $2 and state = 'running' returning parent_id`,
          [id, worker, JSON.stringify(result)],
        );
        if (rows.length === 0) return false;
        const parent = rows[0].parent_id;
        if (parent) {
          // Parts finishing at once: the parent's row lock orders them, and the last one to get
          // it (seeing the others committed) queues the parent for the merge.
          const p = await tx.query<{ state: JobRowState }>(`select state from jobs where id = $1 for update`, [parent]);
          const left = await tx.query<{ n: number }>(
            `select count(*)::int as n from jobs where parent_id = $1 and state <> 'done'`,
            [parent],
          );
          if (p[0]?.state === 'waiting' && Number(left[0].n) === 0) {
            await tx.query(`update jobs set state = 'queued' where id = $1`, [parent]);
          }
        }
        return true;
      });
    },

    async release(id, worker) {
      await db.query(
        `update jobs set state = 'queued', worker = null, lease_until = null, done = 0, attempts = greatest(0, attempts - 1)
          where id = $1 and worker = $2 and state = 'running'`,
        [id, worker],
      );
    },

    async fail(id, worker, error) {
      await db.transaction(async (tx) => {
        const rows = await tx.query<{ parent_id: string | null; part: number }>(
          `update jobs set state = 'failed', error = $3, finished_at = clock_timestamp(), lease_until = null
            where id = $1 and worker = $2 and state = 'running' returning parent_id, part`,
          [id, worker, error],
        );
        if (rows[0]?.parent_id) await failParent(tx, rows[0].parent_id, rows[0].part, error);
      });
    },

    async cancel(id) {
      return db.transaction(async (tx) => {
        const rows = await tx.query<RawRow>(`select ${COLUMNS} from jobs where id = $1 for update`, [id]);
        if (rows.length === 0) return null;
        await tx.query(
          `update jobs set state = 'cancelled', finished_at = clock_timestamp(), lease_until = null
            where (id = $1 or parent_id = $1) and state in ('queued', 'waiting', 'running')`,
          [id],
        );
        const after = await tx.query<RawRow>(`select ${COLUMNS} from jobs where id = $1`, [id]);
        return toRow(after[0]);
      });
    },

    async retry(id) {
      return db.transaction(async (tx) => {
        const rows = await tx.query<RawRow>(`select ${COLUMNS} from jobs where id = $1 for update`, [id]);
        if (rows.length === 0) return null;
        if (rows[0].state !== 'failed' && rows[0].state !== 'cancelled') return toRow(rows[0]);
        await tx.query(
          `update jobs set state = 'queued', attempts = 0, error = null, worker = null, done = 0,
                  finished_at = null, lease_until = null
            where parent_id = $1 and state in ('failed', 'cancelled')`,
          [id],
        );
        await tx.query(
          `update jobs set attempts = 0, error = null, worker = null, finished_at = null, lease_until = null,
                  state = case when exists (select 1 from jobs c where c.parent_id = $1 and c.state <> 'done')
                               then 'waiting' else 'queued' end
            where id = $1`,
          [id],
        );
        const after = await tx.query<RawRow>(`select ${COLUMNS} from jobs where id = $1`, [id]);
        return toRow(after[0]);
      });
    },

    async get(id) {
      const rows = await db.query<RawRow>(`select ${SUMMARY('j', true)} from jobs j where j.id = $1`, [id]);
      return rows[0] ? toSummary(rows[0]) : null;
    },

    async list({ limit, state }) {
      const rows = await db.query<RawRow>(
        `select ${SUMMARY('j', false)} from jobs j
          where j.parent_id is null and ($2::text is null or j.state = $2 or ($2 = 'running' and j.state = 'waiting'))
          order by j.created_at desc, j.id limit $1`,
        [limit, state ?? null],
      );
      return rows.map(toSummary);
    },

    async parts(id) {
      const rows = await db.query<RawRow>(`select ${COLUMNS} from jobs where parent_id = $1 order by part`, [id]);
      return rows.map(toRow);
    },
  };
}
