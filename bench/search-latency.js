// Search latency on the embedded store: p50 and p95 of Store.search (our analyzer's terms,
// BM25 over the query's units with MaxScore pruning in SQL, snippets in JS) at 10,000 and
// 100,000 passages built deterministically by recombining corpus sentences; the same queries
// scored exhaustively (every passage holding any query word), and the recall of the fast path's
// top 10 against the exhaustive top 10; beside it, the plainest baseline in the same run: the
// same passages indexed with to_tsvector('arabic', text) and queried with plainto_tsquery('arabic', …).
import { PGlite } from '@electric-sql/pglite';
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

async function measure(fn) {
  for (const q of QUERIES) await fn(q); // warm-up: plans, caches, JIT
  const ms = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of QUERIES) {
      const started = performance.now();
      await fn(q);
      ms.push(performance.now() - started);
    }
  }
  return summary(ms);
}

export async function run() {
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
      const ours = await measure((q) => store.search({ text: q, limit: LIMIT }));
      const uncapped = await measure((q) => store.search({ text: q, limit: LIMIT, exhaustive: true }));
      let kept = 0;
      let wanted = 0;
      let identical = 0;
      let scoredFast = 0;
      let scoredAll = 0;
      for (const q of QUERIES) {
        const fast = await store.searchRanked({ text: q, limit: 10 });
        const all = await store.searchRanked({ text: q, limit: 10, exhaustive: true });
        const fastIds = new Set(fast.hits.map((h) => h.passage));
        kept += all.hits.filter((h) => fastIds.has(h.passage)).length;
        if (JSON.stringify(fast.hits.map((h) => [h.passage, h.score])) === JSON.stringify(all.hits.map((h) => [h.passage, h.score]))) identical++;
        wanted += all.hits.length;
        scoredFast += fast.scored;
        scoredAll += all.scored;
      }
      const base = await measure((q) =>
        lite.query(
          `select id, text, ts_rank_cd(terms, q) as score from baseline, plainto_tsquery('arabic', $1) q
            where terms @@ q order by score desc limit ${LIMIT}`,
          [q],
        ),
      );
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
  return lines;
}
