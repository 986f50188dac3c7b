/**
 * UI strings in both languages, and number/date formatting per language with Intl. Case data
 * carries its own `{ ar, en }` text; `bi()` picks the side for the current language.
 */
export type Lang = 'ar' | 'en';

const STRINGS = {
  appName: { ar: 'مرصد', en: 'Marsad' },
  overview: { ar: 'نظرة عامة', en: 'Overview' },
  sources: { ar: 'المصادر', en: 'Sources' },
  search: { ar: 'البحث', en: 'Search' },
  actors: { ar: 'الفاعلون', en: 'Actors' },
  timeline: { ar: 'الخط الزمني', en: 'Timeline' },
  commitments: { ar: 'الالتزامات', en: 'Commitments' },
  figures: { ar: 'الأرقام والتعارضات', en: 'Figures & conflicts' },
  causal: { ar: 'الخريطة السببية', en: 'Causal map' },
  scenarios: { ar: 'السيناريوهات', en: 'Scenarios' },
  switchLang: { ar: 'English', en: 'العربية' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…' },
  error: { ar: 'خطأ', en: 'Error' },
  notFound: { ar: 'الصفحة غير موجودة', en: 'Page not found' },
  keyFigures: { ar: 'أرقام رئيسية', en: 'Key figures' },
  documents: { ar: 'الوثائق', en: 'Documents' },
  passages: { ar: 'المقاطع', en: 'Passages' },
  events: { ar: 'الأحداث', en: 'Events' },
  claims: { ar: 'الأرقام المنسوبة', en: 'Figures' },
  conflicts: { ar: 'التعارضات', en: 'Conflicts' },
  stances: { ar: 'المواقف', en: 'Stances' },
  concepts: { ar: 'المفاهيم', en: 'Concepts' },
  edges: { ar: 'الروابط', en: 'Links' },
  nextDeadlines: { ar: 'المواعيد القادمة', en: 'Next deadlines' },
  latestEvents: { ar: 'آخر الأحداث', en: 'Latest events' },
  scenarioSummary: { ar: 'السيناريوهات المطروحة', en: 'Scenarios weighed' },
  asOf: { ar: 'حتى تاريخ', en: 'As of' },
  due: { ar: 'الموعد', en: 'Due' },
  status: { ar: 'الحالة', en: 'Status' },
  owners: { ar: 'الجهات الملتزمة', en: 'Owners' },
  counterparts: { ar: 'الأطراف المقابلة', en: 'Counterparts' },
  history: { ar: 'السجل', en: 'History' },
  source: { ar: 'المصدر', en: 'Source' },
  openSource: { ar: 'افتح المقطع', en: 'Open passage' },
  notIngested: { ar: 'الوثيقة غير مُدخلة', en: 'document not ingested' },
  chooseDocument: { ar: 'اختر وثيقة لقراءتها', en: 'Choose a document to read' },
  noDocuments: { ar: 'لا توجد وثائق مُدخلة؛ تعمل الصفحات على بيانات الحالة وحدها.', en: 'No documents ingested; pages work on the case data alone.' },
  legendActor: { ar: 'فاعل', en: 'actor' },
  legendPlace: { ar: 'مكان', en: 'place' },
  legendFact: { ar: 'واقعة موثّقة', en: 'cited fact' },
  legendDate: { ar: 'تاريخ', en: 'date' },
  query: { ar: 'عبارة البحث', en: 'Query' },
  run: { ar: 'تشغيل', en: 'Run' },
  allDocuments: { ar: 'كل الوثائق', en: 'All documents' },
  anyLanguage: { ar: 'كل اللغات', en: 'Any language' },
  language: { ar: 'اللغة', en: 'Language' },
  anyActor: { ar: 'أي فاعل', en: 'Any actor' },
  anyType: { ar: 'كل الأنواع', en: 'Any type' },
  from: { ar: 'من', en: 'From' },
  to: { ar: 'إلى', en: 'To' },
  results: { ar: 'النتائج', en: 'Results' },
  noResults: { ar: 'لا نتائج', en: 'No results' },
  expandedWith: { ar: 'وُسّع البحث بأسماء:', en: 'Expanded with names:' },
  score: { ar: 'الدرجة', en: 'score' },
  stanceMap: { ar: 'خريطة المواقف عبر الزمن', en: 'Stances over time' },
  attributedStances: { ar: 'مواقف ينسبها إليه كتّاب ومحللون', en: 'Stances authors attribute to it' },
  attributedBy: { ar: 'بحسب', en: 'per' },
  attributedHint: { ar: 'الدوائر المفرغة: مواقف منسوبة لا تصريحات', en: 'Hollow marks: positions attributed by authors, not declared' },
  relations: { ar: 'شبكة العلاقات', en: 'Relations' },
  aliases: { ar: 'أسماء أخرى', en: 'Other names' },
  allActors: { ar: 'كل الفاعلين', en: 'All actors' },
  chooseActor: { ar: 'اختر فاعلاً من القائمة أو من الرسم', en: 'Choose an actor from the list or the graphs' },
  type: { ar: 'النوع', en: 'Type' },
  value: { ar: 'القيمة', en: 'Value' },
  period: { ar: 'الفترة', en: 'Period' },
  reportedBy: { ar: 'بحسب', en: 'Reported by' },
  quantity: { ar: 'الكمية', en: 'Quantity' },
  noConflicts: { ar: 'لا تعارضات محسوبة', en: 'No computed conflicts' },
  allFigures: { ar: 'كل الأرقام', en: 'All figures' },
  weight: { ar: 'الوزن', en: 'Weight' },
  range: { ar: 'المدى المعقول', en: 'Plausible range' },
  strength: { ar: 'صيغة المصدر', en: 'Source wording' },
  loops: { ar: 'الحلقات الارتدادية', en: 'Feedback loops' },
  reinforcing: { ar: 'معزِّزة', en: 'reinforcing' },
  balancing: { ar: 'موازِنة', en: 'balancing' },
  clickEdge: { ar: 'انقر رابطاً أو مفهوماً لعرض التفاصيل', en: 'Click a link or concept for details' },
  metrics: { ar: 'المقاييس', en: 'Metrics' },
  density: { ar: 'الكثافة', en: 'Density' },
  lever: { ar: 'رافعة', en: 'lever' },
  intermediate: { ar: 'وسيط', en: 'intermediate' },
  outcome: { ar: 'النتيجة', en: 'Outcome' },
  compare: { ar: 'قارن مع', en: 'Compare with' },
  none: { ar: 'لا شيء', en: 'none' },
  runScenario: { ar: 'شغّل السيناريو', en: 'Run scenario' },
  outcomes: { ar: 'تغيّر النتائج عن خط الأساس', en: 'Outcome change from baseline' },
  winnersLosers: { ar: 'الرابحون والخاسرون', en: 'Winners and losers' },
  trajectories: { ar: 'المسارات الشهرية', en: 'Monthly trajectories' },
  monteCarlo: { ar: 'مونت كارلو', en: 'Monte Carlo' },
  runs: { ar: 'عدد المحاكاة', en: 'Runs' },
  seed: { ar: 'البذرة', en: 'Seed' },
  start: { ar: 'ابدأ', en: 'Start' },
  probability: { ar: 'الاحتمال', en: 'Probability' },
  sensitivity: { ar: 'الحساسية', en: 'Sensitivity' },
  convergence: { ar: 'التقارب', en: 'Convergence' },
  simulationUnavailable: { ar: 'محرك المحاكاة غير متاح', en: 'The simulation engine is unavailable' },
  winners: { ar: 'الرابحون', en: 'Winners' },
  losers: { ar: 'الخاسرون', en: 'Losers' },
  payoff: { ar: 'العائد', en: 'Payoff' },
  delta: { ar: 'الفرق', en: 'Change' },
  quote: { ar: 'الاقتباس', en: 'Quote' },
  score0: { ar: 'لم يبدأ', en: 'not started' },
  score1: { ar: 'حد أدنى', en: 'minimal' },
  score2: { ar: 'متوسط', en: 'intermediate' },
  score3: { ar: 'مكتمل', en: 'complete' },
  early: { ar: 'أوائل', en: 'early' },
  mid: { ar: 'منتصف', en: 'mid' },
  late: { ar: 'أواخر', en: 'late' },
  about: { ar: 'نحو', en: 'about' },
  before: { ar: 'قبل', en: 'before' },
  after: { ar: 'بعد', en: 'after' },
  support: { ar: 'يؤيد', en: 'supports' },
  oppose: { ar: 'يعارض', en: 'opposes' },
  conditional: { ar: 'مشروط', en: 'conditional' },
  reserved: { ar: 'متحفظ', en: 'reserved' },
  ambiguous: { ar: 'غامض', en: 'ambiguous' },
  issue: { ar: 'القضية', en: 'Issue' },
  outlet: { ar: 'الناشر', en: 'Outlet' },
  published: { ar: 'تاريخ النشر', en: 'Published' },
  hypotheses: { ar: 'الفرضيات المتنافسة', en: 'Hypotheses' },
  leading: { ar: 'الفرضية المتقدمة', en: 'Leading hypothesis' },
  ranking: { ar: 'الترتيب', en: 'Ranking' },
  rank: { ar: 'المرتبة', en: 'Rank' },
  inconsistency: { ar: 'عدم الاتساق', en: 'Inconsistency' },
  weightedScore: { ar: 'الدرجة الموزونة', en: 'Weighted score' },
  robustness: { ar: 'المتانة', en: 'Robustness' },
  withoutLow: { ar: 'المتقدمة بعد إسقاط الأدلة ضعيفة المصداقية', en: 'Leading without low-credibility evidence' },
  noCritical: { ar: 'لا يغيّر إسقاط أي دليل منفرد الفرضية المتقدمة', en: 'Dropping any single item leaves the leading hypothesis unchanged' },
  matrix: { ar: 'المصفوفة', en: 'Matrix' },
  evidence: { ar: 'الدليل', en: 'Evidence' },
  credibility: { ar: 'المصداقية / الصلة', en: 'Credibility / relevance' },
  diagnosticity: { ar: 'القدرة التمييزية', en: 'Diagnosticity' },
  lowEnd: { ar: 'الوزن عند الحد الأدنى', en: 'weight at low end' },
  highEnd: { ar: 'الوزن عند الحد الأعلى', en: 'weight at high end' },
  briefing: { ar: 'الإحاطة', en: 'Briefing' },
  briefingIntro: {
    ar: 'إحاطة موثّقة لسيناريو واحد: كل جملة تذكر واقعة تحيل بحاشية إلى المقطع الذي تستند إليه.',
    en: 'A cited briefing for one scenario: every sentence that states a fact is footnoted to the passage it rests on.',
  },
  briefingLanguage: { ar: 'لغة الإحاطة', en: 'Briefing language' },
  briefingContents: {
    ar: 'الخلاصة أولاً، الأحداث والمواعيد، الفاعلون ومواقفهم، الأرقام وتعارض المصادر، الفرضيات المتنافسة، نتائج السيناريو واحتمالاتها، مؤشرات للمتابعة.',
    en: 'Bottom line up front, events and deadlines, actors and stances, figures and conflicting sources, competing hypotheses, scenario outcomes with probabilities, indicators to watch.',
  },
  download: { ar: 'تنزيل', en: 'Download' },
  formatMd: { ar: 'Markdown', en: 'Markdown' },
  formatHtml: { ar: 'HTML', en: 'HTML' },
  formatPdf: { ar: 'PDF', en: 'PDF' },
  pdfSlow: { ar: 'يُطبع ملف PDF في متصفح Chromium على الخادم، وقد يستغرق بضع ثوانٍ.', en: 'The PDF is printed in Chromium on the server and may take a few seconds.' },
  levers: { ar: 'الروافع', en: 'Levers' },
  scenario: { ar: 'السيناريو', en: 'Scenario' },
  hypothesis: { ar: 'الفرضية', en: 'Hypothesis' },
  weightedInconsistency: { ar: 'عدم الاتساق الموزون', en: 'Weighted inconsistency' },
  achMethod: {
    ar: 'طريقة هيوير: تتقدّم الفرضية التي تعارضها أدلة أقل؛ يُحسب التقدير «غير متّسق» (I) نقطة و«غير متّسق إطلاقاً» (II) نقطتين، موزونةً بالمصداقية × الصلة، وتفصل الدرجة الموزونة عند التعادل.',
    en: 'Heuer’s method: the hypothesis with the least evidence against it leads (inconsistency: I = 1, II = 2, weighted by credibility × relevance); the weighted score breaks ties.',
  },
  criticalItems: { ar: 'أدلة حاسمة (إسقاط أيٍّ منها يغيّر الفرضية المتقدمة)', en: 'Critical items (dropping one changes the leading hypothesis)' },
  withoutIt: { ar: 'من دونه تتقدّم', en: 'without it the leader is' },
  dropped: { ar: 'الأدلة المُسقطة', en: 'Dropped' },
  clickRating: { ar: 'انقر تقديراً في المصفوفة لعرض مسوّغه ومصدره', en: 'Click a rating in the matrix to see its rationale and source' },
  ratingCC: { ar: 'متّسق جداً', en: 'very consistent' },
  ratingC: { ar: 'متّسق', en: 'consistent' },
  ratingN: { ar: 'محايد', en: 'neutral' },
  ratingNA: { ar: 'لا ينطبق', en: 'not applicable' },
  ratingI: { ar: 'غير متّسق', en: 'inconsistent' },
  ratingII: { ar: 'غير متّسق إطلاقاً', en: 'very inconsistent' },
  noScenarios: { ar: 'لا سيناريوهات في هذه الحالة', en: 'This case has no scenarios' },
} as const;

/** Names of the case's enumerated values (types, relations, qualifiers, statuses). */
const TERMS: Record<string, { ar: string; en: string }> = {
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
  'member-of': { ar: 'عضو في', en: 'member of' },
  leads: { ar: 'يقود', en: 'leads' },
  backs: { ar: 'يدعم', en: 'backs' },
  opposes: { ar: 'يعارض', en: 'opposes' },
  'proxy-of': { ar: 'وكيل لـ', en: 'proxy of' },
  'allied-with': { ar: 'حليف لـ', en: 'allied with' },
  'part-of': { ar: 'جزء من', en: 'part of' },
  represents: { ar: 'يمثّل', en: 'represents' },
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
  exact: { ar: '', en: '' },
  'more-than': { ar: 'أكثر من', en: 'more than' },
  'at-least': { ar: 'ما لا يقل عن', en: 'at least' },
  'less-than': { ar: 'أقل من', en: 'less than' },
  'at-most': { ar: 'على الأكثر', en: 'at most' },
  'up-to': { ar: 'حتى', en: 'up to' },
  conflict: { ar: 'تعارض', en: 'conflict' },
  'different-periods': { ar: 'فترات مختلفة', en: 'different periods' },
  discrepancy: { ar: 'تباين', en: 'discrepancy' },
  'fixed-point': { ar: 'نقطة ثابتة', en: 'fixed point' },
  'limit-cycle': { ar: 'دورة', en: 'limit cycle' },
  driver: { ar: 'محرّك', en: 'driver' },
  receiver: { ar: 'مستقبِل', en: 'receiver' },
  ordinary: { ar: 'عادي', en: 'ordinary' },
  isolated: { ar: 'معزول', en: 'isolated' },
  certain: { ar: 'مؤكد', en: 'certain' },
  will: { ar: 'سوف', en: 'will' },
  likely: { ar: 'مرجّح', en: 'likely' },
  may: { ar: 'قد', en: 'may' },
  could: { ar: 'يمكن', en: 'could' },
  low: { ar: 'منخفضة', en: 'low' },
  medium: { ar: 'متوسطة', en: 'medium' },
  high: { ar: 'عالية', en: 'high' },
};

export type StringKey = keyof typeof STRINGS;

let current: Lang = 'ar';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
  document.documentElement.dir = lang === 'ar' ? 'rtl' : 'ltr';
}

export function lang(): Lang {
  return current;
}

export function isRtl(): boolean {
  return current === 'ar';
}

export function t(key: StringKey): string {
  return STRINGS[key][current];
}

/** Picks the current language's side of case text, falling back to the other. */
export function bi(text: { ar?: string; en?: string } | undefined | null): string {
  if (!text) return '';
  return text[current] ?? text.ar ?? text.en ?? '';
}

/** Looks up a UI string by a data value (position, qualifier…) or shows the value itself. */
export function label(key: string): string {
  if (key in STRINGS) return STRINGS[key as StringKey][current];
  const term = TERMS[key];
  return term ? term[current] : key;
}

/** Separator between items of a list: the Arabic comma in Arabic. */
export function listSep(): string {
  return current === 'ar' ? '، ' : ', ';
}

export function fmtNumber(n: number, digits = 0): string {
  return new Intl.NumberFormat(current, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

export function fmtSigned(n: number, digits = 2): string {
  return new Intl.NumberFormat(current, { maximumFractionDigits: digits, minimumFractionDigits: digits, signDisplay: 'exceptZero' }).format(n);
}

export function fmtPercent(p: number): string {
  return new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 0 }).format(p);
}

type PartialDate = string | { value: string; qualifier?: string; text?: string };

/** A date at its real precision: a year stays a year, a month a month. */
export function fmtDate(d: PartialDate | undefined | null): string {
  if (!d) return '';
  const value = typeof d === 'string' ? d : d.value;
  const qualifier = typeof d === 'string' ? undefined : d.qualifier;
  const [y, m, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, day ?? 1));
  const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (m) opts.month = 'long';
  if (day) opts.day = 'numeric';
  const text = new Intl.DateTimeFormat(current === 'ar' ? 'ar-u-ca-gregory' : 'en-GB', opts).format(date);
  return qualifier ? `${label(qualifier)} ${text}` : text;
}

/** The first day a partial date may denote, as a Date (for charts and the timeline). */
export function dateOf(d: PartialDate): Date {
  const value = typeof d === 'string' ? d : d.value;
  const [y, m, day] = value.split('-').map(Number);
  return new Date(Date.UTC(y, (m ?? 1) - 1, day ?? 1));
}

export function dateValue(d: PartialDate | undefined): string {
  return d ? (typeof d === 'string' ? d : d.value) : '';
}
