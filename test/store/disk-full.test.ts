/**
 * A full disk under the data folder: the data folder lives on a small tmpfs, a filler file takes
 * all but a few megabytes, and an ingest that needs more fails with exit 1 and a message saying
 * the disk is full and what to do (no stack trace); once space is freed the store is as before
 * (same documents, doctor clean, search works) and the same ingest succeeds. Runs the built CLI.
 *
 * Mounting a tmpfs needs root (CAP_SYS_ADMIN), which CI has. Where the mount is refused, the
 * same failure is made with a file-size limit instead (RLIMIT_FSIZE through `prlimit`: writes
 * past it fail with EFBIG, as past the end of a disk), so the test still runs and still checks.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { binPath } from '../support/paths.js';
import { makeTempDir } from '../support/temp-dir.js';

const tmp = makeTempDir('marsad-disk-full-');
const mountPoint = join(tmp.dir, 'disk');
const data = join(mountPoint, 'data');
const filler = join(mountPoint, 'filler');
const small = join(tmp.dir, 'note.txt');
const large = join(tmp.dir, 'archive.txt');
let mounted = false;

beforeAll(() => {
  writeFileSync(small, 'تسلمت القوات العراقية قاعدة عين الأسد بعد انسحاب المستشارين.\n\nفقرة ثانية عن التحالف الدولي.\n');
  writeText(large, 6);
});
afterAll(() => tmp.remove());
let sizeLimit: number | null = null;

function marsad(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const command = sizeLimit === null ? process.execPath : 'prlimit';
  const prefix = sizeLimit === null ? [] : [`--fsize=${sizeLimit}`, process.execPath];
  const out = spawnSync(command, [...prefix, binPath, '--data', data, ...args], {
    encoding: 'utf8',
    env: { ...process.env, MARSAD_DATABASE_URL: '', NO_COLOR: '1' },
    timeout: 120_000,
  });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

/** A text of about `megabytes` MB, every paragraph distinct. */
function writeText(path: string, megabytes: number): void {
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    for (let i = 0; written < megabytes * 1024 * 1024; i++) {
      written += writeSync(fd, `فقرة ${i} عن تسليم القاعدة ${i % 97} إلى القوات العراقية بعد انسحاب المستشارين رقم ${i * 7}.\n\n`);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * How much is left free decides where PostgreSQL meets the full disk: with little room a table
 * or a sort file cannot grow (an ERROR, the transaction rolled back); with more, the write-ahead
 * log cannot start a new 16 MB segment and the embedded engine stops (a PANIC) and must recover
 * on the next open, which itself needs room. Both are tried.
 */
describe.each([
  { leftMb: 4, what: 'a table cannot grow' },
  { leftMb: 28, what: 'the log cannot grow' },
])('a full disk under the data folder ($leftMb MB left: $what)', ({ leftMb }) => {
  beforeAll(() => {
    rmSync(mountPoint, { recursive: true, force: true });
    mkdirSync(mountPoint);
    mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=72m', 'tmpfs', mountPoint]).status === 0;
  });
  afterAll(() => {
    if (mounted) spawnSync('umount', [mountPoint]);
    sizeLimit = null;
  });

  it('stores a first document while there is room', () => {
    const out = marsad('ingest', small);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^added 1 document/);
  });

  it('refuses an ingest that fills the disk with exit 1 and a message saying so, without a stack trace', () => {
    if (mounted) {
      const fs = statfsSync(mountPoint);
      writeFileSync(filler, Buffer.alloc(Math.max(0, fs.bavail * fs.bsize - leftMb * 1024 * 1024)));
    } else {
      sizeLimit = leftMb * 1024 * 1024;
    }
    const out = marsad('ingest', large, '--max-bytes', '20M');
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/^marsad: the disk holding the data folder .* is full \(.*\); the change that met it was not stored: free some space/);
    expect(out.stderr).not.toMatch(/\n\s+at |unexpected failure|Aborted\(\)/);
  });

  it('while the disk is still full, answers or says the disk is full: never "damaged", never a hang', () => {
    const out = marsad('documents', '--json');
    if (out.status === 0) {
      expect((JSON.parse(out.stdout) as { file: string }[]).map((d) => d.file)).toEqual(['note.txt']);
    } else {
      expect(out.status).toBe(1);
      expect(out.stderr).toMatch(/^marsad: the disk holding the data folder .* is full/);
    }
    expect(out.stderr).not.toMatch(/damaged|\n\s+at /);
  });

  it('is as before once space is freed: same documents, doctor clean, search works', () => {
    rmSync(filler, { force: true });
    sizeLimit = null;
    // Recovering after a PANIC writes a new 16 MB log segment, which the small disk may not
    // hold even without the filler: the disk grows, as a user would free space.
    if (mounted) expect(spawnSync('mount', ['-o', 'remount,size=256m', mountPoint]).status).toBe(0);
    const documents = marsad('documents', '--json');
    expect(documents.stderr).toBe('');
    expect((JSON.parse(documents.stdout) as { file: string }[]).map((d) => d.file)).toEqual(['note.txt']);
    const doctor = marsad('doctor');
    expect(doctor.status).toBe(0);
    expect(doctor.stdout).toMatch(/the store is sound/);
    const search = marsad('search', 'عين الأسد', '--json');
    expect(search.status).toBe(0);
    expect(search.stdout).toContain('note.txt');
  });

  it('takes the same ingest once there is room', () => {
    const out = marsad('ingest', large, '--max-bytes', '20M');
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^added 1 document/);
  });
});
