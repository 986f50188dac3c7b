/**
 * `marsad ach [--json] [--lang ar|en]`: the competing-hypotheses matrix of the case scored:
 * Heuer's inconsistency, the weighted score, diagnosticity, critical evidence and the ranking
 * without low-credibility items.
 */
import type { Command } from 'commander';
import { InputError } from '../../domain/errors.js';
import { withWorkbench } from '../context.js';
import { printJson, table } from '../output.js';
import { asFlags, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

export const register: RegisterCommand = (program, io) => {
  program
    .command('ach')
    .description('score the competing hypotheses of the case against its evidence (Heuer ACH)')
    .option('--lang <lang>', 'language of titles in the text output: ar or en', 'en')
    .option('--as-of <date>', 'the case as known on this date (YYYY, YYYY-MM or YYYY-MM-DD; default today)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean; lang: string; asOf?: string }, cmd: Command) => {
      const { hypotheses: analyzeHypotheses } = await import('../../app/case-queries.js');
      if (opts.lang !== 'ar' && opts.lang !== 'en') {
        throw new InputError(`expected --lang ar or en, got "${opts.lang}"`, { field: '--lang' });
      }
      const lang = opts.lang;
      const { AsOfRequest } = await import('../../domain/requests.js');
      const req = parseFlags(AsOfRequest, { asOf: opts.asOf });
      const { hypotheses, evidence, analysis: result } = await asFlags(['asOf'], () => withWorkbench(cmd, io, (wb) => analyzeHypotheses(wb, req)));
      if (opts.json) {
        printJson(io, {
          ...result,
          hypotheses,
          matrix: evidence.map((e) => ({
            evidence: e.id,
            title: e.title,
            refs: e.refs,
            credibility: e.credibility,
            relevance: e.relevance,
            ratings: Object.fromEntries(e.ratings.map((r) => [r.hypothesis, r.rating])),
            cite: e.ratings.flatMap((r) => r.cite),
          })),
        });
        return;
      }
      const title = (id: string | null) => (id ? (hypotheses.find((h) => h.id === id)?.title[lang] ?? id) : '-');
      io.out(
        table(
          ['rank', 'hypothesis', 'inconsistency', 'weighted', 'score'],
          result.scores.map((s) => [
            String(s.rank),
            title(s.hypothesis),
            String(s.inconsistency),
            s.weightedInconsistency.toFixed(2),
            s.weightedScore.toFixed(2),
          ]),
          70,
        ),
      );
      io.out(`\nmatrix (${evidence.length} evidence items × ${hypotheses.length} hypotheses):\n`);
      io.out(
        table(
          ['evidence', 'cred', 'rel', ...hypotheses.map((h) => h.id), 'diagnosticity'],
          evidence.map((e) => [
            e.id,
            e.credibility,
            e.relevance,
            ...hypotheses.map((h) => e.ratings.find((r) => r.hypothesis === h.id)?.rating ?? '-'),
            (result.diagnosticity.find((d) => d.evidence === e.id)?.diagnosticity ?? 0).toFixed(2),
          ]),
          40,
        ),
      );
      io.out('\n');
      if (result.critical.length === 0) io.out('critical evidence: none (no single item changes the leader)\n');
      for (const x of result.critical) io.out(`critical evidence: ${x.evidence} (without it: ${title(x.leadingWithout)})\n`);
      const w = result.withoutLowCredibility;
      io.out(`without low-credibility items (${w.dropped.join(', ') || 'none'}): leading ${title(w.leading)}\n`);
    });
};
