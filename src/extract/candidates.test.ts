import { describe, expect, it } from 'vitest';
import type { Actor, Claim, Event, Stance } from '../domain/case.js';
import type { Mention } from '../domain/extract.js';
import { findDates } from '../text/dates.js';
import { findFigures } from '../text/numbers.js';
import { actorCandidates, eventCandidates, figureCandidates, quoteCandidates, sentenceAt } from './candidates.js';

const cite = [{ doc: 'x.txt', quote: 'xxx' }];
const CASE = {
  events: [{ id: 'e1', date: '2024-09-27', type: 'statement', title: { ar: 'ب', en: 'b' }, actors: [], places: [], cite } as Event],
  commitments: [],
  claims: [{ id: 'c1', quantity: 'q', value: 150, qualifier: 'more-than', unit: 'attacks', reported_by: ['x'], cite } as Claim],
  stances: [{ id: 's1', actor: 'nima', issue: 'i', position: 'support', date: '2024-10', summary: { ar: 'ا', en: 'a' }, quote: 'إخراج التحالف الدولي يعني إخراج القوات الأميركية', cite } as Stance],
  actors: [
    { id: 'awadi', type: 'person' } as Actor,
    { id: 'gov', type: 'government' } as Actor,
    { id: 'nima', type: 'person' } as Actor,
  ],
};

describe('eventCandidates', () => {
  it('eventCandidates proposes dates the case does not have, with their sentence', () => {
    const text = 'صدر البيان يوم الجمعة الماضي. وسيزور الوزير بغداد في 15 أكتوبر 2024.';
    const { dates } = findDates(text, { published: '2024-10-04' });
    const mentions: Mention[] = [{ actor: 'baghdad', kind: 'place', name: 'بغداد', start: text.indexOf('بغداد'), end: text.indexOf('بغداد') + 5, text: 'بغداد' }];
    const c = eventCandidates(CASE, text, dates, mentions);
    expect(c.map((e) => e.date.value)).toEqual(['2024-10-15']);
    expect(c[0].actors).toEqual(['baghdad']);
    expect(c[0].sentence.text).toBe('وسيزور الوزير بغداد في 15 أكتوبر 2024.');
  });
});

describe('figureCandidates', () => {
  it('figureCandidates proposes figures whose value no claim has', () => {
    const text = 'تبنى أكثر من 150 هجوما، وقتل 3 جنود.';
    const c = figureCandidates(CASE, text, findFigures(text), []);
    expect(c.map((f) => f.figure.value)).toEqual([3]);
  });
});

describe('actorCandidates', () => {
  it('actorCandidates proposes the name after a title when the gazetteer does not know it', () => {
    const text = 'وقال الخبير الاقتصادي سامر الحديثي إن العجز كبير.';
    expect(actorCandidates(text, []).map((a) => [a.name, a.cue])).toEqual([['سامر الحديثي', 'الخبير']]);
  });
  it('actorCandidates skips names the gazetteer already tagged', () => {
    const text = 'أعلن وزير الخارجية الإسباني خوسيه مانويل ألباريس أن';
    const s = text.indexOf('خوسيه');
    const known: Mention[] = [{ actor: 'albares', kind: 'actor', name: 'x', start: s, end: s + 'خوسيه مانويل ألباريس'.length, text: 'x' }];
    expect(actorCandidates(text, known)).toEqual([]);
  });
  it('actorCandidates does not take a verb after a title (رئيس الوزراء سيدرسها)', () => {
    expect(actorCandidates('وأن رئيس الوزراء سيدرسها بعناية', [])).toEqual([]);
  });
  it('actorCandidates does not take a single word or a preposition phrase after a title', () => {
    expect(actorCandidates('دعا رئيس الوزراء تصويت، وقال رئيس لتهريب الأسلحة', [])).toEqual([]);
  });
  it('actorCandidates proposes quoted organisation names («حركة …», موقع «…»)', () => {
    const text = 'ذكرت «حركة الأوفياء» وموقع «الشرفة» أن «علاقات أمنية ثنائية» ستبدأ';
    expect(actorCandidates(text, []).map((a) => a.name)).toEqual(['حركة الأوفياء', 'الشرفة']);
  });
});

describe('sentenceAt', () => {
  it('sentenceAt returns the sentence around an offset, ending at . or ؟', () => {
    const text = 'أولى. ثانية هنا؟ ثالثة';
    expect(sentenceAt(text, text.indexOf('هنا')).text).toBe('ثانية هنا؟');
  });
});

describe('quoteCandidates', () => {
  const mention = (text: string, actor: string, name: string): Mention => {
    const start = text.indexOf(name);
    return { actor, kind: 'actor', name, start, end: start + name.length, text: name };
  };
  it('quoteCandidates attributes a quote to the person named after the verb of saying', () => {
    const text = 'أكد المتحدث باسم الحكومة العراقية باسم العوادي أن "مهمة التحالف ستنتهي في العراق تماماً خلال سنة".';
    const ms = [mention(text, 'gov', 'الحكومة العراقية'), mention(text, 'awadi', 'باسم العوادي')];
    const q = quoteCandidates(CASE, text, ms);
    expect(q.map((x) => [x.actor, x.verb, x.quote.text])).toEqual([['awadi', 'اكد', 'مهمة التحالف ستنتهي في العراق تماماً خلال سنة']]);
    expect(text.slice(q[0].quote.start, q[0].quote.end)).toBe(q[0].quote.text);
  });
  it('quoteCandidates skips quotes the case already has as a stance, and short quoted names', () => {
    const text = 'وأشار علي نعمة إلى أن "إخراج التحالف الدولي يعني إخراج القوات الأميركية من العراق"، وقال نعمة لـ"العربي الجديد" ذلك.';
    expect(quoteCandidates(CASE, text, [mention(text, 'nima', 'علي نعمة')])).toEqual([]);
  });
  it('quoteCandidates takes the subject before the verb, and keeps the speaker for "وتابع"', () => {
    const text = 'أما الخبير باسم العوادي فلفت إلى أن "الاتفاق يشمل القوات في خطة الانسحاب"، وتابع أن "العراق لديه اتفاقات أمنية أخرى".';
    const q = quoteCandidates(CASE, text, [mention(text, 'awadi', 'باسم العوادي')]);
    expect(q.map((x) => [x.actor, x.verb])).toEqual([
      ['awadi', 'لفت'],
      ['awadi', 'تابع'],
    ]);
  });
  it('quoteCandidates needs a verb of saying before the quote', () => {
    const text = 'نشر باسم العوادي صورة بعنوان "مهمة التحالف ستنتهي في العراق تماماً خلال سنة".';
    expect(quoteCandidates(CASE, text, [mention(text, 'awadi', 'باسم العوادي')])).toEqual([]);
  });
});
