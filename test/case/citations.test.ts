/**
 * Every citation of the built-in case resolves to text that is really in the document it names:
 * read straight from ../shared/corpus/iraq-withdrawal, and from the store after ingesting it.
 */
import { describe, expect, it } from 'vitest';
import { citationProblems, corpusTextReader } from '../../src/case/check.js';
import { describeWhere } from '../../src/domain/errors.js';
import { loadCase } from '../../src/case/load.js';

const BUILT_IN = new URL('../../cases/iraq-withdrawal/', import.meta.url).pathname;
const MINI = new URL('../fixtures/mini-case/', import.meta.url).pathname;

describe('citations of the built-in case', () => {
  it('citationProblems finds every quote of cases/iraq-withdrawal in the corpus files', async () => {
    const c = await loadCase(BUILT_IN);
    const { total, problems } = await citationProblems(c, corpusTextReader(c));
    expect(total).toBeGreaterThan(0);
    expect(problems.map((p) => `${describeWhere(p)}${p.message}`)).toEqual([]);
  });
});

describe('citations of the example case', () => {
  it('citationProblems resolves every quote of test/fixtures/mini-case', async () => {
    const c = await loadCase(MINI);
    const { total, problems } = await citationProblems(c, corpusTextReader(c));
    expect(total).toBe(14);
    expect(problems).toEqual([]);
  });

  it('citationProblems names file, line and field of a quote that is not in the document', async () => {
    const c = await loadCase(MINI);
    const texts: Record<string, string> = { 'harbour-report.txt': 'نص آخر تماما', 'harbour-union.txt': 'قالت نقابة عمال الميناء' };
    const { problems } = await citationProblems(c, async (f) => texts[f] ?? null);
    const first = problems[0];
    expect([first.file, first.line, first.field]).toEqual(['actors.yaml', 6, 'actors[0].cite[0].quote']);
    expect(first.message).toMatch(/quote not found in harbour-report.txt/);
  });
});
