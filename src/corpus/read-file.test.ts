import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, TooLargeError } from '../domain/errors.js';
import { partEnd, readRegularFile, readRegularFileInParts } from './read-file.js';

describe('readRegularFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-read-'));

  it('reads a regular file whole', async () => {
    writeFileSync(join(dir, 'a.txt'), 'نص');
    expect((await readRegularFile(join(dir, 'a.txt'), 100)).toString('utf8')).toBe('نص');
  });
  it('refuses a symlink to /dev/zero as a device, reading nothing', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    await expect(readRegularFile(join(dir, 'zero.yaml'), 1024 * 1024, 'zero.yaml')).rejects.toThrow(InputError);
    await expect(readRegularFile(join(dir, 'zero.yaml'), 1024 * 1024, 'zero.yaml')).rejects.toThrow(/a device, not a regular file/);
  });
  it('refuses a FIFO without waiting for a writer', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    await expect(readRegularFile(join(dir, 'pipe.txt'), 1024)).rejects.toThrow(/a pipe \(FIFO\), not a regular file/);
  });
  it('refuses a file over the limit with TooLargeError', async () => {
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2000));
    await expect(readRegularFile(join(dir, 'big.txt'), 1000)).rejects.toThrow(TooLargeError);
  });
});

describe('partEnd', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('cuts just after the last blank line of the second half', () => {
    const text = 'aaaa\n\nbbbbbbbb\n\ncccc\ndd';
    expect(new TextDecoder().decode(bytes(text).subarray(0, partEnd(bytes(text))))).toBe('aaaa\n\nbbbbbbbb\n\n');
  });
  it('takes a blank line written with CRLF', () => {
    const text = 'aaaaaaaa\r\n\r\nbbb';
    expect(partEnd(bytes(text))).toBe('aaaaaaaa\r\n\r\n'.length);
  });
  it('falls back to the last line break when no blank line is in the second half', () => {
    const text = 'aaaaaaaaaa\nbbbbbbbbbb\ncc';
    expect(partEnd(bytes(text))).toBe('aaaaaaaaaa\nbbbbbbbbbb\n'.length);
  });
  it('never cuts a UTF-8 character when there is no line break at all', () => {
    const encoded = bytes('ب'.repeat(10)); // two bytes each
    const window = encoded.subarray(0, 7); // ends inside the fourth letter
    const end = partEnd(window);
    expect(end).toBe(6);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(window.subarray(0, end))).toBe('ببب');
  });
});

describe('readRegularFileInParts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-parts-'));

  it('gives back the whole file, in order, in parts within the size that end on paragraphs', async () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `فقرة رقم ${i} عن انسحاب القوات ${'و'.repeat(i % 37)}`);
    const text = `${paragraphs.join('\n\n')}\n`;
    writeFileSync(join(dir, 'long.txt'), text);
    const parts: Buffer[] = [];
    let expectedOffset = 0;
    for await (const part of readRegularFileInParts(join(dir, 'long.txt'), { maxBytes: 1 << 20, partBytes: 2048 })) {
      expect(part.offset).toBe(expectedOffset);
      expect(part.bytes.length).toBeLessThanOrEqual(2048);
      expectedOffset += part.bytes.length;
      parts.push(Buffer.from(part.bytes));
    }
    expect(parts.length).toBeGreaterThan(5);
    expect(Buffer.concat(parts).toString('utf8')).toBe(text);
    for (const part of parts.slice(0, -1)) expect(part.toString('utf8').endsWith('\n\n')).toBe(true);
  });
  it('refuses a file over the limit before reading it, and a device', async () => {
    writeFileSync(join(dir, 'over.txt'), 'x'.repeat(5000));
    const drain = async (path: string) => {
      for await (const part of readRegularFileInParts(path, { maxBytes: 1000, partBytes: 100 })) void part;
    };
    await expect(drain(join(dir, 'over.txt'))).rejects.toThrow(TooLargeError);
    await expect(drain('/dev/zero')).rejects.toThrow(/a device, not a regular file/);
  });
});
