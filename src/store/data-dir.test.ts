import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, MarsadError } from '../domain/errors.js';
import { makeDataDir } from './data-dir.js';

describe('makeDataDir', () => {
  it('creates missing parents and accepts an existing folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'marsad-dd-'));
    const dir = join(root, 'a', 'b', 'c');
    makeDataDir(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(() => makeDataDir(dir)).not.toThrow();
  });

  it('refuses a file given as data folder, or a path under a file, as bad input', () => {
    const root = mkdtempSync(join(tmpdir(), 'marsad-dd-'));
    const file = join(root, 'f.txt');
    writeFileSync(file, 'x');
    expect(() => makeDataDir(file)).toThrow(InputError);
    expect(() => makeDataDir(file)).toThrow(/is a file, not a folder/);
    expect(() => makeDataDir(join(file, 'sub'))).toThrow(InputError);
  });

  it('fails, instead of looping, where mkdir answers ENOENT under an existing parent', () => {
    // /proc exists but no folder can be made in it; Node's recursive mkdirSync spins forever here.
    if (!existsSync('/proc/self')) throw new Error('this test needs Linux /proc');
    expect(() => makeDataDir('/proc/marsad-qa-nope/data')).toThrow(MarsadError);
  });
});
