/**
 * Text normalization for search and matching. Two levels:
 * - `normalizeText`: script-neutral clean-up (NFKC, invisible controls, space variants).
 * - `normalizeArabic`: `normalizeText` plus the Arabic orthographic conflations search needs.
 *
 * Both are pure and may change the string's length; callers that need offsets into the original
 * text use `tokenize`/`analyze`, which normalize per token.
 */
import { INVISIBLE_CODES } from './invisible.js';


/** Space separators (Unicode Zs) other than U+0020; NFKC already folds most, not all. */
const SPACES: readonly number[] = [
  0x00a0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x202f, 0x205f, 0x3000,
];

/** Marker values in the lookup tables. */
const KEEP = -1;
const DROP = -2;

function buildTextTable(): Int32Array {
  const t = new Int32Array(0x10000).fill(KEEP);
  // Deleted outright: they never carry meaning for search and break matching inside words.
  for (const c of INVISIBLE_CODES) t[c] = DROP;
  for (const c of SPACES) t[c] = 0x20;
  return t;
}

const TEXT_TABLE = buildTextTable();

function buildArabicTable(): Int32Array {
  const t = Int32Array.from(TEXT_TABLE);
  const ALEF = 0x0627;
  // Alef with madda, hamza above, hamza below, wasla, wavy hamza forms → bare alef.
  for (const c of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]) t[c] = ALEF;
  t[0x0629] = 0x0647; // taa marbuta → heh
  t[0x0649] = 0x064a; // alef maqsura → yeh
  t[0x0640] = DROP; // tatweel
  // Harakat: fathatan..sukun, maddah/hamza combining marks, other small marks.
  for (let c = 0x064b; c <= 0x065f; c++) t[c] = DROP;
  t[0x0670] = DROP; // superscript alef
  for (let c = 0x0610; c <= 0x061a; c++) t[c] = DROP; // honorific / Quranic small signs
  for (let c = 0x06d6; c <= 0x06ed; c++) if (c !== 0x06dd && c !== 0x06de && c !== 0x06e5 && c !== 0x06e6) t[c] = DROP;
  // Digits: Arabic-Indic and Extended (Persian/Urdu) → ASCII.
  for (let d = 0; d <= 9; d++) {
    t[0x0660 + d] = 0x30 + d;
    t[0x06f0 + d] = 0x30 + d;
  }
  t[0x066b] = 0x2e; // Arabic decimal separator → '.'
  t[0x066c] = 0x2c; // Arabic thousands separator → ','
  t[0x066a] = 0x25; // Arabic percent sign → '%'
  // Persian and Urdu letter shapes used in Arabic text (e.g. آمریکا with Persian yeh).
  t[0x06cc] = 0x064a; // Farsi yeh → yeh
  t[0x06d2] = 0x064a; // yeh barree → yeh
  t[0x06a9] = 0x0643; // keheh → kaf
  t[0x06aa] = 0x0643; // swash kaf → kaf
  t[0x06c0] = 0x0647; // heh with yeh above → heh
  t[0x06c1] = 0x0647; // heh goal → heh
  t[0x06be] = 0x0647; // heh doachashmee → heh
  t[0x06d5] = 0x0647; // ae → heh
  return t;
}

const ARABIC_TABLE = buildArabicTable();

/** Applies a code-unit table; returns `s` itself when nothing changes (the common case). */
function applyTable(s: string, table: Int32Array): string {
  const n = s.length;
  let i = 0;
  while (i < n && table[s.charCodeAt(i)] === KEEP) i++;
  if (i === n) return s;
  const out = new Uint16Array(n);
  for (let k = 0; k < i; k++) out[k] = s.charCodeAt(k);
  let o = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    const m = table[c];
    if (m === KEEP) out[o++] = c;
    else if (m !== DROP) out[o++] = m;
  }
  return decodeUnits(out, o);
}

const CHUNK = 8192;

/** Node's Buffer when present (5-10x faster than any portable decoder); absent in browsers. */
const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

function decodeUnits(units: Uint16Array, length: number): string {
  if (length <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, length) as unknown as number[]);
  // UCS-2 copies code units as they are, lone surrogates included.
  if (NodeBuffer !== undefined) return NodeBuffer.from(units.buffer, units.byteOffset, length * 2).toString('ucs2');
  const parts: string[] = [];
  for (let k = 0; k < length; k += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(k, Math.min(length, k + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

/** Above this code unit, NFKC is always applied (CJK compatibility forms, presentation forms…). */
const STABLE_LIMIT = 0x3000;
/** Values of the stability table. */
const UNSTABLE = 0;
const STABLE = 1;
/** Arabic harakat: NFKC may reorder them, which does not matter where they are deleted. */
const STABLE_IF_MARKS_DROPPED = 2;

let stability: Uint8Array | null = null;

/**
 * For each code unit below STABLE_LIMIT: can NFKC change a string through it? Built on first
 * use (a few ms). Combining marks are unstable (they compose with what precedes: e + ́ → é,
 * ا + ٔ → أ), as are Hangul jamo; everything whose NFKC form is itself and is not a mark is
 * stable in any context.
 */
function stabilityTable(): Uint8Array {
  if (stability !== null) return stability;
  const t = new Uint8Array(STABLE_LIMIT);
  const mark = /\p{M}/u;
  for (let c = 0; c < STABLE_LIMIT; c++) {
    if (c >= 0x1100 && c <= 0x11ff) continue;
    const ch = String.fromCharCode(c);
    if (ch.normalize('NFKC') !== ch) continue;
    if (!mark.test(ch)) t[c] = STABLE;
    else if ((c >= 0x064b && c <= 0x0652) || c === 0x0670 || (c >= 0x0610 && c <= 0x061a) || (c >= 0x06d6 && c <= 0x06ed)) {
      t[c] = STABLE_IF_MARKS_DROPPED;
    }
  }
  stability = t;
  return t;
}

/** True when NFKC may change `s`; ASCII text never looks anything up. */
function mayNeedNfkc(s: string, marksDropped: boolean): boolean {
  let table: Uint8Array | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= STABLE_LIMIT) return true;
    table ??= stabilityTable();
    const v = table[c];
    if (v === UNSTABLE || (v === STABLE_IF_MARKS_DROPPED && !marksDropped)) return true;
  }
  return false;
}

/** NFKC, drop zero-width and bidi controls and BOM, turn every space variant into ' '. */
export function normalizeText(s: string): string {
  const n = mayNeedNfkc(s, false) ? s.normalize('NFKC') : s;
  return applyTable(n, TEXT_TABLE);
}

/**
 * `normalizeText` plus Arabic conflations: أ إ آ ٱ → ا, ة → ه, ى → ي, Persian ی ک → ي ك,
 * tatweel and harakat removed, Arabic-Indic and Persian digits → ASCII. Keeps ؤ and ئ
 * (as Lucene's ArabicNormalizer does): folding them would merge distinct words.
 */
export function normalizeArabic(s: string): string {
  const n = mayNeedNfkc(s, true) ? s.normalize('NFKC') : s;
  return applyTable(n, ARABIC_TABLE);
}
