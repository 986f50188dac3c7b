/**
 * The overview's answer to the case's question and its map: `GET /api/overview/answer` (the
 * bottom line with its probability and evidence, overdue and upcoming deadlines, what changed
 * since a date) and `GET /api/overview/places` (places with coordinates and their events).
 * The computation is `src/analysis/bottom-line.ts`; the bottom line's scenario run and its Monte
 * Carlo probability are computed once per server, since the case does not change while it runs.
 */
import { Hono } from 'hono';
import { analyzeAch } from '../../analysis/ach.js';
import { bottomLine, changesSince, deadlineStatus, mappedPlaces, type BottomLine } from '../../analysis/bottom-line.js';
import type { CitationIndex } from '../../case/citation-index.js';
import { dateEnd } from '../../case/dates.js';
import { PREPARE_DEFAULTS } from '../../report/prepare.js';
import type { AppDeps } from '../deps.js';
import { createEngine } from '../engine.js';
import { EmptyQuery, OverviewAnswerQuery, parseInput } from '../parse-input.js';
import { stripToken } from './case-routes.js';

/** Days back from "now" that "what changed" covers when no date is given. */
const DEFAULT_SINCE_DAYS = 30;

export function overviewRoutes(deps: AppDeps, citations: CitationIndex): Hono {
  const c0 = deps.caseData;
  const engine = createEngine(c0);
  const app = new Hono();
  let answer: Promise<BottomLine | null> | undefined;

  const computeBottomLine = async (): Promise<BottomLine | null> => {
    const ach = c0.hypotheses.length ? analyzeAch(c0.hypotheses, c0.evidence) : undefined;
    const leading = c0.hypotheses.find((x) => x.id === ach?.leading);
    const scenario = leading?.scenario ? c0.scenarios.find((s) => s.id === leading.scenario) : undefined;
    if (!scenario) return bottomLine(ach, c0.hypotheses, c0.evidence);
    const run = await engine.simulate({ scenario: scenario.id });
    const monteCarlo = await engine.monteCarlo({ scenario: scenario.id, runs: PREPARE_DEFAULTS.runs, seed: PREPARE_DEFAULTS.seed });
    return bottomLine(ach, c0.hypotheses, c0.evidence, { scenario: { id: scenario.id, title: scenario.title }, winners: run.winners, losers: run.losers, monteCarlo });
  };

  app.get('/overview/answer', async (c) => {
    const q = parseInput(OverviewAnswerQuery, stripToken(c.req.query()), 'query');
    const asOf = c0.meta.as_of ?? new Date().toISOString().slice(0, 10);
    const since = q.since ? dateEnd(q.since) : new Date(Date.parse(`${asOf}T00:00:00Z`) - DEFAULT_SINCE_DAYS * 86_400_000).toISOString().slice(0, 10);
    answer ??= computeBottomLine();
    // A failed computation is not kept: the next request tries again.
    answer.catch(() => (answer = undefined));
    const deadlines = deadlineStatus(c0.commitments, asOf);
    return c.json(
      await citations.withCitations({
        question: c0.meta.question,
        asOf,
        since,
        bottomLine: await answer,
        overdue: deadlines.overdue,
        upcoming: deadlines.upcoming.slice(0, 5),
        changes: changesSince(c0, since, asOf),
      }),
    );
  });

  app.get('/overview/places', (c) => {
    parseInput(EmptyQuery, stripToken(c.req.query()), 'query');
    return c.json({ places: mappedPlaces(c0.places, c0.events, c0.claims) });
  });

  return app;
}
