/**
 * The built-in case's rows are read once at build time (dist/case-seeds.json) so a new data
 * folder seeds its working copy without parsing the case's YAML. The rows must be the very rows
 * the YAML gives, and a folder edited since the build must be read from its files.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openWorkbench } from '../../src/app/index.js';
import { builtSeed } from '../../src/case/built-seeds.js';
import { loadCase } from '../../src/case/load.js';
import { SECTION_NAMES } from '../../src/case/sections.js';
import { caseRows, folderHash } from '../../src/case/working-copy.js';
import { openStore } from '../../src/store/index.js';
import { repoRoot } from '../support/paths.js';

const builtIn = join(repoRoot, 'cases', 'iraq-withdrawal');
const temp = mkdtempSync(join(tmpdir(), 'marsad-seeds-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('built case seeds', () => {
  it('hold exactly the rows the built-in case folder gives when parsed', async () => {
    const seed = await builtSeed(await folderHash(builtIn));
    expect(seed, 'dist/case-seeds.json is missing or stale: run npm run build').not.toBeNull();
    const parsed = await loadCase(builtIn);
    expect(seed!.caseId).toBe(parsed.meta.id);
    // As stored: the rows go to the database as JSON.
    expect(seed!.rows).toEqual(JSON.parse(JSON.stringify(caseRows(parsed))));
  });

  it('are found by content, wherever the folder is, and not for a folder edited since the build', async () => {
    const copy = join(temp, 'copy');
    cpSync(builtIn, copy, { recursive: true });
    expect(await builtSeed(await folderHash(copy))).not.toBeNull();
    const edited = join(temp, 'edited');
    cpSync(builtIn, edited, { recursive: true });
    const file = join(edited, 'case.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(\s+en: )(.+)$/m, '$1Edited since the build'));
    expect(await builtSeed(await folderHash(edited))).toBeNull();

    // Seeding from the edited folder reads its files: the edit is in the working copy.
    const store = await openStore({ memory: true });
    const wb = openWorkbench({ caseDir: edited, store });
    try {
      const meta = (await wb.case()).meta as unknown as Record<string, unknown>;
      expect(JSON.stringify(meta)).toContain('Edited since the build');
    } finally {
      await wb.close();
      await store.close();
    }
  });

  it('seed the same working copy as the parsed folder', async () => {
    const viaSeed = await openStore({ memory: true });
    const viaFiles = await openStore({ memory: true });
    const edited = join(temp, 'commented');
    // The same content under another folder hash: a YAML comment added at the end of a file.
    cpSync(builtIn, edited, { recursive: true });
    writeFileSync(join(edited, 'case.yaml'), `${readFileSync(join(edited, 'case.yaml'), 'utf8')}\n# a comment changes the hash, not the case\n`);
    expect(await builtSeed(await folderHash(edited))).toBeNull();
    const a = openWorkbench({ caseDir: builtIn, store: viaSeed });
    const b = openWorkbench({ caseDir: edited, store: viaFiles });
    try {
      const [ca, cb] = [await a.case(), await b.case()];
      expect(SECTION_NAMES.length).toBeGreaterThan(5);
      for (const section of SECTION_NAMES) {
        expect(ca[section].length, section).toBeGreaterThan(0);
        expect(JSON.stringify(ca[section]), section).toBe(JSON.stringify(cb[section]));
      }
      expect(ca.meta).toEqual(cb.meta);
    } finally {
      await a.close();
      await b.close();
      await viaSeed.close();
      await viaFiles.close();
    }
  });
});
