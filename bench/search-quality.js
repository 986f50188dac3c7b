// Search quality on the built-in corpus: hit@10 and MRR (over the first 20 hits) of the analyst
// questions in test/fixtures/search/questions.json, asked through the application layer's search
// (the case's names expanded) over an in-memory store holding the five source documents.
// `node bench/search-quality.js --misses` also lists the questions whose answer is not in the top 10.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingest, openWorkbench, search } from '../dist/app/index.js';
import { builtInCaseDir } from '../dist/case/case-dir.js';
import { openStore } from '../dist/store/index.js';
import { corpusDir } from './store-support/corpus.js';

const questionsFile = fileURLToPath(new URL('../test/fixtures/search/questions.json', import.meta.url));
const DEPTH = 20;

/** Rank (1-based) of the first answering passage in `hits`, or 0. */
function rankOf(hits, answers) {
  const i = hits.findIndex((h) => answers.includes(h.passage));
  return i < 0 ? 0 : i + 1;
}

export async function measureQuality({ questions = JSON.parse(readFileSync(questionsFile, 'utf8')).questions, expand = true } = {}) {
  const store = await openStore({ memory: true });
  const wb = openWorkbench({ caseDir: builtInCaseDir(), store });
  try {
    await ingest(wb, { paths: [corpusDir] });
    const rows = [];
    for (const item of questions) {
      let hits = [];
      let error = null;
      try {
        hits = (await search(wb, { q: item.q, limit: DEPTH, expand, sort: 'relevance' })).hits;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      rows.push({ ...item, rank: rankOf(hits, item.answers), found: hits.length, error });
    }
    return rows;
  } finally {
    await wb.close();
    await store.close();
  }
}

function summarize(rows) {
  const n = rows.length;
  const hit10 = rows.filter((r) => r.rank > 0 && r.rank <= 10).length;
  const mrr = rows.reduce((s, r) => s + (r.rank > 0 ? 1 / r.rank : 0), 0) / n;
  const empty = rows.filter((r) => r.found === 0).length;
  return { n, hit10, mrr, empty };
}

export async function run() {
  const rows = await measureQuality();
  const all = summarize(rows);
  const lines = [
    `${all.n} questions: hit@10 ${all.hit10}/${all.n} (${(all.hit10 / all.n).toFixed(2)}), MRR ${all.mrr.toFixed(3)}, no hits at all for ${all.empty}`,
  ];
  const kinds = [...new Set(rows.map((r) => r.kind))];
  for (const kind of kinds) {
    const s = summarize(rows.filter((r) => r.kind === kind));
    lines.push(`  ${kind}: hit@10 ${s.hit10}/${s.n}, MRR ${s.mrr.toFixed(3)}`);
  }
  const plain = summarize(await measureQuality({ expand: false }));
  lines.push(`  without names or glossary (--no-expand): hit@10 ${plain.hit10}/${plain.n}, MRR ${plain.mrr.toFixed(3)}`);
  if (process.argv.includes('--misses')) {
    for (const r of rows.filter((x) => !(x.rank > 0 && x.rank <= 10))) {
      lines.push(`  miss [${r.kind}] ${r.q} → ${r.error ?? (r.found ? `rank ${r.rank || `>${DEPTH}`}` : 'no hits')}`);
    }
  }
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const line of await run()) console.log(line);
}
