import { describe, expect, it } from 'vitest';
import type { Claim, Stance } from '../domain/case.js';
import { Claim as ClaimSchema, Stance as StanceSchema } from '../domain/case.js';
import { findClaimConflicts, findStanceConflicts } from './conflicts.js';

const cite = [{ doc: 'd.txt', quote: 'quote' }];
function claim(id: string, fields: Partial<Record<string, unknown>>): Claim {
  return ClaimSchema.parse({ id, quantity: 'attacks', unit: 'attacks', reported_by: ['x'], cite, value: 0, ...fields });
}

describe('findClaimConflicts', () => {
  it('findClaimConflicts reports different figures for the same quantity and period', () => {
    const period = { from: '2023-10-17', to: '2024-01' };
    const out = findClaimConflicts({ claims: [claim('a', { value: 150, period }), claim('b', { value: 170, period, reported_by: ['y'], cite: [{ doc: 'e.txt', quote: 'quote' }] })] });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'conflict', quantity: 'attacks', periods: 'same', a: { claim: 'a', docs: ['d.txt'] }, b: { claim: 'b', reported_by: ['y'], docs: ['e.txt'] } });
  });

  it('findClaimConflicts marks different figures for disjoint periods as different-periods', () => {
    const out = findClaimConflicts({
      claims: [claim('a', { value: 150, period: { from: '2023-10', to: '2023-12' } }), claim('b', { value: 60, period: { from: '2024-02', to: '2024-03' } })],
    });
    expect(out.map((x) => [x.kind, x.periods])).toEqual([['different-periods', 'disjoint']]);
  });

  it('findClaimConflicts reports nothing for the same figure, or within the exact tolerance', () => {
    const period = { from: '2024-01', to: '2024-01' };
    expect(findClaimConflicts({ claims: [claim('a', { value: 2500, period }), claim('b', { value: 2500, period })] })).toEqual([]);
    expect(findClaimConflicts({ claims: [claim('a', { value: 2500, period }), claim('b', { value: 2501, period })] })).toEqual([]);
    expect(findClaimConflicts({ claims: [claim('a', { value: 86, period }), claim('b', { value: 87, period })] })).toHaveLength(1);
  });

  it('findClaimConflicts treats open-ended periods as overlapping what they reach', () => {
    const out = findClaimConflicts({
      claims: [claim('a', { value: 100, period: { from: '2023-10' } }), claim('b', { value: 200, period: { to: '2024-02-01' } }), claim('c', { value: 300 })],
    });
    expect(out.map((x) => [x.a.claim, x.b.claim, x.kind, x.periods])).toEqual([
      ['a', 'b', 'conflict', 'overlapping'],
      ['a', 'c', 'conflict', 'overlapping'],
      ['b', 'c', 'conflict', 'overlapping'],
    ]);
  });

  it('findClaimConflicts compares qualifiers: "more than 150" fits 170 (a discrepancy) but not exactly 100', () => {
    const p = { period: { from: '2024-01', to: '2024-01' } };
    const more = claim('more', { value: 150, qualifier: 'more-than', ...p });
    expect(findClaimConflicts({ claims: [more, claim('b', { value: 170, ...p })] }).map((x) => x.kind)).toEqual(['discrepancy']);
    expect(findClaimConflicts({ claims: [more, claim('c', { value: 100, ...p })] }).map((x) => x.kind)).toEqual(['conflict']);
    expect(findClaimConflicts({ claims: [more, claim('d', { value: 150, ...p })] })).toEqual([]); // within rounding of an exact 150
  });

  it('findClaimConflicts compares ranges by overlap; a figure inside a range agrees, "about" another is a discrepancy', () => {
    const p = { period: { from: '2024', to: '2024' } };
    const range = claim('r', { value: { low: 5000, high: 7000 }, ...p });
    expect(findClaimConflicts({ claims: [range, claim('in', { value: 6000, ...p })] })).toEqual([]);
    expect(findClaimConflicts({ claims: [range, claim('out', { value: 9000, ...p })] }).map((x) => x.kind)).toEqual(['conflict']);
    const about = [claim('about', { value: 1000, qualifier: 'about', ...p }), claim('e', { value: 1080, ...p })];
    expect(findClaimConflicts({ claims: about }).map((x) => x.kind)).toEqual(['discrepancy']);
  });

  it('findClaimConflicts skips other places, other units and other quantities', () => {
    const p = { period: { from: '2024', to: '2024' } };
    const claims = [
      claim('a', { value: 1, place: 'iraq', ...p }),
      claim('b', { value: 2, place: 'syria', ...p }),
      claim('c', { value: 3, unit: 'percent', ...p }),
      claim('d', { value: 4, quantity: 'troops', ...p }),
    ];
    expect(findClaimConflicts({ claims })).toEqual([]);
  });

  it('findClaimConflicts takes a claim without a period at its stated date', () => {
    const out = findClaimConflicts({ claims: [claim('a', { value: 1, stated: '2024-01-05' }), claim('b', { value: 2, stated: '2024-03-05' })] });
    expect(out.map((x) => x.kind)).toEqual(['different-periods']);
  });
});

describe('findStanceConflicts', () => {
  const stance = (id: string, actor: string, answer: string, voice?: 'declared' | 'attributed'): Stance =>
    StanceSchema.parse({
      id, actor, issue: 'i', position: 'ambiguous', date: '2024-09', summary: { ar: 'ا', en: 'e' }, claim: { question: 'deal-covers-us-forces', answer }, cite,
      ...(voice ? { voice } : {}), ...(voice === 'attributed' ? { attributed_by: 'study' } : {}),
    });

  it('findStanceConflicts reports different answers to one question by different actors', () => {
    const out = findStanceConflicts({ stances: [stance('a', 'iraq', 'yes'), stance('b', 'us', 'No'), stance('c', 'iran', 'YES ')] });
    expect(out).toHaveLength(1);
    expect(out[0].question).toBe('deal-covers-us-forces');
    expect(out[0].answers.map((g) => [g.answer, g.stances.map((s) => s.actor)])).toEqual([
      ['yes', ['iraq', 'iran']],
      ['No', ['us']],
    ]);
  });

  it('findStanceConflicts keeps declared positions and attributed readings apart', () => {
    const out = findStanceConflicts({ stances: [stance('a', 'iraq', 'yes'), stance('b', 'us', 'no', 'attributed'), stance('c', 'iran', 'no', 'attributed'), stance('d', 'uk', 'yes', 'attributed')] });
    expect(out.map((c) => [c.voice, c.answers.map((g) => g.stances.map((s) => s.actor))])).toEqual([['attributed', [['us', 'iran'], ['uk']]]]);
    expect(out[0].answers[0].stances[0]).toMatchObject({ voice: 'attributed', attributed_by: 'study' });
  });
  it('findStanceConflicts ignores one actor changing its own answer', () => {
    expect(findStanceConflicts({ stances: [stance('a', 'iraq', 'yes'), stance('b', 'iraq', 'no')] })).toEqual([]);
  });

  it('findStanceConflicts answers for each actor with its latest statement: an answer it changed since is a change, not a contradiction', () => {
    const at = (s: Stance, date: string): Stance => ({ ...s, date });
    const early = at(stance('a', 'iraq', 'yes'), '2024-01');
    const later = at(stance('b', 'iraq', 'no'), '2024-06');
    const other = at(stance('c', 'us', 'no'), '2024-03');
    expect(findStanceConflicts({ stances: [early, later, other] })).toEqual([]);
    // Before Iraq changed its answer (the case rewound to April 2024), the two answers did contradict.
    const out = findStanceConflicts({ stances: [early, other] });
    expect(out.map((c) => c.answers.map((g) => g.stances.map((s) => s.actor)))).toEqual([[['iraq'], ['us']]]);
  });
});
