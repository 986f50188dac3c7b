import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.js';
import { findDates, parseAnchor } from './dates.js';

/** The dates found in `text` as [text, value, precision, qualifier?]. */
const dates = (text: string, published?: string) =>
  findDates(text, { published }).dates.map((d) => [d.text, d.value, d.precision, ...(d.qualifier ? [d.qualifier] : [])]);

describe('findDates numeric rules', () => {
  it('findDates reads d-m-y with dashes (000: "24-1-2024")', () => {
    expect(dates('نقلت وكالة رويترز يوم 24-1-2024 أن')).toEqual([['24-1-2024', '2024-01-24', 'day']]);
  });
  it('findDates reads d/m/y in parentheses (000: "(8/12/2023)")', () => {
    expect(dates('البرلمان العراقي (8/12/2023) قرر')).toEqual([['8/12/2023', '2023-12-08', 'day']]);
  });
  it('findDates reads ISO dates and Arabic-Indic digits', () => {
    expect(dates('في 2024-01-27 و٢٧/١/٢٠٢٤')).toEqual([
      ['2024-01-27', '2024-01-27', 'day'],
      ['٢٧/١/٢٠٢٤', '2024-01-27', 'day'],
    ]);
  });
  it('findDates rejects impossible numeric dates', () => {
    expect(dates('31/2/2024 و 13/13/2024')).toEqual([]);
  });
});

describe('findDates month names', () => {
  it('findDates reads day, month name and year (002: "04 أكتوبر 2024")', () => {
    expect(dates('04 أكتوبر 2024')).toEqual([['04 أكتوبر 2024', '2024-10-04', 'day']]);
  });
  it('findDates reads month and year (002: "مارس 2020")', () => {
    expect(dates('جندي أميركي في الموصل، مارس 2020 (مرتضى')).toEqual([['مارس 2020', '2020-03', 'month']]);
  });
  it('findDates reads the Levantine month names, single and two-word', () => {
    expect(dates('في شباط 2024 ثم تشرين الأول 2023 وكانون الثاني 2024 وآب 2024')).toEqual([
      ['شباط 2024', '2024-02', 'month'],
      ['تشرين الأول 2023', '2023-10', 'month'],
      ['وكانون الثاني 2024', '2024-01', 'month'],
      ['وآب 2024', '2024-08', 'month'],
    ]);
  });
  it('findDates reads combined forms (002: "سبتمبر/ أيلول 2026")', () => {
    expect(dates('حتى سبتمبر/ أيلول 2026". ونص')).toEqual([['سبتمبر/ أيلول 2026', '2026-09', 'month']]);
  });
  it('findDates reads "مطلع يناير 2024" as early January (004)', () => {
    expect(dates('في مطلع يناير 2024م أعلن')).toEqual([['مطلع يناير 2024م', '2024-01', 'month', 'early']]);
  });
  it('findDates reads "نهاية سبتمبر/ أيلول 2025" as late September (002)', () => {
    expect(dates('لا يتجاوز نهاية سبتمبر/ أيلول 2025،')).toEqual([['نهاية سبتمبر/ أيلول 2025', '2025-09', 'month', 'late']]);
  });
  it('findDates resolves "نهاية سبتمبر العام المقبل" against the publication date (002)', () => {
    expect(dates('بموعد أقصاه نهاية سبتمبر العام المقبل، وهذا', '2024-10-04')).toEqual([
      ['نهاية سبتمبر العام المقبل', '2025-09', 'month', 'late'],
    ]);
  });
  it('findDates gives a bare month with a cue its nearest occurrence, here the last one (003: "في أغسطس")', () => {
    expect(dates('الذي أُعلن في أغسطس، وأضاف', '2024-01-26')).toEqual([['أغسطس', '2023-08', 'month']]);
  });
  it('findDates gives a day and month without year its nearest occurrence, here the last one (003: "منذ 7 أكتوبر")', () => {
    expect(dates('منذ 7 أكتوبر، موعد انطلاق حرب غزة', '2024-01-26')).toEqual([['7 أكتوبر', '2023-10-07', 'day']]);
  });
  it('findDates resolves "سبتمبر الماضي" and "حزيران المقبل"', () => {
    expect(dates('في سبتمبر الماضي وقبل نهاية حزيران المقبل', '2025-03-12')).toEqual([
      ['سبتمبر الماضي', '2024-09', 'month'],
      ['نهاية حزيران المقبل', '2025-06', 'month', 'late'],
    ]);
  });
  it('findDates ignores ambiguous month words with no day or year ("مارس" practised, "آب" father)', () => {
    expect(dates('مارس الضغط على الحكومة في مارس وقال الأب', '2024-10-04')).toEqual([]);
  });
  it('findDates reads English dates ("24 January 2024", "January 2024", "Sept. 2025", "Sep 20, 2024")', () => {
    expect(dates('on 24 January 2024, in January 2024, by Sept. 2025 and Sep 20, 2024')).toEqual([
      ['24 January 2024', '2024-01-24', 'day'],
      ['January 2024', '2024-01', 'month'],
      ['Sept. 2025', '2025-09', 'month'],
      ['Sep 20, 2024', '2024-09-20', 'day'],
    ]);
  });
});

describe('findDates relative expressions', () => {
  it('findDates resolves "يوم الجمعة الماضي" to the Friday before a Friday publication (002)', () => {
    expect(dates('الذي صدر يوم الجمعة الماضي وأكد', '2024-10-04')).toEqual([['يوم الجمعة الماضي', '2024-09-27', 'day']]);
  });
  it('findDates resolves "الثلاثاء الماضي" (002) and "الجمعة الماضية"', () => {
    expect(dates('الثلاثاء الماضي، و الجمعة الماضية', '2024-10-04')).toEqual([
      ['الثلاثاء الماضي', '2024-10-01', 'day'],
      ['الجمعة الماضية', '2024-09-27', 'day'],
    ]);
  });
  it('findDates resolves "أمس" and "أمس الأول" (003)', () => {
    expect(dates('قالت أربعة مصادر مساء أمس الأول، وزيارة للعراق أمس', '2024-01-26')).toEqual([
      ['أمس الأول', '2024-01-24', 'day'],
      ['أمس', '2024-01-25', 'day'],
    ]);
  });
  it('findDates lets the explicit date win in "يوم السبت الماضي (27/1/2024)" (000)', () => {
    const r = dates('يوم السبت الماضي (27/1/2024) أعلن', '2024-02-20');
    expect(r).toEqual([['يوم السبت الماضي (27/1/2024)', '2024-01-27', 'day']]);
  });
  it('findDates leaves relative dates unresolved without a publication date, and says so', () => {
    const r = findDates('وصل أمس', {});
    expect(r.dates).toEqual([]);
    expect(r.unresolved.map((u) => u.text)).toEqual(['أمس']);
  });
  it('findDates resolves "العام المقبل", "العام الماضي" and "next month"', () => {
    expect(dates('خلال العام الماضي وحتى العام المقبل، talks resume next month', '2025-03-12')).toEqual([
      ['العام الماضي', '2024', 'year'],
      ['العام المقبل', '2026', 'year'],
      ['next month', '2025-04', 'month'],
    ]);
  });
  it('findDates does not read أحد ("one of") or a lone العام as dates', () => {
    expect(dates('أحد أطرافه في العام وأحد المسؤولين', '2024-10-04')).toEqual([]);
  });
});

describe('findDates years', () => {
  it('findDates reads years after a cue ("عام 2021" in 001, "منذ عام 2008" in 002, "في 2014")', () => {
    expect(dates('في عام 2021 ومنذ عام 2008 وفي 2014')).toEqual([
      ['في عام 2021', '2021', 'year'],
      ['ومنذ عام 2008', '2008', 'year'],
      ['وفي 2014', '2014', 'year'],
    ]);
  });
  it('findDates does not read bare numbers that are figures as years', () => {
    expect(dates('واحدة من 86 دولة و2500 جندي و 2024 صاروخ')).toEqual([]);
  });
  it('findDates reads "نهاية 2026 م" as late 2026 (004)', () => {
    expect(dates('حتى نهاية 2026 م')).toEqual([['نهاية 2026 م', '2026', 'year', 'late']]);
  });
});

describe('parseAnchor', () => {
  it('parseAnchor accepts YYYY, YYYY-MM and YYYY-MM-DD', () => {
    expect(parseAnchor('2024')).toEqual({ year: 2024, month: undefined, day: undefined });
    expect(parseAnchor('2024-10-04')).toEqual({ year: 2024, month: 10, day: 4 });
  });
  it('parseAnchor throws InputError for other formats and impossible days', () => {
    expect(() => parseAnchor('04/10/2024')).toThrow(InputError);
    expect(() => parseAnchor('2023-02-29')).toThrow(InputError);
  });
});

describe('findDates news expressions', () => {
  it('findDates resolves bare weekdays to the latest on or before publication ("on Wednesday", "يوم الأحد", "مساء الخميس", "، الأحد،")', () => {
    expect(dates('officials said on Wednesday that', '2025-11-26')).toEqual([['Wednesday', '2025-11-26', 'day']]);
    expect(dates('وصل الوفد يوم الأحد إلى بغداد', '2026-01-21')).toEqual([['يوم الأحد', '2026-01-18', 'day']]);
    expect(dates('هبطت الطائرة مساء الخميس', '2026-02-13')).toEqual([['مساء الخميس', '2026-02-12', 'day']]);
    expect(dates('وقال الوزير، الأحد، إن', '2026-01-20')).toEqual([['الأحد', '2026-01-18', 'day']]);
  });
  it('findDates takes the next weekday in a future clause ("will meet on Monday")', () => {
    expect(dates('The ministers will meet on Monday.', '2025-10-22')).toEqual([['Monday', '2025-10-27', 'day']]);
  });
  it('findDates does not read الاثنين ("the two") or الأحد without a cue as weekdays', () => {
    expect(dates('اتفق الطرفان الاثنين على الأحد المبادئ', '2025-10-22')).toEqual([]);
  });
  it('findDates reads "اليوم الجمعة" as the publication day and leaves a weekday before its explicit date to the date', () => {
    expect(dates('أعلنت القيادة، اليوم الجمعة، أن', '2026-02-13')).toEqual([['اليوم الجمعة', '2026-02-13', 'day']]);
    expect(dates('بغداد - الأربعاء 31 كانون الأول 2025', '2025-12-31')).toEqual([['31 كانون الأول 2025', '2025-12-31', 'day']]);
  });
  it('findDates reads tomorrow: "غداً"، "يوم غد السبت"، "بعد غد"، "tomorrow"', () => {
    expect(dates('تعقد اللجنة جلستها غداً.', '2026-01-16')).toEqual([['غداً', '2026-01-17', 'day']]);
    expect(dates('تعقد اللجنة جلستها يوم غد السبت', '2026-01-16')).toEqual([['يوم غد السبت', '2026-01-17', 'day']]);
    expect(dates('وتصل بعد غد', '2026-01-16')).toEqual([['بعد غد', '2026-01-18', 'day']]);
    expect(dates('It is expected to announce tomorrow that', '2026-01-17')).toEqual([['tomorrow', '2026-01-18', 'day']]);
    expect(dates('غدا العراق ساحة للصراع', '2026-01-16')).toEqual([]); // the verb "became"
  });
  it('findDates reads bare English months after a cue, at the nearest occurrence ("in April", "by September")', () => {
    expect(dates('the council met in April', '2026-01-16')).toEqual([['April', '2025-04', 'month']]);
    expect(dates('a full departure by September, but', '2025-10-20')).toEqual([['September', '2025-09', 'month']]);
    expect(dates('elections in November', '2025-10-20')).toEqual([['November', '2025-11', 'month']]);
  });
  it('findDates gives a day or month without year the nearest occurrence: "31 كانون الأول" in a 3 December report is this December', () => {
    expect(dates('قبل أن تنهي البعثة ولايتها في 31 كانون الأول/ديسمبر', '2025-12-03')).toEqual([['31 كانون الأول/ديسمبر', '2025-12-31', 'day']]);
    expect(dates('elections are due on Nov. 11.', '2025-10-20')[0].slice(1)).toEqual(['2025-11-11', 'day']);
  });
  it('findDates gives the first of two months the year of the second ("August and September 2025", "آب وأيلول 2025")', () => {
    expect(dates('Convoys left in August and September 2025.', '2025-11-26').map((d) => d[1])).toEqual(['2025-08', '2025-09']);
    expect(dates('غادرت القوات في آب وأيلول 2025', '2025-11-26').map((d) => d[1])).toEqual(['2025-08', '2025-09']);
  });
  it('findDates counts back "ago": "قبل ثلاثة أشهر", "قبل شهرين", "two years ago"; not "قبل شهر رمضان" or "قبل أيام"', () => {
    expect(dates('جرى الاتفاق عليه قبل ثلاثة أشهر، ولم', '2025-12-31')).toEqual([['قبل ثلاثة أشهر', '2025-09', 'month']]);
    expect(dates('وصل قبل شهرين.', '2025-12-31')).toEqual([['قبل شهرين', '2025-10', 'month']]);
    expect(dates('It happened two years ago.', '2025-12-31')).toEqual([['two years ago', '2023', 'year']]);
    expect(dates('قبل شهر رمضان وقبل أيام', '2025-12-31')).toEqual([]);
  });
  it('findDates reads a year used as an adjective of a dated thing ("the 2024 agreement")', () => {
    expect(dates('Under the 2024 agreement, US troops', '2026-01-17')).toEqual([['2024', '2024', 'year']]);
    expect(dates('the 2000 troops', '2026-01-17')).toEqual([]);
  });
});
