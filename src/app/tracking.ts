/**
 * Tracking and scoring (C12): commitment status entries, indicator observations, forecasts and
 * outcomes are recorded as edits of the working copy (so each is in the history with its
 * passage and can be reverted); indicators are listed with their state on a date; and the
 * back-test rewinds the case to a date and scores what it held then against what was recorded
 * after. The computations are analysis/tracking.ts; this file gathers and writes.
 */
import { scoreHypotheses } from '../analysis/ach.js';
import { brier, commitmentTiming, forecastAt, indicatorTrack, logScore, mean } from '../analysis/tracking.js';
import type { LoadedCase } from '../case/load.js';
import { trackedDays } from '../case/rewind.js';
import type { Citation, Forecast, Outcome } from '../domain/case.js';
import { asOfDay, dateSortKey, dateValueOf, dayNumber, dayOf, dayRange, dueDay, sortByDate, startedBy } from '../domain/dates.js';
import { InputError } from '../domain/errors.js';
import type {
  BacktestRequest,
  CommitmentUpdateRequest,
  ForecastRequest,
  IndicatorsRequest,
  ObserveRequest,
  ProbabilitiesRequest,
  ResolveRequest,
} from '../domain/requests.js';
import type { BacktestResponse, ChangeResponse, IndicatorsResponse, ProbabilitiesResponse, ProbabilitySeries } from '../domain/responses.js';
import { asOfFor, caseAt, publishedDates } from './as-of.js';
import { editItem } from './changes.js';
import { findById, unknownId } from './lookup.js';
import type { Workbench } from './workbench.js';

export const TRACKING_DEFAULTS = {
  /** Longest quote taken from a passage cited by its id. */
  passageQuoteChars: 300,
};

/**
 * A citation from `FILE::QUOTE`, a citation object, or a stored passage's id (quoting the
 * passage's opening words, cut at a word boundary).
 */
export async function citationOf(wb: Workbench, ref: Citation | string): Promise<Citation> {
  if (typeof ref !== 'string') return ref;
  const at = ref.indexOf('::');
  if (at > 0) return { doc: ref.slice(0, at).trim(), quote: ref.slice(at + 2).trim() };
  const passage = await (await wb.store()).getPassage(ref.trim());
  if (!passage) throw new InputError(`no passage "${ref}" (give a passage id from marsad search, or FILE::QUOTE)`, { field: 'cite' });
  const text = passage.text.trim();
  let quote = text.slice(0, TRACKING_DEFAULTS.passageQuoteChars);
  if (quote.length < text.length) quote = quote.replace(/\s+\S*$/u, '');
  return { doc: passage.file, quote };
}

/** A refused citation names the request's `cite` (the CLI's `--cite`), not the item's field. */
async function citing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InputError && error.field?.startsWith('cite[')) throw new InputError(error.message, { field: 'cite' }, { cause: error });
    throw error;
  }
}

function bilingual(text: string | undefined, fallback: { ar: string; en: string }): { ar: string; en: string } {
  return text ? { ar: text, en: text } : fallback;
}

/** Records a status entry of a commitment (score 0–3, or abandoned) on a date, cited. */
export async function updateCommitment(wb: Workbench, req: CommitmentUpdateRequest): Promise<ChangeResponse> {
  const c = await wb.case();
  const m = findById(c.commitments, req.id, 'commitment');
  const cite = await citationOf(wb, req.cite);
  const entry = {
    date: req.date,
    score: req.status as 0 | 1 | 2 | 3,
    note: bilingual(req.note, { ar: `سُجّلت الحالة ${req.status}${req.abandoned ? ' (متروك)' : ''}`, en: `status ${req.status} recorded${req.abandoned ? ' (abandoned)' : ''}` }),
    ...(req.abandoned ? { abandoned: true as const } : {}),
    cite: [cite],
  };
  const history = sortByDate([...m.history, entry], (h) => h.date);
  return citing(() => editItem(wb, {
    kind: 'commitments',
    id: m.id,
    set: { history },
    cite: [cite],
    reason: req.note ?? `status ${req.status}${req.abandoned ? ' (abandoned)' : ''} on ${req.date}`,
    author: req.author,
  }));
}

/** Records an observation of an indicator (its observable definition decides whether it fires). */
export async function observeIndicator(wb: Workbench, req: ObserveRequest): Promise<ChangeResponse> {
  const c = await wb.case();
  const ind = findById(c.indicators, req.indicator, 'indicator');
  if (!ind.observe) {
    throw new InputError(`indicator "${ind.id}" has no observable definition: set observe (what, direction, threshold) first`, { field: 'indicator' });
  }
  const cite = await citationOf(wb, req.cite);
  const observation = { date: req.date, value: req.value, ...(req.note ? { note: req.note } : {}), cite: [cite] };
  return citing(() => editItem(wb, {
    kind: 'indicators',
    id: ind.id,
    set: { observations: sortByDate([...(ind.observations ?? []), observation], (o) => o.date) },
    cite: [cite],
    reason: req.note ?? `observed ${req.value} on ${req.date}`,
    author: req.author,
  }));
}

/** The scenario or hypothesis a forecast or an outcome is about (`scenario:ID`, `hypothesis:ID` or a plain id held by one of them). */
function targetOf(c: LoadedCase, target: string): { kind: 'scenarios' | 'hypotheses'; item: { id: string; forecasts?: Forecast[]; outcome?: Outcome } } {
  const [prefix, id] = target.includes(':') ? (target.split(':') as [string, string]) : [undefined, target];
  const scenario = prefix !== 'hypothesis' ? c.scenarios.find((s) => s.id === id) : undefined;
  const hypothesis = prefix !== 'scenario' ? c.hypotheses.find((h) => h.id === id) : undefined;
  if (scenario && hypothesis) {
    throw new InputError(`"${id}" is both a scenario and a hypothesis: write scenario:${id} or hypothesis:${id}`, { field: 'target' });
  }
  if (scenario) return { kind: 'scenarios', item: scenario };
  if (hypothesis) return { kind: 'hypotheses', item: hypothesis };
  const known = [...(prefix !== 'hypothesis' ? c.scenarios.map((s) => s.id) : []), ...(prefix !== 'scenario' ? c.hypotheses.map((h) => h.id) : [])];
  throw unknownId(prefix === 'hypothesis' ? 'hypothesis' : 'scenario', id, known);
}

/** Records the analyst's probability for a scenario or hypothesis, held from a date. */
export async function recordForecast(wb: Workbench, req: ForecastRequest): Promise<ChangeResponse> {
  const c = await wb.case();
  const { kind, item } = targetOf(c, req.target);
  const forecast: Forecast = { date: req.date, p: req.p, source: 'analyst', ...(req.note ? { note: req.note } : {}) };
  return editItem(wb, {
    kind,
    id: item.id,
    set: { forecasts: sortByDate([...(item.forecasts ?? []), forecast], (f) => f.date) },
    reason: req.note ?? `forecast p=${req.p} on ${req.date}`,
    author: req.author,
  });
}

/** Records how a scenario or hypothesis resolved (true or false) on a date, cited. */
export async function resolveTarget(wb: Workbench, req: ResolveRequest): Promise<ChangeResponse> {
  const c = await wb.case();
  const { kind, item } = targetOf(c, req.target);
  const cite = await citationOf(wb, req.cite);
  const outcome: Outcome = { value: req.outcome, date: req.date, ...(req.note ? { note: req.note } : {}), cite: [cite] };
  return citing(() => editItem(wb, { kind, id: item.id, set: { outcome }, cite: [cite], reason: req.note ?? `resolved ${req.outcome} on ${req.date}`, author: req.author }));
}

/** Indicators with their state on the as-of date and the observations behind it. */
export async function listIndicators(wb: Workbench, req: IndicatorsRequest): Promise<IndicatorsResponse> {
  const { case: c, asOf } = await caseAt(wb, req.asOf);
  return {
    asOf,
    items: c.indicators.map((ind) => {
      const track = indicatorTrack(ind, asOf);
      return { ...ind, state: track.state, since: track.since, steps: track.steps };
    }),
  };
}

/**
 * Probabilities computed from the ACH ranking of a case: each hypothesis's share of
 * 1 / (1 + weighted inconsistency), so the least contradicted leads and all sum to 1. Empty when
 * the case has no evidence.
 */
export function achShares(c: Pick<LoadedCase, 'hypotheses' | 'evidence'>): Map<string, number> {
  if (c.hypotheses.length === 0 || c.evidence.length === 0) return new Map();
  const scores = scoreHypotheses(c.hypotheses, c.evidence);
  const weights = scores.map((s) => [s.hypothesis, 1 / (1 + s.weightedInconsistency)] as const);
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  return new Map(weights.map(([id, w]) => [id, w / total]));
}

/** The ACH shares of a case's hypotheses, and each scenario's: the share of the hypothesis that names it. */
function computedShares(c: LoadedCase): { shares: Map<string, number>; scenarioShare: Map<string, number> } {
  const shares = achShares(c);
  const scenarioShare = new Map(c.hypotheses.filter((h) => h.scenario && shares.has(h.id)).map((h) => [h.scenario!, shares.get(h.id)!]));
  return { shares, scenarioShare };
}

/**
 * The probability held on `asOf`: the analyst's latest forecast by then (dated when it was
 * made), else the computed share (dated `asOf`).
 */
function heldProbability(
  item: { forecasts?: Forecast[] },
  asOf: string,
  computed: number | undefined,
): { p: number; source: NonNullable<Forecast['source']>; date: string } | null {
  const held = forecastAt(item.forecasts, asOf);
  if (held) return { p: held.p, source: held.source ?? 'analyst', date: held.date };
  return computed !== undefined ? { p: computed, source: 'ach', date: asOf } : null;
}

/**
 * The probability of each scenario and hypothesis over time: on every day when what it rests on
 * could change (see trackedDays) from `from` to `until`, the probability the back-test would
 * take as held then, kept where it changed; with the outcome recorded by `until`.
 */
export async function probabilities(wb: Workbench, req: ProbabilitiesRequest): Promise<ProbabilitiesResponse> {
  const full = await wb.case();
  const until = asOfFor(full, wb.clock, req.until);
  const last = asOfDay(until);
  const first = req.from === undefined ? -Infinity : dayNumber(dayRange(req.from).from);
  if (last < first) throw new InputError(`the track ends (until ${until}) before it starts (from ${req.from})`, { field: 'until' });
  const days = trackedDays(full, await publishedDates(wb)).filter((d) => d > first && d <= last);
  if (Number.isFinite(first)) days.unshift(first);
  const now = (await caseAt(wb, until)).case;
  const targets = [
    ...now.scenarios.map((x) => ({ kind: 'scenario' as const, item: x })),
    ...now.hypotheses.map((x) => ({ kind: 'hypothesis' as const, item: x })),
  ];
  const points = targets.map((): ProbabilitySeries['points'] => []);
  for (const day of days) {
    const date = dayOf(day);
    const then = (await caseAt(wb, date)).case;
    const { shares, scenarioShare } = computedShares(then);
    targets.forEach(({ kind, item }, i) => {
      const before = kind === 'scenario' ? then.scenarios.find((x) => x.id === item.id) : then.hypotheses.find((x) => x.id === item.id);
      const held = heldProbability(before ?? {}, date, (kind === 'scenario' ? scenarioShare : shares).get(item.id));
      if (!held) return;
      const p = round(held.p)!;
      const previous = points[i][points[i].length - 1];
      if (!previous || previous.p !== p || previous.source !== held.source) points[i].push({ date, p, source: held.source });
    });
  }
  return {
    from: days.length ? dayOf(days[0]) : until,
    until,
    series: targets.map(({ kind, item }, i) => ({
      kind,
      id: item.id,
      title: item.title,
      points: points[i],
      outcome: item.outcome ? { value: item.outcome.value, date: dateValueOf(item.outcome.date) } : null,
    })),
  };
}

export const CALIBRATION_BANDS = 5;

/** Scored forecasts in equal bands of predicted probability (a p of 1 falls in the last band); empty bands left out. */
export function calibration(scored: ReadonlyArray<{ p: number; o: boolean }>, bands = CALIBRATION_BANDS): BacktestResponse['calibration'] {
  return Array.from({ length: bands }, (_, k) => {
    const inBand = scored.filter((x) => Math.min(bands - 1, Math.floor(x.p * bands)) === k);
    return {
      from: k / bands,
      to: (k + 1) / bands,
      n: inBand.length,
      meanP: round(mean(inBand.map((x) => x.p))) ?? 0,
      observed: round(mean(inBand.map((x) => (x.o ? 1 : 0)))) ?? 0,
    };
  }).filter((b) => b.n > 0);
}

const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * The back-test: the case rewound to `asOf` (what was known and forecast then) against the case
 * as recorded up to `until` (default today). Per scenario and hypothesis: the probability held
 * then (the analyst's latest forecast by then, else the ACH share of the rewound case; a scenario
 * takes the share of the hypothesis that names it) against the outcome recorded after `asOf`,
 * with Brier and log scores. Per commitment: its timeliness then and now, and the timing error.
 * Per indicator: its state then and now.
 */
export async function backtest(wb: Workbench, req: BacktestRequest): Promise<BacktestResponse> {
  const full = await wb.case();
  const until = asOfFor(full, wb.clock, req.until);
  const then = await caseAt(wb, req.asOf);
  const asOf = then.asOf;
  if (asOfDay(until) < asOfDay(asOf)) throw new InputError(`the back-test ends (until ${until}) before the date it rewinds to (${asOf})`, { field: 'until' });
  const now = (await caseAt(wb, until)).case;
  const { shares, scenarioShare } = computedShares(then.case);
  const afterAsOf = (o: Outcome | undefined) => (o && !startedBy(o.date, asOfDay(asOf)) ? o : undefined);

  const exact: Array<{ p: number; o: boolean; brier: number; log: number }> = [];
  const forecastRow = (kind: 'scenario' | 'hypothesis', item: { id: string; title: { ar: string; en: string }; forecasts?: Forecast[] }, outcome: Outcome | undefined, computed: number | undefined) => {
    const probability = heldProbability(item, asOf, computed);
    const predicted = probability?.p ?? null;
    const source = probability?.source ?? null;
    const observed = afterAsOf(outcome);
    const scored = predicted !== null && observed !== undefined;
    if (scored) exact.push({ p: predicted, o: observed.value, brier: brier(predicted, observed.value), log: logScore(predicted, observed.value) });
    return {
      kind,
      id: item.id,
      title: item.title,
      predicted: round(predicted),
      source,
      forecastDate: probability?.date ?? null,
      observed: observed ? observed.value : null,
      resolved: observed?.date ?? null,
      brier: scored ? round(brier(predicted, observed.value)) : null,
      log: scored ? round(logScore(predicted, observed.value)) : null,
    };
  };
  const forecasts = [
    ...now.scenarios.map((s) => forecastRow('scenario', then.case.scenarios.find((x) => x.id === s.id) ?? s, s.outcome, scenarioShare.get(s.id))),
    ...now.hypotheses.map((h) => forecastRow('hypothesis', then.case.hypotheses.find((x) => x.id === h.id) ?? h, h.outcome, shares.get(h.id))),
  ];

  const commitments = now.commitments.flatMap((m) => {
    const before = then.case.commitments.find((x) => x.id === m.id);
    if (!before) return [];
    const a = commitmentTiming(before, asOf);
    const b = commitmentTiming(m, until);
    const timingError =
      b.completed !== null && m.due !== undefined ? dateSortKey(b.completed) - dueDay(m.due) : b.timeliness === 'overdue' ? b.daysLate : null;
    return [{ id: m.id, title: m.title, due: m.due ?? null, then: a.timeliness, now: b.timeliness, completed: b.completed, timingError }];
  });

  const indicators = now.indicators.map((ind) => {
    const before = then.case.indicators.find((x) => x.id === ind.id);
    const a = indicatorTrack(before ?? { observations: [] }, asOf);
    const b = indicatorTrack(ind, until);
    return { id: ind.id, label: ind.label, then: a.state, now: b.state, observations: b.steps.length - a.steps.length };
  });

  // The means are of the exact scores (each row shows its own rounded).
  const scored = forecasts.filter((f) => f.brier !== null);
  const dueBy = commitments.filter((m) => m.due !== null && dueDay(m.due) <= asOfDay(until));
  return {
    asOf,
    until,
    forecasts,
    commitments,
    indicators,
    scores: {
      resolved: scored.length,
      brier: round(mean(exact.map((x) => x.brier))),
      log: round(mean(exact.map((x) => x.log))),
      onTime: dueBy.filter((m) => m.now === 'completed_on_time').length,
      late: dueBy.filter((m) => m.now === 'completed_late').length,
      missed: dueBy.filter((m) => m.now === 'overdue' || m.now === 'abandoned').length,
    },
    calibration: calibration(exact),
  };
}
