/**
 * A compact English suffix stripper in the manner of Porter (1980): the word's "measure"
 * (number of vowel-consonant sequences) decides whether a suffix may go. Written for search
 * recall on news and policy prose; it need not reproduce any reference stemmer exactly.
 */

/** Irregular forms the suffix rules cannot reach. */
const IRREGULAR: Readonly<Record<string, string>> = {
  withdrawn: 'withdraw',
  withdrew: 'withdraw',
  drawn: 'draw',
  drew: 'draw',
  fought: 'fight',
  began: 'begin',
  begun: 'begin',
  led: 'lead',
  held: 'hold',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  sought: 'seek',
  men: 'man',
  women: 'woman',
  children: 'child',
  crises: 'crisis',
  analyses: 'analysis',
};

function isConsonant(w: string, i: number): boolean {
  const c = w[i];
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false;
  if (c === 'y') return i === 0 || !isConsonant(w, i - 1);
  return true;
}

/** Number of VC sequences in `w` (Porter's m). */
function measure(w: string): number {
  let m = 0;
  let i = 0;
  const n = w.length;
  while (i < n && isConsonant(w, i)) i++;
  while (i < n) {
    while (i < n && !isConsonant(w, i)) i++;
    if (i >= n) break;
    while (i < n && isConsonant(w, i)) i++;
    m++;
  }
  return m;
}

function hasVowel(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isConsonant(w, i)) return true;
  return false;
}

function endsDoubleConsonant(w: string): boolean {
  const n = w.length;
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1);
}

/** consonant-vowel-consonant ending, last not w/x/y: "hop" (so hoping → hope). */
function endsCvc(w: string): boolean {
  const n = w.length;
  if (n < 3) return false;
  const last = w[n - 1];
  return (
    isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) &&
    last !== 'w' && last !== 'x' && last !== 'y'
  );
}

/** Replaces suffix `s` by `r` when the stem before it satisfies `ok`. Null when `s` not there. */
function swap(w: string, s: string, r: string, ok: (stem: string) => boolean): string | null {
  if (!w.endsWith(s)) return null;
  const stem = w.slice(0, w.length - s.length);
  return ok(stem) ? stem + r : w;
}

const mGt0 = (s: string): boolean => measure(s) > 0;
const mGt1 = (s: string): boolean => measure(s) > 1;

function plurals(w: string): string {
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ies')) return w.slice(0, -2);
  if (w.endsWith('ss')) return w;
  // Keep the s of Latin/Greek singulars (status, crisis, analysis, axis, ISIS); strip it from
  // plural demonyms in -is (Iraqis, Saudis).
  if (w.endsWith('s') && !w.endsWith('us') && !w.endsWith('sis') && !w.endsWith('xis')) return w.slice(0, -1);
  return w;
}

function pastAndGerund(w: string): string {
  if (w.endsWith('eed')) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w;
  let stem: string | null = null;
  if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) stem = w.slice(0, -2);
  else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) stem = w.slice(0, -3);
  if (stem === null) return w;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return stem + 'e';
  if (endsDoubleConsonant(stem) && !/[lsz]$/.test(stem)) return stem.slice(0, -1);
  if (measure(stem) === 1 && endsCvc(stem)) return stem + 'e';
  return stem;
}

function finalY(w: string): string {
  return w.endsWith('y') && hasVowel(w.slice(0, -1)) ? w.slice(0, -1) + 'i' : w;
}

/** Derivational suffixes mapped to shorter ones (m > 0). */
const STEP2: ReadonlyArray<readonly [string, string]> = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'],
  ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'],
  ['ization', 'ize'], ['isation', 'ize'], ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'],
  ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'],
  ['biliti', 'ble'],
];

const STEP3: ReadonlyArray<readonly [string, string]> = [
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['alise', 'al'], ['iciti', 'ic'],
  ['ical', 'ic'], ['ful', ''], ['ness', ''],
];

/** Suffixes dropped when the stem has m > 1. Longest first where they overlap. */
const STEP4 = [
  'ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous',
  'ive', 'ize', 'ise', 'al', 'er', 'ic', 'ou',
];

function mapFirst(w: string, table: ReadonlyArray<readonly [string, string]>): string {
  for (const [s, r] of table) {
    const out = swap(w, s, r, mGt0);
    if (out !== null) return out;
  }
  return w;
}

function dropSuffix(w: string): string {
  if (w.endsWith('ion')) {
    const stem = w.slice(0, -3);
    return mGt1(stem) && /[st]$/.test(stem) ? stem : w;
  }
  for (const s of STEP4) {
    const out = swap(w, s, '', mGt1);
    if (out !== null) return out;
  }
  return w;
}

function finalE(w: string): string {
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1);
    const m = measure(stem);
    if (m > 1 || (m === 1 && !endsCvc(stem))) return stem;
  }
  if (w.endsWith('ll') && measure(w) > 1) return w.slice(0, -1);
  return w;
}

/** Stem of one lower-case English word ("withdrawals" → "withdraw", "forces" → "forc"). */
export function stemEnglish(word: string): string {
  const lower = word.toLowerCase();
  const irregular = IRREGULAR[lower];
  if (irregular !== undefined) return irregular;
  if (lower.length <= 2 || !/^[a-z]+$/.test(lower)) return lower;
  let w = plurals(lower);
  const again = IRREGULAR[w];
  if (again !== undefined) return again;
  w = pastAndGerund(w);
  w = finalY(w);
  w = mapFirst(w, STEP2);
  w = mapFirst(w, STEP3);
  w = dropSuffix(w);
  return finalE(w);
}
