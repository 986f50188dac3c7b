/** The briefing's own fixed wording (headings, column names) in both languages. */
import type { Lang } from './briefing.js';

const LABELS = {
  briefing: { ar: 'إحاطة', en: 'Briefing' },
  scenario: { ar: 'السيناريو', en: 'Scenario' },
  asOf: { ar: 'حتى تاريخ', en: 'as of' },
  bluf: { ar: 'الخلاصة أولاً', en: 'Bottom line up front' },
  events: { ar: 'أبرز الأحداث', en: 'Key events' },
  deadlines: { ar: 'المواعيد والالتزامات: المتأخر منها ثم القادم', en: 'Deadlines and commitments: overdue, then due next' },
  overdueBy: { ar: 'متأخر بـ', en: 'overdue by' },
  dueIn: { ar: 'يستحق خلال', en: 'due in' },
  days: { ar: 'يوماً', en: 'days' },
  stances: { ar: 'الفاعلون ومواقفهم', en: 'Actors and their stances' },
  figures: { ar: 'الأرقام والتعارض بين المصادر', en: 'Figures and conflicts between sources' },
  ach: { ar: 'تحليل الفرضيات المتنافسة', en: 'Competing hypotheses' },
  outcomes: { ar: 'نتائج السيناريو', en: 'Scenario outcomes' },
  indicators: { ar: 'مؤشرات للمتابعة', en: 'Indicators to watch' },
  notes: { ar: 'الحواشي', en: 'Notes' },
  date: { ar: 'التاريخ', en: 'Date' },
  event: { ar: 'الحدث', en: 'Event' },
  commitment: { ar: 'الالتزام', en: 'Commitment' },
  due: { ar: 'الموعد', en: 'Due' },
  status: { ar: 'الحالة', en: 'Status' },
  actor: { ar: 'الفاعل', en: 'Actor' },
  issue: { ar: 'القضية', en: 'Issue' },
  position: { ar: 'الموقف', en: 'Position' },
  attributedBy: { ar: 'بحسب', en: 'per' },
  summary: { ar: 'الخلاصة', en: 'Summary' },
  quantity: { ar: 'الكمية', en: 'Quantity' },
  value: { ar: 'القيمة', en: 'Value' },
  period: { ar: 'الفترة', en: 'Period' },
  source: { ar: 'المصدر', en: 'Source' },
  hypothesis: { ar: 'الفرضية', en: 'Hypothesis' },
  inconsistency: { ar: 'عدم الاتساق', en: 'Inconsistency' },
  weighted: { ar: 'عدم الاتساق الموزون', en: 'Weighted inconsistency' },
  score: { ar: 'النتيجة الموزونة', en: 'Weighted score' },
  concept: { ar: 'المفهوم', en: 'Concept' },
  change: { ar: 'التغير', en: 'Change' },
  probRise: { ar: 'احتمال الارتفاع', en: 'P(rise)' },
  probFall: { ar: 'احتمال الانخفاض', en: 'P(fall)' },
  payoff: { ar: 'المكسب', en: 'Payoff' },
  probAhead: { ar: 'احتمال الربح', en: 'P(ahead)' },
  winnersLosers: { ar: 'الرابحون والخاسرون', en: 'Winners and losers' },
  probabilities: { ar: 'احتمالات النتائج (مونت كارلو)', en: 'Outcome probabilities (Monte Carlo)' },
  indicator: { ar: 'المؤشر', en: 'Indicator' },
  watchFor: { ar: 'ما يُراقب', en: 'Watch for' },
  passage: { ar: 'المقطع', en: 'passage' },
  page: { ar: 'ص', en: 'p.' },
  unresolved: { ar: 'المقطع غير متاح في المخزن', en: 'passage not in the store' },
  none: { ar: 'لا شيء', en: 'none' },
} as const;

export type LabelKey = keyof typeof LABELS;

export function label(key: LabelKey, lang: Lang): string {
  return LABELS[key][lang];
}

/** The domain's own words (positions, scores, qualifiers…) come from domain/vocabulary.ts, as in the web app. */
export { scoreText, term } from '../domain/vocabulary.js';
