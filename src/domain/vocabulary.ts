/**
 * The words of the domain in both languages: the names of every enumerated value of the case
 * (actor and event types, relations, positions, date and figure qualifiers, implementation
 * scores, ACH ratings and grades, edge strengths, convergence and concept roles). The web app
 * and the briefing both say these words through `term()`, so a position reads the same in the
 * reader and in the report. Pure data, safe to bundle in the browser.
 */
export type Lang = 'ar' | 'en';
export interface Words {
  ar: string;
  en: string;
}

const ACTOR_TYPES = {
  state: { ar: 'دول', en: 'States' },
  government: { ar: 'حكومات ووزارات', en: 'Governments' },
  organisation: { ar: 'منظمات', en: 'Organisations' },
  party: { ar: 'أحزاب', en: 'Parties' },
  alliance: { ar: 'تحالفات', en: 'Alliances' },
  militia: { ar: 'فصائل مسلحة', en: 'Armed factions' },
  'armed-force': { ar: 'قوات وقيادات', en: 'Forces and commands' },
  person: { ar: 'أشخاص', en: 'Persons' },
  media: { ar: 'وسائل إعلام', en: 'Media' },
  institute: { ar: 'مراكز بحث', en: 'Institutes' },
  group: { ar: 'جماعات وتيارات', en: 'Groups' },
} as const satisfies Record<string, Words>;

const RELATIONS = {
  'member-of': { ar: 'عضو في', en: 'member of' },
  leads: { ar: 'يقود', en: 'leads' },
  backs: { ar: 'يدعم', en: 'backs' },
  opposes: { ar: 'يعارض', en: 'opposes' },
  'proxy-of': { ar: 'وكيل لـ', en: 'proxy of' },
  'allied-with': { ar: 'حليف لـ', en: 'allied with' },
  'part-of': { ar: 'جزء من', en: 'part of' },
  represents: { ar: 'يمثّل', en: 'represents' },
} as const satisfies Record<string, Words>;

const EVENT_TYPES = {
  attack: { ar: 'هجوم', en: 'attack' },
  strike: { ar: 'ضربة', en: 'strike' },
  meeting: { ar: 'اجتماع', en: 'meeting' },
  negotiation: { ar: 'تفاوض', en: 'negotiation' },
  statement: { ar: 'بيان', en: 'statement' },
  agreement: { ar: 'اتفاق', en: 'agreement' },
  decision: { ar: 'قرار', en: 'decision' },
  election: { ar: 'انتخابات', en: 'election' },
  deployment: { ar: 'انتشار', en: 'deployment' },
  withdrawal: { ar: 'انسحاب', en: 'withdrawal' },
  deadline: { ar: 'موعد نهائي', en: 'deadline' },
  other: { ar: 'أخرى', en: 'other' },
} as const satisfies Record<string, Words>;

const POSITIONS = {
  support: { ar: 'مؤيد', en: 'supports' },
  oppose: { ar: 'معارض', en: 'opposes' },
  conditional: { ar: 'مشروط', en: 'conditional' },
  reserved: { ar: 'متحفظ', en: 'reserved' },
  ambiguous: { ar: 'غامض', en: 'ambiguous' },
} as const satisfies Record<string, Words>;

const DATE_QUALIFIERS = {
  early: { ar: 'أوائل', en: 'early' },
  mid: { ar: 'منتصف', en: 'mid' },
  late: { ar: 'أواخر', en: 'late' },
  about: { ar: 'نحو', en: 'about' },
  before: { ar: 'قبل', en: 'before' },
  after: { ar: 'بعد', en: 'after' },
} as const satisfies Record<string, Words>;

const FIGURE_QUALIFIERS = {
  exact: { ar: '', en: '' },
  about: { ar: 'نحو', en: 'about' },
  'more-than': { ar: 'أكثر من', en: 'more than' },
  'at-least': { ar: 'ما لا يقل عن', en: 'at least' },
  'less-than': { ar: 'أقل من', en: 'less than' },
  'at-most': { ar: 'على الأكثر', en: 'at most' },
  'up-to': { ar: 'حتى', en: 'up to' },
} as const satisfies Record<string, Words>;

/** Implementation scores of a commitment, 0 … 3. */
export const SCORES: readonly Words[] = [
  { ar: 'لم يبدأ', en: 'not started' },
  { ar: 'حد أدنى', en: 'minimal' },
  { ar: 'متوسط', en: 'intermediate' },
  { ar: 'مكتمل', en: 'complete' },
];

const RATINGS = {
  CC: { ar: 'متّسق جداً', en: 'very consistent' },
  C: { ar: 'متّسق', en: 'consistent' },
  N: { ar: 'محايد', en: 'neutral' },
  NA: { ar: 'لا ينطبق', en: 'not applicable' },
  I: { ar: 'غير متّسق', en: 'inconsistent' },
  II: { ar: 'غير متّسق إطلاقاً', en: 'very inconsistent' },
} as const satisfies Record<string, Words>;

const GRADES = {
  low: { ar: 'منخفضة', en: 'low' },
  medium: { ar: 'متوسطة', en: 'medium' },
  high: { ar: 'عالية', en: 'high' },
} as const satisfies Record<string, Words>;

const STRENGTHS = {
  certain: { ar: 'مؤكد', en: 'certain' },
  will: { ar: 'سوف', en: 'will' },
  likely: { ar: 'مرجّح', en: 'likely' },
  may: { ar: 'قد', en: 'may' },
  could: { ar: 'يمكن', en: 'could' },
} as const satisfies Record<string, Words>;

const MODEL_TERMS = {
  lever: { ar: 'رافعة', en: 'lever' },
  intermediate: { ar: 'وسيط', en: 'intermediate' },
  outcome: { ar: 'نتيجة', en: 'outcome' },
  'fixed-point': { ar: 'نقطة ثابتة', en: 'fixed point' },
  'limit-cycle': { ar: 'دورة', en: 'limit cycle' },
  none: { ar: 'لا تقارب', en: 'no convergence' },
  driver: { ar: 'محرّك', en: 'driver' },
  receiver: { ar: 'مستقبِل', en: 'receiver' },
  ordinary: { ar: 'عادي', en: 'ordinary' },
  isolated: { ar: 'معزول', en: 'isolated' },
  reinforcing: { ar: 'معزِّزة', en: 'reinforcing' },
  balancing: { ar: 'موازِنة', en: 'balancing' },
} as const satisfies Record<string, Words>;

const CONFLICT_KINDS = {
  conflict: { ar: 'تعارض', en: 'conflict' },
  discrepancy: { ar: 'تباين', en: 'discrepancy' },
  'different-periods': { ar: 'فترات مختلفة', en: 'different periods' },
} as const satisfies Record<string, Words>;

/** Every vocabulary, by what it names. */
export const VOCABULARY = {
  actorType: ACTOR_TYPES,
  relation: RELATIONS,
  eventType: EVENT_TYPES,
  position: POSITIONS,
  dateQualifier: DATE_QUALIFIERS,
  figureQualifier: FIGURE_QUALIFIERS,
  rating: RATINGS,
  grade: GRADES,
  strength: STRENGTHS,
  model: MODEL_TERMS,
  conflict: CONFLICT_KINDS,
} as const;

export type VocabularyName = keyof typeof VOCABULARY;

/** The word for `value` of vocabulary `name` in `lang`; the value itself when unknown. */
export function term(name: VocabularyName, value: string, lang: Lang): string {
  const words = (VOCABULARY[name] as Record<string, Words>)[value];
  return words ? words[lang] : value;
}

/** "2 — intermediate": an implementation score with its name. */
export function scoreText(score: number, lang: Lang): string {
  const words = SCORES[score];
  return words ? `${score} — ${words[lang]}` : String(score);
}
