/**
 * `marsad extract FILE [--json] [--published DATE]`: tags the case's actors and places, dates and
 * figures in one document, and lists candidates the case does not hold yet.
 * The publication date (for "أمس", "الجمعة الماضية", "العام المقبل") comes from --published, the
 * file's front matter, or a sources.yaml beside the file, in that order.
 */
import { resolve } from 'node:path';
import type { Candidate, ExtractionResult, FigureMention } from '../../domain/extract.js';
import { LIMITS } from '../../domain/names.js';
import { InputError } from '../../domain/errors.js';
import { withWorkbench } from '../context.js';
import { printJson, table } from '../output.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('extract')
    .description('find known actors, dates and figures in a document, and propose candidates for the case')
    .argument('<file>', 'a UTF-8 text or Markdown file')
    .option('--published <date>', 'publication date (YYYY, YYYY-MM or YYYY-MM-DD) relative dates are resolved against')
    .option('--max-bytes <n>', `largest file accepted (default ${LIMITS.extract.maxBytes})`)
    .option('--json', 'print JSON: mentions, dates, figures and candidates with their offsets')
    .action(async (file: string, opts: { published?: string; json?: boolean; maxBytes?: string }, cmd) => {
      const { extractFile } = await import('../../app/extraction.js');
      const maxBytes = opts.maxBytes === undefined ? undefined : Number(opts.maxBytes);
      if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) {
        throw new InputError(`expected a positive whole number of bytes, got "${opts.maxBytes}"`, { field: '--max-bytes' });
      }
      const path = resolve(io.cwd, file);
      const { result, publishedFrom } = await withWorkbench(cmd, io, (wb) => extractFile(wb, { path, published: opts.published, maxBytes }));
      for (const w of result.warnings) io.err(`marsad: warning: ${w}\n`);
      if (opts.json) return printJson(io, result);
      io.out(render(result, publishedFrom));
    });
};

function figureValue(f: Pick<FigureMention, 'value'>): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return typeof f.value === 'number' ? n(f.value) : `${n(f.value.low)}–${n(f.value.high)}`;
}

function render(r: ExtractionResult, from: string | null): string {
  const parts: string[] = [];
  parts.push(`${r.file ?? ''}  published ${r.published ?? 'unknown'}${from ? ` (from ${from})` : ''}\n`);
  // a name whose best reading is someone outside the case is counted under that reading
  const counts = new Map<string, number>();
  for (const m of r.mentions) {
    const top = m.ambiguity?.[0];
    const key = top && top.actor === null ? `${top.name ?? m.text} (not in the case; or ${m.actor})` : m.actor;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  parts.push(`\nMentions: ${r.mentions.length} of ${counts.size} actors and places\n`);
  parts.push(table(['id', 'count'], [...counts].sort((a, b) => b[1] - a[1]).map(([id, n]) => [id, String(n)])));
  parts.push(`\nDates: ${r.dates.length}\n`);
  parts.push(table(['value', 'precision', 'qualifier', 'offset', 'text'], r.dates.map((d) => [d.value, d.precision, d.qualifier ?? '', String(d.start), d.text])));
  parts.push(`\nFigures: ${r.figures.length}\n`);
  parts.push(
    table(['value', 'unit', 'qualifier', 'offset', 'text'], r.figures.map((f) => [figureValue(f), f.unit ?? '', f.qualifier, String(f.start), f.text])),
  );
  parts.push(`\nCandidates not yet in the case: ${r.candidates.length}\n`);
  parts.push(table(['id', 'kind', 'conf', 'offset', 'proposal'], r.candidates.map((c) => [c.id, c.kind, c.confidence.toFixed(2), String(c.cite.start), summary(c)])));
  return parts.join('');
}

const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** One line per candidate, for the table. */
function summary(c: Candidate): string {
  const alt = c.ambiguity.length > 1 ? `  [or: ${c.ambiguity.slice(1).map((a) => a.actor ?? a.name).join(', ')}]` : '';
  switch (c.kind) {
    case 'actor':
      return clip(`${c.fields.name} (${c.fields.type}${c.fields.title ? `, ${c.fields.title}` : ''})`) + alt;
    case 'event':
      return clip(`${c.fields.date.value} ${c.fields.type}${c.fields.headline ? ' [headline]' : ''}: ${c.fields.title}`);
    case 'figure':
      return clip(`${figureValue(c.fields)} ${c.fields.unit ?? ''} (${c.fields.qualifier})${c.fields.reported_by ? ` per ${c.fields.reported_by.name}` : ''}`);
    case 'stance':
      return clip(`${c.fields.speaker.name} on ${c.fields.issue}: ${c.fields.position} (${c.fields.voice})`);
    case 'commitment-status':
      return clip(`${c.fields.commitment}: ${c.fields.previous} → ${c.fields.score} (${c.fields.change}, ${c.fields.date.value})`);
    case 'quote':
      return clip(`${c.fields.speaker.name}: «${c.fields.text}»`) + alt;
  }
}
