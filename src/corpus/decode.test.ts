import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.js';
import { decodeBytes } from './decode.js';

const hostile = fileURLToPath(new URL('../../../shared/fixtures/hostile/', import.meta.url));
const read = (name: string) => readFileSync(join(hostile, name));

describe('decodeBytes', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('العراق')]);
    expect(decodeBytes(bytes, 'a.txt')).toEqual({ text: 'العراق', warnings: [] });
  });
  it('rejects an empty file', () => {
    expect(() => decodeBytes(read('empty.txt'), 'empty.txt')).toThrow(/empty/);
    expect(() => decodeBytes(new TextEncoder().encode(' \n\t '), 'blank.txt')).toThrow(InputError);
  });
  it('rejects random bytes as binary', () => {
    expect(() => decodeBytes(read('binary-named.txt'), 'binary-named.txt')).toThrow(/binary/);
  });
  it('decodes UTF-8 with a few invalid sequences with U+FFFD and warns', () => {
    const d = decodeBytes(read('invalid-utf8.txt'), 'invalid-utf8.txt');
    expect(d.text).toContain('\uFFFD');
    expect(d.warnings[0]).toMatch(/invalid UTF-8: \d+ byte sequence/);
  });
  it('detects Windows-1256 Arabic, decodes it and warns', () => {
    const d = decodeBytes(read('windows-1256.txt'), 'windows-1256.txt');
    expect(d.text).toMatch(/[\u0621-\u064a]{3}/);
    expect(d.text).not.toContain('\uFFFD');
    expect(d.warnings[0]).toMatch(/Windows-1256/);
  });
  it('rejects non-UTF-8 bytes that are not Arabic either, naming the fix', () => {
    const latin1 = new Uint8Array([...'caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0xe8, 0xe0, 0xfc, 0xf6]));
    expect(() => decodeBytes(latin1, 'latin1.txt')).toThrow(/re-save the file as UTF-8/);
  });
});

describe('decodeBytes on UTF-16', () => {
  const text = 'انسحاب القوات الأمريكية من العراق\nsecond line';
  it('decodes UTF-16LE with its byte-order mark, with a warning', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const decoded = decodeBytes(bytes, 'u16.txt');
    expect(decoded.text).toBe(text);
    expect(decoded.warnings).toEqual(['decoded as UTF-16LE (byte-order mark); UTF-8 is preferred']);
  });
  it('decodes UTF-16BE with its byte-order mark', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1], le[i]];
    expect(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'u16be.txt').text).toBe(text);
  });
  it('still calls random bytes binary', () => {
    expect(() => decodeBytes(Buffer.from([0x00, 0x01, 0x02, 0x00, 0x9f]), 'bin.txt')).toThrow(/binary file/);
  });
});
