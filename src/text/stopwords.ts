/**
 * Very common function words dropped from index and query terms. Arabic entries are in
 * normalized spelling (إلى → الي, أن → ان). Kept short on purpose: a content word wrongly
 * listed here can never be found.
 */
import { normalizeArabic } from './normalize.js';

const ARABIC = `
في من على إلى الى عن أن إن ان التي الذي الذين اللذين اللتين اللواتي هذا هذه هذان هؤلاء ذلك تلك
مع أو ثم قد لقد كان كانت يكون تكون كانوا ما لا لم لن هو هي هم هن هما نحن أنا انه إنه أنه أنها
إنها إلا إذا إذ كما بين حتى عند عندما لدى منذ حيث أي أيضا بعد قبل غير كل بعض له لها لهم لهما
به بها بهم فيه فيها فيهم منه منها منهم عليه عليها عليهم إليه إليها إليهم عنه عنها عنهم وفي ومن
وعلى وإلى وعن وأن وإن ولا وما وقد ولم ولن وهو وهي وهم أم هناك هنا ليس ليست لكن ولكن بل أما
إما سوف الآن كذلك ضمن خلال وذلك فإن فقد لأن كي التى يا مما عما فيما إنما ربما بينما كلما لنا لكم
ذا ذي هنا هناك هؤلاء أولئك
`;

const ENGLISH = `
a an the of and or but nor to in on at by for with from as into onto than then that this these
those it its is are was were be been being has have had do does did will would shall should can
could may might must not no so such there their they them he him his she her we our you your i
me my which who whom whose what when where while if also about over after before up out off
`;

function toSet(list: string, normalize: (s: string) => string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== '').map(normalize));
}

export const ARABIC_STOPWORDS: ReadonlySet<string> = toSet(ARABIC, normalizeArabic);
export const ENGLISH_STOPWORDS: ReadonlySet<string> = toSet(ENGLISH, (s) => s);

/** و ف, then ب ل ك: the proclitics a function word can carry (وبهذا, لذلك, فبما). */
function isConjunction(c: number): boolean {
  return c === 0x0648 || c === 0x0641;
}
function isPreposition(c: number): boolean {
  return c === 0x0628 || c === 0x0644 || c === 0x0643;
}

/** True for a normalized Arabic word that is a stopword, alone or after و/ف and ب/ل/ك. */
export function isArabicStopword(normalized: string): boolean {
  if (ARABIC_STOPWORDS.has(normalized)) return true;
  let i = 0;
  if (isConjunction(normalized.charCodeAt(i))) i++;
  if (isPreposition(normalized.charCodeAt(i))) i++;
  return i > 0 && normalized.length - i >= 2 && ARABIC_STOPWORDS.has(normalized.slice(i));
}

export function isEnglishStopword(lower: string): boolean {
  return ENGLISH_STOPWORDS.has(lower);
}

/**
 * Words that shape a question but say nothing about its answer ("how many", "لماذا", "هل"):
 * dropped from typed queries only (never from the index, so they can still be found inside
 * a quoted name or a phrase of the case). Arabic entries in normalized spelling.
 */
const QUESTION_AR = `
كم ماذا لماذا متى اين أين كيف هل ما من الذي التي ماهي ماهو هي هو وش شنو شكد اشكد ليش شلون وين منو
شو ايش إيش عن حول بخصوص بشأن حسب وفق تقول قال يقول
`;
const QUESTION_EN = `
how many much why what when where who whom which whose does did do is are was were according
tell me show find about say says said whether
`;

export const QUESTION_WORDS_AR: ReadonlySet<string> = toSet(QUESTION_AR, normalizeArabic);
export const QUESTION_WORDS_EN: ReadonlySet<string> = toSet(QUESTION_EN, (s) => s);

/** True for a question or request word of a typed query, in either language (normalized/lower case). */
export function isQuestionWord(word: string): boolean {
  return QUESTION_WORDS_AR.has(word) || QUESTION_WORDS_EN.has(word);
}
