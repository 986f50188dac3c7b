/**
 * Prints extraction throughput for the README (never asserts time): the corpus study (004) once,
 * then twenty copies of it (~2.2 MB), through the whole `extractDocument`.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { loadCase } from '../../src/case/load.js';
import { extractDocument } from '../../src/extract/index.js';

it('extractDocument throughput on the corpus study, once and twenty times over', async () => {
  const c = await loadCase(new URL('../../cases/iraq-withdrawal', import.meta.url).pathname);
  const study = readFileSync(new URL('../../../shared/corpus/iraq-withdrawal/004_d44e6c981398d9dc.txt', import.meta.url), 'utf8');
  for (const [label, text] of [['004 once', study], ['004 x20', study.repeat(20)]] as const) {
    const t0 = performance.now();
    const r = extractDocument(text, { case: c, publishedDate: '2024-10' });
    const s = (performance.now() - t0) / 1000;
    const mb = Buffer.byteLength(text) / 1e6;
    console.log(`${label}: ${mb.toFixed(2)} MB in ${s.toFixed(2)} s = ${(mb / s).toFixed(2)} MB/s; ${r.mentions.length} mentions, ${r.dates.length} dates, ${r.figures.length} figures`);
    expect(r.dates.length).toBeGreaterThan(0);
  }
}, 120_000);
