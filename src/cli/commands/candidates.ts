/**
 * The evidence desk on the command line:
 * - `marsad candidates DOC [--all] [--json]`: a stored document's proposals (events, figures,
 *   actors, stances, quotes, commitment updates), each with its stable id, kind, fields and
 *   citation (passage, offsets, quote);
 * - `marsad candidates --job [DOC...] [--all]`: extraction over many stored documents as a job
 *   (default: those not extracted yet), their candidates kept with their ids;
 * - `marsad accept ID [--set FIELD=VALUE]...`: the proposal becomes a case item (or a
 *   commitment's status entry), the fields set first, validated, cited and recorded;
 * - `marsad reject ID [--reason TEXT]`: not proposed again;
 * - `marsad merge ID --into KIND:ID`: its passage becomes a citation of an existing item.
 */
import type { Command } from 'commander';
import type { DeskCandidate, ExtractionSummary } from '../../domain/responses.js';
import { InputError } from '../../domain/errors.js';
import { withWorkbench } from '../context.js';
import type { CliIo } from '../io.js';
import { printJson, table } from '../output.js';
import { asFlags, parseAssignments, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

const collect = (v: string, all: string[]) => [...all, v];

/** An extraction job's result in a few lines: documents, candidates by kind, warnings. */
export function formatExtraction(r: ExtractionSummary): string {
  const kinds = Object.entries(r.byKind).map(([kind, n]) => `${kind} ${n}`);
  const lines = [`extracted ${r.documents} document${r.documents === 1 ? '' : 's'}: ${r.candidates} candidate${r.candidates === 1 ? '' : 's'}${kinds.length ? ` (${kinds.join(', ')})` : ''}`];
  for (const id of r.missing) lines.push(`missing: ${id} (deleted since the job was queued)`);
  for (const w of r.warnings) lines.push(`warning: ${w.file}: ${w.reason}`);
  if (r.warningsLeftOut > 0) lines.push(`… and ${r.warningsLeftOut} more warnings`);
  return `${lines.join('\n')}\n`;
}

function author(opts: { author?: string }, io: CliIo): string | undefined {
  return opts.author ?? io.env.MARSAD_AUTHOR ?? io.env.USER ?? undefined;
}

/** A candidate's fields in one line: what an analyst checks before accepting. */
function summary(k: DeskCandidate): string {
  switch (k.kind) {
    case 'event':
      return `${k.fields.date.value} ${k.fields.type}: ${k.fields.title}${k.fields.headline ? ' (headline)' : ''}`;
    case 'actor':
      return `${k.fields.name} (${k.fields.type}${k.fields.title ? `, ${k.fields.title}` : ''})`;
    case 'figure':
      return `${typeof k.fields.value === 'number' ? k.fields.value : `${k.fields.value.low}–${k.fields.value.high}`} ${k.fields.unit ?? ''}${k.fields.quantity ? ` → ${k.fields.quantity}` : ''}`;
    case 'quote':
      return `${k.fields.speaker.actor ?? k.fields.speaker.name}: «${k.fields.text}»`;
    case 'stance':
      return `${k.fields.actor ?? k.fields.speaker.name} ${k.fields.position} on ${k.fields.issue} (${k.fields.voice})`;
    case 'commitment-status':
      return `${k.fields.commitment}: ${k.fields.previous} → ${k.fields.score} (${k.fields.change}, ${k.fields.date.value})`;
  }
}

export const register: RegisterCommand = (program, io) => {
  program
    .command('candidates')
    .description("a stored document's proposals for the case, each with a stable id to accept, reject or merge; with --job, extraction over many documents as a job")
    .argument('[docs...]', "the document's file name or id (see marsad documents); with --job, any number (default: every document not extracted yet)")
    .option('--all', 'also the candidates already accepted, rejected or merged; with --job and no DOC, every stored document, those already extracted too')
    .option('--job', 'run extraction as a job cut in parts (with MARSAD_DATABASE_URL, `marsad worker` processes run it; see `marsad jobs`): their candidates are kept, their ids ready to accept, reject or merge')
    .option('--json', 'print JSON: every candidate with its kind, fields, citation (passage, offsets, quote) and decision (with --job: the job)')
    .action(async (docs: string[], opts: { all?: boolean; json?: boolean; job?: boolean }, cmd: Command) => {
      if (opts.job) {
        const [{ ExtractJobRequest }, { startExtraction }, { formatJobs, queuedJob }] = await Promise.all([
          import('../../domain/requests.js'),
          import('../../app/jobs.js'),
          import('./jobs.js'),
        ]);
        const req = parseFlags(ExtractJobRequest, { documents: docs, all: opts.all }, { documents: 'docs' });
        const job = await withWorkbench(cmd, io, (wb, ctx) => queuedJob(wb, ctx, () => startExtraction(wb, req)));
        if (opts.json) return printJson(io, job);
        io.out(formatJobs([job]));
        if (job.result && 'byKind' in job.result) io.out(formatExtraction(job.result));
        if (job.status === 'failed') io.exitCode = 1;
        return;
      }
      if (docs.length !== 1) {
        throw new InputError(`expected one document (or --job for several), got ${docs.length}`, { field: 'doc' });
      }
      const [{ CandidatesRequest }, { documentCandidates }] = await Promise.all([import('../../domain/requests.js'), import('../../app/desk.js')]);
      const req = parseFlags(CandidatesRequest, { doc: docs[0], all: opts.all }, { doc: 'doc' });
      const r = await withWorkbench(cmd, io, (wb) => documentCandidates(wb, req));
      for (const w of r.warnings) io.err(`marsad: warning: ${w}\n`);
      if (opts.json) return printJson(io, r.candidates);
      io.out(
        table(
          ['id', 'kind', 'proposal', 'passage', 'ambiguous', ...(opts.all ? ['decision'] : [])],
          r.candidates.map((k) => [
            k.id,
            k.kind,
            summary(k),
            k.passage ?? '',
            k.ambiguity.length ? k.ambiguity.map((a) => a.actor ?? '?').join('|') : '',
            ...(opts.all ? [k.decision?.decision ?? ''] : []),
          ]),
          70,
        ),
      );
      io.out(`${r.candidates.length} candidate${r.candidates.length === 1 ? '' : 's'} in ${r.document.file}\n`);
    });

  program
    .command('accept')
    .description('accept a candidate: it becomes a case item (or a commitment status entry), recorded in the history')
    .argument('<id>', 'the candidate id (see marsad candidates DOC)')
    .option('--set <field=value>', 'a field of the item to set first (repeatable; dotted paths; values read as YAML)', collect, [] as string[])
    .option('--reason <text>', 'why: recorded in the history')
    .option('--author <name>', 'who decides (default $MARSAD_AUTHOR, then $USER)')
    .option('--json', 'print the created or changed item and its history entry as JSON')
    .action(async (id: string, opts: { set: string[]; reason?: string; author?: string; json?: boolean }, cmd: Command) => {
      const [{ AcceptRequest }, { acceptCandidate }] = await Promise.all([import('../../domain/requests.js'), import('../../app/desk.js')]);
      const req = parseFlags(AcceptRequest, { id, set: await parseAssignments(opts.set), reason: opts.reason, author: author(opts, io) }, { id: 'id' });
      const r = await asFlags(['set', 'id'], () => withWorkbench(cmd, io, (wb) => acceptCandidate(wb, req)));
      if (opts.json) return printJson(io, r);
      io.out(`#${r.change.seq} ${r.change.action} ${r.change.kind} ${r.change.item} (from ${id})\n`);
    });

  program
    .command('reject')
    .description('reject a candidate: it is not proposed again')
    .argument('<id>', 'the candidate id')
    .option('--reason <text>', 'why (kept with the decision)')
    .option('--author <name>', 'who decides (default $MARSAD_AUTHOR, then $USER)')
    .option('--json', 'print the decision as JSON')
    .action(async (id: string, opts: { reason?: string; author?: string; json?: boolean }, cmd: Command) => {
      const [{ RejectRequest }, { rejectCandidate }] = await Promise.all([import('../../domain/requests.js'), import('../../app/desk.js')]);
      const req = parseFlags(RejectRequest, { id, reason: opts.reason, author: author(opts, io) }, { id: 'id' });
      const r = await withWorkbench(cmd, io, (wb) => rejectCandidate(wb, req));
      if (opts.json) return printJson(io, r);
      io.out(`rejected ${id}\n`);
    });

  program
    .command('merge')
    .description("merge a candidate into an existing item: its passage becomes one of the item's citations")
    .argument('<id>', 'the candidate id')
    .requiredOption('--into <kind:id>', 'the item, as KIND:ID (events:us-strikes-2024-01)')
    .option('--reason <text>', 'why: recorded in the history')
    .option('--author <name>', 'who decides (default $MARSAD_AUTHOR, then $USER)')
    .option('--json', 'print the changed item and its history entry as JSON')
    .action(async (id: string, opts: { into: string; reason?: string; author?: string; json?: boolean }, cmd: Command) => {
      const at = opts.into.indexOf(':');
      if (at <= 0) throw new InputError(`expected --into KIND:ID, got "${opts.into}"`, { field: '--into' });
      const [{ MergeRequest }, { mergeCandidate }] = await Promise.all([import('../../domain/requests.js'), import('../../app/desk.js')]);
      const req = parseFlags(MergeRequest, { id, into: { kind: opts.into.slice(0, at), id: opts.into.slice(at + 1) }, reason: opts.reason, author: author(opts, io) }, { id: 'id' });
      const r = await withWorkbench(cmd, io, (wb) => mergeCandidate(wb, req));
      if (opts.json) return printJson(io, r);
      io.out(`#${r.change.seq} ${r.change.kind} ${r.change.item} now cites the candidate's passage\n`);
    });
};
