/**
 * Words around people's names in Arabic and English news: given names, military ranks and
 * honorifics, the head nouns of offices ("نائب قائد…", "deputy commander of…"), and words that
 * are never part of a name. One lexicon, read by the name matcher (src/case/gazetteer.ts, to see
 * that "قيس المحمداوي" is not "أبو حسين المحمداوي") and by extraction (src/extract/, to propose
 * new people with their titles).
 *
 * Arabic entries are folded (`normalizeArabic`: أ→ا، ة→ه، ى→ي); English entries lower case.
 */
import { normalizeArabic } from './normalize.js';

const fold = (w: string) => normalizeArabic(w).toLowerCase();
const set = (words: string[]) => new Set(words.map(fold));

/**
 * Common Arabic given names (and first parts of compound names: عبد، أبو). A word before a
 * surname that is one of these is a given name; others ("حكومة السوداني", "إدارة ترامب") are
 * nouns that govern the name.
 */
export const GIVEN_NAMES_AR = set([
  'محمد', 'أحمد', 'محمود', 'مصطفى', 'علي', 'حسين', 'حسن', 'حسان', 'قيس', 'قاسم', 'جعفر', 'جواد', 'جاسم', 'جبار', 'جمال', 'كاظم',
  'كريم', 'كامل', 'كمال', 'عمار', 'عمر', 'عثمان', 'عادل', 'عامر', 'عباس', 'عدنان', 'عزت', 'عزيز', 'عماد', 'عون', 'عواد', 'عقيل',
  'عبد', 'عبدالله', 'عبدالرحمن', 'عبدالكريم', 'عبدالامير', 'عبدالوهاب', 'ابو', 'بن', 'ابن', 'ابراهيم', 'اسماعيل', 'اسامه',
  'انور', 'اياد', 'اياد', 'ايمن', 'باسم', 'باقر', 'بكر', 'بهاء', 'ثامر', 'ثابت', 'حامد', 'حاتم', 'حارث', 'حازم', 'حمزه', 'حميد',
  'حيدر', 'خالد', 'خليل', 'خميس', 'داود', 'رائد', 'رافع', 'رعد', 'رياض', 'زياد', 'زيد', 'سالم', 'سامي', 'سامر', 'سعد', 'سعيد',
  'سلمان', 'سليم', 'سمير', 'سرمد', 'شاكر', 'صالح', 'صادق', 'صلاح', 'ضياء', 'طارق', 'طالب', 'طه', 'ظافر', 'عصام', 'غازي',
  'فاضل', 'فالح', 'فاروق', 'فراس', 'فرهاد', 'فلاح', 'فؤاد', 'فيصل', 'لؤي', 'ليث', 'ماجد', 'مازن', 'مالك', 'مثنى', 'مجيد', 'محسن',
  'مرتضى', 'مسعود', 'مشعان', 'مقتدى', 'منصور', 'مهدي', 'موسى', 'مؤيد', 'ناصر', 'نبيل', 'نجاح', 'نزار', 'نعمان', 'نوري', 'هادي',
  'هاشم', 'هشام', 'همام', 'هوشيار', 'نيجيرفان', 'مسرور', 'بافل', 'قباد', 'برهم', 'وليد', 'وائل', 'ياسر', 'ياسين', 'يحيى', 'يوسف',
  'يونس', 'سيروان', 'شيروان', 'كوردو', 'لطيف', 'رشيد', 'ابراهيم', 'خضير', 'فخري', 'زهير', 'اركان', 'نصير', 'مهند', 'احسان',
  'فادي', 'جورج', 'جون', 'جو', 'دونالد', 'مارك', 'مايك', 'ماركو', 'براد', 'كيفن', 'لويد', 'انتوني', 'ستيفن', 'جيمس', 'جوزيف',
  'توم', 'كامالا', 'نانسي', 'الينا', 'اليزابيث', 'ماري', 'سارة', 'ساره', 'فاطمه', 'زينب', 'مريم', 'هبه', 'رنا',
  'شيماء', 'سوزان', 'جينين', 'هانس', 'تيري', 'روبرت', 'دانا', 'دان', 'مات', 'كريستوفر', 'سيباستيان', 'جيروم', 'اليكس',
]);

/** Military ranks (longest first when matched): they come right before a name. */
export const RANKS_AR = [
  'الفريق اول ركن', 'الفريق الركن', 'الفريق اول', 'الفريق', 'اللواء الركن', 'اللواء', 'العميد الركن', 'العميد', 'العقيد الركن',
  'العقيد', 'المقدم', 'الرائد', 'النقيب', 'الملازم', 'المشير', 'الادميرال', 'الاميرال', 'الجنرال', 'العماد', 'الفريق البحري',
].map(fold);
export const RANKS_EN = [
  'lt. gen.', 'lt gen', 'lt.-gen.', 'lieutenant general', 'maj. gen.', 'maj gen', 'major general', 'brig. gen.', 'brig gen',
  'brigadier general', 'brigadier', 'gen.', 'general', 'adm.', 'admiral', 'vice adm.', 'vice admiral', 'rear adm.', 'rear admiral',
  'col.', 'colonel', 'lt. col.', 'lieutenant colonel', 'maj.', 'major', 'capt.', 'captain', 'sgt.', 'sergeant', 'field marshal',
];
/** Honorifics and courtesy titles. */
export const HONORIFICS_AR = ['الدكتور', 'الدكتوره', 'د.', 'الشيخ', 'السيد', 'السيده', 'الحاج', 'الاستاذ', 'الاستاذه', 'المهندس', 'القاضي'].map(fold);
export const HONORIFICS_EN = ['dr.', 'dr', 'mr.', 'mr', 'mrs.', 'mrs', 'ms.', 'ms', 'sheikh', 'sayyid', 'judge', 'prof.', 'professor'];

/**
 * Head nouns of offices: the word that starts a title ("نائب قائد العمليات المشتركة", "مستشار
 * رئيس الوزراء"). A title is a head noun followed by its genitive complements.
 */
export const OFFICE_HEADS_AR = set([
  'نائب', 'قائد', 'رئيس', 'وزير', 'وزيره', 'مستشار', 'مستشاره', 'المتحدث', 'المتحدثه', 'الناطق', 'الناطقه', 'متحدث', 'ناطق',
  'الممثل', 'ممثل', 'سفير', 'السفير', 'السفيره', 'مدير', 'الامين', 'امين', 'محافظ', 'عضو', 'زعيم', 'امر', 'آمر', 'مبعوث', 'المبعوث',
  'مساعد', 'وكيل', 'مفتش', 'منسق', 'الخبير', 'خبير', 'المحلل', 'محلل', 'الباحث', 'باحث', 'النائب', 'القائد', 'الرئيس', 'الوزير',
  'المستشار', 'المدير', 'المحافظ', 'الزعيم', 'رئيسه', 'مسؤول', 'المسؤول', 'الكاتب', 'الصحفي', 'مراسل', 'مراسله', 'الاكاديمي',
]);
export const OFFICE_HEADS_EN = new Set([
  'deputy', 'commander', 'chief', 'head', 'minister', 'adviser', 'advisor', 'spokesman', 'spokeswoman', 'spokesperson', 'secretary',
  'ambassador', 'envoy', 'representative', 'director', 'governor', 'member', 'chairman', 'chairwoman', 'chair', 'president',
  'leader', 'official', 'analyst', 'expert', 'researcher', 'fellow', 'professor', 'lawmaker', 'mp', 'speaker', 'coordinator',
  'prime', 'foreign', 'defense', 'defence', 'interior', 'army', 'military', 'senior', 'undersecretary', 'assistant', 'correspondent',
]);

/** Words that are never part of a name: prepositions, conjunctions, pronouns, verbs of saying (folded). */
export const NOT_NAME_AR = set([
  'في', 'من', 'الى', 'إلى', 'على', 'عن', 'ان', 'إن', 'أن', 'انه', 'الذي', 'التي', 'الذين', 'مع', 'بعد', 'قبل', 'خلال', 'عند', 'حول',
  'لدى', 'منذ', 'او', 'ثم', 'لكن', 'قال', 'قالت', 'وقال', 'وقالت', 'اكد', 'اكدت', 'واكد', 'اعلن', 'اعلنت', 'واعلن', 'ذكر', 'ذكرت',
  'اشار', 'اضاف', 'اوضح', 'هو', 'هي', 'هذا', 'هذه', 'ذلك', 'تلك', 'كان', 'كانت', 'يوم', 'امس', 'اليوم', 'حيث', 'بان', 'بانه',
  'ايضا', 'وهو', 'وهي', 'لا', 'لم', 'لن', 'قد', 'كما', 'فيما', 'بينما', 'اذ', 'إذ', 'حين', 'عندما', 'لان', 'بل', 'و', 'ف', 'ب', 'ل',
  'ما', 'ماذا', 'كل', 'جميع', 'بعض', 'غير', 'سوى', 'الا', 'إلا', 'بين', 'تحت', 'فوق', 'امام', 'خلف', 'دون', 'نحو', 'حتى', 'لدي',
]);
export const NOT_NAME_EN = new Set([
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'from', 'for', 'by', 'with', 'as', 'that', 'this', 'these',
  'those', 'it', 'its', 'he', 'she', 'they', 'we', 'his', 'her', 'their', 'our', 'said', 'says', 'told', 'added', 'when', 'while',
  'after', 'before', 'under', 'if', 'since', 'until', 'during', 'according', 'also', 'both', 'all', 'some', 'most', 'other', 'new',
  'former', 'then', 'there', 'here', 'what', 'who', 'which', 'where', 'why', 'how', 'not', 'no', 'yes', 'more', 'less', 'only',
  'iraq', 'iraqi', 'iraqis', 'us', 'u.s.', 'american', 'americans', 'kurdish', 'british', 'french', 'syrian', 'iranian', 'turkish',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'read', 'share', 'related', 'updated', 'posted',
]);

/** True when `word` (as written) is an Arabic given name or the first part of a compound one. */
export function isGivenNameAr(word: string): boolean {
  return GIVEN_NAMES_AR.has(fold(word).replace(/^[وفبل](?=..)/, '')) || GIVEN_NAMES_AR.has(fold(word));
}

const RANKS_AND_HONORIFICS_AR = [...RANKS_AR, ...HONORIFICS_AR].sort((a, b) => b.length - a.length);

/** Rank or honorific (Arabic) that ends exactly before position `end` of `text`, if any. */
export function rankBefore(text: string, end: number): string | null {
  const before = fold(text.slice(Math.max(0, end - 24), end)).replace(/\s+/g, ' ').trimEnd();
  for (const r of RANKS_AND_HONORIFICS_AR) {
    if (before.endsWith(r) && (before.length === r.length || /[\s،,(«"]/.test(before[before.length - r.length - 1]))) return r;
  }
  return null;
}
