import { describe, expect, it } from 'vitest';
import {
  attachMarks,
  bodySize,
  buildLine,
  dropRunningLines,
  groupLines,
  joinParagraphs,
  layoutPages,
  normalizeGlyphs,
  splitNotes,
  type Line,
  type Piece,
} from './pdf-layout.js';

/** A line of text drawn as one piece per word, left to right from x, on baseline y. */
function words(text: string, y: number, opts: { x?: number; size?: number; gap?: number } = {}): Piece[] {
  const size = opts.size ?? 12;
  let x = opts.x ?? 50;
  return text.split(' ').map((w) => {
    const piece = { str: w, x, y, width: w.length * size * 0.5, height: size };
    x += piece.width + (opts.gap ?? size * 0.3);
    return piece;
  });
}

function line(text: string, y: number, height = 12, x0 = 50, x1 = 350): Line {
  return { text, y, height, x0, x1, rtl: false };
}

describe('normalizeGlyphs', () => {
  it('turns presentation forms and ligatures into plain letters and drops control characters', () => {
    expect(normalizeGlyphs('ﺍﻻﻧﺴﺤﺎﺏ')).toBe('الانسحاب');
    expect(normalizeGlyphs('o\uFB03ce\u0000')).toBe('office');
  });
});

describe('groupLines', () => {
  it('keeps a raised haraka drawn before its line on that line', () => {
    const fatha = { str: 'َ', x: 60, y: 703, width: 0, height: 12 };
    const lines = groupLines([...words('above', 740), fatha, ...words('يرى الباحث', 700), { str: ' ِ', x: 70, y: 696, width: 0, height: 12 }]);
    expect(lines.map((l) => l.map((p) => p.str).join('|'))).toEqual(['above', 'َ|يرى|الباحث| ِ']);
  });

  it('starts a new line where the baseline moves, keeping a raised footnote mark on its line', () => {
    const mark = { str: '1', x: 200, y: 704, width: 5, height: 8 };
    const lines = groupLines([...words('first line', 700), mark, ...words('second line', 686)]);
    expect(lines.map((l) => l.map((p) => p.str).join(' '))).toEqual(['first line 1', 'second line']);
  });
});

describe('buildLine', () => {
  it('joins words with spaces where the page shows a gap and none where pieces touch', () => {
    const pieces = [
      { str: 'Port o', x: 50, y: 700, width: 33, height: 11 },
      { str: 'ffi', x: 83, y: 700, width: 11, height: 11 },
      { str: 'cials', x: 94, y: 700, width: 25, height: 11 },
      { str: 'said', x: 123, y: 700, width: 20, height: 11 },
    ];
    expect(buildLine(pieces).text).toBe('Port officials said');
  });

  it('writes a raised small number as a footnote mark attached to its word', () => {
    const pieces = [...words('the ministry said.', 700), { str: '2', x: 160, y: 704, width: 5, height: 8 }];
    expect(buildLine(pieces).text).toBe('the ministry said.[2]');
  });

  it('reads an Arabic line drawn glyph by glyph in presentation forms', () => {
    // "قال المتحدث" drawn left to right: the last glyph of the last word first.
    const glyphs = ['ﺙ', 'ﺪ', 'ﺤ', 'ﺘ', 'ﻤ', 'ﻟ', 'ا', ' ', 'ل', 'ﺎ', 'ﻗ'];
    const pieces = glyphs.map((str, i) => ({ str, x: 50 + i * 6, y: 700, width: str === ' ' ? 4 : 6, height: 12 }));
    const l = buildLine(pieces);
    expect(l.text).toBe('قال المتحدث');
    expect(l.rtl).toBe(true);
  });
});

describe('attachMarks', () => {
  it('puts a mark drawn apart into the letter under it, and drops the piece', () => {
    const pieces = [
      { str: 'ل', x: 10, y: 700, width: 6, height: 12 },
      { str: 'َ', x: 12, y: 703, width: 0, height: 12 },
      { str: 'ﻤ', x: 16, y: 700, width: 5, height: 12 },
    ];
    expect(attachMarks(pieces).map((p) => p.str)).toEqual(['لَ', 'ﻤ']);
  });
});

describe('bodySize', () => {
  it('is the font size carrying the most text', () => {
    expect(bodySize([line('a long line of body text here', 0, 11), line('Title', 0, 18), line('1 note', 0, 8)])).toBe(11);
  });
});

describe('dropRunningLines', () => {
  it('drops a header repeated at the top of most pages and page numbers, and keeps the rest', () => {
    const bodies = ['The talks began in Baghdad.', 'They moved to Washington.', 'A statement followed.'];
    const pages = bodies.map((body, i): Line[] => [
      line('Study of the withdrawal — working paper', 800, 7),
      line(body, 700),
      line(`- ${i + 1} -`, 30, 7),
    ]);
    expect(dropRunningLines(pages).map((p) => p.map((l) => l.text))).toEqual(bodies.map((b) => [b]));
  });

  it('keeps a line that repeats on too few pages', () => {
    const pages = [[line('Chapter one', 800), line('text', 700)], [line('Chapter one', 800), line('more', 700)], [line('other', 800)]];
    expect(dropRunningLines(pages)[0].map((l) => l.text)).toEqual(['Chapter one', 'text']);
  });
});

describe('splitNotes', () => {
  it('takes the small lines at the bottom that start with a mark as notes, joining their continuations', () => {
    const lines = [
      line('Body paragraph of the page.[1]', 700),
      line('1 Statement of the committee,', 60, 8),
      line('Baghdad, September 2024.', 50, 8),
      line('2 Interview with the author.', 40, 8),
    ];
    const split = splitNotes(lines, 12);
    expect(split.body.map((l) => l.text)).toEqual(['Body paragraph of the page.[1]']);
    expect(split.notes).toEqual(['[1] Statement of the committee, Baghdad, September 2024.', '[2] Interview with the author.']);
  });

  it('leaves small text without a mark (a caption) in the body', () => {
    const lines = [line('Body', 700), line('Figure: harbour traffic by week', 60, 8)];
    expect(splitNotes(lines, 12).notes).toEqual([]);
  });
});

describe('joinParagraphs', () => {
  it('joins full lines, ends a paragraph at a short line or a wider gap, and rejoins a hyphenated word', () => {
    const lines = [
      line('The port authority said that with-', 700, 12, 50, 350),
      line('drawal of the cranes would take a week and', 686, 12, 50, 352),
      line('cost a great deal.', 672, 12, 50, 150),
      line('A new paragraph starts here after the short line', 658, 12, 50, 351),
      line('and goes on.', 644, 12, 50, 120),
      line('After a gap.', 610, 12, 50, 120),
    ];
    expect(joinParagraphs(lines)).toEqual([
      'The port authority said that withdrawal of the cranes would take a week and cost a great deal.',
      'A new paragraph starts here after the short line and goes on.',
      'After a gap.',
    ]);
  });

  it('starts a paragraph where the font size changes (a heading)', () => {
    expect(joinParagraphs([line('Heading', 720, 18, 50, 400), line('Body line', 700, 12, 50, 400)])).toEqual(['Heading', 'Body line']);
  });
});

describe('layoutPages', () => {
  it('lays out each page: paragraphs, then notes', () => {
    const page = [...words('Body text on the page.', 700), { str: '1', x: 190, y: 704, width: 5, height: 8 }, ...words('1 A note.', 40, { size: 8 })];
    expect(layoutPages([page])).toEqual([{ paragraphs: ['Body text on the page.[1]'], notes: ['[1] A note.'] }]);
  });
});
