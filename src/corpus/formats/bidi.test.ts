import { describe, expect, it } from 'vitest';
import { classify, isRtlLine, mirrorBrackets, readingOrder, type Piece } from './bidi.js';

/** Pieces drawn left to right, each `width` wide, touching unless a string is a space. */
function drawn(...strings: string[]): Piece[] {
  let x = 0;
  return strings.map((str) => {
    const piece = { str, x, y: 100, width: 10 * [...str].length, height: 12 };
    x += piece.width;
    return piece;
  });
}

function read(pieces: Piece[], fallbackRtl = false): string {
  return readingOrder(pieces, fallbackRtl).pieces.map((p) => p.str).join('');
}

describe('classify', () => {
  it('tells right-to-left letters, left-to-right letters, numbers and neutrals apart', () => {
    expect(classify('بغداد')).toBe('R');
    expect(classify('ﺑﻐﺪاد')).toBe('R');
    expect(classify('Baghdad')).toBe('L');
    expect(classify('2024')).toBe('N');
    expect(classify('٢٠٢٤')).toBe('N');
    expect(classify('،')).toBe('W');
    expect(classify(' ')).toBe('W');
  });
});

describe('isRtlLine', () => {
  it('goes by the majority of letters, and by the fallback without letters', () => {
    expect(isRtlLine(['قال المتحدث', 'Pentagon'])).toBe(true);
    expect(isRtlLine(['The Coordination Framework', 'الإطار'])).toBe(false);
    expect(isRtlLine(['2024'], true)).toBe(true);
    expect(isRtlLine(['2024'], false)).toBe(false);
  });
});

describe('mirrorBrackets', () => {
  it('swaps each bracket for its mirror', () => {
    expect(mirrorBrackets(')a( [b] «c»')).toBe('(a) ]b[ »c«');
  });
});

describe('readingOrder', () => {
  it('reads Arabic glyphs drawn one by one from right to left', () => {
    expect(read(drawn('م', 'ا', 'ل', 'س'))).toBe('سلام');
  });

  it('keeps an English word left to right inside Arabic, with its brackets mirrored back', () => {
    // Drawn: ".(Pentagon) الدفاع" — the producer drew the opening bracket with the ")" glyph.
    expect(read(drawn('.', '(', 'Pentagon', ')', ' ', 'الدفاع', ' ', 'وزارة'))).toBe('وزارة الدفاع (Pentagon).');
  });

  it('puts a number where it is read in an Arabic sentence, and the full stop after it', () => {
    expect(read(drawn('.', '2024', ' ', 'أيلول', ' ', 'في'))).toBe('في أيلول 2024.');
  });

  it('joins digits drawn one by one and a percent sign drawn on either side', () => {
    expect(read(drawn('2', '0', '2', '4', ' ', 'عام'))).toBe('عام 2024');
    expect(read(drawn('%', '60', ' ', 'بنسبة'))).toBe('بنسبة 60%');
    expect(read(drawn('60', '%', ' ', 'بنسبة'))).toBe('بنسبة 60%');
    expect(read(drawn('2', ',', '500', ' ', 'نحو'))).toBe('نحو 2,500');
  });

  it('reads an Arabic name inside an English sentence in its own order', () => {
    expect(read(drawn('the', ' ', 'Framework', ' ', '(', 'التنسيقي', ' ', 'الإطار', ')', ' ', 'said'))).toBe(
      'the Framework (الإطار التنسيقي) said',
    );
  });

  it('leaves a left-to-right line of Latin text as drawn', () => {
    expect(read(drawn('Port', ' ', 'o', 'ffi', 'cials', ' ', '(2024)'))).toBe('Port officials (2024)');
  });

  it('never merges a footnote mark with the number before it', () => {
    // A raised "1" after "2024" in an Arabic sentence: both read left to right, the mark last.
    const pieces = drawn('2024', '1', ' ', 'عام');
    pieces[1].noteMark = true;
    const ordered = readingOrder(pieces);
    expect(ordered.pieces.map((p) => p.str)).toEqual(['عام', ' ', '2024', '1']);
  });

  it('reports the levels it resolved: 1 for Arabic, 2 for numbers and English inside it', () => {
    const ordered = readingOrder(drawn('Pentagon', ' ', '2024', ' ', 'الأمريكية', ' ', 'قالت'));
    expect(ordered.rtl).toBe(true);
    expect(ordered.pieces.map((p) => p.str).join('')).toBe('قالت الأمريكية Pentagon 2024');
    expect(ordered.levels).toEqual([1, 1, 1, 1, 2, 2, 2]);
  });
});
