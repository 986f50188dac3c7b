/**
 * Files that are not what their names say: a case YAML that is a symlink to /dev/zero, a FIFO and
 * a symlink leading out of an ingested folder. Each is refused by name, reading nothing.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeWhere, InputError } from '../src/domain/errors.js';
import { loadCaseWithWarnings } from '../src/case/load.js';
import { ingestPaths } from '../src/corpus/index.js';
import { openStore } from '../src/store/index.js';
import { repoRoot } from './support/paths.js';
import { makeTempDir } from './support/temp-dir.js';

const tmp = makeTempDir('marsad-hostile-files-');

describe('hostile files', () => {
  afterAll(() => tmp.remove());

  it('loadCase refuses a case YAML that is a symlink to /dev/zero, naming it', async () => {
    const dir = join(tmp.dir, 'case');
    cpSync(join(repoRoot, 'cases', 'iraq-withdrawal'), dir, { recursive: true });
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    const error = await loadCaseWithWarnings(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(describeWhere(error as InputError) + (error as Error).message).toMatch(/^zero\.yaml: a device, not a regular file/);
  });

  it('ingestPaths rejects a FIFO and a symlink out of the folder, and ingests the rest', async () => {
    const dir = join(tmp.dir, 'corpus');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a.txt'), 'نص عربي عن انسحاب القوات من العراق.\n');
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const outside = join(tmp.dir, 'secret.txt');
    writeFileSync(outside, 'ما لا يجوز قراءته.\n');
    symlinkSync(outside, join(dir, 'link.txt'));
    const store = await openStore({ memory: true });
    try {
      const summary = await ingestPaths(store, [dir]);
      expect(summary.added.map((a) => a.file)).toEqual(['a.txt']);
      const reasons = Object.fromEntries(summary.rejected.map((r) => [r.path.split('/').pop(), r.reason]));
      expect(reasons['link.txt']).toMatch(/symlink to a file outside the folder/);
      expect(reasons['pipe.txt']).toMatch(/not a regular file/);
    } finally {
      await store.close();
    }
  }, 60_000);
});
