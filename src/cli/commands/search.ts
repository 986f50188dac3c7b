/**
 * `marsad search QUERY [--limit N] [--doc FILE] [--lang ar|en] [--from DATE] [--to DATE]
 * [--actor ID] [--outlet NAME] [--sort relevance|date] [--no-expand] [--json]`: ranked passages
 * with highlighted snippets and the query units each matched. Names of the case's actors and
 * places are expanded to their other names and glossary words to their forms in both
 * languages; `--actor` keeps passages naming that actor under any of its names. Prints "did
 * you mean" spellings for words that match nothing and names several actors share.
 */
import type { Command } from 'commander';
import type { SearchHit } from '../../domain/corpus.js';
import { LIMITS } from '../../domain/names.js';
import { stripBidiControls } from '../../report/text-safety.js';
import { withWorkbench } from '../context.js';
import { printJson } from '../output.js';
import { asFlags, parseFlags } from '../request.js';
import type { RegisterCommand } from './index.js';

interface SearchOptions {
  limit?: string;
  doc?: string;
  lang?: string;
  from?: string;
  to?: string;
  asOf?: string;
  actor?: string;
  outlet?: string;
  sort?: string;
  expand: boolean;
  json?: boolean;
}

export function formatHits(hits: readonly SearchHit[]): string {
  if (hits.length === 0) return 'no passages found\n';
  // Document text may carry bidi overrides (an RLO inside a name); a snippet can cut one off
  // before its closing PDF and reorder the rest of the terminal line, so they are not printed.
  return `${hits
    .map((h, i) => {
      const where = `${h.page !== null ? `  p. ${h.page}` : ''}${h.footnote ? '  (footnote)' : ''}`;
      const why = h.matched.length ? `\n   matched: ${stripBidiControls(h.matched.join(', '))}` : '';
      const also = h.alsoIn.length ? `\n   also in: ${h.alsoIn.map((a) => a.passage).join(', ')}` : '';
      const date = h.published ? `  ${h.published}` : '';
      return `${i + 1}. ${h.file}  ${h.passage}${where}${date}  [${h.start}–${h.end}]  score ${h.score.toFixed(3)}\n   ${stripBidiControls(h.snippet)}${why}${also}`;
    })
    .join('\n')}\n`;
}

export const register: RegisterCommand = (program, io) => {
  program
    .command('search')
    .description('search the stored passages (Arabic-aware: clitics, spelling variants, bilingual names)')
    .argument('<query>', 'words to find; Arabic or English')
    .option('--limit <n>', `most results (default ${LIMITS.search.limit}, at most ${LIMITS.search.maxLimit})`)
    .option('--doc <file>', 'only this document (file name or id)')
    .option('--lang <lang>', 'only passages in this language (ar or en)')
    .option('--from <date>', 'documents published on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'documents published on or before')
    .option('--as-of <date>', 'the corpus as it stood on this date: documents published by then')
    .option('--actor <id>', "only passages naming this actor of the case (under any of its names)")
    .option('--outlet <name>', 'only documents of this outlet (part of its name)')
    .option('--sort <order>', 'relevance (default) or date (newest first among the best-covered hits)')
    .option('--no-expand', "do not add the other names of actors and places named in the query")
    .option('--json', 'print JSON: an array of {file, passage, page, start, end, score, snippet, text, …}')
    .action(async (q: string, opts: SearchOptions, cmd: Command) => {
      const { SearchRequest } = await import('../../domain/requests.js');
      const { search } = await import('../../app/search.js');
      const args = { q: 'query' };
      const req = parseFlags(
        SearchRequest,
        {
          q,
          limit: opts.limit,
          doc: opts.doc,
          lang: opts.lang,
          from: opts.from,
          to: opts.to,
          asOf: opts.asOf,
          actor: opts.actor,
          outlet: opts.outlet,
          sort: opts.sort,
          expand: opts.expand,
        },
        args,
      );
      const result = await asFlags(['doc', 'actor'], () => withWorkbench(cmd, io, (wb) => search(wb, req)), args);
      for (const w of result.warnings) io.err(`marsad: warning: ${w}\n`);
      if (opts.json) {
        printJson(io, result.hits);
        return;
      }
      for (const a of result.ambiguous) io.out(`ambiguous: ${stripBidiControls(a.name)} may be ${a.actors.join(' or ')} (searched as that shared name, not as either)\n`);
      if (result.didYouMean.length) io.out(`did you mean: ${result.didYouMean.map((d) => stripBidiControls(d)).join(' | ')}\n`);
      io.out(formatHits(result.hits));
    });
};
