/**
 * `marsad jobs [--json] [--status S] [--limit N] [--cancel ID] [--retry ID]`: background jobs
 * (Monte Carlo batches, ingests, extractions, briefings) newest first, with their state and progress, whichever process
 * runs them; or cancel or retry one.
 */
import type { JobResponse } from '../../domain/responses.js';
import type { Workbench } from '../../app/workbench.js';
import { withWorkbench, type CliContext } from '../context.js';
import { printJson } from '../output.js';
import { parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

interface JobsOptions {
  json?: boolean;
  status?: string;
  limit?: string;
  cancel?: string;
  retry?: string;
}

/** One line per job: id, kind, state, progress and parts, attempts, workers. */
export function formatJobs(jobs: readonly JobResponse[]): string {
  if (jobs.length === 0) return 'no jobs\n';
  return jobs
    .map((j) => {
      const percent = j.total > 0 ? Math.floor((100 * j.done) / j.total) : 100;
      const parts = j.parts > 0 ? `  parts ${j.partsDone}/${j.parts}` : '';
      const retried = j.attempts > 1 ? `  attempts ${j.attempts}` : '';
      const workers = j.workers.length ? `  on ${j.workers.join(', ')}` : '';
      const error = j.error ? `  — ${j.error}` : '';
      return `${j.id}  ${j.kind}  ${j.status}  ${j.done}/${j.total} (${percent}%)${parts}${retried}  ${j.created}${workers}${error}\n`;
    })
    .join('');
}

/**
 * A job a command queued (`--job`): with MARSAD_DATABASE_URL its id is printed and the workers
 * run it; on the embedded store this process's own worker runs it, and the command waits for its
 * end (`marsad jobs` shows it afterwards either way).
 */
export async function queuedJob(
  wb: Workbench,
  ctx: CliContext,
  queue: () => Promise<JobResponse>,
  onProgress?: (job: JobResponse) => void,
): Promise<JobResponse> {
  const { getJob } = await import('../../app/jobs.js');
  let job = await queue();
  if (ctx.databaseUrl && !wb.runsJobs()) return job;
  while (job.status === 'queued' || job.status === 'running') {
    onProgress?.(job);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    job = await getJob(wb, job.id);
  }
  return job;
}

export const register: RegisterCommand = (program, io) => {
  program
    .command('jobs')
    .description('list background jobs (Monte Carlo, ingest, extraction, briefings) with state and progress; cancel or retry one')
    .option('--json', 'print JSON: {items: [{id, kind, status, done, total, parts, partsDone, attempts, workers, …}]}')
    .option('--status <state>', 'only jobs in this state: queued, running, done, failed or cancelled')
    .option('--limit <n>', 'most jobs listed (default 20, at most 500)')
    .option('--cancel <id>', 'cancel this job (and its parts) if it has not finished')
    .option('--retry <id>', 'queue this failed or cancelled job again (only its unfinished parts run)')
    .action(async (opts: JobsOptions, cmd) => {
      const { IdRequest, JobsRequest } = await import('../../domain/requests.js');
      const { cancelJob, listJobs, retryJob } = await import('../../app/jobs.js');
      if (opts.cancel !== undefined || opts.retry !== undefined) {
        const req = parseFlags(IdRequest, { id: opts.cancel ?? opts.retry }, { id: opts.cancel !== undefined ? '--cancel' : '--retry' });
        const job = await withWorkbench(cmd, io, (wb) => (opts.cancel !== undefined ? cancelJob(wb, req.id) : retryJob(wb, req.id)));
        if (opts.json) return printJson(io, job);
        io.out(formatJobs([job]));
        return;
      }
      const req = parseFlags(JobsRequest, { status: opts.status, limit: opts.limit });
      const result = await withWorkbench(cmd, io, (wb) => listJobs(wb, req));
      if (opts.json) return printJson(io, result);
      io.out(formatJobs(result.items));
    });
};
