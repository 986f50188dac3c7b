/**
 * The docs follow the code: the generated CLI reference is current, every command appears in
 * the README, and the README is the assembly of docs/readme/ (edit the sections, then run
 * `node scripts/readme.js`).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliReference, commandNames } from '../src/cli/reference.js';
import { repoRoot } from './support/paths.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

describe('documentation', () => {
  it('cliReference matches docs/cli-reference.md (run `node scripts/cli-reference.js` after changing a command)', () => {
    expect(readFileSync(join(repoRoot, 'docs', 'cli-reference.md'), 'utf8')).toBe(cliReference());
  });

  it('README shows every command with an example', () => {
    const missing = commandNames().filter((name) => !readme.includes(`marsad ${name}`));
    expect(missing).toEqual([]);
  });

  it('README and docs/guide are assembled from docs/readme (run `node scripts/readme.js`)', async () => {
    const { assemble } = (await import(join(repoRoot, 'scripts', 'readme-parts.js'))) as {
      assemble(dir: string): { readme: string; guide: Array<{ file: string; text: string }> };
    };
    const { readme: expected, guide } = assemble(join(repoRoot, 'docs', 'readme'));
    expect(readme).toBe(expected);
    const dir = join(repoRoot, 'docs', 'guide');
    expect(existsSync(dir) ? readdirSync(dir).sort() : []).toEqual(guide.map((g) => g.file).sort());
    for (const g of guide) expect(readFileSync(join(dir, g.file), 'utf8'), g.file).toBe(g.text);
  });

  it('README gives the two set-up commands that CI runs', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(readFileSync(join(repoRoot, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
  });
});
