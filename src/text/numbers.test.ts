import { describe, expect, it } from 'vitest';
import { findFigures, foldText, parseNumber } from './numbers.js';

/** The figures found in `text` as [text, value, unit, qualifier]. */
const figs = (text: string, exclude?: Array<{ start: number; end: number }>) =>
  findFigures(text, { exclude }).map((f) => [f.text, f.value, f.unit, f.qualifier]);

describe('foldText', () => {
  it('foldText maps every folded character back to the original, tanween included', () => {
    const s = 'الـ١٢ شهراً';
    const f = foldText(s);
    expect(f.text).toBe('ال12 شهرا');
    expect(s.slice(f.starts[0], f.ends[f.text.length - 1])).toBe(s);
  });
});

describe('findFigures digits and units', () => {
  it('findFigures reads a count with its unit (002: "86 دولة")', () => {
    expect(figs('واحدة من 86 دولة ضمن التحالف')).toEqual([['86 دولة', 86, 'states', 'exact']]);
  });
  it('findFigures reads "أكثر من" as more-than (003: "أكثر من 150 هجوما")', () => {
    expect(figs('الذي تبنى أكثر من 150 هجوما ضد')).toEqual([['أكثر من 150 هجوما', 150, 'attacks', 'more-than']]);
  });
  it('findFigures reads accusative units with tanween (000: "أكثر من 130 هجوماً")', () => {
    expect(figs('شن أكثر من 130 هجوماً على')).toEqual([['أكثر من 130 هجوماً', 130, 'attacks', 'more-than']]);
  });
  it('findFigures reads the article written apart (002: "الـ12 شهراً")', () => {
    expect(figs('خلال الـ12 شهراً المقبلة')).toEqual([['الـ12 شهراً', 12, 'months', 'exact']]);
  });
  it('findFigures reads Arabic-Indic digits with Arabic separators', () => {
    expect(figs('زهاء ٤٬٠٠٠ جندي و٢٫٥ مليون نازح')).toEqual([
      ['زهاء ٤٬٠٠٠ جندي', 4000, 'troops', 'about'],
      ['٢٫٥ مليون نازح', 2_500_000, 'persons', 'exact'],
    ]);
  });
  it('findFigures reads Latin thousands separators and English units', () => {
    expect(figs('about 2,500 troops and 1,200 attacks')).toEqual([
      ['about 2,500 troops', 2500, 'troops', 'about'],
      ['1,200 attacks', 1200, 'attacks', 'exact'],
    ]);
  });
  it('findFigures reads "نحو", "حوالي", "قرابة" as about and "ما لا يقل عن" as at-least', () => {
    expect(figs('نحو 2500 جندي، حوالي 900 جندي، قرابة 300 مستشار، ما لا يقل عن 350 مستشاراً')).toEqual([
      ['نحو 2500 جندي', 2500, 'troops', 'about'],
      ['حوالي 900 جندي', 900, 'troops', 'about'],
      ['قرابة 300 مستشار', 300, 'advisers', 'about'],
      ['ما لا يقل عن 350 مستشاراً', 350, 'advisers', 'at-least'],
    ]);
  });
  it('findFigures reads a qualifier carrying a preposition ("بنحو", "لأكثر من")', () => {
    expect(figs('قدرت عددهم بنحو مليون شخص، وتعرضت لأكثر من 170 هجوماً')).toEqual([
      ['نحو مليون شخص', 1_000_000, 'persons', 'about'],
      ['أكثر من 170 هجوماً', 170, 'attacks', 'more-than'],
    ]);
  });
  it('findFigures takes an English unit after one adjective ("2,500 US troops")', () => {
    expect(figs('about 2,500 US troops remain')).toEqual([['about 2,500 US troops', 2500, 'troops', 'about']]);
  });
  it('findFigures reads "أقل من" less-than and "ما يصل إلى" up-to', () => {
    expect(figs('أقل من 10 في المئة، ما يصل إلى 1,500 عنصر')).toEqual([
      ['أقل من 10 في المئة', 10, 'percent', 'less-than'],
      ['ما يصل إلى 1,500 عنصر', 1500, 'fighters', 'up-to'],
    ]);
  });
});

describe('findFigures multipliers, ranges, percentages, currency', () => {
  it('findFigures applies ألف/آلاف/مليون/مليار', () => {
    expect(figs('5 آلاف جندي و3 ملايين شخص و1.2 مليار دولار')).toEqual([
      ['5 آلاف جندي', 5000, 'troops', 'exact'],
      ['3 ملايين شخص', 3_000_000, 'persons', 'exact'],
      ['1.2 مليار دولار', 1_200_000_000, 'USD', 'exact'],
    ]);
  });
  it('findFigures reads ranges "5 إلى 7 آلاف", "بين 5 و7 آلاف" and "5-7" with the multiplier on both ends', () => {
    expect(figs('من 5 إلى 7 آلاف جندي، بين 5 و7 آلاف مقاتل، 5-7 هجمات')).toEqual([
      ['5 إلى 7 آلاف جندي', { low: 5000, high: 7000 }, 'troops', 'exact'],
      ['5 و7 آلاف مقاتل', { low: 5000, high: 7000 }, 'fighters', 'exact'],
      ['5-7 هجمات', { low: 5, high: 7 }, 'attacks', 'exact'],
    ]);
  });
  it('findFigures reads percentages: %, ٪, "في المئة", "بالمئة"', () => {
    expect(figs('16% و٢٠٪ و30 في المئة و40 بالمئة')).toEqual([
      ['16%', 16, 'percent', 'exact'],
      ['٢٠٪', 20, 'percent', 'exact'],
      ['30 في المئة', 30, 'percent', 'exact'],
      ['40 بالمئة', 40, 'percent', 'exact'],
    ]);
  });
  it('findFigures reads currency before and after: "$1.2 billion", "USD 5 million", "100 دينار"', () => {
    expect(figs('$1.2 billion, USD 5 million, 100 دينار')).toEqual([
      ['$1.2 billion', 1_200_000_000, 'USD', 'exact'],
      ['USD 5 million', 5_000_000, 'USD', 'exact'],
      ['100 دينار', 100, 'IQD', 'exact'],
    ]);
  });
  it('findFigures reads megawatts in both spellings', () => {
    expect(figs('عجز 10 آلاف ميغاواط و 5000 ميجاوات')).toEqual([
      ['10 آلاف ميغاواط', 10_000, 'MW', 'exact'],
      ['5000 ميجاوات', 5000, 'MW', 'exact'],
    ]);
  });
});

describe('findFigures words', () => {
  it('findFigures reads small number words before a unit (002: "ثلاثة شروط", 003: "أربعة مصادر")', () => {
    expect(figs('لديها ثلاثة شروط، وقالت أربعة مصادر')).toEqual([
      ['ثلاثة شروط', 3, 'conditions', 'exact'],
      ['أربعة مصادر', 4, 'sources', 'exact'],
    ]);
  });
  it('findFigures reads "العشرات من الجنود" as a range qualified about (002)', () => {
    expect(figs('انسحب العشرات من الجنود الأميركيين')).toEqual([['العشرات من الجنود', { low: 20, high: 99 }, 'troops', 'about']]);
  });
  it('findFigures reads a number word after its noun (002: "الأيام الثلاثة") and a dual (003: "مصدران")', () => {
    expect(figs('خلال الأيام الثلاثة الماضية. وقال مصدران إن')).toEqual([
      ['الأيام الثلاثة', 3, 'days', 'exact'],
      ['مصدران', 2, 'sources', 'exact'],
    ]);
  });
  it('findFigures reads a number word times a multiplier ("ستة ملايين")', () => {
    expect(figs('أكثر من ستة ملايين في 2017')).toEqual([['أكثر من ستة ملايين', 6_000_000, null, 'more-than']]);
  });
  it('findFigures does not report vague durations ("بضعة أشهر") or weekdays ("الاثنين")', () => {
    expect(figs('قبل بضعة أشهر، يوم الاثنين الماضي')).toEqual([]);
  });
});

describe('findFigures exclusions', () => {
  it('findFigures skips bare numbers: years, footnote marks, model numbers ("أف 16")', () => {
    expect(figs('منذ 2014 (12) مثل طائرات أف 16 وكردستان 24')).toEqual([]);
  });
  it('findFigures skips numbers inside excluded date spans', () => {
    const text = 'في 24-1-2024 قتل 3 جنود';
    const start = text.indexOf('24-1-2024');
    expect(figs(text, [{ start, end: start + 9 }])).toEqual([['3 جنود', 3, 'troops', 'exact']]);
  });
  it('findFigures does not take a unit from the next line', () => {
    expect(figs('04 أكتوبر 2024\nجندي أميركي')).toEqual([]);
  });
});

describe('parseNumber', () => {
  it('parseNumber drops thousands separators', () => {
    expect(parseNumber('1,500')).toBe(1500);
    expect(parseNumber('1،000')).toBe(1000);
    expect(parseNumber('2.5')).toBe(2.5);
  });
});

describe('findFigures news forms', () => {
  it('findFigures reads number-word ranges with a unit ("أربعة إلى خمسة أفراد", "four to five personnel")', () => {
    expect(figs('لم يتبق سوى أربعة إلى خمسة أفراد من التحالف')).toEqual([['أربعة إلى خمسة أفراد', { low: 4, high: 5 }, 'personnel', 'exact']]);
    expect(figs('only four to five personnel remain')).toEqual([['four to five personnel', { low: 4, high: 5 }, 'personnel', 'exact']]);
    expect(figs('one or two of them')).toEqual([]);
  });
  it('findFigures reads units after stacked English modifiers ("40,000 U.S. personnel", "1,500 US and coalition personnel")', () => {
    expect(figs('some 40,000 U.S. personnel across the region')).toEqual([['some 40,000 U.S. personnel', 40000, 'personnel', 'about']]);
    expect(figs('nearly 1,500 US and coalition personnel')).toEqual([['nearly 1,500 US and coalition personnel', 1500, 'personnel', 'about']]);
    expect(figs('more than 5,700 adult male ISIS fighters')[0].slice(1)).toEqual([5700, 'fighters', 'more-than']);
    expect(figs('3 of the troops')).toEqual([]);
  });
  it('findFigures reads detainees and staff where the noun says so', () => {
    expect(figs('نقل أكثر من 5,700 معتقل')).toEqual([['أكثر من 5,700 معتقل', 5700, 'detainees', 'more-than']]);
    expect(figs('up to 7,000 detainees')).toEqual([['up to 7,000 detainees', 7000, 'detainees', 'up-to']]);
    expect(figs('كانت تضم أكثر من 700 موظف')).toEqual([['أكثر من 700 موظف', 700, 'persons', 'more-than']]);
  });
  it('findFigures multiplies a number word by آلاف ("سبعة آلاف معتقل", "ثلاثة آلاف جندي")', () => {
    expect(figs('ثلاثة آلاف جندي')).toEqual([['ثلاثة آلاف جندي', 3000, 'troops', 'exact']]);
  });
  it('findFigures reads decades as years, a lone عقد only with a qualifier ("أكثر من عقدين", "two decades")', () => {
    expect(figs('بعد أكثر من عقدين على تأسيسها')).toEqual([['أكثر من عقدين', 20, 'years', 'more-than']]);
    expect(figs('for two decades')).toEqual([['two decades', 20, 'years', 'exact']]);
    expect(figs('وقع عقد مع الشركة')).toEqual([]);
  });
});
