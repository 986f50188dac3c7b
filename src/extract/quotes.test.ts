import { describe, expect, it } from 'vitest';
import type { Actor } from '../domain/case.js';
import type { Mention } from '../domain/extract.js';
import { readLayout } from './layout.js';
import { findNewNames } from './names.js';
import { findQuotes, findSpeakers } from './quotes.js';

const cite = [{ doc: 'x.txt', quote: 'xxx' }];
const ACTORS = new Map<string, Actor>(
  (
    [
      ['awadi', 'person'],
      ['gov', 'government'],
      ['hmc', 'organisation'],
      ['pentagon', 'government'],
      ['rudaw', 'media'],
    ] as const
  ).map(([id, type]) => [id, { id, type, name: { ar: id, en: id }, aliases: [], relations: [], cite } as Actor]),
);
const mention = (text: string, actor: string, name: string, from = 0): Mention => {
  const start = text.indexOf(name, from);
  return { actor, kind: 'actor', name, start, end: start + name.length, text: name };
};
const quotes = (text: string, mentions: Mention[]) => {
  const names = findNewNames(text, mentions);
  return findQuotes(text, readLayout(text), findSpeakers(text, mentions, names, ACTORS), mentions).map((q) => [q.speaker.actor ?? q.speaker.name, q.verb, q.text]);
};

describe('findQuotes', () => {
  it('findQuotes attributes a quote to the person named after the verb of saying', () => {
    const text = 'أكد المتحدث باسم الحكومة العراقية باسم العوادي أن "مهمة التحالف ستنتهي في العراق تماماً خلال سنة".';
    expect(quotes(text, [mention(text, 'gov', 'الحكومة العراقية'), mention(text, 'awadi', 'باسم العوادي')])).toEqual([['awadi', 'اكد', 'مهمة التحالف ستنتهي في العراق تماماً خلال سنة']]);
  });
  it('findQuotes takes the subject before the verb, and keeps the speaker for "وتابع"', () => {
    const text = 'أما الخبير باسم العوادي فلفت إلى أن "الاتفاق يشمل القوات في خطة الانسحاب"، وتابع أن "العراق لديه اتفاقات أمنية أخرى".';
    expect(quotes(text, [mention(text, 'awadi', 'باسم العوادي')]).map((q) => q.slice(0, 2))).toEqual([['awadi', 'لفت'], ['awadi', 'تابع']]);
  });
  it('findQuotes needs a verb of saying', () => {
    const text = 'نشر باسم العوادي صورة بعنوان "مهمة التحالف ستنتهي في العراق تماماً خلال سنة".';
    expect(quotes(text, [mention(text, 'awadi', 'باسم العوادي')])).toEqual([]);
  });
  it('findQuotes gives the words to the body that said them, not the outlet that carried them', () => {
    const text = 'أعلنت اللجنة العسكرية العليا إكمال الإخلاء. وقالت اللجنة في بيان نشرته خلية الإعلام الأمني إن "القوات المسلحة العراقية تمتلك القدرات الكاملة".';
    expect(quotes(text, [mention(text, 'hmc', 'اللجنة العسكرية العليا')])[0][0]).toBe('hmc');
    const en = '"The coalition has completed its mission in the federal areas," the Pentagon told Rudaw.';
    expect(quotes(en, [mention(en, 'pentagon', 'Pentagon'), mention(en, 'rudaw', 'Rudaw')])[0][0]).toBe('pentagon');
  });
  it('findQuotes reads English attributions after the quote, surnames and unnamed sources', () => {
    const text =
      'Pentagon spokesman Sean Parnell said the US "will reduce its military mission in Iraq." The drawdown "marks an effort to transition to a partnership," Parnell said. "Only a very small number of advisers remain," the official said.';
    expect(quotes(text, [mention(text, 'pentagon', 'Pentagon')]).map((q) => q[0])).toEqual(['Sean Parnell', 'Sean Parnell', 'the official']);
  });
  it('findQuotes does not give a quote to the speaker of the next one ("…"، وأشار X إلى أن "…")', () => {
    const text = 'وقال باسم العوادي إن "على قوات التحالف إنهاء مهمتها والانسحاب"، وأشار المتحدث باسم الحكومة إلى أن "القرار نهائي ولا رجعة فيه".';
    expect(quotes(text, [mention(text, 'awadi', 'باسم العوادي'), mention(text, 'gov', 'الحكومة')])[0][0]).toBe('awadi');
  });
});
