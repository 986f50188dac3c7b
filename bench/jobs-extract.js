// Extraction over stored documents as a job on the PostgreSQL server, by 1 and then 2 `marsad
// worker` processes: documents per second from the workers' start to the last part done, and the
// candidates proposed (the same, by kind, whatever the number of workers). The documents are
// generated (corpus sentences recombined, seed 23), ingested first, then `marsad candidates
// --job` queues one extraction over all of them, cut in parts of 10 documents. Needs
// MARSAD_BENCH_DATABASE_URL or MARSAD_TEST_DATABASE_URL; each run gets a schema of its own,
// dropped afterwards. MARSAD_BENCH_DOCUMENTS sets the size (default 1,000 documents of 10 passages).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { marsad } from './store-support/marsad-cli.js';
import { fmt, recombinedPassages } from './store-support/corpus.js';

const DOCUMENTS = Number(process.env.MARSAD_BENCH_DOCUMENTS ?? 1_000);
const PER_DOCUMENT = 10;
const WORKERS = [1, 2];

function writeCorpus(dir) {
  const passages = recombinedPassages(DOCUMENTS * PER_DOCUMENT, 23);
  let bytes = 0;
  for (let d = 0; d < DOCUMENTS; d++) {
    const lines = passages.slice(d * PER_DOCUMENT, (d + 1) * PER_DOCUMENT);
    lines[0] = `وثيقة ${d}: ${lines[0]}`;
    const text = `${lines.join('\n\n')}\n`;
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, `doc-${String(d).padStart(6, '0')}.txt`), text);
  }
  return bytes;
}

export async function run() {
  const base = process.env.MARSAD_BENCH_DATABASE_URL || process.env.MARSAD_TEST_DATABASE_URL;
  if (!base) return ['skipped: set MARSAD_BENCH_DATABASE_URL (or MARSAD_TEST_DATABASE_URL) to a PostgreSQL server'];
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-extract-'));
  mkdirSync(dir, { recursive: true });
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const lines = [];
  const results = [];
  try {
    const bytes = writeCorpus(dir);
    lines.push(
      `${fmt(DOCUMENTS, 0)} generated documents of ${PER_DOCUMENT} passages (${fmt(bytes / 1024 / 1024, 1)} MB, corpus sentences recombined, seed 23); ` +
        'one extraction job (`marsad candidates --job`) in parts of 10 documents; each worker: `marsad worker --until-idle` (concurrency 1)',
    );
    for (const workers of WORKERS) {
      const schema = `bench_extract_${workers}_${process.pid}`;
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.query(`create schema ${schema}`);
      const u = new URL(base);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const env = { MARSAD_DATABASE_URL: u.toString() };
      try {
        await marsad(['ingest', dir], env);
        const job = JSON.parse(await marsad(['candidates', '--job', '--json'], env));
        const started = performance.now();
        await Promise.all(Array.from({ length: workers }, () => marsad(['worker', '--until-idle'], env)));
        const seconds = (performance.now() - started) / 1000;
        const done = JSON.parse(await marsad(['jobs', '--json', '--limit', '1'], env)).items[0];
        if (done.id !== job.id || done.status !== 'done') throw new Error(`the extraction job ended ${done.status}: ${done.error}`);
        const { rows } = await admin.query(`select kind, count(*)::int as n from ${schema}.document_candidates group by kind order by kind`);
        const byKind = rows.map((r) => `${r.kind} ${r.n}`).join(', ');
        results.push(byKind);
        const total = rows.reduce((s, r) => s + r.n, 0);
        lines.push(
          `${workers} worker${workers > 1 ? 's' : ' '}: ${fmt(DOCUMENTS, 0)} documents in ${fmt(seconds, 1)} s = ${fmt(DOCUMENTS / seconds, 1)} documents/s ` +
            `(${fmt(bytes / 1024 / seconds, 0)} KB/s) | ${fmt(total, 0)} candidates kept (${byKind})`,
        );
      } finally {
        await admin.query(`drop schema if exists ${schema} cascade`);
      }
    }
    lines.push(`same candidates with 1 and 2 workers: ${results.every((r) => r === results[0]) ? 'yes' : 'NO'}`);
  } finally {
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await run()) console.log(line);
}
