/**
 * Marsad's Arabic light stemmer: clitic-aware, consistent rather than linguistically exact.
 * Stems keep at least three letters: a two-letter stem joins unrelated words and matches a large
 * share of any corpus (القوات and القوة would both be قو; للجنة would be جن, خطة خط).
 *
 * A word is read as  [proclitics] [article] STEM [nisba ي] [fem ة] [plural/dual] [pronoun] [ا].
 * The primary stem removes what is unambiguous (article combinations, suffixes), looping over
 * plural/feminine/nisba suffixes so that a word and its derivatives land on one stem
 * (فلسطين/فلسطيني/الفلسطينيين, إيران/إيراني, سوريا/سورية/السوري).
 *
 * Single-letter proclitics (و ف ب ك ل) are ambiguous: وبغداد is و+بغداد, but بغداد is not
 * ب+غداد. The primary stem never removes them; `arabicTerms` instead adds the stem of the word
 * without them as an ALTERNATIVE index term at the same position. Queries use the primary stem,
 * so بغداد finds وبغداد (through the alternative) and never turns into غداد itself. The dual
 * ending ان is handled the same way (إيران, طالبان and البرلمان keep it in the primary stem).
 */
import { normalizeArabic, normalizeText } from './normalize.js';

/** Article and its combinations with proclitics, longest first. */
const ARTICLES: ReadonlyArray<readonly [prefix: string, minRest: number]> = [
  ['وبال', 3],
  ['وكال', 3],
  ['فبال', 3],
  ['فكال', 3],
  ['ولل', 3],
  ['فلل', 3],
  ['وال', 3],
  ['فال', 3],
  ['بال', 3],
  ['كال', 3],
  ['لل', 2],
  ['ال', 2],
];

/** Single-letter and two-letter proclitics removed only in alternative terms. */
const PROCLITICS = ['وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ك', 'ل'];

/** Attached pronouns, longest first; each needs a stem of 3+ letters left. */
const PRONOUNS = ['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'ها', 'نا'];

/**
 * Spelling variants of one word, conflated on the stem: الأميركية/الأمريكية,
 * الديموقراطية/الديمقراطية, ترمب/ترامب, and foreign g written ج or غ (البنتاجون/البنتاغون).
 * Keys are stem prefixes; values replace them.
 */
const STEM_VARIANTS: ReadonlyArray<readonly [from: string, to: string]> = [
  ['اميرك', 'امريك'],
  ['ديموقراط', 'ديمقراط'],
  ['ترمب', 'ترامب'],
  ['بنتاج', 'بنتاغ'],
  ['كونجرس', 'كونغرس'],
];

function removeArticle(w: string): string {
  for (const [p, minRest] of ARTICLES) {
    if (w.length - p.length >= minRest && w.startsWith(p)) return w.slice(p.length);
  }
  return w;
}

/**
 * Removes one layer of suffix from `w`, or returns null when none fits. Layers, by last letter:
 * يه and ه (3 letters must stay before either), ات (3; over two letters it becomes ه), ون ين (3), ي (3), the dual ان
 * (3, and only when `deep`: it ends too many names and nouns, إيران, طالبان, البرلمان,
 * إعلان, so the primary stem keeps it and an alternative index term drops it), a hamza after
 * a final alef, -اوي, and a final alef laid bare by the other layers.
 */
function stripLayer(w: string, deep: boolean): string | null {
  const n = w.length;
  const last = w.charCodeAt(n - 1);
  const prev = w.charCodeAt(n - 2);
  switch (last) {
    case HEH:
      if (prev === YEH && n >= 5) return w.slice(0, -2);
      return n >= 4 ? w.slice(0, -1) : null;
    case TEH:
      if (prev !== ALEF || n < 4) return null;
      // A plural in ات over a two-letter stem meets its singular in ة on three letters
      // (قوات, قوة → قوه) rather than on a two-letter stem shared with unrelated words.
      return n === 4 ? `${w.slice(0, -2)}ه` : w.slice(0, -2);
    case NOON:
      if (n < 5) return null;
      if (prev === WAW) return w.slice(0, -2);
      if (prev === YEH) return withoutTaaMarbuta(w.slice(0, -2), 3);
      if (prev === ALEF && deep) return withoutTaaMarbuta(w.slice(0, -2), 3);
      return null;
    case YEH:
      // -اوي nisba of a word in -ا: ميليشياوي → ميليشيا.
      if (prev === WAW && n >= 6 && w.charCodeAt(n - 3) === ALEF) return w.slice(0, -2);
      return n >= 4 ? withoutTaaMarbuta(w.slice(0, -1), 4) : null;
    case HAMZA:
    case YEH_HAMZA:
    case WAW_HAMZA:
      // The hamza after a final alef changes seat with case: أعضاء/أعضائه/أعضاؤها.
      return prev === ALEF && n >= 4 ? w.slice(0, -1) : null;
    case ALEF:
      // An alef laid bare by removing other endings (ميليشياوي → ميليشيا) goes only from
      // long words: إنهاء → انها must not go on to انه → ان.
      return n >= 6 ? w.slice(0, -1) : null;
    default:
      return null;
  }
}

/**
 * Taa marbuta is written ت before a dual or nisba ending (حكومتين, خليجيتين, حكومتي): drop a
 * final ت (not of ات) when more than `minStem` letters stay, so الكويتي keeps the ت of الكويت.
 */
function withoutTaaMarbuta(rest: string, minStem: number): string {
  const n = rest.length;
  return n > minStem && rest.charCodeAt(n - 1) === TEH && rest.charCodeAt(n - 2) !== ALEF ? rest.slice(0, -1) : rest;
}

const ALEF = 0x0627;
const TEH = 0x062a;
const NOON = 0x0646;
const HEH = 0x0647;
const WAW = 0x0648;
const YEH = 0x064a;
const HAMZA = 0x0621;
const WAW_HAMZA = 0x0624;
const YEH_HAMZA = 0x0626;

function removeSuffixes(word: string, deep = false): string {
  let w = word;
  // Final alef: accusative tanween (سابقاً → سابق, دوراً → دور) or a name in -ا (سوريا,
  // أمريكا). Not the ا of the pronouns ها, نا.
  if (w.length >= 4 && w.endsWith('ا') && !w.endsWith('ها') && !w.endsWith('نا')) w = w.slice(0, -1);
  for (const p of PRONOUNS) {
    if (w.length - p.length >= 3 && w.endsWith(p)) {
      w = w.slice(0, -p.length);
      // Taa marbuta is written ت before a pronoun: حكومتها → حكومة.
      if (w.length >= 4 && w.endsWith('ت') && !w.endsWith('ات')) w = w.slice(0, -1);
      break;
    }
  }
  // ته: his/its after a taa marbuta (إدارته → إدارة).
  if (w.length >= 5 && w.endsWith('ته') && !w.endsWith('اته')) w = w.slice(0, -2);
  // Peel layers until none fits, so that nisba, feminine and plural endings all come off
  // and a name meets its derivatives (فلسطين, الفلسطينية, الفلسطينيين → فلسط).
  for (let next = stripLayer(w, deep); next !== null; next = stripLayer(w, deep)) w = next;
  return w;
}

function applyVariants(stem: string): string {
  for (const [from, to] of STEM_VARIANTS) {
    if (stem.startsWith(from)) return to + stem.slice(from.length);
  }
  return stem;
}

/**
 * Letter index (marks skipped) of a written أ/إ/آ followed by ل, when only proclitic letters
 * precede it; -1 otherwise. There ال is not the article (إلغاء, وإلغاء, آلاف): the article's
 * alef never carries a hamza.
 */
function hamzaLamAt(raw: string): number {
  let letter = 0;
  let prev = -1;
  for (let i = 0; i < raw.length && letter <= 3; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670) continue;
    if (c === 0x0644 && (prev === 0x0623 || prev === 0x0625 || prev === 0x0622)) return letter - 1;
    if (prev !== -1 && !PROCLITIC_LETTERS.includes(prev)) return -1;
    prev = c;
    letter++;
  }
  return -1;
}

const PROCLITIC_LETTERS = [0x0648, 0x0641, 0x0628, 0x0643, 0x0644];

/** Stem of a word already normalized; `keepArticle` when the article reading is excluded. */
function stemNormalized(w: string, keepArticle: boolean, deep = false): string {
  const rest = keepArticle ? w : removeArticle(w);
  return applyVariants(removeSuffixes(rest, deep));
}

/**
 * Primary light stem of one Arabic word (raw or normalized): article combinations and
 * suffixes removed, single-letter proclitics kept.
 */
export function stemArabic(word: string): string {
  const raw = stripMarks(word);
  return stemNormalized(normalizeArabic(raw), hamzaLamAt(raw) >= 0);
}

/**
 * Script-neutral clean-up (NFKC turns presentation forms into letters) and leading marks
 * removed, so that the hamza check sees the real first letter.
 */
function stripMarks(word: string): string {
  const w = normalizeText(word);
  let i = 0;
  while (i < w.length) {
    const c = w.charCodeAt(i);
    if (c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670) i++;
    else break;
  }
  return i === 0 ? w : w.slice(i);
}

/**
 * Index terms of one Arabic word: `[primary, ...alternatives]`, deduplicated.
 * Alternatives, for the index only: the stem with the dual ان removed too (طرفان → طرف),
 * and the stems of the word without a leading proclitic (وبغداد → بغداد). For both sides:
 * for words spelt ال+ت… the stem without removing ال (التزام: the ال is part of the word).
 * With `forQuery`, index-only alternatives are left out: a query word is taken as typed, so
 * بغداد never becomes غداد and طالبان never becomes طالب.
 */
export function arabicTerms(word: string, forQuery = false): string[] {
  return arabicTermsOf(prepareArabicWord(word), forQuery);
}

/** A word cleaned for stemming: `raw` keeps hamza spellings, `normalized` is fully folded. */
export interface PreparedWord {
  raw: string;
  normalized: string;
}

/** One normalization of a word, shared by the stopword check and the stemmer (analyze). */
export function prepareArabicWord(word: string): PreparedWord {
  const raw = stripMarks(word);
  return { raw, normalized: normalizeArabic(raw) };
}

/** `arabicTerms` on an already prepared word. */
export function arabicTermsOf(word: PreparedWord, forQuery = false): string[] {
  const { raw, normalized: w } = word;
  const hamzaAt = hamzaLamAt(raw);
  const keepArticle = hamzaAt >= 0;
  const primary = stemNormalized(w, keepArticle);
  const terms = [primary];
  const add = (t: string): void => {
    if (t.length >= 2 && !terms.includes(t)) terms.push(t);
  };
  if (!keepArticle && w.startsWith('الت') && primary !== w) add(applyVariants(removeSuffixes(w)));
  if (forQuery) return terms;
  // The deep stem only differs where a dual ان can be peeled.
  if (w.includes('ان')) add(stemNormalized(w, keepArticle, true));
  // Texts that drop the hamza write إلغاء as الغاء, which reads as ال + غاء: index that too.
  if (keepArticle) add(stemNormalized(w, false));
  if (keepArticle || removeArticle(w) === w) {
    for (const p of PROCLITICS) {
      if (w.length - p.length >= 3 && w.startsWith(p)) {
        const keep = hamzaAt === p.length;
        const rest = w.slice(p.length);
        add(stemNormalized(rest, keep));
        if (rest.includes('ان')) add(stemNormalized(rest, keep, true));
      }
    }
  }
  return terms;
}
