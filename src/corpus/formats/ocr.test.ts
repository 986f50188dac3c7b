import { describe, expect, it } from 'vitest';
import { DEFAULTS, findTesseract, ocrDpi, parseTesseractTsv } from './ocr.js';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const row = (block: number, par: number, line: number, word: number, conf: number, text: string) =>
  `5\t1\t${block}\t${par}\t${line}\t${word}\t0\t0\t10\t10\t${conf}\t${text}`;

describe('parseTesseractTsv', () => {
  it('groups words into lines and paragraphs, and averages the word confidences', () => {
    const tsv = [
      HEADER,
      '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t',
      row(1, 1, 1, 1, 90, 'أعلنت'),
      row(1, 1, 1, 2, 80, 'الوزارة'),
      row(1, 1, 2, 1, 70, 'اليوم.'),
      row(2, 1, 1, 1, 100, 'Talks'),
      row(2, 1, 1, 2, 60, 'resume.'),
    ].join('\n');
    expect(parseTesseractTsv(tsv)).toEqual({ text: 'أعلنت الوزارة اليوم.\nTalks resume.', confidence: 80 });
  });

  it('gives no confidence when the page has no words', () => {
    expect(parseTesseractTsv(`${HEADER}\n1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n`)).toEqual({ text: '', confidence: null });
  });
});

describe('ocrDpi', () => {
  it('renders ordinary pages at the default resolution and huge ones within the pixel budget', () => {
    expect(ocrDpi(595, 842)).toBe(DEFAULTS.dpi);
    const dpi = ocrDpi(14_400, 14_400);
    expect(dpi).toBeLessThan(DEFAULTS.dpi);
    expect(((14_400 / 72) * dpi) ** 2).toBeLessThanOrEqual(DEFAULTS.maxPixels);
  });
});

describe('findTesseract', () => {
  it('finds Tesseract with the Arabic and English data (installed by the test prerequisites)', async () => {
    const found = await findTesseract();
    expect('engine' in found ? found.engine.name : found.missing).toMatch(/^tesseract \S+ \(ara\+eng\)$/);
  });
});
