/** `marsad ingest PATH... [--json] [--max-bytes N]`: files and folders into the store. */
import type cliProgress from 'cli-progress';
import { LIMITS } from '../../domain/names.js';
import type { IngestProgress, IngestSummary } from '../../domain/corpus.js';
import { InputError } from '../../domain/errors.js';
import { withWorkbench } from '../context.js';
import type { CliIo } from '../io.js';
import type { RegisterCommand } from './index.js';

export function parseByteCount(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim());
  if (!m) throw new InputError(`expected a size such as 10000000, 500k or 20M, got "${value}"`, { field: '--max-bytes' });
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as '' | 'k' | 'm' | 'g'];
  const n = Math.floor(Number(m[1]) * unit);
  if (n < 1) throw new InputError('expected a size of at least 1 byte', { field: '--max-bytes' });
  return n;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatIngestSummary(s: IngestSummary): string {
  const passages = s.added.reduce((sum, f) => sum + f.passages, 0);
  const lines = [
    `added ${plural(s.added.length, 'document')} (${plural(passages, 'passage')}), ` +
      `unchanged ${s.unchanged.length}, updated ${s.updated.length}, rejected ${s.rejected.length}`,
  ];
  for (const f of s.updated) lines.push(`updated: ${f.path}`);
  for (const f of s.unchanged) if (f.sameAs) lines.push(`unchanged: ${f.path} (same text as ${f.sameAs})`);
  for (const r of s.rejected) lines.push(`rejected: ${r.path}: ${r.reason}`);
  for (const w of s.warnings) lines.push(`warning: ${w.path}: ${w.reason}`);
  return `${lines.join('\n')}\n`;
}

function progressBar(io: CliIo, progress: typeof cliProgress): { update(p: IngestProgress): void; stop(): void } {
  let bar: cliProgress.SingleBar | null = null;
  let unit: 'files' | 'MB' | null = null;
  return {
    update(p) {
      // Only on a terminal, and for several files or one large text file read in parts:
      // logs and pipes get the summary alone.
      if (!io.isTTY) return;
      const wanted = p.total >= 2 ? 'files' : p.bytes ? 'MB' : null;
      if (wanted === null) return;
      if (!bar || unit !== wanted) {
        bar?.stop();
        unit = wanted;
        bar = new progress.SingleBar(
          { stream: process.stderr, format: `ingest [{bar}] {value}/{total} ${unit}`, hideCursor: true, clearOnComplete: true },
          progress.Presets.shades_classic,
        );
        bar.start(unit === 'files' ? p.total : Math.ceil(p.bytes!.total / 1024 / 1024), 0);
      }
      bar.update(unit === 'files' ? p.done : Math.floor(p.bytes!.done / 1024 / 1024));
    },
    stop() {
      bar?.stop();
    },
  };
}

export const register: RegisterCommand = (program, io) => {
  program
    .command('ingest')
    .description('ingest .txt, .md, .html, .pdf and .docx files and folders (sources.yaml beside them gives metadata)')
    .argument('<paths...>', 'files or folders')
    .option('--json', 'print the summary as JSON')
    .option('--max-bytes <n>', `largest file accepted (default ${LIMITS.ingest.maxBytes}; suffixes k, M, G)`)
    .option('--no-ocr', 'do not read scanned PDF pages by OCR (Tesseract), even when it is installed')
    .option('--job', 'queue the ingest as a job cut in parts (with MARSAD_DATABASE_URL, `marsad worker` processes run it; see `marsad jobs`)')
    .option('--extract', 'with --job: then queue an extraction job over the documents added or updated (their candidates kept, ids ready for accept, reject and merge)')
    .action(async (paths: string[], opts: { json?: boolean; maxBytes?: string; ocr: boolean; job?: boolean; extract?: boolean }, cmd) => {
      if (opts.extract && !opts.job) throw new InputError('--extract goes with --job (or run marsad candidates --job after the ingest)', { field: '--extract' });
      if (opts.job) {
        const { getJob, startIngest } = await import('../../app/jobs.js');
        const { formatJobs, queuedJob } = await import('./jobs.js');
        const jobs = await withWorkbench(cmd, io, async (wb, ctx) => {
          const job = await queuedJob(wb, ctx, () => startIngest(wb, { paths, cwd: io.cwd, extract: opts.extract }));
          const next = job.result && 'extractJob' in job.result ? job.result.extractJob : undefined;
          // The extraction it queued is waited for too where the ingest was (this process runs it).
          return next ? [job, await queuedJob(wb, ctx, () => getJob(wb, next))] : [job];
        });
        if (opts.json) io.out(`${JSON.stringify(jobs[0], null, 2)}\n`);
        else io.out(formatJobs(jobs));
        if (jobs.some((j) => j.status === 'failed')) io.exitCode = 1;
        return;
      }
      const { ingest } = await import('../../app/corpus.js');
      const maxBytes = opts.maxBytes === undefined ? undefined : parseByteCount(opts.maxBytes);
      const summary = await withWorkbench(cmd, io, async (wb) => {
        const bar = progressBar(io, (await import('cli-progress')).default);
        try {
          return await ingest(wb, { paths, maxBytes, cwd: io.cwd, ocr: opts.ocr, onProgress: (p) => bar.update(p) });
        } finally {
          bar.stop();
        }
      });
      if (opts.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
      else io.out(formatIngestSummary(summary));
      // Partial success: the good files are stored, the bad ones listed.
      if (summary.rejected.length > 0) io.exitCode = 2;
    });
};
