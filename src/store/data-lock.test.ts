import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MarsadError } from '../domain/errors.js';
import { acquireDataLock, LOCK_FILE, parseOwner, processStart } from './data-lock.js';

describe('acquireDataLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-lock-'));
  afterEach(() => rmSync(join(dir, LOCK_FILE), { force: true, recursive: true }));

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
  it('writes the owner pid and start time, complete, and leaves no temporary file', () => {
    const release = acquireDataLock(dir);
    expect(parseOwner(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toEqual({ pid: process.pid, start: processStart(process.pid) });
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
    release();
  });
  it('takes over a lock whose pid runs with another start time (pid reused)', () => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, start: 'not-the-start-of-pid-1' }));
    if (processStart(1) === null) return; // no /proc: only the pid can be checked
    const release = acquireDataLock(dir);
    release();
    expect(readdirSync(dir)).toEqual([]);
  });
  it('refuses a second open in the same process', () => {
    const release = acquireDataLock(dir);
    expect(() => acquireDataLock(dir)).toThrow(/already open in this process/);
    release();
  });
  it('refuses a lock that is a folder with a message saying what to do', () => {
    mkdirSync(join(dir, LOCK_FILE));
    expect(() => acquireDataLock(dir)).toThrow(MarsadError);
    expect(() => acquireDataLock(dir)).toThrow(/is a folder.*remove it/);
  });
});
