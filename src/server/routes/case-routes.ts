/**
 * Read-only routes over the loaded case: metadata, overview, actors, stances, events,
 * commitments, claims and their computed conflicts, scenarios. Every `cite` in a response is
 * resolved to its passage by the citation index.
 */
import { Hono } from 'hono';
import { analyzeAch } from '../../analysis/ach.js';
import { findClaimConflicts } from '../../case/conflicts.js';
import { NotFoundError } from '../../domain/errors.js';
import { EmptyQuery, EventsQuery, StancesQuery, parseInput } from '../parse-input.js';
import type { CitationIndex } from '../../case/citation-index.js';
import { dateStart, dateText } from '../dates.js';
import type { AppDeps } from '../deps.js';

export function caseRoutes(deps: AppDeps, citations: CitationIndex): Hono {
  const c0 = deps.caseData;
  const app = new Hono();
  const noQuery = (query: Record<string, string>) => parseInput(EmptyQuery, stripToken(query), 'query');

  app.get('/case', async (c) => {
    noQuery(c.req.query());
    const stats = await deps.store.stats();
    return c.json({
      meta: c0.meta,
      counts: caseCounts(deps),
      store: stats,
    });
  });

  app.get('/overview', async (c) => {
    noQuery(c.req.query());
    const asOf = c0.meta.as_of ?? new Date().toISOString().slice(0, 10);
    const stats = await deps.store.stats();
    const deadlines = c0.commitments
      .filter((m) => m.due !== undefined)
      .map((m) => ({ ...m, current: m.history[m.history.length - 1] }))
      .sort((a, b) => dateStart(a.due).localeCompare(dateStart(b.due)));
    const upcoming = deadlines.filter((m) => dateStart(m.due) >= asOf);
    const events = [...c0.events].sort((a, b) => dateStart(b.date).localeCompare(dateStart(a.date)));
    return c.json(
      await citations.withCitations({
        meta: c0.meta,
        asOf,
        counts: { ...caseCounts(deps), conflicts: findClaimConflicts(c0).length },
        store: stats,
        deadlines: (upcoming.length ? upcoming : deadlines).slice(0, 6),
        latestEvents: events.filter((e) => dateStart(e.date) <= asOf).slice(0, 6),
        scenarios: c0.scenarios.map((s) => ({ id: s.id, title: s.title, description: s.description })),
      }),
    );
  });

  app.get('/actors', async (c) => {
    noQuery(c.req.query());
    const stanceCount = countBy(c0.stances.map((s) => s.actor));
    return c.json({
      items: await citations.withCitations(c0.actors.map((a) => ({ ...a, stances: stanceCount.get(a.id) ?? 0 }))),
      issues: c0.issues,
    });
  });

  app.get('/actors/:id', async (c) => {
    noQuery(c.req.query());
    const id = c.req.param('id');
    const actor = c0.actors.find((a) => a.id === id);
    if (!actor) throw new NotFoundError(`no actor with id "${id}"`);
    const incoming = c0.actors.flatMap((a) =>
      a.relations.filter((r) => r.target === id).map((r) => ({ ...r, source: a.id })),
    );
    return c.json(
      await citations.withCitations({
        actor,
        stances: byDate(c0.stances.filter((s) => s.actor === id)),
        relations: actor.relations.map((r) => ({ ...r, source: id })),
        incoming,
        events: byDate(c0.events.filter((e) => e.actors.includes(id))),
        commitments: c0.commitments.filter((m) => m.owners.includes(id) || m.counterparts.includes(id)),
        claims: c0.claims.filter((m) => m.reported_by.includes(id)),
      }),
    );
  });

  app.get('/stances', async (c) => {
    const q = parseInput(StancesQuery, stripToken(c.req.query()), 'query');
    const items = c0.stances.filter((s) => (!q.actor || s.actor === q.actor) && (!q.issue || s.issue === q.issue));
    return c.json({ items: await citations.withCitations(byDate(items)), issues: c0.issues });
  });

  app.get('/events', async (c) => {
    const q = parseInput(EventsQuery, stripToken(c.req.query()), 'query');
    const items = c0.events.filter((e) => (!q.actor || e.actors.includes(q.actor)) && (!q.type || e.type === q.type));
    return c.json({ items: await citations.withCitations(byDate(items)) });
  });

  app.get('/commitments', async (c) => {
    noQuery(c.req.query());
    const items = c0.commitments.map((m) => ({ ...m, current: m.history[m.history.length - 1] }));
    return c.json({ items: await citations.withCitations(items), asOf: c0.meta.as_of ?? null });
  });

  app.get('/claims', async (c) => {
    noQuery(c.req.query());
    return c.json({ items: await citations.withCitations(c0.claims), quantities: c0.quantities });
  });

  app.get('/claims/conflicts', async (c) => {
    noQuery(c.req.query());
    return c.json({ items: await citations.withCitations(findClaimConflicts(c0)), quantities: c0.quantities });
  });

  app.get('/scenarios', async (c) => {
    noQuery(c.req.query());
    return c.json({ items: await citations.withCitations(c0.scenarios), indicators: c0.indicators });
  });

  app.get('/hypotheses', async (c) => {
    noQuery(c.req.query());
    return c.json({
      hypotheses: c0.hypotheses,
      evidence: await citations.withCitations(c0.evidence),
      analysis: analyzeAch(c0.hypotheses, c0.evidence),
    });
  });

  app.get('/places', async (c) => {
    noQuery(c.req.query());
    return c.json({ items: await citations.withCitations(c0.places) });
  });

  return app;
}

/** `?token=` belongs to the access guard, not to the route's own parameters. */
export function stripToken(query: Record<string, string>): Record<string, string> {
  const { token: _token, ...rest } = query;
  return rest;
}

function caseCounts(deps: AppDeps) {
  const c0 = deps.caseData;
  return {
    actors: c0.actors.length,
    stances: c0.stances.length,
    events: c0.events.length,
    commitments: c0.commitments.length,
    claims: c0.claims.length,
    scenarios: c0.scenarios.length,
    concepts: c0.concepts.length,
    edges: c0.edges.length,
  };
}

function byDate<T extends { date: Parameters<typeof dateText>[0] }>(items: T[]): T[] {
  return [...items].sort((a, b) => dateStart(a.date).localeCompare(dateStart(b.date)));
}

function countBy(keys: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}
