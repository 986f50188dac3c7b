/**
 * `marsad report --scenario ID --lang ar|en --format md|html|pdf --out FILE`: a cited briefing.
 * Citations are resolved to passages of the store (ingest the corpus first); a citation whose
 * document is not stored is footnoted with its file and quote only, and the command says so.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CitationIndex } from '../../case/citation-index.js';
import { InputError } from '../../domain/errors.js';
import { buildBriefing, REPORT_FORMAT_NAMES, REPORT_FORMATS, type ReportFormat } from '../../report/index.js';
import { prepareBriefing, PREPARE_DEFAULTS } from '../../report/prepare.js';
import { loadCaseFor } from './case-listing.js';
import type { RegisterCommand } from './index.js';
import { intFlag } from './simulate.js';
import { withStore } from '../context.js';
import { writeOutputFile } from '../write-output.js';

interface ReportOptions {
  scenario: string;
  lang: string;
  format: string;
  out: string;
  runs: string;
  seed: string;
  asOf?: string;
}

/** YYYY-MM-DD naming a day that exists: "2024-02-30" would otherwise roll over to 1 March. */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

export const register: RegisterCommand = (program, io) => {
  program
    .command('report')
    .description('write a cited briefing (Markdown, HTML or PDF, Arabic or English) for a scenario')
    .requiredOption('--scenario <id>', 'scenario id (see `marsad scenarios`)')
    .option('--lang <lang>', 'ar or en', 'ar')
    .option('--format <format>', `output format: ${REPORT_FORMAT_NAMES.join(', ')}`, 'md')
    .requiredOption('--out <file>', 'output file')
    .option('--runs <n>', 'Monte Carlo runs behind the probabilities (0 = none)', String(PREPARE_DEFAULTS.runs))
    .option('--seed <s>', 'Monte Carlo seed', String(PREPARE_DEFAULTS.seed))
    .option('--as-of <date>', "the briefing's date (YYYY-MM-DD; default the case's as_of)")
    .action(async (opts: ReportOptions, cmd: Command) => {
      if (opts.lang !== 'ar' && opts.lang !== 'en') throw new InputError(`expected --lang ar or en, got "${opts.lang}"`, { field: '--lang' });
      if (!(REPORT_FORMAT_NAMES as string[]).includes(opts.format)) {
        throw new InputError(`expected --format ${REPORT_FORMAT_NAMES.join(', ')}, got "${opts.format}"`, { field: '--format' });
      }
      if (opts.asOf !== undefined && !isCalendarDay(opts.asOf)) {
        throw new InputError(`expected --as-of as a real day YYYY-MM-DD, got "${opts.asOf}"`, { field: '--as-of' });
      }
      const runs = intFlag(opts.runs, '--runs', 0, 100_000) ?? PREPARE_DEFAULTS.runs;
      const seed = intFlag(opts.seed, '--seed', 0, 0xffffffff) ?? PREPARE_DEFAULTS.seed;
      const c = await loadCaseFor(cmd, io);
      const input = await prepareBriefing(c, opts.scenario, { runs, seed, asOf: opts.asOf });
      const out = resolve(io.cwd, opts.out);
      await withStore(cmd, io, async (store) => {
        const locate = await new CitationIndex(store).locator(input.case);
        const briefing = buildBriefing(input, opts.lang as 'ar' | 'en', locate);
        const bytes = await REPORT_FORMATS[opts.format as ReportFormat](briefing, { chromiumPath: io.env.MARSAD_CHROMIUM });
        // Written beside the target and renamed, so a failure never leaves half a file.
        await writeOutputFile(out, bytes);
        const unresolved = briefing.footnotes.filter((f) => f.location === null).length;
        io.err(`wrote ${out}: ${briefing.sections.length} sections, ${briefing.footnotes.length} footnotes`);
        io.err(unresolved ? `, ${unresolved} not resolved to a stored passage (run \`marsad ingest\` on the corpus)\n` : '\n');
      });
    });
};
