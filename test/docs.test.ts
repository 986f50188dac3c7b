/**
 * The docs follow the code: the generated CLI reference is current, every command appears in
 * the README, and the README is the assembly of docs/readme/ (edit the sections, then run
 * `node scripts/readme.js`).
 */
import { readFileSync, readdirSync } from 'node:fs';
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

  it('README is assembled from docs/readme (run `node scripts/readme.js`)', () => {
    const dir = join(repoRoot, 'docs', 'readme');
    const parts = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()
      .map((f) => readFileSync(join(dir, f), 'utf8').trim());
    expect(readme).toBe(`${parts.join('\n\n')}\n`);
  });

  it('README gives the two set-up commands that CI runs', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
    expect(readFileSync(join(repoRoot, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
  });
});
