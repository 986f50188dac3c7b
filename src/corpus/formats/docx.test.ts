import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError, TooLargeError } from '../../domain/errors.js';
import { readDocx } from './docx.js';
import { listZip, readZipEntry } from './zip-archive.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../../test/fixtures/documents/${name}`, import.meta.url)));

/** The parts of the Word fixture, to build variants of it. */
function fixtureParts(): Record<string, Uint8Array> {
  return unzipSync(fixture('report-ar.docx'));
}

/** Rewrites the declared uncompressed size of one entry in the central directory. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    if (new TextDecoder().decode(out.subarray(i + 46, i + 46 + nameLength)) === name) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('readDocx', () => {
  it('reads headings, paragraphs, a table as rows and footnotes as notes, with the title', async () => {
    const r = await readDocx(fixture('report-ar.docx'), { file: 'report-ar.docx' });
    expect(r.meta).toEqual({ title: 'تقرير المرحلة الأولى' });
    expect(r.warnings).toEqual([]);
    expect(r.text.split('\n')).toEqual([
      'تقرير عن المرحلة الأولى من انسحاب التحالف',
      'عقدت اللجنة العسكرية العليا اجتماعها الأخير في بغداد، وناقشت جدول تسليم القواعد إلى القوات العراقية.[1]',
      'وبحسب محضر الاجتماع، ستسلم قاعدة عين الأسد قبل نهاية أيلول 2025، على أن يبقى عدد محدود من المستشارين في أربيل.[2]',
      'القاعدة | موعد التسليم',
      'عين الأسد | أيلول 2025',
      'حرير | أيلول 2026',
      'The committee will meet again in Washington before the end of the year.',
      '[1] محضر اجتماع اللجنة، نسخة اطلع عليها كاتب التقرير.',
      '[2] تصريح لمسؤول في وزارة الدفاع العراقية.',
    ]);
    expect((r.notes ?? []).map((n) => r.text.slice(n.start, n.end))).toEqual([
      '[1] محضر اجتماع اللجنة، نسخة اطلع عليها كاتب التقرير.',
      '[2] تصريح لمسؤول في وزارة الدفاع العراقية.',
    ]);
  });

  it('gives no text for a document that is only a picture', async () => {
    const r = await readDocx(fixture('images-only.docx'), { file: 'images-only.docx' });
    expect(r.text).toBe('');
  });

  it('refuses a part that declares more bytes than the limit, before inflating it', async () => {
    const parts = fixtureParts();
    parts['word/document.xml'] = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    const bomb = zipSync(parts, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const err = await readDocx(bomb, { file: 'bomb.docx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect((err as Error).message).toMatch(/word\/document\.xml inflates to 40 MB, over the limit of 32 MB/);
  });

  it('stops inflating a part that lies about its size (a zip bomb)', async () => {
    const parts = fixtureParts();
    parts['word/document.xml'] = new Uint8Array(20 * 1024 * 1024).fill(0x20);
    const liar = declareSize(zipSync(parts, { level: 9 }), 'word/document.xml', 1000);
    await expect(readDocx(liar, { file: 'liar.docx' })).rejects.toThrow(/"word\/document\.xml" inflates past its declared 1000 bytes \(a zip bomb\?\)/);
  });

  it('refuses a package with too many entries, before reading them', async () => {
    const parts = fixtureParts();
    for (let i = 0; i < 2001; i++) parts[`customXml/item${i}.xml`] = strToU8('<x/>');
    await expect(readDocx(zipSync(parts), { file: 'many.docx' })).rejects.toThrow(/has 2008 entries, over the limit of 2000/);
  });

  it('refuses a zip that is not a Word document, and a damaged one', async () => {
    await expect(readDocx(zipSync({ 'notes.txt': strToU8('hello') }), { file: 'other.docx' })).rejects.toThrow(
      /not a Word document: the package has no word\/document\.xml/,
    );
    const bytes = fixture('report-ar.docx');
    await expect(readDocx(bytes.subarray(0, bytes.length - 40), { file: 'cut.docx' })).rejects.toThrow(InputError);
  });
});

describe('listZip and readZipEntry', () => {
  it('list entries with their declared sizes and inflate one to exactly that size', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a>سلام</a>'), 'b.bin': new Uint8Array(10) });
    const entries = listZip(zip, 'x.zip', 10);
    expect(entries.map((e) => [e.name, e.size])).toEqual([['a.xml', 15], ['b.bin', 10]]);
    expect(new TextDecoder().decode(readZipEntry(zip, entries[0], 'x.zip'))).toBe('<a>سلام</a>');
  });

  it('refuses encrypted entries', () => {
    const zip = zipSync({ 'a.xml': strToU8('<a/>') });
    const view = new DataView(zip.buffer);
    for (let i = 0; i + 4 < zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, 1, true);
    expect(() => listZip(zip, 'x.docx', 10)).toThrow(/"a\.xml" is encrypted; save the file without a password/);
  });
});
