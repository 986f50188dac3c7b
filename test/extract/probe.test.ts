import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadCase } from '../../src/case/load.js';
import { extractDocument } from '../../src/extract/index.js';
it('probe', async () => {
  const c = await loadCase('cases/iraq-withdrawal');
  const t = readFileSync('/work/shared/corpus/iraq-withdrawal/004_d44e6c981398d9dc.txt','utf8');
  let t0 = performance.now();
  const r = extractDocument(t, { case: c, publishedDate: '2024-10' });
  console.log('004', (performance.now()-t0).toFixed(0), 'ms', r.mentions.length, r.dates.length, r.figures.length, r.candidates.actors.length);
  console.log(JSON.stringify(r.figures.map(f=>[f.text,f.value,f.unit,f.qualifier])));
  console.log(JSON.stringify(r.candidates.actors.map(a=>[a.name,a.cue])));
  const big = t.repeat(40);
  t0 = performance.now();
  const r2 = extractDocument(big, { case: c, publishedDate: '2024-10' });
  console.log('big', big.length, (performance.now()-t0).toFixed(0), 'ms', r2.mentions.length);
}, 300000);
