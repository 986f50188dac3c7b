/**
 * Precision and recall of `extractDocument` on hand-written gold files: two corpus documents
 * (002, 003) and a held-out article written for this test (never used for tuning the rules).
 * Prints the figures (the README quotes them) and asserts minimums.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCase, type LoadedCase } from '../../src/case/load.js';
import { extractDocument } from '../../src/extract/index.js';
import { formatScore, scoreAll, sumScores, type GoldFile, type Score } from './score.js';

const root = new URL('../../', import.meta.url);
const corpus = new URL('../shared/corpus/iraq-withdrawal/', root);
const goldDir = new URL('test/fixtures/gold/', root);

let c: LoadedCase;
beforeAll(async () => {
  c = await loadCase(new URL('cases/iraq-withdrawal', root).pathname);
});

function run(goldName: string, docUrl: URL): { dates: Score; figures: Score; mentions?: Score } {
  const gold = JSON.parse(readFileSync(new URL(goldName, goldDir), 'utf8')) as GoldFile;
  const doc = readFileSync(docUrl, 'utf8');
  const result = extractDocument(doc, { case: c, publishedDate: gold.published, file: gold.doc });
  const s = scoreAll(doc, gold, result);
  for (const [type, x] of Object.entries(s)) {
    console.log(formatScore(`${gold.doc.slice(0, 12)} ${type}`, x));
    if (x.misses.length) console.log(`  missed: ${x.misses.join(' | ')}`);
    if (x.extras.length) console.log(`  extra:  ${x.extras.join(' | ')}`);
  }
  return s;
}

describe('extractDocument against gold files', () => {
  it('extractDocument reaches P and R >= 0.9 for dates and figures on documents 002 and 003', () => {
    const a = run('002.json', new URL('002_132dcbf3b4cce48d.txt', corpus));
    const b = run('003.json', new URL('003_8d2508c71f933932.txt', corpus));
    const dates = sumScores([a.dates, b.dates]);
    const figures = sumScores([a.figures, b.figures]);
    const mentions = sumScores([a.mentions!, b.mentions!]);
    console.log(formatScore('002+003 dates', dates));
    console.log(formatScore('002+003 figures', figures));
    console.log(formatScore('002+003 mentions', mentions));
    expect(dates.precision).toBeGreaterThanOrEqual(0.9);
    expect(dates.recall).toBeGreaterThanOrEqual(0.9);
    expect(figures.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.recall).toBeGreaterThanOrEqual(0.9);
    expect(mentions.precision).toBeGreaterThanOrEqual(0.85);
    expect(mentions.recall).toBeGreaterThanOrEqual(0.85);
  });

  it.each(['heldout-1', 'heldout-2'])('extractDocument on held-out article %s (written by hand, not used for tuning) stays above 0.75', (name) => {
    const h = run(`${name}.json`, new URL(`${name}.txt`, goldDir));
    console.log(formatScore('held-out dates', h.dates));
    console.log(formatScore('held-out figures', h.figures));
    console.log(formatScore('held-out mentions', h.mentions!));
    for (const s of [h.dates, h.figures]) {
      expect(s.precision).toBeGreaterThanOrEqual(0.75);
      expect(s.recall).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('extractDocument on corpus documents 000 and 001 (annotated after the rules were written, not tuned on) stays above 0.7', () => {
    const a = run('000.json', new URL('000_acef2ed65af1df9d.txt', corpus));
    const b = run('001.json', new URL('001_56f4f9c73fc7da7c.txt', corpus));
    const dates = sumScores([a.dates, b.dates]);
    const figures = sumScores([a.figures, b.figures]);
    console.log(formatScore('000+001 dates', dates));
    console.log(formatScore('000+001 figures', figures));
    expect(dates.precision).toBeGreaterThanOrEqual(0.9);
    expect(dates.recall).toBeGreaterThanOrEqual(0.9);
    expect(figures.precision).toBeGreaterThanOrEqual(0.7);
    expect(figures.recall).toBeGreaterThanOrEqual(0.5);
  });
});
