import { describe, expect, it } from 'vitest';
import { buildCausalMap } from '../model/causal-map.js';
import { runSchedule } from './schedule.js';

// presence (lever) → vacuum −1 → chaos +1: a chain of two links
const label = { ar: 'x', en: 'x' };
const map = buildCausalMap(
  [
    { id: 'presence', kind: 'lever', label, initial: 1 },
    { id: 'vacuum', kind: 'intermediate', label },
    { id: 'chaos', kind: 'outcome', label },
  ],
  [
    { from: 'presence', to: 'vacuum', weight: -1, range: [-1, -1] },
    { from: 'vacuum', to: 'chaos', weight: 1, range: [1, 1] },
  ],
);
const scenario = { id: 'phased', schedule: [{ date: '2025-09-30', levers: { presence: 0 } }] };

describe('runSchedule', () => {
  it('runSchedule gives one value per month from the month before the first step', () => {
    const t = runSchedule(map, scenario);
    expect(t.from).toBe('2025-08');
    expect(t.to).toBe('2026-09');
    expect(t.months).toHaveLength(14);
    expect(t.changes).toEqual([{ month: '2025-09', levers: { presence: 0 } }]);
  });

  it('runSchedule moves an effect one link per month', () => {
    const t = runSchedule(map, scenario);
    const at = (id: string) => t.series.find((s) => s.concept === id)!.values;
    const vacuum0 = Math.tanh(-1);
    const chaos0 = Math.tanh(vacuum0);
    // August: baseline; September: the lever drops, vacuum follows; October: chaos follows
    expect(at('vacuum')[0]).toBeCloseTo(vacuum0, 6);
    expect(at('chaos')[0]).toBeCloseTo(chaos0, 6);
    expect(at('presence')[1]).toBe(0);
    expect(at('vacuum')[1]).toBeCloseTo(0, 12);
    expect(at('chaos')[1]).toBeCloseTo(chaos0, 6);
    expect(at('chaos')[2]).toBeCloseTo(0, 12);
  });

  it('runSchedule honours an explicit window and steps per month', () => {
    const t = runSchedule(map, scenario, { from: '2025-01', to: '2025-12', stepsPerMonth: 2 });
    expect(t.months[0]).toBe('2025-01');
    expect(t.months).toHaveLength(12);
    const chaos = t.series.find((s) => s.concept === 'chaos')!.values;
    expect(chaos[8]).toBeCloseTo(0, 12); // September: two links in one month
  });

  it('runSchedule rejects a scenario without a schedule and no window, and reversed windows', () => {
    expect(() => runSchedule(map, { id: 'flat' })).toThrow(/no schedule/);
    expect(() => runSchedule(map, scenario, { from: '2026-01', to: '2025-01' })).toThrow(/before start/);
    expect(() => runSchedule(map, scenario, { stepsPerMonth: 0 })).toThrow(/stepsPerMonth/);
  });
});
