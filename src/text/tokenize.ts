/**
 * Tokenizer over the ORIGINAL text: offsets always point into the string the caller passed,
 * so highlighting and citations work on the stored document, not a normalized copy.
 *
 * Tokens are maximal runs of one kind: Arabic letters (with harakat, tatweel and presentation
 * forms), other letters with digits (Latin words, "F16"), or numbers ("2,500", "٣٫٥").
 * Zero-width and bidi controls inside a run are kept in it (they are removed by normalization),
 * so a ZWNJ or an RLO placed inside a name does not split it.
 */

export interface Token {
  /** The original slice: `text === source.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
}

/** Character classes. */
const enum CharClass {
  Other = 0,
  Arabic = 1,
  Letter = 2,
  Digit = 3,
  /** Combining mark or tatweel: continues a word, never starts one. */
  Mark = 4,
  /** Invisible format control: continues a word, trimmed at its ends. */
  Format = 5,
  /** Apostrophe: inside a Latin word only ("Iraq's", "don't"). */
  Apostrophe = 6,
  /** Decimal/thousands separator: inside a number only. */
  NumberSeparator = 7,
}

function buildClassTable(): Uint8Array {
  const t = new Uint8Array(0x10000);
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const digit = /\p{Nd}/u;
  const format = /\p{Cf}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    const ch = String.fromCharCode(c);
    if (letter.test(ch)) t[c] = isArabicScript(c) ? CharClass.Arabic : CharClass.Letter;
    else if (mark.test(ch)) t[c] = CharClass.Mark;
    else if (digit.test(ch)) t[c] = CharClass.Digit;
    else if (format.test(ch)) t[c] = CharClass.Format;
  }
  t[0x0640] = CharClass.Mark; // tatweel is a letter (Lm) but only stretches a word
  t[0x0027] = CharClass.Apostrophe;
  t[0x2019] = CharClass.Apostrophe;
  for (const c of [0x2c, 0x2e, 0x066b, 0x066c]) t[c] = CharClass.NumberSeparator;
  return t;
}

function isArabicScript(c: number): boolean {
  return (
    (c >= 0x0600 && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x0870 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfeff)
  );
}

const CLASS = buildClassTable();

/** Which kind of token a run is; decides which chars may extend it. */
const enum Kind {
  Arabic,
  Word,
  Number,
}

function kindOf(cls: CharClass): Kind | -1 {
  if (cls === CharClass.Arabic) return Kind.Arabic;
  if (cls === CharClass.Letter) return Kind.Word;
  if (cls === CharClass.Digit) return Kind.Number;
  return -1;
}

/** Splits `text` into word and number tokens with offsets into `text`. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const kind = kindOf(CLASS[text.charCodeAt(i)] as CharClass);
    if (kind === -1) {
      i++;
      continue;
    }
    const start = i;
    let end = i + 1; // end of the last char that is not a trailing format control
    let kindNow: Kind = kind;
    i++;
    while (i < n) {
      const cls = CLASS[text.charCodeAt(i)] as CharClass;
      if (cls === CharClass.Mark) {
        i++;
        end = i;
      } else if (cls === CharClass.Format) {
        i++;
      } else if (cls === CharClass.Arabic) {
        if (kindNow !== Kind.Arabic) break;
        i++;
        end = i;
      } else if (cls === CharClass.Letter) {
        if (kindNow === Kind.Arabic) break;
        kindNow = Kind.Word; // "16F" continues as a word
        i++;
        end = i;
      } else if (cls === CharClass.Digit) {
        if (kindNow === Kind.Arabic) break;
        i++;
        end = i;
      } else if (cls === CharClass.Apostrophe) {
        if (kindNow !== Kind.Word || !isClass(text, i + 1, CharClass.Letter)) break;
        i += 2;
        end = i;
      } else if (cls === CharClass.NumberSeparator) {
        if (kindNow !== Kind.Number || !isClass(text, i + 1, CharClass.Digit)) break;
        i += 2;
        end = i;
      } else break;
    }
    tokens.push({ text: text.slice(start, end), start, end });
    i = end;
  }
  return tokens;
}

function isClass(text: string, i: number, cls: CharClass): boolean {
  return i < text.length && CLASS[text.charCodeAt(i)] === cls;
}
