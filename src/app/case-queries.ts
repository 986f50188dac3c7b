/**
 * Listings and queries of the case: what the CLI's listing commands, the API's case routes and
 * the briefing ask. Each is written once here, with one order (dates through the partial-date
 * comparison of domain/dates.ts) and one "unknown id" error (lookup.ts).
 */
import { analyzeAch } from '../analysis/ach.js';
import { findClaimConflicts, findStanceConflicts } from '../case/conflicts.js';
import type { LoadedCase } from '../case/load.js';
import type { Commitment } from '../domain/case.js';
import { sortByDate, daySpan, compareDates } from '../domain/dates.js';
import { deadlines, latestEvents, upcomingDeadlines } from '../case/timeline.js';
import { InputError } from '../domain/errors.js';
import { attentionOrder, commitmentTiming } from '../analysis/tracking.js';
import { asOfFor, caseAt } from './as-of.js';
import type {
  AsOfRequest,
  ActorsRequest,
  ClaimsRequest,
  EventsRequest,
  StancesRequest,
} from '../domain/requests.js';
import type {
  ActorResponse,
  ActorsResponse,
  CaseInfoResponse,
  ClaimsResponse,
  CommitmentsResponse,
  CommitmentWithStatus,
  ConflictsResponse,
  EventsResponse,
  HypothesesResponse,
  OverviewResponse,
  PlacesResponse,
  ScenariosResponse,
  StancesResponse,
} from '../domain/responses.js';
import { checkId, findById } from './lookup.js';
import type { Workbench } from './workbench.js';

export const CASE_QUERY_DEFAULTS = {
  /** Deadlines and events on the overview. */
  overviewItems: 6,
} as const;

/** The day "now" is for a case: the last day of its `as_of`, else today. As `YYYY-MM-DD`. */
export function caseAsOf(c: LoadedCase, clock: () => Date): string {
  return asOfFor(c, clock);
}

function counts(c: LoadedCase) {
  return {
    actors: c.actors.length,
    stances: c.stances.length,
    events: c.events.length,
    commitments: c.commitments.length,
    claims: c.claims.length,
    scenarios: c.scenarios.length,
    concepts: c.concepts.length,
    edges: c.edges.length,
  };
}

export async function caseInfo(wb: Workbench): Promise<CaseInfoResponse> {
  const c = await wb.case();
  return { meta: c.meta, counts: counts(c), store: await (await wb.store()).stats() };
}

/** A commitment with its latest status entry and its timeliness on `asOf` (YYYY-MM-DD). */
export function withStatus(m: Commitment, asOf: string): CommitmentWithStatus {
  const t = commitmentTiming(m, asOf);
  return {
    ...m,
    current: t.current ?? m.history[m.history.length - 1]!,
    timeliness: t.timeliness,
    daysLate: t.daysLate,
    daysLeft: t.daysLeft,
    completed: t.completed,
  };
}

/** Commitments with their timeliness, leading with what needs attention: overdue, then due soon, then by deadline. */
export function commitmentsByAttention(commitments: readonly Commitment[], asOf: string): CommitmentWithStatus[] {
  return commitments
    .map((commitment) => ({ commitment, timing: commitmentTiming(commitment, asOf) }))
    .sort(attentionOrder)
    .map(({ commitment }) => withStatus(commitment, asOf));
}

export async function overview(wb: Workbench, req: AsOfRequest = {}): Promise<OverviewResponse> {
  const { case: c, asOf } = await caseAt(wb, req.asOf);
  const store = await wb.store();
  const upcoming = upcomingDeadlines(c, asOf).filter((m) => commitmentTiming(m, asOf).timeliness !== 'abandoned');
  const all = commitmentsByAttention(c.commitments, asOf);
  return {
    meta: c.meta,
    asOf,
    counts: { ...counts(c), conflicts: findClaimConflicts(c).length },
    store: await store.stats(),
    deadlines: (upcoming.length ? upcoming : deadlines(c)).slice(0, CASE_QUERY_DEFAULTS.overviewItems).map((m) => withStatus(m, asOf)),
    latestEvents: latestEvents(c, asOf, CASE_QUERY_DEFAULTS.overviewItems),
    overdue: all.filter((m) => m.timeliness === 'overdue'),
    scenarios: c.scenarios.map((s) => ({ id: s.id, title: s.title, description: s.description })),
  };
}

export async function listActors(wb: Workbench, req: ActorsRequest): Promise<ActorsResponse> {
  const { case: c } = await caseAt(wb, req.asOf);
  // the actor's own positions and the readings authors attribute to it, counted apart
  const declared = new Map<string, number>();
  const attributed = new Map<string, number>();
  for (const s of c.stances) {
    const m = s.voice === 'attributed' ? attributed : declared;
    m.set(s.actor, (m.get(s.actor) ?? 0) + 1);
  }
  return {
    items: c.actors
      .filter((a) => !req.type || a.type === req.type)
      .map((a) => ({ ...a, stances: declared.get(a.id) ?? 0, attributed: attributed.get(a.id) ?? 0 })),
    issues: c.issues,
  };
}

export async function getActor(wb: Workbench, id: string): Promise<ActorResponse> {
  const c = await wb.case();
  const actor = findById(c.actors, id, 'actor');
  const own = sortByDate(
    c.stances.filter((s) => s.actor === id),
    (s) => s.date,
  );
  return {
    actor,
    // its own positions, and apart from them what authors attribute to it
    stances: own.filter((s) => s.voice === 'declared'),
    attributed: own.filter((s) => s.voice === 'attributed'),
    relations: actor.relations.map((r) => ({ ...r, source: id })),
    incoming: c.actors.flatMap((a) => a.relations.filter((r) => r.target === id).map((r) => ({ ...r, source: a.id }))),
    events: sortByDate(
      c.events.filter((e) => e.actors.includes(id)),
      (e) => e.date,
    ),
    commitments: c.commitments.filter((m) => m.owners.includes(id) || m.counterparts.includes(id)),
    claims: c.claims.filter((m) => m.reported_by.includes(id)),
  };
}

export async function listStances(wb: Workbench, req: StancesRequest): Promise<StancesResponse> {
  const { case: c } = await caseAt(wb, req.asOf);
  checkId(c.actors, req.actor, 'actor');
  checkId(c.issues, req.issue, 'issue');
  const items = c.stances.filter((s) => (!req.actor || s.actor === req.actor) && (!req.issue || s.issue === req.issue) && (!req.voice || s.voice === req.voice));
  return { items: sortByDate(items, (s) => s.date), issues: c.issues };
}

export async function listEvents(wb: Workbench, req: EventsRequest): Promise<EventsResponse> {
  const { case: c } = await caseAt(wb, req.asOf);
  checkId(c.actors, req.actor, 'actor');
  if (req.from && req.to && compareDates(req.to, req.from) < 0 && daySpan(req.to).hi < daySpan(req.from).lo) {
    throw new InputError(`the period ends (to ${req.to}) before it starts (from ${req.from})`, { field: 'to' });
  }
  const lo = req.from ? daySpan(req.from).lo : -Infinity;
  const hi = req.to ? daySpan(req.to).hi : Infinity;
  const items = c.events.filter((e) => {
    if (req.actor && !e.actors.includes(req.actor)) return false;
    if (req.type && e.type !== req.type) return false;
    const span = daySpan(e.date);
    const end = e.until ? daySpan(e.until).hi : span.hi;
    return end >= lo && span.lo <= hi;
  });
  return { items: sortByDate(items, (e) => e.date) };
}

export async function listCommitments(wb: Workbench, req: AsOfRequest = {}): Promise<CommitmentsResponse> {
  const { case: c, asOf } = await caseAt(wb, req.asOf);
  return { items: commitmentsByAttention(c.commitments, asOf), asOf };
}

export async function listClaims(wb: Workbench, req: ClaimsRequest): Promise<ClaimsResponse> {
  const { case: c } = await caseAt(wb, req.asOf);
  checkId(c.quantities, req.quantity, 'quantity');
  return { items: c.claims.filter((k) => !req.quantity || k.quantity === req.quantity), quantities: c.quantities };
}

export async function listConflicts(wb: Workbench, req: ClaimsRequest): Promise<ConflictsResponse> {
  const { case: c } = await caseAt(wb, req.asOf);
  checkId(c.quantities, req.quantity, 'quantity');
  const claims = c.claims.filter((k) => !req.quantity || k.quantity === req.quantity);
  return {
    items: findClaimConflicts({ claims }),
    // Stance conflicts are about questions, not quantities: a quantity filter leaves them out.
    stances: req.quantity ? [] : findStanceConflicts(c),
    quantities: c.quantities,
  };
}

export async function listScenarios(wb: Workbench, req: AsOfRequest = {}): Promise<ScenariosResponse> {
  const { case: c, asOf } = await caseAt(wb, req.asOf);
  return { items: c.scenarios, indicators: c.indicators, asOf };
}

export async function listPlaces(wb: Workbench): Promise<PlacesResponse> {
  const c = await wb.case();
  return { items: c.places };
}

export async function hypotheses(wb: Workbench, req: AsOfRequest = {}): Promise<HypothesesResponse> {
  const { case: c, asOf } = await caseAt(wb, req.asOf);
  if (c.hypotheses.length === 0) {
    throw new InputError(`the case in ${c.dir} has no hypotheses (add an ach.yaml with hypotheses and evidence)`, {
      field: 'hypotheses',
    });
  }
  return { hypotheses: c.hypotheses, evidence: c.evidence, analysis: analyzeAch(c.hypotheses, c.evidence), asOf };
}
