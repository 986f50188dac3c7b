import { describe, expect, it } from 'vitest';
import { InputError } from '../../domain/errors.js';
import { formatFor, readDocumentBytes, sniff, SUPPORTED_EXTENSIONS } from './index.js';

const bytes = (s: string | number[]) => (typeof s === 'string' ? new TextEncoder().encode(s) : new Uint8Array(s));
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];

describe('formatFor', () => {
  it('finds the reader by extension, case aside', () => {
    expect(formatFor('a.PDF')?.name).toBe('PDF');
    expect(formatFor('b.htm')?.name).toBe('HTML');
    expect(formatFor('c.docx')?.name).toBe('Word');
    expect(formatFor('d.doc')).toBeNull();
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.md', '.html', '.htm', '.pdf', '.docx']);
  });
});

describe('sniff', () => {
  it('recognises PDF, zip and old Office signatures', () => {
    expect(sniff(bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(sniff(bytes('junk\n%PDF-1.4'))).toBe('pdf');
    expect(sniff(bytes('junk\n%PDF-1.4'), true)).toBeNull();
    expect(sniff(bytes('PK\x03\x04rest'))).toBe('zip');
    expect(sniff(bytes(OLE))).toBe('ole');
    expect(sniff(bytes('plain text'))).toBeNull();
  });
});

describe('readDocumentBytes', () => {
  it('refuses a file whose bytes are not what its extension says, saying what they are', async () => {
    await expect(readDocumentBytes(bytes('just text'), { file: 'a.pdf' })).rejects.toThrow(/^not a PDF file$/);
    await expect(readDocumentBytes(bytes('%PDF-1.4 ...'), { file: 'a.docx' })).rejects.toThrow(/not a zip package .*: it is a PDF file/);
    await expect(readDocumentBytes(bytes(OLE), { file: 'a.docx' })).rejects.toThrow(/old Word \.doc or a password-protected Word file/);
    await expect(readDocumentBytes(bytes('%PDF-1.4\n...'), { file: 'a.txt' })).rejects.toThrow(/this text file is a PDF file; give it its real extension/);
    await expect(readDocumentBytes(bytes(''), { file: 'a.pdf' })).rejects.toThrow(/empty file/);
  });

  it('names the file in its errors and refuses unknown extensions', async () => {
    const err = await readDocumentBytes(bytes('x'), { file: 'scan.tiff' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).file).toBe('scan.tiff');
    expect((err as Error).message).toMatch(/unsupported file type "\.tiff"; Marsad reads \.txt \.md \.html \.htm \.pdf \.docx/);
  });

  it('reads text and Markdown as before, front matter as metadata', async () => {
    const md = await readDocumentBytes(bytes('---\ntitle_en: "A"\n---\n# عنوان\nنص'), { file: 'a.md' });
    expect(md).toEqual({ text: '# عنوان\nنص', meta: { title_en: 'A' }, warnings: [] });
    expect((await readDocumentBytes(bytes('نص'), { file: 'a.txt' })).text).toBe('نص');
  });
});
