// Deterministic synthetic corpora for the store benchmarks: the built-in corpus's passages,
// cut into sentences and recombined (seeded), packed into documents of a fixed passage count.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeBytes, splitPassages } from '../../dist/corpus/index.js';
import { detectLanguage } from '../../dist/text/index.js';
import { seeded } from './seeded.js';

export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/iraq-withdrawal/', import.meta.url));

/** The corpus passages as prepared for ingest (the corpus is plain text: decoded, then split). */
export function corpusPassages() {
  const out = [];
  for (const file of readdirSync(corpusDir).filter((f) => f.endsWith('.txt')).sort()) {
    for (const p of splitPassages(decodeBytes(readFileSync(join(corpusDir, file)), file).text)) out.push(p.text);
  }
  return out;
}

export { seeded } from './seeded.js';

/** `count` passages, each 2–4 corpus sentences chosen by a seeded generator. */
export function recombinedPassages(count, seed = 1) {
  const sentences = corpusPassages()
    .flatMap((p) => p.split(/(?<=[.!?؟؛])\s+/u))
    .filter((s) => s.length > 20);
  const random = seeded(seed);
  const out = [];
  for (let i = 0; i < count; i++) {
    const n = 2 + Math.floor(random() * 3);
    const parts = [];
    for (let k = 0; k < n; k++) parts.push(sentences[Math.floor(random() * sentences.length)]);
    out.push(parts.join(' '));
  }
  return out;
}

/** Document drafts of `perDocument` passages each, one passage per line, offsets exact. */
export function packDocuments(passages, perDocument, prefix = 'bench') {
  const docs = [];
  for (let d = 0; d * perDocument < passages.length; d++) {
    const chunk = passages.slice(d * perDocument, (d + 1) * perDocument);
    let text = `${prefix} ${d}\n`;
    const drafts = [];
    for (const p of chunk) {
      drafts.push({ ordinal: drafts.length, start: text.length, end: text.length + p.length, text: p, language: detectLanguage(p) });
      text += `${p}\n`;
    }
    // A unique first line keeps documents with equal passage lists distinct (dedup is by text).
    docs.push({ file: `${prefix}-${String(d).padStart(5, '0')}.txt`, path: `${prefix}/${d}`, text, language: 'ar', meta: {}, passages: drafts });
  }
  return docs;
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function fmt(n, digits = 1) {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}
