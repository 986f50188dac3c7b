/**
 * The data-folder lock under a real race: in each round, 12 processes start at the same instant
 * over a stale lock (left by a dead process, by a reused pid, or in the old bare-pid format).
 * Each process loops until it has taken the lock once; while holding it, it marks itself the
 * holder with an exclusive create (a second holder would find the mark) and increments a shared
 * counter by read, pause, write (a second holder would lose an increment). After every round the
 * counter equals the number of processes and no process ever met another holder.
 * Runs the compiled lock (dist/store/data-lock.js).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../../src/store/data-lock.js';
import { repoRoot } from '../support/paths.js';
import { makeTempDir } from '../support/temp-dir.js';

export const PROCESSES = 12;
export const ROUNDS = 12;
const lockModule = join(repoRoot, 'dist', 'store', 'data-lock.js');
const tmp = makeTempDir('marsad-lock-race-');

const CHILD = `
import { openSync, closeSync, readFileSync, writeFileSync, unlinkSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
const { acquireDataLock } = await import(process.env.LOCK_MODULE);
const dir = process.env.DIR, goAt = Number(process.env.GO_AT);
const pause = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
while (Date.now() < goAt) pause(1);
let tries = 0;
for (;;) {
  tries++;
  let release;
  try { release = acquireDataLock(dir); } catch (e) {
    if (!/in use by process/.test(e.message)) { appendFileSync(join(dir, 'errors'), e.message + '\\n'); process.exit(3); }
    pause(1 + (process.pid % 4));
    continue;
  }
  let alone = true;
  try { closeSync(openSync(join(dir, 'holder'), 'wx')); } catch { alone = false; }
  const n = Number(readFileSync(join(dir, 'counter'), 'utf8'));
  pause(2);
  writeFileSync(join(dir, 'counter'), String(n + 1));
  appendFileSync(join(dir, 'log'), (alone ? 'alone ' : 'SHARED ') + process.pid + ' ' + tries + '\\n');
  if (alone) unlinkSync(join(dir, 'holder'));
  release();
  process.exit(0);
}
`;

function run(dir: string, goAt: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      env: { ...process.env, DIR: dir, GO_AT: String(goAt), LOCK_MODULE: pathToFileURL(lockModule).href },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

/** A stale lock of one of three kinds, by round. */
function staleLock(round: number): string {
  const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
  if (round % 3 === 0) return JSON.stringify({ pid: dead, start: '12345' });
  // A running process (this one) with another start time: its pid was reused.
  if (round % 3 === 1) return JSON.stringify({ pid: process.pid, start: '1' });
  return String(dead);
}

describe('acquireDataLock raced by 12 processes over a stale lock', () => {
  afterAll(() => tmp.remove());

  it(`gives the folder to one process at a time and loses no write, ${ROUNDS} rounds`, async () => {
    if (!existsSync(lockModule)) throw new Error(`${lockModule} is missing: build first with "npx tsc -p tsconfig.json"`);
    for (let round = 0; round < ROUNDS; round++) {
      const dir = join(tmp.dir, `round-${round}`);
      spawnSync('mkdir', [dir]);
      writeFileSync(join(dir, 'counter'), '0');
      writeFileSync(join(dir, LOCK_FILE), staleLock(round));
      const goAt = Date.now() + 1500;
      const codes = await Promise.all(Array.from({ length: PROCESSES }, () => run(dir, goAt)));
      const errors = existsSync(join(dir, 'errors')) ? readFileSync(join(dir, 'errors'), 'utf8') : '';
      expect(errors, `round ${round}`).toBe('');
      expect(codes, `round ${round}`).toEqual(Array(PROCESSES).fill(0));
      const log = readFileSync(join(dir, 'log'), 'utf8').trim().split('\n');
      expect(log.filter((line) => line.startsWith('SHARED')), `round ${round}`).toEqual([]);
      expect(log, `round ${round}`).toHaveLength(PROCESSES);
      expect(Number(readFileSync(join(dir, 'counter'), 'utf8')), `round ${round}: increments kept`).toBe(PROCESSES);
      // Released, and no temporary or reaping files left behind.
      expect(readdirSync(dir).sort(), `round ${round}`).toEqual(['counter', 'log']);
    }
  }, 300_000);
});
