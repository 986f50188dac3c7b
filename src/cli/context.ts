/**
 * Where a command's data lives, resolved from global options and the environment (read only
 * here, in cli/): the data folder (`--data`, MARSAD_DATA, default ~/.marsad/data), PostgreSQL
 * (MARSAD_DATABASE_URL, which takes precedence over the data folder), the case folder (`--case`,
 * MARSAD_CASE, default the built-in cases/iraq-withdrawal) and the corpus folder (MARSAD_CORPUS,
 * default ../shared/corpus/iraq-withdrawal beside the repository). Commands reach the store and
 * the case through a workbench of the application layer, opened lazily.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { Workbench } from '../app/workbench.js';
import type { CliIo } from './io.js';
import { InputError } from '../domain/errors.js';

export interface CliContext {
  dataDir: string;
  databaseUrl?: string;
  caseDir: string;
  corpusDir: string;
}

/** The repository (or installed package) root: compiled code runs from dist/cli/, tests from src/cli/. */
export function packageRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

export function resolveContext(cmd: Command, io: Pick<CliIo, 'env' | 'cwd'>): CliContext {
  const opts = cmd.optsWithGlobals<{ data?: string; case?: string }>();
  const env = io.env;
  const dataDir = resolve(io.cwd, opts.data || env.MARSAD_DATA || join(homedir(), '.marsad', 'data'));
  const caseDir = resolve(io.cwd, opts.case || env.MARSAD_CASE || join(packageRoot(), 'cases', 'iraq-withdrawal'));
  const corpusDir = resolve(
    io.cwd,
    env.MARSAD_CORPUS || join(packageRoot(), '..', 'shared', 'corpus', 'iraq-withdrawal'),
  );
  const databaseUrl = env.MARSAD_DATABASE_URL || undefined;
  return { dataDir, caseDir, corpusDir, ...(databaseUrl ? { databaseUrl } : {}) };
}

/**
 * "Today" from MARSAD_TODAY (`YYYY-MM-DD`), for reproducible output of views that default to the
 * current date; unset: the system clock.
 */
export function clockOf(env: Readonly<Record<string, string | undefined>>): (() => Date) | undefined {
  const today = env.MARSAD_TODAY;
  if (!today) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T12:00:00Z`))) {
    throw new InputError(`expected MARSAD_TODAY written YYYY-MM-DD, got "${today}"`, { field: 'MARSAD_TODAY' });
  }
  const at = new Date(`${today}T12:00:00Z`);
  return () => new Date(at);
}

/** The workbench of a context: PostgreSQL when MARSAD_DATABASE_URL is set, else PGlite in the data folder. */
export async function contextWorkbench(ctx: CliContext, io: Pick<CliIo, 'env'>): Promise<Workbench> {
  // Loaded when a command runs, not when the CLI starts: `marsad --help` needs none of it.
  const { openWorkbench } = await import('../app/workbench.js');
  return openWorkbench({
    caseDir: ctx.caseDir,
    store: ctx.databaseUrl ? { databaseUrl: ctx.databaseUrl } : { dataDir: ctx.dataDir },
    // Beside the embedded store, a snapshot of the case spares read-only commands the database.
    ...(ctx.databaseUrl ? {} : { snapshotPath: join(ctx.dataDir, 'case-snapshot.json') }),
    chromiumPath: io.env.MARSAD_CHROMIUM,
    // Beside a PostgreSQL server, `marsad worker` processes run the jobs a command queues.
    runJobs: !ctx.databaseUrl,
    clock: clockOf(io.env),
  });
}

/** Runs `fn` with the command's workbench, closing what it opened whatever happens. */
export async function withWorkbench<T>(cmd: Command, io: CliIo, fn: (wb: Workbench, ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = resolveContext(cmd, io);
  if (io.workbench) {
    // Inside the running app: its workbench (and its store) serve the command.
    if (io.workbench.caseDir === ctx.caseDir) return fn(io.workbench, ctx);
    const { openWorkbench } = await import('../app/workbench.js');
    const other = openWorkbench({ caseDir: ctx.caseDir, store: await io.workbench.store(), chromiumPath: io.env.MARSAD_CHROMIUM, clock: clockOf(io.env) ?? io.workbench.clock });
    try {
      return await fn(other, ctx);
    } finally {
      await other.close();
    }
  }
  const wb = await contextWorkbench(ctx, io);
  try {
    return await fn(wb, ctx);
  } finally {
    await wb.close();
  }
}
