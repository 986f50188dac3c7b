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
  // figure, every word must be new: variants of the corpus with each word rotated (same
  // letters, other strings). Three variants warm the JIT, the next ten are timed.
  const variant = (k) => base.replace(/\S+/g, (w) => (w.length > 2 ? w.slice(k % w.length) + w.slice(0, k % w.length) : w));
  for (let k = 1; k <= 3; k++) analyze(variant(k));
  const coldTexts = [];
  for (let k = 4; k <= 13; k++) coldTexts.push(variant(k));
  const cold = time(() => { for (const t of coldTexts) analyze(t); });
  const times = [];
  let tokens = 0;
  for (let r = 0; r < 3; r++) {
    times.push(time(() => { tokens = 0; for (const p of passages) tokens += analyze(p).length; }));
  }
  const coldMb = coldTexts.reduce((a, t) => a + Buffer.byteLength(t, 'utf8'), 0) / 1048576;
  const coldChars = coldTexts.reduce((a, t) => a + t.length, 0);
  const mb = bytes / 1048576;
  const best = Math.min(...times);
  return [
    `text analyze: cold memo, 10 word-rotated variants of the corpus (${coldMb.toFixed(2)} MB, every word new): ` +
      `${(coldMb / (cold / 1000)).toFixed(1)} MB/s, ${Math.round(coldChars / 1000 / (cold / 1000))} passages of 1,000 chars/s`,
    `text analyze: ${passages.length} passages of 1,000 chars (${mb.toFixed(1)} MB), warm memo, best of 3: ` +
      `${(mb / (best / 1000)).toFixed(1)} MB/s, ${Math.round(passages.length / (best / 1000))} passages/s, ${Math.round(tokens / (best / 1000))} tokens/s`,
  ];
}
