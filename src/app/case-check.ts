/**
 * Checking the case folder: validation with every problem (file, line, field), counts per
 * section, and every citation's quote against the corpus files.
 */
import { citationProblems, corpusTextReader, modelWarnings } from '../case/check.js';
import { loadCaseWithWarnings, type CaseWarning } from '../case/load.js';
import { CaseProblemsError } from '../case/problems.js';
import { SECTION_NAMES } from '../case/sections.js';
import { InputError } from '../domain/errors.js';
import type { Workbench } from './workbench.js';

export interface CaseCheckReport {
  ok: boolean;
  /** Problems in all (the list may hold fewer when there were very many). */
  total: number;
  case?: string;
  dir: string;
  counts?: Record<string, number>;
  citations?: { total: number; unresolved: number };
  problems: InputError[];
  warnings: CaseWarning[];
}

export async function checkCase(wb: Workbench): Promise<CaseCheckReport> {
  const dir = wb.caseDir;
  let problems: InputError[] = [];
  let warnings: CaseWarning[] = [];
  let counts: Record<string, number> | undefined;
  let citations: { total: number; unresolved: number } | undefined;
  let caseId: string | undefined;
  let total = 0;
  try {
    const loaded = await loadCaseWithWarnings(dir);
    const c = loaded.case;
    warnings = [...loaded.warnings, ...modelWarnings(c)];
    caseId = c.meta.id;
    counts = Object.fromEntries(SECTION_NAMES.map((s) => [s, c[s].length]));
    if (c.corpusDir) {
      const checked = await citationProblems(c, corpusTextReader(c));
      problems = checked.problems;
      citations = { total: checked.total, unresolved: checked.problems.length };
    } else {
      warnings.push({ message: 'no corpus folder (case.corpus): citation quotes not checked' });
    }
  } catch (error) {
    if (error instanceof CaseProblemsError) {
      problems = error.problems;
      total = error.total;
    } else if (error instanceof InputError) problems = [error];
    else throw error;
  }
  total = Math.max(total, problems.length);
  return { ok: total === 0, total, case: caseId, dir, counts, citations, problems, warnings };
}
