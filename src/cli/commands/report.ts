/**
 * `marsad report --scenario ID --lang ar|en --format md|html|pdf --out FILE`: a cited briefing.
 * Citations are resolved to passages of the store (ingest the corpus first); a citation whose
 * document is not stored is footnoted with its file and quote only, and the command says so.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { LIMITS, REPORT_FORMAT_NAMES } from '../../domain/names.js';
import { withWorkbench } from '../context.js';
import { asFlags, parseFlags } from '../request.js';
import { writeOutputFile } from '../write-output.js';
import type { RegisterCommand } from './index.js';

interface ReportOptions {
  scenario: string;
  lang: string;
  format: string;
  out: string;
  runs?: string;
  seed?: string;
  asOf?: string;
}

export const register: RegisterCommand = (program, io) => {
  program
    .command('report')
    .description('write a cited briefing (Markdown, HTML or PDF, Arabic or English) for a scenario')
    .requiredOption('--scenario <id>', 'scenario id (see `marsad scenarios`)')
    .option('--lang <lang>', 'ar or en', 'ar')
    .option('--format <format>', `output format: ${REPORT_FORMAT_NAMES.join(', ')}`, 'md')
    .requiredOption('--out <file>', 'output file')
    .option('--runs <n>', `Monte Carlo runs behind the probabilities (0 = none; default ${LIMITS.report.runs})`)
    .option('--seed <s>', `Monte Carlo seed (default ${LIMITS.report.seed})`)
    .option('--as-of <date>', "the briefing's date, the case rewound to it (YYYY-MM-DD, or a month or year meaning its last day; default today)")
    .action(async (opts: ReportOptions, cmd: Command) => {
      const { ReportRequest } = await import('../../domain/requests.js');
      // The briefing brings the chart renderer and, for PDF, the browser driver: loaded only here.
      const { renderBriefing } = await import('../../app/briefing.js');
      const req = parseFlags(ReportRequest, {
        scenario: opts.scenario,
        lang: opts.lang,
        format: opts.format,
        runs: opts.runs,
        seed: opts.seed,
        asOf: opts.asOf,
      });
      const out = resolve(io.cwd, opts.out);
      const briefing = await asFlags(['asOf'], () => withWorkbench(cmd, io, (wb) => renderBriefing(wb, req)));
      // Written beside the target and renamed, so a failure never leaves half a file.
      await writeOutputFile(out, briefing.bytes);
      io.err(`wrote ${out}: ${briefing.sections} sections, ${briefing.footnotes} footnotes`);
      io.err(briefing.unresolved ? `, ${briefing.unresolved} not resolved to a stored passage (run \`marsad ingest\` on the corpus)\n` : '\n');
    });
};
