/**
 * Cross-reference checks of a loaded case: every id an item points to exists in the right
 * section, ids are unique, a causal edge is stated once, scenario levers are lever concepts.
 * Problems are reported through a callback with the item and the field path inside it, so the
 * loader can turn them into file:line messages.
 */
import { compareDates, daySpan } from '../domain/dates.js';
import type { FieldPath } from './locate.js';
import { ENTITY_SECTIONS, SECTION_NAMES, type SectionItems } from './sections.js';

export type Report = (owner: object, path: FieldPath, message: string) => void;

/**
 * `alsoKnown`: ids of items that exist but failed validation (already reported), so references
 * to them do not add a second, misleading "unknown id" error.
 */
export function checkReferences(
  c: SectionItems,
  report: Report,
  alsoKnown: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): void {
  checkDuplicateIds(c, report);
  const sectionOf = new Map<ReadonlyArray<{ id: string }>, string>(SECTION_NAMES.map((n) => [c[n] as ReadonlyArray<{ id: string }>, n]));
  const ids = (items: ReadonlyArray<{ id: string }>) =>
    new Set([...items.map((i) => i.id), ...(alsoKnown.get(sectionOf.get(items) ?? '') ?? [])]);
  const actors = ids(c.actors);
  const places = ids(c.places);
  const entities = new Set([...actors, ...places]);
  const issues = ids(c.issues);
  const events = ids(c.events);
  const quantities = ids(c.quantities);
  const concepts = ids(c.concepts);
  const levers = new Set(c.concepts.filter((k) => k.kind === 'lever').map((k) => k.id));

  const expect = (owner: object, path: FieldPath, id: string, pool: Set<string>, what: string) => {
    if (!pool.has(id)) report(owner, path, `unknown ${what} "${id}"${suggest(id, pool)}`);
  };

  for (const a of c.actors) {
    a.relations.forEach((r, i) => expect(a, ['relations', i, 'target'], r.target, entities, 'actor or place'));
  }
  for (const s of c.stances) {
    expect(s, ['actor'], s.actor, actors, 'actor');
    expect(s, ['issue'], s.issue, issues, 'issue');
    if (s.attributed_by !== undefined) expect(s, ['attributed_by'], s.attributed_by, actors, 'actor');
  }
  for (const e of c.events) {
    if (e.until && daySpan(e.until).hi < daySpan(e.date).lo) report(e, ['until'], 'the event ends before it starts (until is earlier than date)');
    e.actors.forEach((id, i) => expect(e, ['actors', i], id, actors, 'actor'));
    e.places.forEach((id, i) => expect(e, ['places', i], id, places, 'place'));
  }
  for (const m of c.commitments) {
    m.owners.forEach((id, i) => expect(m, ['owners', i], id, actors, 'actor'));
    m.counterparts.forEach((id, i) => expect(m, ['counterparts', i], id, actors, 'actor'));
    if (m.origin) expect(m, ['origin'], m.origin, events, 'event');
  }
  for (const k of c.claims) {
    expect(k, ['quantity'], k.quantity, quantities, 'quantity');
    if (k.place) expect(k, ['place'], k.place, places, 'place');
    k.reported_by.forEach((id, i) => expect(k, ['reported_by', i], id, actors, 'actor'));
  }
  for (const ind of c.indicators) {
    ind.quantities.forEach((id, i) => expect(ind, ['quantities', i], id, quantities, 'quantity'));
    ind.concepts.forEach((id, i) => expect(ind, ['concepts', i], id, concepts, 'concept'));
    const targets = new Set([...ids(c.scenarios), ...ids(c.hypotheses)]);
    ind.supports?.forEach((id, i) => expect(ind, ['supports', i], id, targets, 'scenario or hypothesis'));
    ind.undercuts?.forEach((id, i) => expect(ind, ['undercuts', i], id, targets, 'scenario or hypothesis'));
    if (ind.observations?.length && !ind.observe) report(ind, ['observations'], 'observations need an observable definition (observe: what, direction, threshold)');
  }
  const edgeKeys = new Set<string>();
  for (const e of c.edges) {
    expect(e, ['from'], e.from, concepts, 'concept');
    expect(e, ['to'], e.to, concepts, 'concept');
    if (e.condition) expect(e, ['condition', 'concept'], e.condition.concept, concepts, 'concept');
    const key = `${e.from}->${e.to}`;
    if (edgeKeys.has(key)) report(e, ['to'], `duplicate edge ${key}: state each causal link once`);
    edgeKeys.add(key);
  }
  const stakeActors = new Set<string>();
  for (const s of c.stakes) {
    expect(s, ['actor'], s.actor, actors, 'actor');
    if (stakeActors.has(s.actor)) report(s, ['actor'], `duplicate stakes for actor "${s.actor}"`);
    stakeActors.add(s.actor);
    for (const concept of Object.keys(s.weights)) expect(s, ['weights', concept], concept, concepts, 'concept');
  }
  for (const sc of c.scenarios) {
    for (const lever of Object.keys(sc.levers)) checkLever(sc, ['levers', lever], lever);
    let previous = '';
    sc.schedule.forEach((step, i) => {
      for (const lever of Object.keys(step.levers)) checkLever(sc, ['schedule', i, 'levers', lever], lever);
      if (previous && compareDates(step.date, previous) < 0) report(sc, ['schedule', i, 'date'], `schedule steps must be in date order (${step.date} after ${previous})`);
      previous = step.date;
    });
  }

  const hypotheses = ids(c.hypotheses);
  const scenarios = ids(c.scenarios);
  for (const hy of c.hypotheses) if (hy.scenario !== undefined) expect(hy, ['scenario'], hy.scenario, scenarios, 'scenario');
  const refPools: Record<string, [Set<string>, string]> = {
    claim: [ids(c.claims), 'claim'],
    event: [events, 'event'],
    stance: [ids(c.stances), 'stance'],
    commitment: [ids(c.commitments), 'commitment'],
  };
  for (const ev of c.evidence) {
    ev.refs.forEach((ref, i) => {
      const [pool, what] = refPools[ref.kind];
      expect(ev, ['refs', i, 'id'], ref.id, pool, what);
    });
    const rated = new Set<string>();
    ev.ratings.forEach((r, i) => {
      expect(ev, ['ratings', i, 'hypothesis'], r.hypothesis, hypotheses, 'hypothesis');
      if (rated.has(r.hypothesis)) report(ev, ['ratings', i, 'hypothesis'], `hypothesis "${r.hypothesis}" is rated twice in this evidence item`);
      rated.add(r.hypothesis);
    });
  }

  function checkLever(owner: object, path: FieldPath, id: string): void {
    if (!concepts.has(id)) report(owner, path, `unknown concept "${id}"${suggest(id, concepts)}`);
    else if (!levers.has(id) && c.concepts.some((k) => k.id === id)) report(owner, path, `concept "${id}" is not a lever (kind: lever) and cannot be set by a scenario`);
  }
}

/** Duplicate ids within a section, and across actors and places, which share one namespace. */
function checkDuplicateIds(c: SectionItems, report: Report): void {
  const entitySeen = new Map<string, string>();
  for (const section of SECTION_NAMES) {
    const seen = new Set<string>();
    for (const item of c[section] as ReadonlyArray<object>) {
      const id = (item as { id?: unknown }).id;
      if (typeof id !== 'string') continue;
      if (seen.has(id)) report(item, ['id'], `duplicate id "${id}" in ${section}`);
      seen.add(id);
      if (ENTITY_SECTIONS.includes(section)) {
        const other = entitySeen.get(id);
        if (other && other !== section) report(item, ['id'], `id "${id}" is used by both ${other} and ${section}; actors and places share one set of ids`);
        if (!other) entitySeen.set(id, section);
      }
    }
  }
}

/** ` (did you mean "x"?)` when an id is a small edit away from a known one. */
export function suggest(id: string, pool: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  for (const candidate of pool) {
    if (Math.abs(candidate.length - id.length) >= bestDistance) continue;
    const d = editDistance(id, candidate);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}
