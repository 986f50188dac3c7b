/**
 * A seeded synthetic corpus for the ranked search's early stop: a few thousand passages of
 * made-up words with Zipf-like frequencies (a handful of words in a large share of passages, a
 * long tail of rare ones), lengths from a few words to a page, some passages repeated word for
 * word in other documents (equal scores, so ties must break the same way), documents of two
 * outlets and several months, passages in both languages. Its words are not in the built-in
 * corpus, so adding it to a store beside that corpus changes none of the corpus's answers.
 */
import type { DocumentDraft } from '../../src/domain/corpus.js';
import { seeded as seededJs } from '../../bench/store-support/seeded.js';

/** The benchmarks' seeded generator (mulberry32): every run builds the same corpus. */
const seeded = seededJs as (seed: number) => () => number;

const LATIN = ['zor', 'vek', 'quil', 'dran', 'mox', 'teb', 'yul', 'grif'];
const ARABIC = ['زغ', 'طظ', 'ضث', 'غظ', 'ثذ', 'ظط'];

/** The i-th made-up word of a script: two or three syllables, distinct for every i. */
export function madeUpWord(i: number, script: 'en' | 'ar'): string {
  const syllables = script === 'en' ? LATIN : ARABIC;
  const n = syllables.length;
  return syllables[i % n] + syllables[Math.floor(i / n) % n] + (i >= n * n ? syllables[Math.floor(i / (n * n)) % n] : '') + (script === 'en' ? 'a' : 'ي');
}

export interface RankingCorpus {
  documents: DocumentDraft[];
  /** Words by frequency rank, per script (0 the most common). */
  words: { en: string[]; ar: string[] };
}

export function rankingCorpus(opts: { documents?: number; perDocument?: number; seed?: number } = {}): RankingCorpus {
  const random = seeded(opts.seed ?? 5);
  const vocabulary = 120;
  const words = {
    en: Array.from({ length: vocabulary }, (_, i) => madeUpWord(i, 'en')),
    ar: Array.from({ length: vocabulary }, (_, i) => madeUpWord(i, 'ar')),
  };
  // Zipf-like: word i drawn with weight 1 / (i + 1).
  const weights = Array.from({ length: vocabulary }, (_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const draw = (): number => {
    let x = random() * sum;
    for (let i = 0; i < vocabulary; i++) {
      x -= weights[i];
      if (x <= 0) return i;
    }
    return vocabulary - 1;
  };
  const documents: DocumentDraft[] = [];
  const earlier: string[] = [];
  for (let d = 0; d < (opts.documents ?? 30); d++) {
    let text = `ranking corpus document ${d}\n`;
    const passages: DocumentDraft['passages'] = [];
    for (let o = 0; o < (opts.perDocument ?? 100); o++) {
      const language = random() < 0.3 ? 'en' : 'ar';
      let line: string;
      if (earlier.length > 0 && random() < 0.05) {
        line = earlier[Math.floor(random() * earlier.length)];
      } else {
        const count = 3 + Math.floor(random() ** 2 * 80);
        line = Array.from({ length: count }, () => words[language][draw()]).join(' ');
        earlier.push(line);
      }
      const lang = /[\u0600-\u06ff]/.test(line) ? 'ar' : 'en';
      passages.push({ ordinal: o, start: text.length, end: text.length + line.length, text: line, language: lang });
      text += `${line}\n`;
    }
    const month = String(1 + (d % 6)).padStart(2, '0');
    documents.push({
      file: `ranking-${String(d).padStart(3, '0')}.txt`,
      path: `/ranking/${d}.txt`,
      text,
      language: 'ar',
      meta: { outlet: d % 2 === 0 ? 'Alpha Wire' : 'Beta Post', published: `2031-${month}-1${d % 10}` },
      passages,
    });
  }
  return { documents, words };
}
