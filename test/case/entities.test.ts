/** Entity-aware query expansion on the built-in case's own names and aliases. */
import { beforeAll, describe, expect, it } from 'vitest';
import { entityNames, expandEntityQuery, findEntityMentions } from '../../src/case/entities.js';
import { loadCase, type LoadedCase } from '../../src/case/load.js';

const BUILT_IN = new URL('../../cases/iraq-withdrawal/', import.meta.url).pathname;
let c: LoadedCase;
beforeAll(async () => {
  c = await loadCase(BUILT_IN);
});

describe('expandEntityQuery on the built-in case', () => {
  it('expandEntityQuery: "Ain al-Asad" also searches عين الأسد', () => {
    const out = expandEntityQuery(c, 'Ain al-Asad');
    expect(out.alternatives.some((a) => a.includes('عين الأسد'))).toBe(true);
  });

  it('expandEntityQuery: "Nujaba" also searches النجباء', () => {
    expect(expandEntityQuery(c, 'Nujaba').alternatives).toContain('النجباء');
  });

  it('expandEntityQuery: "PMF" also searches الحشد الشعبي', () => {
    const out = expandEntityQuery(c, 'PMF');
    expect(out.alternatives).toContain('الحشد الشعبي');
  });

  it('expandEntityQuery: "والحشد الشعبي" is the PMF and also searches its English name', () => {
    const out = expandEntityQuery(c, 'والحشد الشعبي');
    expect(out.entities).toHaveLength(1);
    expect(entityNames(c, out.entities[0])).toContain('PMF');
    expect(out.alternatives).toContain('PMF');
  });

  it('findEntityMentions tags clitic forms in Arabic text', () => {
    const text = 'دعت بغداد وواشنطن إلى إنهاء مهمة التحالف الدولي، ورحبت طهران بذلك';
    const names = findEntityMentions(c, text).map((m) => text.slice(m.start, m.end));
    expect(names).toEqual(expect.arrayContaining(['بغداد', 'وواشنطن', 'طهران']));
  });
});
