/**
 * Search as the analyst uses it, through the application layer over the built-in case and its
 * five documents: questions in either language reach passages in the other, question words do
 * not count, misspelt names get "did you mean", shared surnames are reported, and the controls
 * (date order, outlet) do what they say.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest, openWorkbench, search, type Workbench } from '../../src/app/index.js';
import { builtInCaseDir } from '../../src/case/case-dir.js';
import { SearchRequest } from '../../src/domain/requests.js';
import { openStore, type Store } from '../../src/store/index.js';
import { corpusDir } from '../support/paths.js';

let store: Store;
let wb: Workbench;
const ask = (q: Record<string, unknown>) => search(wb, SearchRequest.parse(q));

beforeAll(async () => {
  store = await openStore({ memory: true });
  wb = openWorkbench({ caseDir: builtInCaseDir(), store });
  await ingest(wb, { paths: [corpusDir()] });
});
afterAll(async () => {
  await wb?.close();
  await store?.close();
});

describe('search for analysts', () => {
  it('an English question finds the Arabic passage, through names and the glossary', async () => {
    const r = await ask({ q: 'how many US advisors stayed at Ain al-Asad?', limit: 10 });
    expect(r.units.map((u) => u.label)).not.toContain('how');
    expect(r.units.find((u) => u.label === 'advisors')?.forms).toContain('مستشارين');
    expect(r.units.find((u) => u.label === 'Ain al-Asad')?.forms).toContain('عين الأسد');
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits[0].text).toContain('عين الأسد');
    expect(r.hits[0].matched).toContain('Ain al-Asad');
  });

  it('an Arabic word reaches English text (كردستان → Kurdistan, and back)', async () => {
    const r = await ask({ q: 'الانسحاب العسكري', lang: 'en', limit: 5 });
    expect(r.hits.length).toBeGreaterThan(0);
    expect(r.hits.every((h) => h.language === 'en')).toBe(true);
    expect(r.hits[0].text.toLowerCase()).toContain('military withdrawal');
  });

  it('a misspelt name gets "did you mean" from the case names', async () => {
    const r = await ask({ q: 'Harbir base' });
    expect(r.didYouMean).toContain('Harir base');
    expect(r.units.find((u) => u.label === 'Harbir')?.passages).toBe(0);
  });

  it('a surname two actors share is reported, and searched in both languages without merging them', async () => {
    const r = await ask({ q: 'al-Sudani', limit: 50 });
    expect(r.ambiguous).toEqual([{ name: 'al-Sudani', actors: ['al-sudani', 'murtada-al-sudani'] }]);
    expect(r.hits.length).toBeGreaterThan(1);
    expect(r.hits.every((h) => h.text.includes('السوداني'))).toBe(true);
  });

  it('orders by date on request and filters by outlet', async () => {
    const byDate = await ask({ q: 'انسحاب القوات الأمريكية', sort: 'date', limit: 20 });
    const dates = byDate.hits.map((h) => h.published ?? '');
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(dates).size).toBeGreaterThan(1);
    const araby = await ask({ q: 'coalition withdrawal', outlet: 'Araby', limit: 20 });
    expect(araby.hits.length).toBeGreaterThan(0);
    expect(araby.hits.every((h) => h.file === '002_132dcbf3b4cce48d.txt')).toBe(true);
  });

  it('without expansion, only the words as typed are searched', async () => {
    const r = await ask({ q: 'advisors Ain al-Asad', expand: false });
    expect(r.units.every((u) => u.forms.length === 0)).toBe(true);
    expect(r.hits).toEqual([]);
  });
});
