import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { packageRoot, resolveContext } from './context.js';

function commandWith(args: string[]): Command {
  const program = new Command().option('--data <dir>').option('--case <dir>').exitOverride();
  const sub = program.command('x').action(() => undefined);
  program.parse(['node', 'marsad', ...args, 'x']);
  return sub;
}

describe('resolveContext', () => {
  it('takes --data and --case over the environment, relative to the working folder', () => {
    const ctx = resolveContext(commandWith(['--data', 'd', '--case', 'c']), { cwd: '/w', env: { MARSAD_DATA: '/env' } });
    expect(ctx).toMatchObject({ dataDir: '/w/d', caseDir: '/w/c' });
  });
  it('falls back to MARSAD_DATA, then ~/.marsad/data; MARSAD_DATABASE_URL selects PostgreSQL', () => {
    expect(resolveContext(commandWith([]), { cwd: '/w', env: { MARSAD_DATA: '/env' } }).dataDir).toBe('/env');
    const ctx = resolveContext(commandWith([]), { cwd: '/w', env: { MARSAD_DATABASE_URL: 'postgres://x/y' } });
    expect(ctx.dataDir).toBe(join(homedir(), '.marsad', 'data'));
    expect(ctx.databaseUrl).toBe('postgres://x/y');
  });
  it('defaults the case to the built-in one and the corpus to ../shared beside the package', () => {
    const ctx = resolveContext(commandWith([]), { cwd: '/w', env: {} });
    expect(ctx.caseDir).toBe(join(packageRoot(), 'cases', 'iraq-withdrawal'));
    expect(existsSync(join(ctx.caseDir, 'actors.yaml'))).toBe(true);
    expect(existsSync(join(ctx.corpusDir, 'sources.yaml'))).toBe(true);
    expect(ctx.databaseUrl).toBeUndefined();
  });
});
