import { describe, expect, it } from 'vitest';
import type { Mention } from '../domain/extract.js';
import { findNewNames, surnameKey } from './names.js';

const names = (text: string, mentions: Mention[] = []) => findNewNames(text, mentions).map((n) => [n.name, n.type, n.title ?? '', n.rank ?? '']);

describe('findNewNames (people)', () => {
  it('findNewNames takes an office and a rank before an Arabic name', () => {
    expect(names('أعلن نائب قائد العمليات المشتركة الفريق أول ركن قيس المحمداوي، اليوم الأربعاء، أن')).toEqual([
      ['قيس المحمداوي', 'person', 'نائب قائد العمليات المشتركة', 'الفريق أول ركن'],
    ]);
  });
  it('findNewNames takes an office after the name, in apposition ("…، نائب قائد …")', () => {
    expect(names('وقال الفريق الركن قيس المحمداوي، نائب قائد العمليات المشتركة، إن')).toEqual([
      ['قيس المحمداوي', 'person', 'نائب قائد العمليات المشتركة', 'الفريق الركن'],
    ]);
  });
  it('findNewNames keeps compound names whole ("فرهاد علاء الدين")', () => {
    expect(names('قال مستشار رئيس الوزراء للشؤون الخارجية فرهاد علاء الدين إن')[0]).toEqual([
      'فرهاد علاء الدين', 'person', 'مستشار رئيس الوزراء للشؤون الخارجية', '',
    ]);
  });
  it('findNewNames reads English ranks, premodifying offices and appositions', () => {
    const text =
      'Lt. Gen. Qais al-Muhammadawi, deputy commander of the Joint Operations Command, said. Pentagon spokesman Sean Parnell said. Hussein Allawi, an adviser to the prime minister, said. Iraqi Army Chief of Staff Lt. Gen. Abdul Amir Rashid Yarallah toured it.';
    expect(names(text).filter((n) => n[1] === 'person')).toEqual([
      ['Qais al-Muhammadawi', 'person', 'deputy commander of the Joint Operations Command', 'Lt. Gen.'],
      ['Sean Parnell', 'person', 'Pentagon spokesman', ''],
      ['Hussein Allawi', 'person', 'adviser to the prime minister', ''],
      ['Abdul Amir Rashid Yarallah', 'person', 'Iraqi Army Chief of Staff', 'Lt. Gen.'],
    ]);
  });
  it('findNewNames proposes the name after a title when the gazetteer does not know it', () => {
    expect(names('وقال الخبير الاقتصادي سامر الحديثي إن العجز كبير.')).toEqual([['سامر الحديثي', 'person', 'الخبير الاقتصادي', '']]);
  });
  it('findNewNames skips names the gazetteer already tagged', () => {
    const text = 'أعلن وزير الخارجية الإسباني خوسيه مانويل ألباريس أن';
    const s = text.indexOf('خوسيه');
    const known: Mention[] = [{ actor: 'albares', kind: 'actor', name: 'x', start: s, end: s + 'خوسيه مانويل ألباريس'.length, text: 'x' }];
    expect(findNewNames(text, known)).toEqual([]);
  });
  it('findNewNames takes a known surname with a foreign given name for a new person (قيس المحمداوي)', () => {
    const text = 'الفريق أول ركن قيس المحمداوي قال';
    const s = text.indexOf('المحمداوي');
    const m: Mention = {
      actor: 'abu-hussein', kind: 'actor', name: 'المحمداوي', start: s, end: s + 9, text: 'المحمداوي',
      ambiguity: [{ actor: null, name: 'قيس المحمداوي', score: 0.8, why: 'x' }, { actor: 'abu-hussein', score: 0.2, why: 'y' }],
    };
    expect(findNewNames(text, [m]).map((n) => n.name)).toEqual(['قيس المحمداوي']);
  });
  it('findNewNames does not take a verb, a single word or a preposition phrase after a title', () => {
    expect(names('وأن رئيس الوزراء سيدرسها بعناية')).toEqual([]);
    expect(names('دعا رئيس الوزراء تصويت، وقال رئيس لتهريب الأسلحة')).toEqual([]);
    expect(names('ورحب الأمين العام يرحب بنتائج الانتخابات')).toEqual([]);
  });
});

describe('findNewNames (organisations)', () => {
  it('findNewNames finds Arabic bodies by head noun and complements', () => {
    expect(names('في مقر قيادة العمليات المشتركة. بيان نشرته خلية الإعلام الأمني. مصدر في وزارة العدل العراقية.').map((n) => n[0])).toEqual([
      'قيادة العمليات المشتركة', 'خلية الإعلام الأمني', 'وزارة العدل العراقية',
    ]);
  });
  it('findNewNames finds English bodies by capitalised head words', () => {
    expect(names('within the Joint Operations Command, the Ministry of Defense said.').map((n) => [n[0], n[1]])).toEqual([
      ['Joint Operations Command', 'armed-force'],
      ['Ministry of Defense', 'government'],
    ]);
  });
  it('findNewNames proposes quoted organisation names («حركة …», موقع «…»)', () => {
    expect(names('ذكرت «حركة الأوفياء» وموقع «الشرفة» أن «علاقات أمنية ثنائية» ستبدأ').map((n) => n[0])).toEqual(['حركة الأوفياء', 'الشرفة']);
  });
});

describe('surnameKey', () => {
  it('surnameKey drops the article and refuses compounds whose last word is ordinary', () => {
    expect([surnameKey('Qais al-Muhammadawi'), surnameKey('قيس المحمداوي'), surnameKey('فرهاد علاء الدين')]).toEqual(['muhammadawi', 'محمداوي', '']);
  });
});
