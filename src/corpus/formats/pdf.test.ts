import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { InputError, TooLargeError } from '../../domain/errors.js';
import { bombStream, writePdf } from '../../../test/support/pdf-writer.js';
import { findTesseract } from './ocr.js';
import { checkStreams, readPdf, xrefDamaged } from './pdf.js';
import type { ReadResult } from './reader.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/documents/${name}`, import.meta.url)));

/** The text of each page, as the page spans cut it. */
function pageTexts(r: ReadResult): string[] {
  return (r.pages ?? []).map((p) => r.text.slice(p.start, p.end));
}

function noteTexts(r: ReadResult): string[] {
  return (r.notes ?? []).map((n) => r.text.slice(n.start, n.end));
}

describe('readPdf on an Arabic study printed by Chromium', () => {
  it('reads each page in logical order, with the page spans and the title', async () => {
    const r = await readPdf(fixture('study-ar.pdf'), { file: 'study-ar.pdf' });
    expect(r.warnings).toEqual([]);
    expect(r.meta).toEqual({ title: 'مستقبل الوجود العسكري الأجنبي في العراق' });
    const pages = pageTexts(r);
    expect(pages).toHaveLength(3);
    expect(pages[0].split('\n')[0]).toBe('مستقبل الوجود العسكري الأجنبي في العراق');
    // Numbers, the Arabic comma after them and the English word in brackets where they are read.
    expect(pages[0]).toContain('اتفق عليه الطرفان في أيلول 2024 يترك مساحة واسعة');
    expect(pages[0]).toContain('حتى أيلول 2026، وأن نحو 2500 جندي أمريكي');
    expect(pages[0]).toContain('وزارة الدفاع الأمريكية (Pentagon) التي نقلتها');
    expect(pages[1]).toContain('انسحاب متفاوض عليه 60%');
    // An Arabic name inside the English abstract reads in its own order.
    expect(pages[2]).toContain('the Coordination Framework (الإطار التنسيقي) will keep pressing');
    // No presentation forms are left (they were mapped back to letters).
    expect(r.text).not.toMatch(/[\ufb50-\ufdff\ufe70-\ufeff]/u);
  });

  it('keeps footnotes as notes at the end of their page and marks their references', async () => {
    const r = await readPdf(fixture('study-ar.pdf'), { file: 'study-ar.pdf' });
    expect(noteTexts(r)).toEqual([
      '[1] البيان المشترك للجنة العسكرية العليا، بغداد، أيلول 2024.',
      '[2] تقديرات الكاتب استنادا إلى مقابلات أجراها في بغداد وأربيل.',
    ]);
    const pages = pageTexts(r);
    expect(pages[0]).toContain('حول شكل العلاقة الأمنية المقبلة.[1]');
    expect(pages[0].endsWith('[1] البيان المشترك للجنة العسكرية العليا، بغداد، أيلول 2024.')).toBe(true);
    expect(r.notes?.[1].start).toBeGreaterThan(r.pages![1].start);
    expect(r.notes?.[1].end).toBeLessThanOrEqual(r.pages![1].end);
  });

  it('drops the running header and the page numbers', async () => {
    const r = await readPdf(fixture('study-ar.pdf'), { file: 'study-ar.pdf' });
    expect(r.text).not.toContain('مركز الدراسات التجريبي');
    expect(r.text.split('\n')).not.toContain('2');
  });
});

describe('readPdf on a page in two columns', () => {
  it('reads the columns in order, keeps harakat on their letters, and mends dates, a ligature and a stray full stop', async () => {
    const r = await readPdf(fixture('columns-ar.pdf'), { file: 'columns-ar.pdf' });
    expect(r.text.split('\n')).toEqual([
      'القسم الأول: خلفية',
      'يَرى الباحثُ أنّ الانسحابَ من العراقِ لن يكتملَ قبل عام ٢٠٢٦، وأنّ عددَ الجنودِ سينخفضُ من ٢٥٠٠ إلى نحو ٥٠٠ مستشار بحلول ذلك الموعد.',
      'Meanwhile the coalition said that its military mission had met its objectives and that a bilateral framework would follow after September 2025.',
      'وقال المتحدث باسم الحكومة إن نسبة ٧٥٪ من المهام أُنجزت، مشيرًا إلى اجتماعات في 12/09/2024 وأخرى مطلع تشرين الأول.',
      'ويضيف التقرير أن الفصائل المسلحة، ومنها كتائب حزب الله وحركة النجباء، أعلنت تعليق عملياتها مؤقتًا بينما تستمر المفاوضات حول مستقبل القواعد.',
    ]);
  });
});

describe('readPdf on an English report', () => {
  it('joins lines into paragraphs, undoes ligatures and cuts a paragraph at the page break', async () => {
    const r = await readPdf(fixture('report-en.pdf'), { file: 'report-en.pdf' });
    const pages = pageTexts(r);
    expect(pages[0]).toContain('Port officials in the northern harbour reported that container traffic fell by a third');
    expect(pages[0]).toContain('largely unaffected.[1]');
    // Paragraph 7 runs over the page break: its two halves are on their own pages.
    expect(pages[0].split('\n').pop()).toMatch(/^Paragraph 7 of the report .* the pilots'$/);
    expect(pages[1].startsWith('overtime and the cost of idle cranes')).toBe(true);
    expect(noteTexts(r)).toEqual(['[1] Weekly bulletin of the harbour authority, issue 14.']);
  });
});

describe('readPdf on scans', () => {
  it('refuses a PDF without a text layer when OCR is off, saying what to install', async () => {
    const err = await readPdf(fixture('scanned-ar.pdf'), { file: 'scanned-ar.pdf' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toMatch(/no text layer: the PDF is scanned or only pictures \(page 1\); OCR is off/);
    const missing = await readPdf(fixture('scanned-ar.pdf'), {
      file: 'scanned-ar.pdf',
      ocr: async () => ({ missing: 'tesseract is not installed: install Debian\'s tesseract-ocr and tesseract-ocr-ara' }),
    }).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/tesseract-ocr-ara/);
  });

  it('reads a scanned Arabic page with Tesseract and keeps its confidence', async () => {
    const found = await findTesseract();
    // Tesseract is a test prerequisite (scripts/test-prereqs.sh): missing, this test must fail.
    expect('engine' in found, 'missing' in found ? found.missing : '').toBe(true);
    const r = await readPdf(fixture('scanned-ar.pdf'), { file: 'scanned-ar.pdf', ocr: findTesseract });
    expect(r.text).toContain('اللجنة العسكرية العليا');
    expect(r.text).toContain('The ministry said the second phase would begin in September.');
    expect(r.pages).toHaveLength(1);
    expect(r.pages?.[0].ocrConfidence).toBeGreaterThan(70);
    expect(r.warnings.join('\n')).toMatch(/read by OCR with tesseract .*confidence by page: 1 \(\d+%\)/);
  }, 60_000);

  it('reads the pages that have text and reports the ones that have none', async () => {
    const pdf = writePdf([{ lines: ['The harbour reopened on Monday.'] }, { lines: [] }]);
    const r = await readPdf(pdf, { file: 'mixed.pdf' });
    expect(pageTexts(r)).toEqual(['The harbour reopened on Monday.', '']);
    expect(r.warnings).toEqual([expect.stringMatching(/^mixed\.pdf: page 2 has no text layer \(blank or scanned\) and was not read: OCR is off/)]);
  });
});

describe('readPdf on bad files', () => {
  it('refuses an encrypted PDF, naming the fix', async () => {
    await expect(readPdf(fixture('encrypted.pdf'), { file: 'encrypted.pdf' })).rejects.toThrow(
      /encrypted PDF: it needs a password to open; save a copy without the password/,
    );
  });

  it('reads a PDF whose cross-reference table is damaged, with a warning', async () => {
    const good = await readPdf(fixture('report-en.pdf'), { file: 'report-en.pdf' });
    const r = await readPdf(fixture('broken-xref.pdf'), { file: 'broken-xref.pdf' });
    expect(r.text).toBe(good.text);
    expect(r.warnings).toEqual([expect.stringMatching(/cross-reference table is damaged; it was rebuilt/)]);
  });

  it('refuses a PDF cut short', async () => {
    const bytes = fixture('report-en.pdf');
    await expect(readPdf(bytes.subarray(0, bytes.length / 2), { file: 'cut.pdf' })).rejects.toThrow(/damaged PDF: .*cut short/);
  });

  it('refuses a content stream that inflates past the budget, before pdf.js inflates it', async () => {
    const pdf = writePdf([{ raw: bombStream(300) }]);
    expect(pdf.length).toBeLessThan(1024 * 1024);
    const err = await readPdf(pdf, { file: 'bomb.pdf' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as Error).message).toMatch(/inflates to more than 256 MB \(a decompression bomb\?\)/);
  });

  it('refuses a page with more characters than any real page has', async () => {
    // 300 lines of 1,000 characters in a 1-point font: all on the page (pdf.js drops what is not).
    const line = `(${'x'.repeat(1000)}) Tj 0 -2 Td`;
    const ops = Buffer.from(`BT /F1 1 Tf 20 770 Td ${Array.from({ length: 300 }, () => line).join('\n')} ET`, 'latin1');
    const pdf = writePdf([{ raw: { data: deflateSync(ops), filter: 'FlateDecode' } }]);
    await expect(readPdf(pdf, { file: 'huge.pdf' })).rejects.toThrow(/page 1 has more than 200,000 characters/);
  });

  it('refuses more pages than the limit', async () => {
    const pdf = writePdf(Array.from({ length: 2001 }, () => ({ lines: ['p'] })));
    await expect(readPdf(pdf, { file: 'long.pdf' })).rejects.toThrow(/2001 pages, over the limit of 2000/);
  });
});

describe('checkStreams', () => {
  it('counts the inflated size of content streams against the budget and skips pictures', () => {
    const pdf = writePdf([{ raw: bombStream(3) }]);
    expect(() => checkStreams(pdf, 'a.pdf', 2 * 1024 * 1024)).toThrow(TooLargeError);
    expect(() => checkStreams(pdf, 'a.pdf', 4 * 1024 * 1024)).not.toThrow();
    // After other streams too (each stream is checked, not only the first).
    const later = writePdf([{ lines: ['a page'] }, { lines: ['another'] }, { raw: bombStream(3) }], { compress: true });
    expect(() => checkStreams(later, 'a.pdf', 2 * 1024 * 1024)).toThrow(TooLargeError);
    const picture = Buffer.from(pdf.toString('latin1').replace('<< /Length', '<< /Subtype /Image /Length'), 'latin1');
    expect(() => checkStreams(picture, 'a.pdf', 1024)).not.toThrow();
  });
});

describe('xrefDamaged', () => {
  it('is false for an intact table and true when its offsets are wrong', () => {
    expect(xrefDamaged(fixture('report-en.pdf'))).toBe(false);
    expect(xrefDamaged(writePdf([{ lines: ['a'] }]))).toBe(false);
    expect(xrefDamaged(fixture('broken-xref.pdf'))).toBe(true);
  });
});
