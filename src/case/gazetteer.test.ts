import { describe, expect, it } from 'vitest';
import type { Actor, Place } from '../domain/case.js';
import { cliticForms, tagMentions } from './gazetteer.js';

const cite = [{ doc: 'x.txt', quote: 'xxx' }];
const actor = (id: string, ar: string, en: string, aliases: string[] = []): Actor =>
  ({ id, type: 'state', name: { ar, en }, aliases, relations: [], cite }) as Actor;
const place = (id: string, ar: string, en: string, aliases: string[] = []): Place =>
  ({ id, kind: 'city', name: { ar, en }, aliases, cite }) as Place;

const CASE = {
  actors: [
    actor('us', 'الولايات المتحدة', 'United States', ['الولايات المتحدة الأميركية', 'واشنطن', 'US']),
    actor('iran', 'إيران', 'Iran', ['طهران']),
    actor('coalition', 'التحالف الدولي', 'Global Coalition', ['قوات التحالف']),
    actor('pmf', 'الحشد الشعبي', 'Popular Mobilisation Forces', ['الحشد', 'PMF']),
    actor('mofa', 'وزارة الخارجية العراقية', 'Iraqi foreign ministry', ['«الخارجية» العراقية']),
    actor('iri', 'المقاومة الإسلامية في العراق', 'Islamic Resistance in Iraq', ['المقاومة الإسلامية']),
    actor('iraq', 'العراق', 'Iraq'),
  ],
  places: [place('baghdad', 'بغداد', 'Baghdad')],
};

const tags = (text: string) => tagMentions(CASE, text).map((m) => [m.actor, m.text]);

describe('tagMentions', () => {
  it('tagMentions finds names behind Arabic proclitics: وبغداد، لإيران، للتحالف، بالحشد، والولايات المتحدة', () => {
    expect(tags('وبغداد لإيران للتحالف الدولي بالحشد والولايات المتحدة')).toEqual([
      ['baghdad', 'وبغداد'],
      ['iran', 'لإيران'],
      ['coalition', 'للتحالف الدولي'],
      ['pmf', 'بالحشد'],
      ['us', 'والولايات المتحدة'],
    ]);
  });
  it('tagMentions prefers the longest name (الولايات المتحدة الأميركية, not الولايات المتحدة)', () => {
    const m = tagMentions(CASE, 'إن الولايات المتحدة الأميركية واحدة');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ actor: 'us', name: 'الولايات المتحدة الأميركية', text: 'الولايات المتحدة الأميركية' });
  });
  it('tagMentions gives offsets into the original text, harakat and hamza variants included', () => {
    const text = 'قال: إنّ طَهران والعراق';
    const m = tagMentions(CASE, text);
    expect(m.map((x) => text.slice(x.start, x.end))).toEqual(['طَهران', 'والعراق']);
  });
  it('tagMentions matches English names case-insensitively but acronyms only in capitals', () => {
    expect(tags('the UNITED STATES and iran; PMF, not pmf; let us go; US forces')).toEqual([
      ['us', 'UNITED STATES'],
      ['iran', 'iran'],
      ['pmf', 'PMF'],
      ['us', 'US'],
    ]);
  });
  it('tagMentions does not run a name across punctuation or a closing quote', () => {
    expect(tags('جماعة "المقاومة الإسلامية" في العراق')).toEqual([
      ['iri', 'المقاومة الإسلامية'],
      ['iraq', 'العراق'],
    ]);
  });
  it('tagMentions matches a name whose own spelling has quotes («الخارجية» العراقية)', () => {
    expect(tags('«الخارجية» العراقية تتحدث')).toEqual([['mofa', 'الخارجية» العراقية']]);
  });
  it('tagMentions is not fooled by zero-width and bidi controls inside a name', () => {
    expect(tags('ب\u200cغداد و\u202eطهران\u202c')).toEqual([
      ['baghdad', 'ب\u200cغداد'],
      // the RLO does not split و from طهران: the clitic and the name are one word
      ['iran', 'و\u202eطهران'],
    ]);
  });
});

describe('cliticForms', () => {
  it('cliticForms strips و/ف then ب/ك/ل, and turns لل into ال', () => {
    expect(cliticForms('وبغداد')).toContain('بغداد');
    expect(cliticForms('للتحالف')).toContain('التحالف');
    expect(cliticForms('فبالحشد')).toContain('الحشد');
  });
  it('cliticForms leaves short words and Latin words alone', () => {
    expect(cliticForms('وزن')).toEqual(['وزن']);
    expect(cliticForms('washington')).toEqual(['washington']);
  });
});

describe('tagMentions ambiguity', () => {
  const person = (id: string, ar: string, en: string, aliases: string[], description?: { ar: string; en: string }, relations: Actor['relations'] = []): Actor =>
    ({ id, type: 'person', name: { ar, en }, aliases, relations, cite, ...(description ? { description } : {}) }) as Actor;
  const PEOPLE = {
    actors: [
      actor('kh', 'كتائب حزب الله', 'Kataib Hezbollah'),
      person('mohammadawi', 'أبو حسين المحمداوي', 'Abu Hussein al-Mohammadawi', ['المحمداوي'], { ar: 'زعيم كتائب حزب الله', en: 'Leader of Kataib Hezbollah' }, [{ type: 'leads', target: 'kh' }]),
      person('sudani', 'محمد شياع السوداني', 'Mohammed Shia al-Sudani', ['السوداني', 'Sudani'], { ar: 'رئيس الوزراء', en: 'Prime minister' }),
      person('murtada', 'مرتضى السوداني', 'Murtada al-Sudani', [], { ar: 'مستشار إعلامي', en: 'Media adviser' }),
      person('biden', 'جو بايدن', 'Joe Biden', ['Biden', 'بايدن']),
    ],
    places: [],
  };
  const readings = (text: string, which = 0) => tagMentions(PEOPLE, text).filter((m) => m.ambiguity)[which]?.ambiguity?.map((a) => [a.actor ?? a.name, a.score]);

  it('tagMentions ranks a foreign given name before a known surname above the case actor ("قيس المحمداوي")', () => {
    const r = readings('أعلن نائب قائد العمليات المشتركة الفريق أول ركن قيس المحمداوي أن');
    expect(r?.[0][0]).toBe('قيس المحمداوي');
    expect(r?.[1][0]).toBe('mohammadawi');
    expect(r!.reduce((s, x) => s + (x[1] as number), 0)).toBeCloseTo(1, 2);
  });
  it('tagMentions carries the foreign reading to the bare surname later in the same text', () => {
    const r = readings('الفريق قيس المحمداوي نائب القائد. وقال المحمداوي إن المهمة انتهت', 1);
    expect(r?.[0][0]).toBe('قيس المحمداوي');
  });
  it('tagMentions keeps the case actor first where the text gives his full name', () => {
    expect(tagMentions(PEOPLE, 'برئاسة أبو حسين المحمداوي. وقال المحمداوي إن').every((m) => !m.ambiguity || m.ambiguity[0].actor === 'mohammadawi')).toBe(true);
  });
  it('tagMentions lists every actor a shared surname fits, the alias owner first ("السوداني")', () => {
    const m = tagMentions(PEOPLE, 'وقال السوداني إن الحكومة');
    expect(m[0].actor).toBe('sudani');
    expect(m[0].ambiguity?.map((a) => a.actor)).toEqual(['sudani', 'murtada']);
  });
  it('tagMentions ranks readings by the title beside the name (context shared with a description)', () => {
    const m = tagMentions(PEOPLE, 'قال المستشار الإعلامي السوداني إن');
    expect(m[0].ambiguity?.[0].actor).toBe('murtada');
  });
  it('tagMentions reads an English capitalised given name as someone else ("Hunter Biden"), not a title ("President Biden")', () => {
    expect(readings('Hunter Biden said')?.[0][0]).toBe('Hunter Biden');
    expect(tagMentions(PEOPLE, 'President Biden said')[0].ambiguity).toBeUndefined();
  });
  it('tagMentions does not take a governing noun for a given name ("إدارة بايدن")', () => {
    const m = tagMentions(PEOPLE, 'قالت إدارة بايدن');
    expect(m.map((x) => [x.actor, x.ambiguity])).toEqual([['biden', undefined]]);
  });
});
