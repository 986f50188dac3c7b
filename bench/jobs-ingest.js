// Ingest as a job into the PostgreSQL server, by 1 and then 2 `marsad worker` processes: the
// passages per second from the first claim to the last part stored, the database's size, and
// search latency (p50/p95 of Store.search, 20 queries × 3 rounds) at that size. The documents
// are generated (corpus sentences recombined, seeded), written as .txt files, queued once with
// `marsad ingest DIR --job` and cut in parts the workers share. Needs MARSAD_BENCH_DATABASE_URL
// or MARSAD_TEST_DATABASE_URL (a role that may create databases): each run gets a database of
// its own, dropped afterwards. MARSAD_BENCH_DOCUMENTS sets the size (default 10,000 documents
// of 10 passages: 100,000 passages).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { marsad } from './store-support/marsad-cli.js';
import { openStore } from '../dist/store/index.js';
import { QUERIES } from './search-latency.js';
import { fmt, percentile, recombinedPassages } from './store-support/corpus.js';

const DOCUMENTS = Number(process.env.MARSAD_BENCH_DOCUMENTS ?? 10_000);
const PER_DOCUMENT = 10;
const WORKERS = [1, 2];
const ROUNDS = 3;

function writeCorpus(dir) {
  const passages = recombinedPassages(DOCUMENTS * PER_DOCUMENT, 21);
  for (let d = 0; d < DOCUMENTS; d++) {
    const sub = join(dir, String(Math.floor(d / 1000)).padStart(3, '0'));
    if (d % 1000 === 0) mkdirSync(sub, { recursive: true });
    const lines = passages.slice(d * PER_DOCUMENT, (d + 1) * PER_DOCUMENT);
    // The document number on its first line keeps every document distinct (dedup is by text).
    lines[0] = `وثيقة ${d}: ${lines[0]}`;
    writeFileSync(join(sub, `doc-${String(d).padStart(6, '0')}.txt`), `${lines.join('\n\n')}\n`);
  }
}

function databaseUrl(base, name) {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

async function searchLatency(store) {
  const ms = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      const started = performance.now();
      await store.search({ text: q, limit: 20 });
      ms.push(performance.now() - started);
    }
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

export async function run() {
  const base = process.env.MARSAD_BENCH_DATABASE_URL || process.env.MARSAD_TEST_DATABASE_URL;
  if (!base) return ['skipped: set MARSAD_BENCH_DATABASE_URL (or MARSAD_TEST_DATABASE_URL) to a PostgreSQL server'];
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-jobs-'));
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const lines = [];
  try {
    let started = performance.now();
    writeCorpus(dir);
    lines.push(
      `${fmt(DOCUMENTS, 0)} generated documents of ${PER_DOCUMENT} passages (corpus sentences recombined, seed 21), written in ${fmt((performance.now() - started) / 1000, 1)} s; ` +
        `ingested as one job in parts of 100 files; each worker: \`marsad worker --until-idle\` (concurrency 1)`,
    );
    for (const workers of WORKERS) {
      const name = `marsad_bench_jobs_${workers}_${process.pid}`;
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name}`);
      const url = databaseUrl(base, name);
      try {
        const env = { MARSAD_DATABASE_URL: url };
        const job = JSON.parse(await marsad(['ingest', dir, '--job', '--json'], env));
        started = performance.now();
        await Promise.all(Array.from({ length: workers }, () => marsad(['worker', '--until-idle'], env)));
        const seconds = (performance.now() - started) / 1000;
        const store = await openStore({ databaseUrl: url });
        try {
          const done = await store.jobs.get(job.id);
          const stats = await store.stats();
          if (done.state !== 'done') throw new Error(`the ingest job ended ${done.state}: ${done.error}`);
          const { rows } = await admin.query(`select pg_database_size($1)::bigint as bytes`, [name]);
          const bytes = Number(rows[0].bytes);
          const latency = await searchLatency(store);
          lines.push(
            `${workers} worker${workers > 1 ? 's' : ' '}: ${fmt(stats.passages, 0)} passages in ${fmt(seconds, 1)} s = ${fmt(stats.passages / seconds, 0)} passages/s | ` +
              `database ${fmt(bytes / 1024 / 1024, 0)} MB | search p50 ${fmt(latency.p50, 1)} ms, p95 ${fmt(latency.p95, 1)} ms (${QUERIES.length} queries × ${ROUNDS}, limit 20)`,
          );
        } finally {
          await store.close();
        }
      } finally {
        await admin.query(`drop database if exists ${name}`);
      }
    }
  } finally {
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await run()) console.log(line);
}
