/**
 * The cited briefing of one scenario: gather what it shows (the scenario run with payoffs and
 * Monte Carlo probabilities, the ACH result, the computed conflicts), resolve its footnotes to
 * stored passages, and render it in the asked format. `report/` only renders what it is given;
 * the numbers come from the same operations the CLI and the API run.
 */
import { analyzeAch } from '../analysis/ach.js';
import { findClaimConflicts } from '../case/conflicts.js';
import type { LoadedCase } from '../case/load.js';
import { dayRange } from '../domain/dates.js';
import { InputError } from '../domain/errors.js';
import type { ReportRequest } from '../domain/requests.js';
import type { BriefingInput } from '../report/index.js';
import { simulateCase, type Progress } from './simulation.js';
import type { Workbench } from './workbench.js';
import { caseAt } from './as-of.js';

/** What a briefing shows, computed from a loaded case; the same case, scenario and seed give the same input. */
export async function briefingInput(c: LoadedCase, req: ReportRequest, progress: Progress = {}): Promise<BriefingInput> {
  const asOf = req.asOf ?? c.meta.as_of;
  if (!asOf) throw new InputError('the briefing needs a date: give --as-of or set `as_of` in the case metadata', { field: 'asOf' });
  const run = await simulateCase(c, { scenario: req.scenario, runs: Math.max(1, req.runs), seed: req.seed, threads: req.threads }, progress);
  const scenario = c.scenarios.find((s) => s.id === req.scenario)!;
  return {
    case: c,
    scenario,
    simulation: run,
    payoffs: { actors: run.actors, winners: run.winners, losers: run.losers },
    monteCarlo: run.probabilities,
    ach: c.hypotheses.length ? analyzeAch(c.hypotheses, c.evidence) : undefined,
    claimConflicts: findClaimConflicts(c),
    // "As of" a month or a year is as of its last day: what was known by then.
    asOf: dayRange(asOf).to,
  };
}

export const MEDIA_TYPES = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
} as const satisfies Record<ReportRequest['format'], string>;

/** `marsad-<scenario>-<lang>.<ext>`, reduced to ASCII letters, digits and hyphens. */
export function reportFileName(scenario: string, lang: string, format: string): string {
  const safe = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'x';
  return `marsad-${safe(scenario)}-${safe(lang)}.${safe(format)}`;
}

export interface RenderedBriefing {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
  sections: number;
  footnotes: number;
  /** Footnotes whose quote was not found in a stored passage (the corpus is not ingested). */
  unresolved: number;
}

export async function renderBriefing(wb: Workbench, req: ReportRequest, progress: Progress = {}): Promise<RenderedBriefing> {
  const at = await caseAt(wb, req.asOf);
  const input = await briefingInput(at.case, { ...req, asOf: at.asOf }, { pool: wb.monteCarloPool(), ...progress });
  const locate = await (await wb.citations()).locator(input.case);
  // The renderers (charts, the PDF printer) load with the first briefing, not with the server.
  const { buildBriefing, REPORT_FORMATS } = await import('../report/index.js');
  const briefing = buildBriefing(input, req.lang, locate);
  const bytes = await REPORT_FORMATS[req.format](briefing, { chromiumPath: wb.chromiumPath });
  return {
    bytes,
    mediaType: MEDIA_TYPES[req.format],
    fileName: reportFileName(req.scenario, req.lang, req.format),
    sections: briefing.sections.length,
    footnotes: briefing.footnotes.length,
    unresolved: briefing.footnotes.filter((f) => f.location === null).length,
  };
}
