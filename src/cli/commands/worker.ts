/**
 * `marsad worker [--concurrency N] [--lease SECONDS] [--until-idle]`: a worker process on the
 * PostgreSQL database of MARSAD_DATABASE_URL. It claims queued jobs (or parts of jobs) — Monte
 * Carlo batches, ingests — runs them and stores their results; several workers on several
 * machines share one database. A worker that dies loses nothing: when its lease runs out, another
 * worker starts its part again. Stops on SIGINT or SIGTERM (its running parts go back to the
 * queue). MARSAD_WORKER_PAUSE_MS slows it down after each unit of work (demonstrations, tests).
 */
import { InputError } from '../../domain/errors.js';
import { resolveContext } from '../context.js';
import type { RegisterCommand } from './index.js';

interface WorkerFlags {
  concurrency?: string;
  lease?: string;
  untilIdle?: boolean;
}

function positiveInteger(value: string | undefined, flag: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InputError(`expected a positive integer, got "${value}"`, { field: flag });
  return n;
}

export const register: RegisterCommand = (program, io) => {
  program
    .command('worker')
    .description('run queued jobs (Monte Carlo, ingest) from the PostgreSQL database of MARSAD_DATABASE_URL')
    .option('--concurrency <n>', 'jobs (parts) run at once (default 1)')
    .option('--lease <seconds>', 'how long a claim lasts without progress before another worker may take it (default 30)')
    .option('--until-idle', 'stop once the queue is empty instead of waiting for more')
    .action(async (flags: WorkerFlags, cmd) => {
      const ctx = resolveContext(cmd, io);
      if (!ctx.databaseUrl) {
        throw new InputError(
          'marsad worker needs MARSAD_DATABASE_URL (a PostgreSQL server several processes share); with the embedded store, marsad serve runs the jobs itself',
          { field: 'MARSAD_DATABASE_URL' },
        );
      }
      const { WORKER_DEFAULTS, runWorker } = await import('../../app/jobs.js');
      const concurrency = positiveInteger(flags.concurrency, '--concurrency', WORKER_DEFAULTS.concurrency);
      const leaseSeconds = positiveInteger(flags.lease, '--lease', WORKER_DEFAULTS.leaseSeconds);
      const pauseMs = io.env.MARSAD_WORKER_PAUSE_MS ? positiveInteger(io.env.MARSAD_WORKER_PAUSE_MS, 'MARSAD_WORKER_PAUSE_MS', 0) : 0;
      const { openWorkbench } = await import('../../app/workbench.js');
      const wb = openWorkbench({
        caseDir: ctx.caseDir,
        store: { databaseUrl: ctx.databaseUrl },
        chromiumPath: io.env.MARSAD_CHROMIUM,
        // Monte Carlo parts run on warm threads, up to the concurrency at once.
        warmMonteCarlo: true,
        runJobs: false,
      });
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        await wb.store();
        io.err(`marsad worker: pid ${process.pid}, concurrency ${concurrency}, lease ${leaseSeconds} s\n`);
        await runWorker(wb, {
          concurrency,
          leaseSeconds,
          pauseMs,
          untilIdle: flags.untilIdle === true,
          signal: controller.signal,
          onEvent: (line) => io.err(line),
          onUnexpected: (error) => io.err(`marsad worker: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
        });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await wb.close();
      }
    });
};
