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
