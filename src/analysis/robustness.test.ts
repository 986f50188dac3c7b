import { describe, expect, it } from 'vitest';
import { percent, robustness } from './robustness.js';

// Concepts [x, y]; at the authored weights x rises by 0.3 and y falls by 0.2. Edge a→x swings x
// from 0.1 to 0.5; edge b→x from −0.05 (reverses it) to 0.35; edge c→y barely moves y.
const table = {
  scenario: 's',
  concepts: ['x', 'y'],
  delta: Float64Array.from([0.3, -0.2]),
  edges: [
    { from: 'a', to: 'x', weight: 0.5, low: 0.3, high: 0.7, deltaLow: Float64Array.from([0.1, -0.2]), deltaHigh: Float64Array.from([0.5, -0.2]) },
    { from: 'b', to: 'x', weight: 0.5, low: 0.3, high: 0.7, deltaLow: Float64Array.from([-0.05, -0.2]), deltaHigh: Float64Array.from([0.35, -0.2]) },
    { from: 'c', to: 'y', weight: -0.5, low: -0.7, high: -0.3, deltaLow: Float64Array.from([0.3, -0.21]), deltaHigh: Float64Array.from([0.3, -0.19]) },
  ],
};
const mc = {
  outcomes: [
    { concept: 'x', rise: 0.94, fall: 0.06, meanDelta: 0.3, sdDelta: 0.1 },
    { concept: 'y', rise: 0, fall: 1, meanDelta: -0.2, sdDelta: 0.01 },
  ],
  actors: [{ actor: 'iran', ahead: 0.94, behind: 0.06, meanPayoff: 0.3 }],
};
const names = { x: { ar: 'س', en: 'X' }, y: { ar: 'ص', en: 'Y' }, a: { ar: 'أ', en: 'A' }, b: { ar: 'ب', en: 'B' }, c: { ar: 'ج', en: 'C' } };
const run = () =>
  robustness({
    mc,
    table,
    stakes: [{ actor: 'iran', weights: { x: 1 } }],
    conceptLabel: (id) => names[id as keyof typeof names],
    actorName: (id) => (id === 'iran' ? { ar: 'إيران', en: 'Iran' } : undefined),
    top: 2,
  });

describe('robustness', () => {
  it('robustness gives actors first, then outcomes by size, each with its probability', () => {
    const r = run();
    expect(r.map((x) => [x.kind, x.subject, x.claim, x.probability])).toEqual([
      ['actor', 'iran', 'ahead', 0.94],
      ['effect', 'x', 'rises', 0.94],
      ['effect', 'y', 'falls', 1],
    ]);
  });

  it('robustness ranks the edges a conclusion hangs on by swing and marks an end that reverses it', () => {
    const [iran] = run();
    expect(iran.hangsOn.map((h) => [h.from, h.to, +h.swing.toFixed(2)])).toEqual([
      ['a', 'x', 0.4],
      ['b', 'x', 0.4],
    ]);
    expect(iran.hangsOn[1].reverses).toBe('low');
    expect(iran.hangsOn[0].reverses).toBeUndefined();
  });

  it('robustness writes the conclusion in English and Arabic', () => {
    const [iran, x] = run();
    expect(iran.sentence.en).toBe(
      'Iran comes out ahead in 94% of plausible weightings; it hangs mostly on «A → X» and «B → X». At the low end of its range, «B → X» alone reverses it.',
    );
    expect(iran.sentence.ar).toBe(
      'يخرج الطرف «إيران» رابحًا في 94% من الأوزان المعقولة؛ ويتوقف ذلك أساسًا على «أ ← س» و«ب ← س». وعند الطرف الأدنى من مدى «ب ← س» وحده ينقلب هذا الاستنتاج.',
    );
    expect(x.sentence.en).toMatch(/^X rises in 94% of plausible weightings/);
  });

  it('percent says 100% or 0% only when every run or none agrees', () => {
    expect(percent(1)).toBe('100%');
    expect(percent(0.999)).toBe('99%');
    expect(percent(0.001)).toBe('1%');
    expect(percent(0)).toBe('0%');
  });
});
