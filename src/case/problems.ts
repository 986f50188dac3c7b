/**
 * Collecting every problem of a case folder before failing, so an analyst fixes them in one pass.
 * The loader throws a single error: the problem itself when there is one (its file, line and
 * field on the error), or a `CaseProblemsError` listing up to `DEFAULTS.maxProblems` of them.
 */
import { describeWhere, InputError } from '../domain/errors.js';

export const DEFAULTS = {
  /** Problems listed before the rest are summarised as "and N more". */
  maxProblems: 50,
} as const;

/** Several InputErrors at once; `problems` keeps each one's file, line and field. */
export class CaseProblemsError extends InputError {
  override readonly name: string = 'CaseProblemsError';
  readonly problems: InputError[];
  readonly total: number;
  constructor(dir: string, problems: InputError[], total: number) {
    const lines = problems.map((p) => `  ${describeWhere(p)}${p.message}`);
    if (total > problems.length) lines.push(`  … and ${total - problems.length} more`);
    super(`case folder ${dir} has ${total} problem${total === 1 ? '' : 's'}:\n${lines.join('\n')}`);
    this.problems = problems;
    this.total = total;
  }
}

export class ProblemList {
  readonly items: InputError[] = [];
  total = 0;
  /** Problems that stop a whole file being read; everything else may only be their echo. */
  private readonly roots = new Set<InputError>();
  constructor(private readonly max: number = DEFAULTS.maxProblems) {}
  /**
   * `root`: the problem kept a whole file from loading (unreadable, invalid YAML, a refused
   * YAML bomb). It is listed first: the unknown-id errors that follow are mostly its echo.
   */
  add(problem: InputError, opts: { root?: boolean } = {}): void {
    this.total++;
    if (this.items.length < this.max) this.items.push(problem);
    if (opts.root) this.roots.add(problem);
  }
  /** Throws the problems found, if any. */
  throwIfAny(dir: string): void {
    if (this.total === 0) return;
    // files that could not be read first, then in reading order, whatever check found them
    const rank = (p: InputError) => (this.roots.has(p) ? 0 : 1);
    this.items.sort(
      (a, b) => rank(a) - rank(b) || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0),
    );
    if (this.total === 1) throw this.items[0];
    throw new CaseProblemsError(dir, this.items, this.total);
  }
}
