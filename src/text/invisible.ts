/**
 * The one list of invisible format characters Marsad knows: zero-width characters, bidi marks,
 * embeddings, overrides and isolates, the soft hyphen and the BOM. Normalization deletes them,
 * citation folding skips them, the case loader refuses them in names, the name matcher reads
 * through them, and everything that displays document text strips the bidi controls among them
 * (an unclosed override would reorder the rest of a line, a page or a terminal).
 */

/** Every invisible format character, by code point. */
export const INVISIBLE_CODES: readonly number[] = [
  0x00ad, // soft hyphen
  0x061c, // Arabic letter mark (ALM)
  0x180e, // Mongolian vowel separator
  0x200b, // zero-width space
  0x200c, // zero-width non-joiner
  0x200d, // zero-width joiner
  0x200e, // left-to-right mark
  0x200f, // right-to-left mark
  0x202a, // LRE
  0x202b, // RLE
  0x202c, // PDF
  0x202d, // LRO
  0x202e, // RLO
  0x2060, // word joiner
  0x2061, 0x2062, 0x2063, 0x2064, // invisible operators
  0x2066, // LRI
  0x2067, // RLI
  0x2068, // FSI
  0x2069, // PDI
  0xfeff, // BOM / zero-width no-break space
];

/** The bidi controls among them: marks, embeddings, overrides, isolates. */
export const BIDI_CONTROL_CODES: readonly number[] = [0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];

function characterClass(codes: readonly number[]): string {
  return `[${codes.map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`;
}

const INVISIBLE_CLASS = characterClass(INVISIBLE_CODES);
const BIDI_CLASS = characterClass(BIDI_CONTROL_CODES);
const INVISIBLE_ANY = new RegExp(INVISIBLE_CLASS);
const INVISIBLE_ALL = new RegExp(INVISIBLE_CLASS, 'g');
const BIDI_ALL = new RegExp(BIDI_CLASS, 'g');

/** True when `ch` (one code unit) is invisible. */
export function isInvisible(ch: string): boolean {
  return ch.length === 1 && INVISIBLE_SET.has(ch.charCodeAt(0));
}
const INVISIBLE_SET = new Set(INVISIBLE_CODES);

/** True when `s` holds an invisible character anywhere. */
export function hasInvisible(s: string): boolean {
  return INVISIBLE_ANY.test(s);
}

/** The first invisible character of `s`, as `U+202E`, or null. */
export function firstInvisible(s: string): string | null {
  const m = INVISIBLE_ANY.exec(s);
  return m ? `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : null;
}

export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE_ALL, '');
}

/** Text without bidi controls: safe to display next to other text. */
export function stripBidiControls(s: string): string {
  return s.replace(BIDI_ALL, '');
}
