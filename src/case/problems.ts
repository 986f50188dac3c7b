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
  constructor(private readonly max: number = DEFAULTS.maxProblems) {}
  add(problem: InputError): void {
    this.total++;
    if (this.items.length < this.max) this.items.push(problem);
  }
  /** Throws the problems found, if any. */
  throwIfAny(dir: string): void {
    if (this.total === 0) return;
    // in reading order, whatever check found them first
    this.items.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
    if (this.total === 1) throw this.items[0];
    throw new CaseProblemsError(dir, this.items, this.total);
  }
}
