/**
 * The overview's answer to the case's question (the bottom line with its probability and the
 * evidence it hangs on, overdue and upcoming deadlines, what changed since a date) and its map.
 * The computation is analysis/bottom-line.ts; the scenario run and Monte Carlo behind the bottom
 * line are computed once per revision of the case and reused.
 */
import { analyzeAch } from '../analysis/ach.js';
import { bottomLine, changesSince, deadlineStatus, mappedPlaces, type BottomLine } from '../analysis/bottom-line.js';
import type { LoadedCase } from '../case/load.js';
import { asOfDay, dayOf } from '../domain/dates.js';
import { LIMITS, type OverviewAnswerRequest } from '../domain/requests.js';
import type { OverviewAnswerResponse, PlacesMapResponse } from '../domain/responses.js';
import { caseAt } from './as-of.js';
import { simulateCase } from './simulation.js';
import type { Workbench } from './workbench.js';

export const OVERVIEW_DEFAULTS = {
  /** Days back from "now" that "what changed" covers when no date is given. */
  sinceDays: 30,
  /** Deadlines listed as due next. */
  upcoming: 5,
} as const;

const answers = new WeakMap<LoadedCase, Promise<BottomLine | null>>();

function computeBottomLine(wb: Workbench, c: LoadedCase): Promise<BottomLine | null> {
  let answer = answers.get(c);
  if (!answer) {
    answer = (async () => {
      const ach = c.hypotheses.length ? analyzeAch(c.hypotheses, c.evidence) : undefined;
      const leading = c.hypotheses.find((x) => x.id === ach?.leading);
      const scenario = leading?.scenario ? c.scenarios.find((s) => s.id === leading.scenario) : undefined;
      if (!scenario) return bottomLine(ach, c.hypotheses, c.evidence);
      // The same runs and seed as the briefing, so both state the same probability.
      const run = await simulateCase(c, { scenario: scenario.id, runs: LIMITS.report.runs, seed: LIMITS.report.seed }, { pool: wb.monteCarloPool() });
      return bottomLine(ach, c.hypotheses, c.evidence, {
        scenario: { id: scenario.id, title: scenario.title },
        winners: run.winners,
        losers: run.losers,
        monteCarlo: run.probabilities,
      });
    })();
    answers.set(c, answer);
    // A failed computation is not kept: the next request tries again.
    answer.catch(() => answers.delete(c));
  }
  return answer;
}

export async function overviewAnswer(wb: Workbench, req: OverviewAnswerRequest): Promise<OverviewAnswerResponse> {
  const { case: c, asOf } = await caseAt(wb, req.asOf);
  const since = req.since ? dayOf(asOfDay(req.since)) : dayOf(asOfDay(asOf) - OVERVIEW_DEFAULTS.sinceDays);
  const deadlines = deadlineStatus(c.commitments, asOf);
  return {
    question: c.meta.question,
    asOf,
    since,
    bottomLine: await computeBottomLine(wb, c),
    overdue: deadlines.overdue,
    upcoming: deadlines.upcoming.slice(0, OVERVIEW_DEFAULTS.upcoming),
    changes: changesSince(c, since, asOf),
  };
}

export async function placesMap(wb: Workbench): Promise<PlacesMapResponse> {
  const c = await wb.case();
  return { places: mappedPlaces(c.places, c.events, c.claims) };
}
