// Normalization throughput: normalizeArabic over the corpus repeated to ~50 MB, beside a naive
// chain of String.replace regexes doing the same job. Prints figures, asserts nothing.
// Build first (npx tsc -p tsconfig.json), then: node -e "import('./bench/text-normalize.js').then(m=>m.run()).then(l=>console.log(l.join('\n')))"
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normalizeArabic } from '../dist/text/index.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/iraq-withdrawal/', import.meta.url));
const TARGET_BYTES = 50 * 1024 * 1024;

/** The same job as normalizeArabic, written the obvious way: one regex pass per rule. */
function naiveNormalizeArabic(s) {
  return s
    .normalize('NFKC')
    .replace(/[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '')
    .replace(/[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u0622\u0623\u0625\u0671\u0672\u0673]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064a')
    .replace(/\u0640/g, '')
    .replace(/[\u064b-\u065f\u0670\u0610-\u061a]/g, '')
    .replace(/[\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06ed]/g, '')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.')
    .replace(/\u066c/g, ',')
    .replace(/\u066a/g, '%')
    .replace(/[\u06cc\u06d2]/g, '\u064a')
    .replace(/[\u06a9\u06aa]/g, '\u0643')
    .replace(/[\u06c0\u06c1\u06be\u06d5]/g, '\u0647');
}

function corpusText() {
  return readdirSync(CORPUS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(CORPUS + f, 'utf8'))
    .join('\n');
}

/** Best of `rounds` timings, in MB/s (MB = 2^20 bytes of UTF-8 input). */
function throughput(fn, input, bytes, rounds) {
  let best = Infinity;
  let out = '';
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    out = fn(input);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.min(best, ms);
  }
  return { mbps: bytes / (1024 * 1024) / (best / 1000), ms: best, out };
}

export async function run() {
  const base = corpusText();
  const baseBytes = Buffer.byteLength(base, 'utf8');
  const big = base.repeat(Math.max(1, Math.round(TARGET_BYTES / baseBytes)));
  const bytes = Buffer.byteLength(big, 'utf8');
  const ours = throughput(normalizeArabic, big, bytes, 5);
  const naive = throughput(naiveNormalizeArabic, big, bytes, 5);
  const same = ours.out === naive.out;
  return [
    `text normalize: normalizeArabic over the corpus x${Math.round(bytes / baseBytes)} (${(bytes / 1048576).toFixed(1)} MB UTF-8, ${big.length} UTF-16 units), best of 5`,
    `  normalizeArabic (lookup table): ${ours.mbps.toFixed(0)} MB/s (${ours.ms.toFixed(0)} ms)`,
    `  naive regex chain (baseline):   ${naive.mbps.toFixed(0)} MB/s (${naive.ms.toFixed(0)} ms)`,
    `  ratio: ${(ours.mbps / naive.mbps).toFixed(1)}x; outputs identical: ${same ? 'yes' : 'NO'}`,
  ];
}
