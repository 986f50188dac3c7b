// Search latency on the embedded store: p50 and p95 of Store.search (our analyzer's terms,
// BM25 over the query's units read in blocks of increasing passage length, stopping once no
// longer passage can reach the top hits; snippets in JS) at 10,000 and
// 100,000 passages built deterministically by recombining corpus sentences; the same queries
// scored exhaustively (every passage holding any query word), and the recall of the fast path's
// top 10 against the exhaustive top 10; beside it, the plainest baseline in the same run: the
// same passages indexed with to_tsvector('arabic', text) and queried with plainto_tsquery('arabic', …).
//
// On the PostgreSQL server (MARSAD_BENCH_DATABASE_URL or MARSAD_TEST_DATABASE_URL set, and
// MARSAD_BENCH_SERVER_PASSAGES, e.g. 1000000): the same at that many passages, loaded once into
// the schema marsad_bench_search_<count> and kept there for later runs (drop it to reclaim the
// space); the exhaustive scoring runs one round there (it takes seconds per query).
import { pathToFileURL } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openStore } from '../dist/store/index.js';
import { fmt, packDocuments, percentile, recombinedPassages } from './store-support/corpus.js';

const SIZES = [10_000, 100_000];
const PER_DOCUMENT = 1000;
const ROUNDS = 3;
const LIMIT = 20;

/** Arabic queries with clitics and spelling variants, and English ones. */
export const QUERIES = [
  'والقوات الأميركية',
  'انسحاب القوات الأمريكية من العراق',
  'سورية',
  'الهجمات على القواعد',
  'عين الأسد',
  'الحشد الشعبي',
  'التحالف الدولي لمحاربة داعش',
  'الإطار التنسيقي',
  'السوداني وبايدن',
  'المقاومة الإسلامية في العراق',
  'إيران وحلفاؤها',
  'الفراغ الاستراتيجي',
  'اللجنة العسكرية العليا',
  'الولايات المتحدة',
  'كردستان',
  'withdrawal',
  'strategic vacuum',
  'US military withdrawal from Iraq',
  'negotiations buy time',
  'non-state actors',
];

function summary(ms) {
  const sorted = [...ms].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function measure(fn, rounds = ROUNDS) {
  if (rounds === ROUNDS) for (const q of QUERIES) await fn(q); // warm-up: plans, caches, JIT
  const ms = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const started = performance.now();
      await fn(q);
      ms.push(performance.now() - started);
    }
  }
  return summary(ms);
}

/** The fast top 10 against exhaustive scoring, over every query. */
async function recall(store) {
  const out = { kept: 0, wanted: 0, identical: 0, scoredFast: 0, scoredAll: 0 };
  for (const q of QUERIES) {
    const fast = await store.searchRanked({ text: q, limit: 10 });
    const all = await store.searchRanked({ text: q, limit: 10, exhaustive: true });
    const fastIds = new Set(fast.hits.map((h) => h.passage));
    out.kept += all.hits.filter((h) => fastIds.has(h.passage)).length;
    if (JSON.stringify(fast.hits.map((h) => [h.passage, h.score])) === JSON.stringify(all.hits.map((h) => [h.passage, h.score]))) out.identical++;
    out.wanted += all.hits.length;
    out.scoredFast += fast.scored;
    out.scoredAll += all.scored;
  }
  return out;
}

/**
 * Every figure of one size: our search, the same scored exhaustively (`exhaustiveRounds`: one
 * round where it takes seconds a query), the recall of the fast path, and the baseline table of
 * `db` (PGlite or a pg client) queried with plainto_tsquery('arabic').
 */
async function measureAll(store, db, exhaustiveRounds) {
  const ours = await measure((q) => store.search({ text: q, limit: LIMIT }));
  const uncapped = await measure((q) => store.search({ text: q, limit: LIMIT, exhaustive: true }), exhaustiveRounds);
  const base = await measure((q) =>
    db.query(
      `select id, text, ts_rank_cd(terms, q) as score from baseline, plainto_tsquery('arabic', $1) q
        where terms @@ q order by score desc limit ${LIMIT}`,
      [q],
    ),
  );
  return { ours, uncapped, base, ...(await recall(store)) };
}

/** The same figures on the PostgreSQL server, at MARSAD_BENCH_SERVER_PASSAGES passages. */
async function serverRun() {
  const url = process.env.MARSAD_BENCH_DATABASE_URL || process.env.MARSAD_TEST_DATABASE_URL;
  const size = Number(process.env.MARSAD_BENCH_SERVER_PASSAGES ?? 0);
  if (!url || !(size > 0)) {
    return ['PostgreSQL server: skipped (set MARSAD_BENCH_SERVER_PASSAGES and MARSAD_BENCH_DATABASE_URL or MARSAD_TEST_DATABASE_URL)'];
  }
  const schema = `marsad_bench_search_${size}`;
  const lines = [];
  const store = await openStore({ databaseUrl: url, schema });
  const admin = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await admin.connect();
  try {
    await admin.query(`create table if not exists baseline (id serial primary key, text text, terms tsvector)`);
    await admin.query(`create index if not exists baseline_terms_idx on baseline using gin (terms)`);
    const stored = (await store.stats()).passages;
    const baseRows = Number((await admin.query(`select count(*) as n from baseline`)).rows[0].n);
    if (stored !== size || baseRows !== size) {
      const started = performance.now();
      for (const doc of await store.listDocuments()) await store.deleteDocument(doc.id);
      await admin.query(`truncate baseline`);
      const all = recombinedPassages(size, 11);
      for (const doc of packDocuments(all, PER_DOCUMENT, 'search')) {
        await store.putDocument(doc);
        await admin.query(`insert into baseline (text, terms) select t, to_tsvector('arabic', t) from unnest($1::text[]) as u(t)`, [
          doc.passages.map((p) => p.text),
        ]);
      }
      await admin.query(`analyze`);
      lines.push(`(loaded ${fmt(size, 0)} passages into ${schema} in ${fmt((performance.now() - started) / 1000, 0)} s)`);
    }
    const { ours, uncapped, base, kept, wanted, identical, scoredFast, scoredAll } = await measureAll(store, admin, 1);
    lines.push(
      `PostgreSQL server, ${fmt(size, 0)} passages: Marsad search p50 ${fmt(ours.p50)} ms, p95 ${fmt(ours.p95)} ms | ` +
        `baseline plainto_tsquery('arabic') p50 ${fmt(base.p50)} ms, p95 ${fmt(base.p95)} ms | ` +
        `Marsad scoring every matching passage (one round) p50 ${fmt(uncapped.p50)} ms, p95 ${fmt(uncapped.p95)} ms`,
    );
    lines.push(
      `  recall of the fast top 10 against exhaustive scoring: ${fmt(kept / Math.max(1, wanted), 3)} (${kept}/${wanted}; ` +
        `same passages, order and scores for ${identical}/${QUERIES.length} queries); ` +
        `passages scored per query: fast ${fmt(scoredFast / QUERIES.length, 0)}, exhaustive ${fmt(scoredAll / QUERIES.length, 0)}`,
    );
  } finally {
    await admin.end();
    await store.close();
  }
  return lines;
}

export async function run() {
  if (process.env.MARSAD_BENCH_SERVER_ONLY) return serverRun();
  const lines = [
    `${QUERIES.length} queries × ${ROUNDS} rounds, limit ${LIMIT}; passages = corpus sentences recombined (seed 11)`,
  ];
  const all = recombinedPassages(SIZES[SIZES.length - 1], 11);
  const store = await openStore({ memory: true });
  const lite = new PGlite();
  await lite.exec(`create table baseline (id serial primary key, text text, terms tsvector)`);
  await lite.exec(`create index on baseline using gin (terms)`);
  let loaded = 0;
  try {
    for (const size of SIZES) {
      const docs = packDocuments(all.slice(loaded, size), PER_DOCUMENT, `search-${loaded}`);
      const started = performance.now();
      for (const doc of docs) await store.putDocument(doc);
      const ingestS = (performance.now() - started) / 1000;
      const baseStarted = performance.now();
      for (const doc of docs) {
        await lite.query(`insert into baseline (text, terms) select t, to_tsvector('arabic', t) from unnest($1::text[]) as u(t)`, [
          doc.passages.map((p) => p.text),
        ]);
      }
      const baseIngestS = (performance.now() - baseStarted) / 1000;
      loaded = size;
      const { ours, uncapped, base, kept, wanted, identical, scoredFast, scoredAll } = await measureAll(store, lite, ROUNDS);
      lines.push(
        `${fmt(size, 0)} passages: Marsad search p50 ${fmt(ours.p50)} ms, p95 ${fmt(ours.p95)} ms | ` +
          `baseline plainto_tsquery('arabic') p50 ${fmt(base.p50)} ms, p95 ${fmt(base.p95)} ms | ` +
          `p95 ratio ${fmt(ours.p95 / base.p95, 2)}× | Marsad scoring every matching passage p50 ${fmt(uncapped.p50)} ms, p95 ${fmt(uncapped.p95)} ms`,
      );
      lines.push(
        `  recall of the fast top 10 against exhaustive scoring: ${fmt(kept / Math.max(1, wanted), 3)} (${kept}/${wanted}; ` +
          `same passages, order and scores for ${identical}/${QUERIES.length} queries); ` +
          `passages scored per query: fast ${fmt(scoredFast / QUERIES.length, 0)}, exhaustive ${fmt(scoredAll / QUERIES.length, 0)}`,
      );
      lines.push(
        `  (loaded ${fmt((size - (size === SIZES[0] ? 0 : SIZES[0])) / ingestS, 0)} passages/s; baseline ${fmt((size - (size === SIZES[0] ? 0 : SIZES[0])) / baseIngestS, 0)}/s)`,
      );
    }
    const hits = await store.search({ text: 'والقوات الأميركية', limit: 1 });
    lines.push(`sample hit: ${hits[0]?.snippet ?? '(none)'}`);
  } finally {
    await store.close();
    await lite.close();
  }
  lines.push(...(await serverRun()));
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await run()) console.log(line);
}
