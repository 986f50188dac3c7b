import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, TooLargeError } from '../domain/errors.js';
import { readRegularFile } from './read-file.js';

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
