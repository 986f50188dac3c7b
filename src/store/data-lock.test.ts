import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MarsadError } from '../domain/errors.js';
import { acquireDataLock, LOCK_FILE } from './data-lock.js';

describe('acquireDataLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-lock-'));
  afterEach(() => rmSync(join(dir, LOCK_FILE), { force: true }));

  it('writes a lock file and removes it on release', () => {
    const release = acquireDataLock(dir);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
  it('refuses a folder locked by a running process, naming it', () => {
    // pid 1 always runs
    writeFileSync(join(dir, LOCK_FILE), '1');
    expect(() => acquireDataLock(dir)).toThrow(MarsadError);
    expect(() => acquireDataLock(dir)).toThrow(/in use by process 1/);
  });
  it('takes over a lock left by a process that died', () => {
    writeFileSync(join(dir, LOCK_FILE), '999999999');
    const release = acquireDataLock(dir);
    release();
  });
});
