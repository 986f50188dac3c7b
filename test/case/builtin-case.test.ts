/** The built-in case loads: every file valid, every reference and citation document known. */
import { describe, expect, it } from 'vitest';
import { loadCaseWithWarnings } from '../../src/case/load.js';
import { SECTION_NAMES } from '../../src/case/sections.js';

const BUILT_IN = new URL('../../cases/iraq-withdrawal/', import.meta.url).pathname;

describe('built-in case', () => {
  it('loadCase loads cases/iraq-withdrawal without errors and finds its corpus', async () => {
    const { case: c, warnings } = await loadCaseWithWarnings(BUILT_IN);
    expect(c.meta.id).toBe('iraq-withdrawal');
    expect(c.corpusDir).toMatch(/shared\/corpus\/iraq-withdrawal$/);
    expect(warnings).toEqual([]);
    const counts = Object.fromEntries(SECTION_NAMES.map((s) => [s, c[s].length]));
    expect(counts.actors).toBeGreaterThan(0);
  });
});
