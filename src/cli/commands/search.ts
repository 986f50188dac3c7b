/**
 * `marsad search QUERY [--limit N] [--doc FILE] [--lang ar|en] [--from DATE] [--to DATE]
 * [--actor ID] [--no-expand] [--json]`: ranked passages with highlighted snippets. Names of the
 * case's actors and places in the query are expanded to their other names (both languages);
 * `--actor` keeps passages naming that actor under any of its names.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { CaseProblemsError } from '../../case/problems.js';
import { entityNames, expandEntityQuery } from '../../case/entities.js';
import { loadCase, type LoadedCase } from '../../case/load.js';
import { SearchQuery, type SearchHit } from '../../domain/corpus.js';
import { InputError } from '../../domain/errors.js';
import { resolveContext, withStore } from '../context.js';
import type { CliIo } from '../io.js';
import { stripBidiControls } from '../../report/text-safety.js';
import type { RegisterCommand } from './index.js';

interface SearchOptions {
  limit?: string;
  doc?: string;
  lang?: string;
  from?: string;
  to?: string;
  actor?: string;
  expand: boolean;
  json?: boolean;
}

function parseLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) {
    throw new InputError(`expected a limit between 1 and 1000, got "${value}"`, { field: '--limit' });
  }
  return n;
}

function parseLang(value: string | undefined): 'ar' | 'en' | undefined {
  if (value === undefined) return undefined;
  if (value !== 'ar' && value !== 'en') throw new InputError(`expected --lang ar or en, got "${value}"`, { field: '--lang' });
  return value;
}

/**
 * Date filters are validated by the store; here only their order: a range that ends before it
 * starts can only be a typo, and would otherwise answer "no passages found". Dates of different
 * precision are compared on their common prefix ("--from 2024-05 --to 2024" is fine).
 */
function checkRange(from: string | undefined, to: string | undefined): void {
  const date = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  if (!from || !to || !date.test(from) || !date.test(to)) return;
  const n = Math.min(from.length, to.length);
  if (from.slice(0, n) > to.slice(0, n)) {
    throw new InputError(`--to ${to} is before --from ${from}`, { field: '--to' });
  }
}

export function formatHits(hits: readonly SearchHit[]): string {
  if (hits.length === 0) return 'no passages found\n';
  // Document text may carry bidi overrides (an RLO inside a name); a snippet can cut one off
  // before its closing PDF and reorder the rest of the terminal line, so they are not printed.
  return `${hits
    .map((h, i) => {
      const where = `${h.page !== null ? `  p. ${h.page}` : ''}${h.footnote ? '  (footnote)' : ''}`;
      return `${i + 1}. ${h.file}  ${h.passage}${where}  [${h.start}–${h.end}]  score ${h.score.toFixed(3)}\n   ${stripBidiControls(h.snippet)}`;
    })
    .join('\n')}\n`;
}

/** The case, when the query needs it (--actor) or it exists for expansion. */
async function caseFor(cmd: Command, io: CliIo, opts: SearchOptions): Promise<LoadedCase | null> {
  if (!opts.actor && !opts.expand) return null;
  const { caseDir } = resolveContext(cmd, io);
  if (opts.actor) return loadCase(caseDir);
  if (!existsSync(caseDir)) return null;
  try {
    return await loadCase(caseDir);
  } catch (error) {
    // Expansion is a bonus: a case with errors must not stop a plain search. Say so and go on.
    if (!(error instanceof InputError)) throw error;
    // One line, not the whole problem list: `marsad case check` prints that.
    const what = error instanceof CaseProblemsError ? `${error.total} problem${error.total === 1 ? '' : 's'}` : error.message;
    io.err(`marsad: warning: case ${caseDir} not loaded (${what}; run \`marsad case check\`); searching without name expansion\n`);
    return null;
  }
}

export const register: RegisterCommand = (program, io) => {
  program
    .command('search')
    .description('search the stored passages (Arabic-aware: clitics, spelling variants, bilingual names)')
    .argument('<query>', 'words to find; Arabic or English')
    .option('--limit <n>', 'most results (default 20)')
    .option('--doc <file>', 'only this document (file name or id)')
    .option('--lang <lang>', 'only passages in this language (ar or en)')
    .option('--from <date>', 'documents published on or after (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'documents published on or before')
    .option('--actor <id>', "only passages naming this actor of the case (under any of its names)")
    .option('--no-expand', "do not add the other names of actors and places named in the query")
    .option('--json', 'print JSON: an array of {file, passage, page, start, end, score, snippet, text, …}')
    .action(async (text: string, opts: SearchOptions, cmd: Command) => {
      const limit = parseLimit(opts.limit) ?? 20;
      const language = parseLang(opts.lang);
      checkRange(opts.from, opts.to);
      // Checked before the case is loaded: expanding thousands of words takes seconds, only
      // for the store to refuse the query afterwards.
      const checked = SearchQuery.shape.text.safeParse(text);
      if (!checked.success) {
        throw new InputError(`the query must be 1 to 1000 characters, got ${text.length}`, { field: 'query' });
      }
      const c = await caseFor(cmd, io, opts);
      const query: SearchQuery = {
        text,
        limit,
        ...(opts.doc ? { file: opts.doc } : {}),
        ...(language ? { language } : {}),
        ...(opts.from ? { from: opts.from } : {}),
        ...(opts.to ? { to: opts.to } : {}),
      };
      if (c && opts.expand) {
        const expansion = expandEntityQuery(c, text);
        if (expansion.alternatives.length > 0) query.alternatives = expansion.alternatives;
      }
      if (c && opts.actor) query.mentionAny = entityNames(c, opts.actor);
      const hits = await withStore(cmd, io, async (store) => {
        if (opts.doc && !(await store.getDocument(opts.doc))) {
          throw new InputError(`no document "${opts.doc}" in the store (see marsad documents)`, { field: '--doc' });
        }
        return store.search(query);
      });
      if (opts.json) io.out(`${JSON.stringify(hits, null, 2)}\n`);
      else io.out(formatHits(hits));
    });
};
