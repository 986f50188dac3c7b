import { describe, expect, it } from 'vitest';
import type { Evidence, Hypothesis } from '../domain/ach.js';
import type { Claim, Commitment, Event, Place, Stance } from '../domain/case.js';
import { analyzeAch } from './ach.js';
import { bottomLine, changesSince, deadlineStatus, leadingSupport, mappedPlaces } from './bottom-line.js';

const bi = (en: string) => ({ ar: en, en });
const cite = [{ doc: 'd.txt', quote: 'q' }];
const hypotheses: Hypothesis[] = [
  { id: 'stay', title: bi('Forces stay'), scenario: 'status-quo' },
  { id: 'leave', title: bi('Forces leave') },
];
const rating = (hypothesis: string, r: Evidence['ratings'][number]['rating']) => ({ hypothesis, rating: r, rationale: bi(`${hypothesis} ${r}`), cite });
// e1 separates the two (CC vs II); e2 barely (C vs N); e3 does not (N vs N).
const evidence: Evidence[] = [
  { id: 'e3', title: bi('neutral'), refs: [{ kind: 'event', id: 'x' }], credibility: 'high', relevance: 'high', ratings: [rating('stay', 'N'), rating('leave', 'N')] },
  { id: 'e2', title: bi('weak'), refs: [{ kind: 'event', id: 'x' }], credibility: 'high', relevance: 'high', ratings: [rating('stay', 'C'), rating('leave', 'N')] },
  { id: 'e1', title: bi('strong'), refs: [{ kind: 'event', id: 'x' }], credibility: 'high', relevance: 'high', ratings: [rating('stay', 'CC'), rating('leave', 'II')] },
];

describe('leadingSupport', () => {
  it('leadingSupport lists the leader’s consistent ratings, most diagnostic evidence first', () => {
    const ach = analyzeAch(hypotheses, evidence);
    expect(ach.leading).toBe('stay');
    expect(leadingSupport(ach, evidence, 'stay').map((x) => [x.evidence.id, x.rating.rating])).toEqual([
      ['e1', 'CC'],
      ['e2', 'C'],
    ]);
  });
});

describe('bottomLine', () => {
  it('bottomLine names the leading hypothesis with its scenario, winners and the first winner’s probability', () => {
    const ach = analyzeAch(hypotheses, evidence);
    const b = bottomLine(ach, hypotheses, evidence, {
      scenario: { id: 'status-quo', title: bi('Status quo') },
      winners: [{ actor: 'a', payoff: 0.4 }],
      losers: [{ actor: 'b', payoff: -0.2 }],
      monteCarlo: { runs: 500, actors: [{ actor: 'b', ahead: 0.1 }, { actor: 'a', ahead: 0.83 }] },
    })!;
    expect(b.hypothesis.id).toBe('stay');
    expect(b.support.map((s) => s.evidence)).toEqual(['e1', 'e2']);
    expect(b.probability).toEqual({ actor: 'a', ahead: 0.83, runs: 500 });
    expect(b.critical.map((k) => k.evidence)).toEqual(ach.critical.map((k) => k.evidence));
  });

  it('bottomLine is null without an ACH matrix, and has no probability without a run', () => {
    expect(bottomLine(undefined, [], [])).toBeNull();
    const b = bottomLine(analyzeAch(hypotheses, evidence), hypotheses, evidence)!;
    expect(b.probability).toBeUndefined();
    expect(b.scenario).toBeUndefined();
  });
});

const commitment = (id: string, due: Commitment['due'], score: 0 | 1 | 2 | 3): Commitment =>
  ({ id, title: bi(id), owners: ['a'], counterparts: [], due, history: [{ date: '2024-01-01', score, note: bi('n'), cite }], cite }) as Commitment;

describe('deadlineStatus', () => {
  it('deadlineStatus counts a month deadline overdue only after its last day, and skips completed ones', () => {
    const s = deadlineStatus(
      [commitment('sep', '2024-09', 1), commitment('oct', '2024-10', 0), commitment('done', '2024-01', 3), commitment('dec', '2024-12-31', 2)],
      '2024-10-05',
    );
    expect(s.overdue.map((x) => [x.commitment.id, x.days])).toEqual([['sep', 5]]);
    expect(s.upcoming.map((x) => x.commitment.id)).toEqual(['oct', 'dec']);
  });
});

describe('changesSince', () => {
  it('changesSince lists events, stances, status changes and stated figures after the date, newest first', () => {
    const events = [
      { id: 'old', date: '2024-08-01', type: 'other', title: bi('old'), actors: [], places: [], cite },
      { id: 'new', date: '2024-10-02', type: 'other', title: bi('new'), actors: [], places: [], cite },
    ] as unknown as Event[];
    const stances = [{ id: 's1', actor: 'a', issue: 'i', position: 'oppose', date: '2024-09-20', summary: bi('s'), cite }] as unknown as Stance[];
    const commitments = [
      { ...commitment('c', '2025', 1), history: [{ date: '2024-01-01', score: 0, note: bi('n'), cite }, { date: '2024-09-30', score: 1, note: bi('n'), cite }] },
    ] as Commitment[];
    const claims = [{ id: 'k', quantity: 'q', value: 1, qualifier: 'exact', unit: 'x', reported_by: ['a'], stated: '2024-10', cite }] as unknown as Claim[];
    const changes = changesSince({ events, stances, commitments, claims, quantities: [{ id: 'q', label: bi('quantity') }] }, '2024-09-01', '2024-10-31');
    expect(changes.map((c) => `${c.kind}:${c.id}:${c.date}`)).toEqual(['event:new:2024-10-02', 'claim:k:2024-10-01', 'status:c:2024-09-30', 'stance:s1:2024-09-20']);
    expect(changes.find((c) => c.kind === 'status')!.detail).toBe('1');
  });
});

describe('mappedPlaces', () => {
  it('mappedPlaces keeps places with coordinates and attaches their events in date order', () => {
    const places = [
      { id: 'p', kind: 'base', name: bi('P'), aliases: [], lat: 33.8, lon: 42.44, cite },
      { id: 'nowhere', kind: 'region', name: bi('N'), aliases: [], cite },
    ] as Place[];
    const events = [
      { id: 'b', date: '2024-05', type: 'attack', title: bi('b'), actors: [], places: ['p'], cite },
      { id: 'a', date: '2024-01-03', type: 'attack', title: bi('a'), actors: [], places: ['p'], cite },
    ] as unknown as Event[];
    const m = mappedPlaces(places, events, []);
    expect(m.map((p) => p.id)).toEqual(['p']);
    expect(m[0].events.map((e) => e.id)).toEqual(['a', 'b']);
  });
});
