// Search on the PostgreSQL server at the size of a database a job ingest left behind
// (`MARSAD_BENCH_KEEP=1 MARSAD_BENCH_DOCUMENTS=100000 node bench/jobs-ingest.js` keeps ~1,000,000
// passages): p50/p95 of Store.search (the fast path), of the same queries scored exhaustively,
// the recall of the fast top 10 against the exhaustive top 10, and the reference a user would
// otherwise pick in the same run: PostgreSQL's own to_tsvector('arabic') in a GIN index, queried
// with plainto_tsquery('arabic', …) and ranked by ts_rank_cd. Needs MARSAD_BENCH_SEARCH_DATABASE_URL
// (the kept database); the reference table is built once in it (`bench_reference`).
import pg from 'pg';
import { openStore } from '../dist/store/index.js';
import { QUERIES } from './search-latency.js';
import { fmt, percentile } from './store-support/corpus.js';

const ROUNDS = 3;
const LIMIT = 20;

async function measure(fn) {
  for (const q of QUERIES) await fn(q); // warm-up: plans, caches
  const ms = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      const started = performance.now();
      await fn(q);
      ms.push(performance.now() - started);
    }
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

export async function run() {
  const url = process.env.MARSAD_BENCH_SEARCH_DATABASE_URL;
  if (!url) return ['skipped: set MARSAD_BENCH_SEARCH_DATABASE_URL to a database kept by MARSAD_BENCH_KEEP=1 node bench/jobs-ingest.js'];
  const store = await openStore({ databaseUrl: url });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const lines = [];
  try {
    const stats = await store.stats();
    lines.push(`${fmt(stats.passages, 0)} passages in ${fmt(stats.documents, 0)} documents on the PostgreSQL server; ${QUERIES.length} queries × ${ROUNDS} rounds, limit ${LIMIT}`);
    const ours = await measure((q) => store.search({ text: q, limit: LIMIT }));
    const exhaustive = await measure((q) => store.search({ text: q, limit: LIMIT, exhaustive: true }));
    let kept = 0;
    let wanted = 0;
    for (const q of QUERIES) {
      const fast = await store.searchRanked({ text: q, limit: 10 });
      const all = await store.searchRanked({ text: q, limit: 10, exhaustive: true });
      const ids = new Set(fast.hits.map((h) => h.passage));
      kept += all.hits.filter((h) => ids.has(h.passage)).length;
      wanted += all.hits.length;
    }
    const { rows } = await client.query(`select to_regclass('bench_reference') as t`);
    if (!rows[0].t) {
      const started = performance.now();
      await client.query(`create table bench_reference as select id, text, to_tsvector('arabic', text) as terms from passages`);
      await client.query(`create index on bench_reference using gin (terms)`);
      await client.query(`analyze bench_reference`);
      lines.push(`reference built: to_tsvector('arabic') + GIN over every passage in ${fmt((performance.now() - started) / 1000, 0)} s`);
    }
    const reference = await measure((q) =>
      client.query(
        `select id, text, ts_rank_cd(terms, q) as score from bench_reference, plainto_tsquery('arabic', $1) q
          where terms @@ q order by score desc limit ${LIMIT}`,
        [q],
      ),
    );
    lines.push(`Marsad search (fast path) p50 ${fmt(ours.p50)} ms, p95 ${fmt(ours.p95)} ms`);
    lines.push(`Marsad scoring every matching passage p50 ${fmt(exhaustive.p50)} ms, p95 ${fmt(exhaustive.p95)} ms`);
    lines.push(`reference to_tsvector('arabic') + GIN, plainto_tsquery, ts_rank_cd p50 ${fmt(reference.p50)} ms, p95 ${fmt(reference.p95)} ms → Marsad p95 ${fmt(ours.p95 / reference.p95, 2)}× the reference`);
    lines.push(`recall of the fast top 10 against exhaustive scoring: ${fmt(kept / Math.max(1, wanted), 3)} (${kept}/${wanted})`);
  } finally {
    await client.end();
    await store.close();
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await run()) console.log(line);
}
