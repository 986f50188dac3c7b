// Ingest throughput: passages per second written by Store.putDocument (our analysis + one
// transaction per document) into PGlite, and into PostgreSQL when MARSAD_BENCH_DATABASE_URL or
// MARSAD_TEST_DATABASE_URL is set; beside each, the plainest baseline in the same run: the same
// passages inserted with raw to_tsvector('arabic', text) and no normalization of ours.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openStore } from '../dist/store/index.js';
import { fmt, packDocuments, recombinedPassages } from './store-support/corpus.js';

const PASSAGES = 5000;
const PER_DOCUMENT = 50;

const BASELINE_TABLE = `create table baseline (id serial primary key, doc integer, text text, terms tsvector)`;
const BASELINE_INDEX = `create index on baseline using gin (terms)`;
const BASELINE_INSERT = `insert into baseline (doc, text, terms)
  select $1, t, to_tsvector('arabic', t) from unnest($2::text[]) as u(t)`;

async function timeStore(store, docs) {
  const started = performance.now();
  for (const doc of docs) await store.putDocument(doc);
  return (performance.now() - started) / 1000;
}

/** `transaction(fn)` runs fn(query) in one transaction, like putDocument does per document. */
async function timeBaseline(transaction, docs) {
  const started = performance.now();
  for (const [i, doc] of docs.entries()) {
    await transaction((query) => query(BASELINE_INSERT, [i, doc.passages.map((p) => p.text)]));
  }
  return (performance.now() - started) / 1000;
}

export async function run() {
  const docs = packDocuments(recombinedPassages(PASSAGES, 7), PER_DOCUMENT, 'ingest');
  const lines = [`${PASSAGES} passages (corpus sentences recombined, seed 7) in ${docs.length} documents of ${PER_DOCUMENT}`];

  const store = await openStore({ memory: true });
  const ours = await timeStore(store, docs);
  await store.close();
  const lite = new PGlite();
  await lite.exec(BASELINE_TABLE);
  await lite.exec(BASELINE_INDEX);
  const base = await timeBaseline((fn) => lite.transaction((tx) => fn((sql, params) => tx.query(sql, params))), docs);
  await lite.close();
  lines.push(
    `PGlite   Marsad putDocument: ${fmt(PASSAGES / ours, 0)} passages/s | baseline to_tsvector('arabic'): ${fmt(PASSAGES / base, 0)} passages/s | ratio ${fmt(base / ours, 2)}× the baseline's speed`,
  );

  const url = process.env.MARSAD_BENCH_DATABASE_URL || process.env.MARSAD_TEST_DATABASE_URL;
  if (!url) {
    lines.push('PostgreSQL: skipped (set MARSAD_BENCH_DATABASE_URL or MARSAD_TEST_DATABASE_URL)');
    return lines;
  }
  const schema = `bench_ingest_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const pgStore = await openStore({ databaseUrl: url, schema });
    const pgOurs = await timeStore(pgStore, docs);
    await pgStore.close();
    await admin.query(`set search_path to ${schema}`);
    await admin.query(BASELINE_TABLE);
    await admin.query(BASELINE_INDEX);
    const pgBase = await timeBaseline(async (fn) => {
      await admin.query('begin');
      await fn((sql, params) => admin.query(sql, params));
      await admin.query('commit');
    }, docs);
    lines.push(
      `Postgres Marsad putDocument: ${fmt(PASSAGES / pgOurs, 0)} passages/s | baseline to_tsvector('arabic'): ${fmt(PASSAGES / pgBase, 0)} passages/s | ratio ${fmt(pgBase / pgOurs, 2)}× the baseline's speed`,
    );
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
  return lines;
}
