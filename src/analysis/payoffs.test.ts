import { describe, expect, it } from 'vitest';
import { compileStakes, payoffs, payoffVector } from './payoffs.js';

const stakes = [
  { actor: 'iran', weights: { influence: 1, sanctions: -0.5 } },
  { actor: 'usa', weights: { influence: -1 } },
  { actor: 'china', weights: { trade: 0.5 } },
];

describe('payoffs', () => {
  it('payoffs sums stake × delta and splits winners and losers', () => {
    const t = payoffs(stakes, { influence: 0.4, sanctions: 0.2, trade: 0 });
    // iran 1·0.4 − 0.5·0.2 = 0.3; usa −0.4; china 0
    expect(t.actors.map((a) => a.actor)).toEqual(['iran', 'usa', 'china']);
    expect(t.actors[0].payoff).toBeCloseTo(0.3, 12);
    expect(t.winners.map((a) => a.actor)).toEqual(['iran']);
    expect(t.losers.map((a) => a.actor)).toEqual(['usa']);
  });

  it('payoffs sorts winners descending and losers ascending', () => {
    const t = payoffs(
      [
        { actor: 'a', weights: { x: 0.1 } },
        { actor: 'b', weights: { x: 0.9 } },
        { actor: 'c', weights: { x: -0.2 } },
        { actor: 'd', weights: { x: -0.8 } },
      ],
      { x: 1 },
    );
    expect(t.winners.map((a) => a.actor)).toEqual(['b', 'a']);
    expect(t.losers.map((a) => a.actor)).toEqual(['d', 'c']);
  });

  it('payoffs rejects a stake on an unknown concept', () => {
    expect(() => payoffs([{ actor: 'a', weights: { nope: 1 } }], { x: 1 })).toThrow(/unknown concept "nope"/);
  });

  it('payoffVector agrees with payoffs', () => {
    const index = new Map([
      ['influence', 0],
      ['sanctions', 1],
      ['trade', 2],
    ]);
    const c = compileStakes(stakes, index);
    const out = payoffVector(c, Float64Array.from([0.4, 0.2, 0.6]), new Float64Array(3));
    const t = payoffs(stakes, { influence: 0.4, sanctions: 0.2, trade: 0.6 });
    expect(Array.from(out)).toEqual(t.actors.map((a) => a.payoff));
  });
});
