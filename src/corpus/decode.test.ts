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
