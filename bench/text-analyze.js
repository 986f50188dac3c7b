// Analysis throughput (tokenize + normalize + stem, as ingest and search use it) over the
// corpus repeated to ~5 MB. Prints figures, asserts nothing. Needs a build (npx tsc -p tsconfig.json).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyze } from '../dist/text/index.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/iraq-withdrawal/', import.meta.url));

function time(fn) {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function run() {
  const base = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(CORPUS + f, 'utf8'))
    .join('\n');
  const big = base.repeat(Math.max(1, Math.round((5 * 1048576) / Buffer.byteLength(base, 'utf8'))));
  const bytes = Buffer.byteLength(big, 'utf8');
  // Passages of ~1,000 characters, as the corpus splitter makes them.
  const passages = [];
  for (let i = 0; i < big.length; i += 1000) passages.push(big.slice(i, i + 1000));
  // analyze memoizes token → terms, so repeated text only shows the warm ceiling. For the cold
  // figure, warm the JIT on three variants of the corpus with every word rotated (same
  // letters, other strings), then time one pass over the corpus: each of its words is then
  // analyzed for the first time.
  for (let k = 1; k <= 3; k++) {
    analyze(base.replace(/\S+/g, (w) => (w.length > 2 ? w.slice(k % w.length) + w.slice(0, k % w.length) : w)));
  }
  const cold = time(() => analyze(base));
  const times = [];
  let tokens = 0;
  for (let r = 0; r < 3; r++) {
    times.push(time(() => { tokens = 0; for (const p of passages) tokens += analyze(p).length; }));
  }
  const baseMb = Buffer.byteLength(base, 'utf8') / 1048576;
  const mb = bytes / 1048576;
  const best = Math.min(...times);
  return [
    `text analyze: cold memo, the 5 corpus documents once (${baseMb.toFixed(2)} MB): ${(baseMb / (cold / 1000)).toFixed(1)} MB/s, ${Math.round(base.length / 1000 / (cold / 1000))} passages of 1,000 chars/s`,
    `text analyze: ${passages.length} passages of 1,000 chars (${mb.toFixed(1)} MB), warm memo, best of 3: ` +
      `${(mb / (best / 1000)).toFixed(1)} MB/s, ${Math.round(passages.length / (best / 1000))} passages/s, ${Math.round(tokens / (best / 1000))} tokens/s`,
  ];
}
