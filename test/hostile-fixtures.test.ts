/**
 * Every file of the shared hostile fixtures (../shared/fixtures/hostile, see its README) through
 * the CLI as a user would: each document is stored (with its warnings) or rejected with a
 * reason, never a crash or a stack trace; each YAML is refused by the case loader with a
 * message naming it; afterwards `marsad doctor` finds the store sound.
 */
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCaseWithWarnings } from '../src/case/load.js';
import { memoryIo } from '../src/cli/io.js';
import { main } from '../src/cli/main.js';
import { InputError } from '../src/domain/errors.js';
import { hostileDir, repoRoot } from './support/paths.js';
import { makeTempDir } from './support/temp-dir.js';

const tmp = makeTempDir('marsad-hostile-');
const data = join(tmp.dir, 'data');
const files = readdirSync(hostileDir()).filter((f) => f !== 'README.md').sort();

async function cli(...args: string[]) {
  const io = memoryIo({}, tmp.dir);
  const code = await main(['node', 'marsad', '--data', data, ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('the hostile fixtures through the CLI', () => {
  afterAll(() => tmp.remove());

  for (const file of files.filter((f) => !f.endsWith('.yaml'))) {
    it(`ingest ${file}: stored or rejected with a reason, no stack trace`, async () => {
      const r = await cli('ingest', join(hostileDir(), file), '--json');
      expect([0, 2], r.stderr).toContain(r.code);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const summary = JSON.parse(r.stdout);
      const stored = [...summary.added, ...summary.unchanged, ...(summary.updated ?? [])].map((e: { file: string }) => e.file);
      const rejected = summary.rejected.filter((e: { path: string }) => e.path.endsWith(file));
      expect(stored.length + rejected.length, JSON.stringify(summary)).toBe(1);
      for (const e of rejected) expect(e.reason.length).toBeGreaterThan(5);
    }, 60_000);
  }

  for (const file of files.filter((f) => f.endsWith('.yaml'))) {
    it(`loadCase refuses ${file} in a case folder, naming it`, async () => {
      const dir = join(tmp.dir, `case-${file}`);
      cpSync(join(repoRoot, 'cases', 'iraq-withdrawal'), dir, { recursive: true });
      cpSync(join(hostileDir(), file), join(dir, file));
      const error = await loadCaseWithWarnings(dir).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect(JSON.stringify({ ...(error as InputError), message: (error as Error).message })).toContain(file);
    }, 60_000);
  }

  it('doctor finds the store sound after all of them', async () => {
    const r = await cli('doctor');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/the store is sound\n$/);
  }, 60_000);
});
