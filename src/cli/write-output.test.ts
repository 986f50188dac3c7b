import { mkdtempSync, readdirSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../domain/errors.js';
import { writeOutputFile } from './write-output.js';

describe('writeOutputFile', () => {
  it('writes the file and leaves no temporary file beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-out-'));
    await writeOutputFile(join(dir, 'a.md'), 'hello');
    expect(readFileSync(join(dir, 'a.md'), 'utf8')).toBe('hello');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('refuses a folder as target with an InputError naming the field, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-out-'));
    mkdirSync(join(dir, 'sub'));
    const error = await writeOutputFile(join(dir, 'sub'), 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('--out');
    expect((error as InputError).message).toMatch(/is a folder/);
    expect(readdirSync(dir)).toEqual(['sub']);
  });

  it('refuses a target in a missing folder with an InputError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-out-'));
    const error = await writeOutputFile(join(dir, 'missing', 'a.json'), 'x', 'file').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('file');
    expect((error as InputError).message).toMatch(/does not exist/);
  });
});
