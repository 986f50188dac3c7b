/**
 * Modality: does an edge's coded strength match the words of the passages it cites?
 *
 * The rubric turns the source's modality into a weight (docs/model.md):
 *   certain 0.80 ±0.10 · will 0.65 ±0.15 · likely 0.50 ±0.20 · may 0.35 ±0.20 · could 0.25 ±0.20
 * A quote's modality is its most hedged modal word (قد يؤدي is "may", not "will"); a quote with
 * no modal word states its link as a fact. An edge is as strong as its strongest quote. The
 * check flags an edge whose coded strength is stronger than its strongest quote (it overstates
 * the text: a «قد» coded "will"), weaker than the strongest quote that carries a modal word (it
 * understates it), or whose weight and range are not the rubric's for its strength.
 *
 * It reads only the quotes, so a quote must carry the modal word that governs it: cut
 * «ويعزز النفوذ الإيراني» out of «قد يغيّر … ويعزز النفوذ الإيراني» and the «قد» is lost.
 * Definitional edges (no strength) and edges marked as analyst knowledge are not read.
 */
import type { CausalEdge } from '../domain/model.js';
import { normalizeArabic } from '../text/normalize.js';

export type StrengthName = NonNullable<CausalEdge['strength']>;

/** Weakest first: the order in which modalities hedge. */
export const STRENGTH_ORDER: readonly StrengthName[] = ['could', 'may', 'likely', 'will', 'certain'];

export const STRENGTH_RUBRIC: Readonly<Record<StrengthName, { weight: number; halfWidth: number }>> = Object.freeze({
  certain: { weight: 0.8, halfWidth: 0.1 },
  will: { weight: 0.65, halfWidth: 0.15 },
  likely: { weight: 0.5, halfWidth: 0.2 },
  may: { weight: 0.35, halfWidth: 0.2 },
  could: { weight: 0.25, halfWidth: 0.2 },
});

/** Modal words, in the normalized spelling of normalizeArabic (no harakat, ا for أ إ آ, ه for ة). */
const WORDS: Readonly<Record<Exclude<StrengthName, 'certain'>, readonly string[]>> = {
  could: ['يمكن', 'يمكنه', 'يمكنها', 'يمكنهم', 'بالامكان', 'امكانيه', 'can', 'could'],
  may: ['ربما', 'لربما', 'لعل', 'لعله', 'لعلها', 'احتمال', 'يامل', 'نامل', 'may', 'might', 'perhaps', 'possibly', 'hope', 'hopes'],
  likely: [
    'يرجح', 'مرجح', 'المرجح', 'الارجح', 'يتوقع', 'تتوقع', 'متوقع', 'المتوقع', 'توقعات', 'فرص', 'فرصه',
    'بهدف', 'تهدف', 'يهدف', 'لتحقيق', 'likely', 'expected', 'probably', 'aims',
  ],
  will: ['سوف', 'شان', 'شانه', 'شانها', 'يؤدي', 'تؤدي', 'يفضي', 'تفضي', 'المفضي', 'will', 'would', 'shall', 'leads'],
};

/** Phrases of two words (normalized), checked on consecutive tokens. */
const PHRASES: ReadonlyArray<readonly [string, string, StrengthName]> = [
  ['من', 'الممكن', 'could'],
  ['lead', 'to', 'will'],
];

/** Nouns that begin like a future verb (س + ي/ت/ن): not modal words. */
const NOT_FUTURE = ['سياس', 'سيطر', 'سيناري', 'سياق', 'سيار', 'سيد', 'سيول', 'سينا', 'سير', 'ستراتيج', 'ستين', 'سته', 'سنوا', 'سنوي', 'سنه', 'سنت', 'سني'];

const LOOKUP = new Map<string, StrengthName>();
for (const [strength, words] of Object.entries(WORDS) as Array<[StrengthName, readonly string[]]>) {
  for (const w of words) LOOKUP.set(w, strength);
}

export interface ModalWord {
  word: string;
  strength: StrengthName;
}

/** Drops a leading conjunction و/ف (وربما, فقد, وسيتيح) when what remains is a word. */
function stripConjunction(token: string): string {
  return token.length > 3 && (token[0] === 'و' || token[0] === 'ف') ? token.slice(1) : token;
}

function isFutureVerb(token: string): boolean {
  return /^س[يتن]\p{L}{3,}$/u.test(token) && !NOT_FUTURE.some((p) => token.startsWith(p));
}

/** The modal words of a quote, in order. */
export function modalWords(quote: string): ModalWord[] {
  const tokens = (normalizeArabic(quote).toLowerCase().match(/\p{L}+/gu) ?? []).map(stripConjunction);
  const out: ModalWord[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    const phrase = PHRASES.find(([a, b]) => a === t && b === next);
    if (phrase) out.push({ word: `${t} ${next}`, strength: phrase[2] });
    else if (t === 'قد' && next !== undefined && (/^[يتن]/.test(next) || next === 'لا')) out.push({ word: `قد ${next}`, strength: 'may' });
    else if (LOOKUP.has(t)) out.push({ word: t, strength: LOOKUP.get(t)! });
    else if (isFutureVerb(t)) out.push({ word: t, strength: 'will' });
  });
  return out;
}

const rank = (s: StrengthName) => STRENGTH_ORDER.indexOf(s);
const weakest = (xs: readonly StrengthName[]) => xs.reduce((a, b) => (rank(b) < rank(a) ? b : a));
const strongest = (xs: readonly StrengthName[]) => xs.reduce((a, b) => (rank(b) > rank(a) ? b : a));

/** A quote's modality: its most hedged modal word, or `certain` when it has none. */
export function quoteModality(quote: string): { strength: StrengthName; words: ModalWord[] } {
  const words = modalWords(quote);
  return { strength: words.length ? weakest(words.map((w) => w.strength)) : 'certain', words };
}

export type ModalityEdge = Pick<CausalEdge, 'from' | 'to' | 'weight' | 'range' | 'cite'> &
  Partial<Pick<CausalEdge, 'strength' | 'basis'>>;

export interface ModalityFinding {
  /** Index of the edge in the list checked. */
  edge: number;
  from: string;
  to: string;
  kind: 'overstates' | 'understates' | 'weight';
  coded: StrengthName;
  /** What the quotes support (for `weight`: the coded strength). */
  stated: StrengthName;
  /** Field the finding is about, relative to the edge. */
  field: 'strength' | 'weight' | 'range';
  message: string;
}

const approx = (a: number, b: number) => Math.abs(a - b) < 1e-9;

/** Findings for every edge whose coded strength disagrees with its quotes or the rubric. */
export function modalityFindings(edges: readonly ModalityEdge[]): ModalityFinding[] {
  const out: ModalityFinding[] = [];
  edges.forEach((e, k) => {
    const coded = e.strength;
    if (!coded) return;
    const base = { edge: k, from: e.from, to: e.to, coded };
    const rubric = STRENGTH_RUBRIC[coded];
    const sign = Math.sign(e.weight);
    const lo = Math.max(-1, e.weight - rubric.halfWidth);
    const hi = Math.min(1, e.weight + rubric.halfWidth);
    if (!approx(Math.abs(e.weight), rubric.weight)) {
      out.push({ ...base, kind: 'weight', stated: coded, field: 'weight', message: `weight ${e.weight} is not the rubric's ${sign < 0 ? '-' : ''}${rubric.weight} for "${coded}"` });
    } else if (!approx(e.range[0], lo) || !approx(e.range[1], hi)) {
      out.push({ ...base, kind: 'weight', stated: coded, field: 'range', message: `range [${e.range.join(', ')}] is not the rubric's [${+lo.toFixed(2)}, ${+hi.toFixed(2)}] for "${coded}"` });
    }
    if (e.basis === 'analyst') return;
    const quotes = e.cite.map((c) => ({ quote: c.quote, ...quoteModality(c.quote) }));
    const stated = strongest(quotes.map((q) => q.strength));
    const marked = quotes.filter((q) => q.words.length > 0);
    const say = (q: (typeof quotes)[number]) => `«${q.quote.length > 50 ? `${q.quote.slice(0, 50)}…` : q.quote}»${q.words.length ? ` (${q.words.map((w) => w.word).join(', ')})` : ''}`;
    if (rank(coded) > rank(stated)) {
      const q = quotes.find((x) => x.strength === stated)!;
      out.push({ ...base, kind: 'overstates', stated, field: 'strength', message: `coded "${coded}" but its strongest quote says "${stated}": ${say(q)}` });
    } else if (marked.length > 0) {
      const best = strongest(marked.map((q) => q.strength));
      if (rank(coded) < rank(best)) {
        const q = marked.find((x) => x.strength === best)!;
        out.push({ ...base, kind: 'understates', stated: best, field: 'strength', message: `coded "${coded}" but a quote says "${best}": ${say(q)}` });
      }
    }
  });
  return out;
}
