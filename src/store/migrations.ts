/**
 * The schema, as numbered migrations. Opening a store applies the ones its database lacks, in
 * order, each in its own transaction with its version row, so an older data folder is brought up
 * to date and a crash mid-migration leaves the previous version intact.
 */
import { MarsadError } from '../domain/errors.js';
import type { SqlClient } from './sql-client.js';

export interface Migration {
  version: number;
  /** What it changes, for the record. */
  description: string;
  statements: string[];
}

/**
 * Lengths up to this many index terms are keys of their own; longer ones share a key per
 * `LENGTH_BUCKET` lengths, so a block of long, sparse lengths is still a few keys.
 */
export const EXACT_LENGTHS = 128;
export const LENGTH_BUCKET = 32;

/** The key of a passage's length in the full-text index (SQL); `lengthKey` is the same in JS. */
function lengthKeySql(len: string): string {
  return `case when ${len} < ${EXACT_LENGTHS} then ${len} else ${EXACT_LENGTHS} + (${len} - ${EXACT_LENGTHS}) / ${LENGTH_BUCKET} end`;
}

export function lengthKey(len: number): number {
  return len < EXACT_LENGTHS ? len : EXACT_LENGTHS + Math.floor((len - EXACT_LENGTHS) / LENGTH_BUCKET);
}

/** A passage's length key as a one-lexeme tsvector: the second key of the full-text index. */
export function lengthTerms(len: string): string {
  return `array_to_tsvector(array[(${lengthKeySql(len)})::text])`;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'documents and passages with a full-text index',
    statements: [
      `create table documents (
        id text primary key,
        file text not null unique,
        path text not null,
        content_hash text not null unique,
        language text not null,
        title text,
        author text,
        outlet text,
        kind text,
        published text,
        meta jsonb not null,
        text text not null
      )`,
      `create table passages (
        id text primary key,
        document_id text not null references documents(id) on delete cascade,
        ordinal integer not null,
        start_offset integer not null,
        end_offset integer not null,
        text text not null,
        language text not null,
        terms tsvector not null,
        unique (document_id, ordinal)
      )`,
      `create index passages_terms_idx on passages using gin (terms)`,
    ],
  },
  {
    version: 2,
    description: 'publication period as dates, for date-range filters',
    statements: [
      `alter table documents add column published_from date`,
      `alter table documents add column published_to date`,
      // Backfill from the text column: YYYY, YYYY-MM or YYYY-MM-DD.
      `update documents set
         published_from = case
           when published ~ '^\\d{4}-\\d{2}-\\d{2}$' then published::date
           when published ~ '^\\d{4}-\\d{2}$' then (published || '-01')::date
           when published ~ '^\\d{4}$' then (published || '-01-01')::date
         end,
         published_to = case
           when published ~ '^\\d{4}-\\d{2}-\\d{2}$' then published::date
           when published ~ '^\\d{4}-\\d{2}$' then ((published || '-01')::date + interval '1 month' - interval '1 day')::date
           when published ~ '^\\d{4}$' then (published || '-12-31')::date
         end
       where published is not null`,
      `create index documents_published_idx on documents (published_from, published_to)`,
    ],
  },
  {
    version: 3,
    description: 'pages of PDF documents (with OCR confidence) and the page and footnote flag of passages',
    statements: [
      // Null for documents without pages (text, Markdown, HTML, DOCX) and for older rows.
      `alter table passages add column page integer`,
      `alter table passages add column footnote boolean not null default false`,
      `create table document_pages (
        document_id text not null references documents(id) on delete cascade,
        number integer not null,
        start_offset integer not null,
        end_offset integer not null,
        ocr_confidence real,
        primary key (document_id, number)
      )`,
    ],
  },
  {
    version: 4,
    description: 'the case as a working copy: items, append-only history, candidate decisions',
    statements: [
      `create table case_copies (
        case_id text primary key,
        seed_hash text not null,
        seed_dir text not null,
        revision integer not null default 0,
        seeded_seq bigint
      )`,
      `create table case_items (
        case_id text not null references case_copies(case_id) on delete cascade,
        kind text not null,
        id text not null,
        ordinal integer not null,
        data jsonb not null,
        retired boolean not null default false,
        primary key (case_id, kind, id)
      )`,
      `create table case_changes (
        seq bigserial primary key,
        case_id text not null,
        at timestamptz not null,
        author text not null,
        action text not null,
        kind text,
        item text,
        before jsonb,
        after jsonb,
        reason text,
        cite jsonb not null default '[]',
        candidate text,
        reverts bigint,
        revision integer not null
      )`,
      `create index case_changes_item_idx on case_changes (case_id, kind, item, seq)`,
      `create table candidate_decisions (
        case_id text not null,
        candidate text not null,
        document text not null,
        decision text not null,
        kind text,
        item text,
        reason text,
        at timestamptz not null,
        author text not null,
        primary key (case_id, candidate)
      )`,
    ],
  },
  {
    version: 5,
    description: 'extraction candidates of stored documents, kept so that an id can be accepted later',
    statements: [
      `create table document_candidates (
        case_id text not null,
        candidate text not null,
        document_id text not null references documents(id) on delete cascade,
        kind text not null,
        data jsonb not null,
        primary key (case_id, candidate)
      )`,
      `create index document_candidates_document_idx on document_candidates (case_id, document_id)`,
    ],
  },
  {
    version: 6,
    description: 'search statistics: passages per index term and passage totals, for ranked search',
    statements: [
      `create table term_stats (term text primary key, df integer not null)`,
      // analyzer: the version of the analyzer the stored terms were made with (see reindexSearch).
      `create table search_totals (id integer primary key check (id = 1), passages bigint not null, lexemes bigint not null,
         analyzer integer not null default 0)`,
      `insert into term_stats (term, df)
         select u.lexeme, count(*)::int from passages p, unnest(p.terms) u group by u.lexeme`,
      `insert into search_totals (id, passages, lexemes)
         select 1, count(*), coalesce(sum(length(terms)), 0) from passages`,
    ],
  },
  {
    version: 7,
    description: 'jobs: a queue of background work shared by worker processes',
    statements: [
      // A job split in parts is the parent of its parts: it waits (state 'waiting') until they
      // are done, then is queued once more for a worker to merge their results.
      `create table jobs (
        id text primary key,
        kind text not null,
        parent_id text references jobs(id) on delete cascade,
        part integer not null default 0,
        state text not null check (state in ('queued', 'waiting', 'running', 'done', 'failed', 'cancelled')),
        payload text not null,
        result text,
        error text,
        done integer not null default 0,
        total integer not null,
        attempts integer not null default 0,
        max_attempts integer not null,
        worker text,
        workers text[] not null default '{}',
        lease_until timestamptz,
        created_at timestamptz not null default clock_timestamp(),
        started_at timestamptz,
        finished_at timestamptz
      )`,
      `create index jobs_claim_idx on jobs (state, created_at, part)`,
      `create index jobs_parent_idx on jobs (parent_id, part)`,
    ],
  },
  {
    version: 8,
    description: 'passage length in index terms (kept by the database, indexed) and passages per length, for ranked search in order of length',
    statements: [
      // The BM25 length norm of a passage depends on this alone; search visits candidates in
      // blocks of increasing length and stops once no longer passage can reach the top hits.
      // A stored generated column: every write of terms (ingest, re-analysis) keeps it exact.
      `alter table passages add column len integer generated always as (length(terms)) stored`,
      `create index passages_len_idx on passages (len)`,
      // How many passages have each length: where a block of passages of a given size ends.
      `create table length_stats (len integer primary key, passages integer not null)`,
      `insert into length_stats (len, passages) select len, count(*)::int from passages group by len`,
    ],
  },
  {
    version: 9,
    description: 'passage lengths as keys of the full-text index, so a block of lengths is read through it alone',
    statements: [
      // Search reads a common word's passages one block of lengths at a time. Intersecting the
      // word's posting list with the index on len re-reads the whole list for every block (at a
      // million passages, 100 ms for words in half the corpus); with the length as a second key
      // of the same index, the index skips along the list to the block's passages. The index
      // still answers queries on the terms alone, so it replaces the one on terms. Long lengths
      // share a key (see lengthKey), which a block covers whole or filters on len.
      `create index passages_terms_len_idx on passages using gin (terms, (${lengthTerms('len')}))`,
      `drop index passages_terms_idx`,
    ],
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The version the database is at; 0 when it has no Marsad schema yet. */
export async function schemaVersion(db: SqlClient): Promise<number> {
  const exists = await db.query<{ present: boolean }>(
    `select to_regclass('schema_version') is not null as present`,
  );
  if (!exists[0]?.present) return 0;
  const rows = await db.query<{ version: number | null }>(`select max(version) as version from schema_version`);
  return Number(rows[0]?.version ?? 0);
}

/**
 * Brings the schema up to `upTo` (default: the latest). Refuses a database written by a newer
 * Marsad rather than guessing at its shape.
 */
export async function migrate(db: SqlClient, opts: { upTo?: number } = {}): Promise<number> {
  const target = opts.upTo ?? SCHEMA_VERSION;
  await db.query(
    `create table if not exists schema_version (
       version integer primary key,
       description text not null,
       applied_at timestamptz not null default now()
     )`,
  );
  let current = await schemaVersion(db);
  if (current > SCHEMA_VERSION) {
    throw new MarsadError(
      `the database has schema version ${current}, newer than this Marsad understands (${SCHEMA_VERSION}); upgrade Marsad`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    await db.transaction(async (tx) => {
      // Two processes opening one PostgreSQL database at once: the second waits, then skips.
      await tx.query(`select pg_advisory_xact_lock(7316001)`);
      if ((await schemaVersion(tx)) >= migration.version) return;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query(`insert into schema_version (version, description) values ($1, $2)`, [
        migration.version,
        migration.description,
      ]);
    });
    current = migration.version;
  }
  return current;
}
