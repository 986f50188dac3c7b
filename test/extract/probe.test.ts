import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { findFigures } from '../../src/text/numbers.js';
import { findDates } from '../../src/text/dates.js';
const pub: Record<string,string> = {'000':'2024-01-30','001':'2024-04','002':'2024-10-04','003':'2024-01-26','004':'2024-10'};
it('probe', () => {
for (const f of ['002_132dcbf3b4cce48d.txt','003_8d2508c71f933932.txt','000_acef2ed65af1df9d.txt','001_56f4f9c73fc7da7c.txt','004_d44e6c981398d9dc.txt']) {
  const t = readFileSync('/work/shared/corpus/iraq-withdrawal/'+f,'utf8');
  console.log('==',f);
  const d = findDates(t, { published: pub[f.slice(0,3)] });
  for (const x of d.dates) console.log('D', JSON.stringify([x.text, x.value, x.precision, x.qualifier ?? '', x.rule]));
  for (const x of d.unresolved) console.log('U', JSON.stringify(x));
  if (f.startsWith('004')) continue;
  for (const x of findFigures(t, { exclude: [...d.dates, ...d.unresolved] })) console.log('F', JSON.stringify([x.text, x.value, x.unit, x.qualifier, x.rule]));
}
});
