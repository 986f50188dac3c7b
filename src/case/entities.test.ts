import { describe, expect, it } from 'vitest';
import { Actor, Place } from '../domain/case.js';
import { NotFoundError } from '../domain/errors.js';
import { entityNames, expandEntityQuery, findEntityMentions } from './entities.js';

const cite = [{ doc: 'd.txt', quote: 'quote' }];
const CASE = {
  actors: [
    Actor.parse({ id: 'pmf', type: 'armed-force', name: { ar: 'الحشد الشعبي', en: 'Popular Mobilization Forces' }, aliases: ['PMF', 'الحشد'], cite }),
    Actor.parse({ id: 'nujaba', type: 'militia', name: { ar: 'حركة النجباء', en: 'Harakat al-Nujaba' }, aliases: ['النجباء', 'al-Nujaba'], cite }),
    Actor.parse({ id: 'us', type: 'state', name: { ar: 'الولايات المتحدة', en: 'United States' }, aliases: ['US', 'واشنطن'], cite }),
    Actor.parse({ id: 'iran', type: 'state', name: { ar: 'إيران', en: 'Iran' }, cite }),
    Actor.parse({ id: 'coalition', type: 'organisation', name: { ar: 'التحالف الدولي', en: 'Global Coalition' }, aliases: ['التحالف'], cite }),
  ],
  places: [
    Place.parse({ id: 'ain-al-asad', kind: 'base', name: { ar: 'عين الأسد', en: 'Ain al-Asad' }, aliases: ['قاعدة عين الأسد'], cite }),
    Place.parse({ id: 'baghdad', kind: 'city', name: { ar: 'بغداد', en: 'Baghdad' }, cite }),
  ],
};

describe('expandEntityQuery', () => {
  it('expandEntityQuery turns "Ain al-Asad" into its Arabic names', () => {
    const out = expandEntityQuery(CASE, 'Ain al-Asad');
    expect(out.entities).toEqual(['ain-al-asad']);
    expect(out.alternatives).toEqual(['عين الأسد', 'قاعدة عين الأسد']);
  });

  it('expandEntityQuery finds "Nujaba" without its article and "PMF" as an acronym', () => {
    expect(expandEntityQuery(CASE, 'Nujaba').alternatives).toContain('النجباء');
    const pmf = expandEntityQuery(CASE, 'PMF attacks');
    expect(pmf.entities).toEqual(['pmf']);
    expect(pmf.alternatives).toContain('الحشد الشعبي attacks');
  });

  it('expandEntityQuery does not read the English word "us" as the United States', () => {
    expect(expandEntityQuery(CASE, 'tell us about the bases').entities).toEqual([]);
    expect(expandEntityQuery(CASE, 'US troops').entities).toEqual(['us']);
  });

  it('expandEntityQuery handles Arabic clitics and spelling variants', () => {
    expect(expandEntityQuery(CASE, 'والحشد الشعبي').entities).toEqual(['pmf']);
    expect(expandEntityQuery(CASE, 'لايران').entities).toEqual(['iran']);
    expect(expandEntityQuery(CASE, 'انسحاب التحالف الدولى').entities).toEqual(['coalition']);
    expect(expandEntityQuery(CASE, 'للتحالف').entities).toEqual(['coalition']);
    expect(expandEntityQuery(CASE, 'وبغداد').entities).toEqual(['baghdad']);
  });

  it('expandEntityQuery gives nothing for a query naming no known entity', () => {
    expect(expandEntityQuery(CASE, 'الكهرباء في الصيف')).toEqual({ alternatives: [], entities: [] });
  });
});

describe('findEntityMentions', () => {
  it('findEntityMentions prefers the longest name and reports original offsets', () => {
    const text = 'هاجمت «حركة النجباء» قاعدة عين الأسد';
    const found = findEntityMentions(CASE, text);
    expect(found.map((m) => [m.entity, text.slice(m.start, m.end)])).toEqual([
      ['nujaba', 'حركة النجباء'],
      ['ain-al-asad', 'قاعدة عين الأسد'],
    ]);
  });
});

describe('entityNames', () => {
  it('entityNames lists Arabic, English and aliases', () => {
    expect(entityNames(CASE, 'pmf')).toEqual(['الحشد الشعبي', 'Popular Mobilization Forces', 'PMF', 'الحشد']);
  });
  it('entityNames throws NotFoundError for an unknown id', () => {
    expect(() => entityNames(CASE, 'nobody')).toThrow(NotFoundError);
  });
});

describe('findEntityMentions (the one name matcher)', () => {
  it('findEntityMentions reads through conjunction, preposition and article clitics', () => {
    expect(findEntityMentions(CASE, 'وبالحشد').map((m) => m.entity)).toEqual(['pmf']);
  });

  it('findEntityMentions finds names written without their article, in both scripts', () => {
    expect(findEntityMentions(CASE, 'Nujaba fighters').map((m) => m.entity)).toEqual(['nujaba']);
    expect(findEntityMentions(CASE, 'مقاتلو نجباء').map((m) => m.entity)).toEqual(['nujaba']);
  });

  it('findEntityMentions does not take a short common word for an article-less name', () => {
    expect(findEntityMentions(CASE, 'حشد القوات')).toEqual([]);
  });
});
