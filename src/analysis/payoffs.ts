/**
 * Actors' payoffs from a scenario: each actor's stakes say how much it gains per unit rise of
 * an outcome (negative: it loses), so its payoff is Σ stake × delta over the outcomes it has a
 * stake in. Winners have a payoff above ε, losers below −ε; the rest are unaffected.
 */
import type { Stake } from '../domain/model.js';
import { InputError } from '../domain/errors.js';
import type { ActorPayoff, PayoffTable } from '../domain/simulation.js';

export const PAYOFF_DEFAULTS = {
  /** Payoffs within ±ε count as unaffected. */
  epsilon: 1e-4,
} as const;

export type { ActorPayoff, PayoffTable };

type StakeInput = Pick<Stake, 'actor' | 'weights'>;

/** `deltas`: concept id → change of the concept between baseline and scenario. */
export function payoffs(
  stakes: readonly StakeInput[],
  deltas: Readonly<Record<string, number>> | ReadonlyMap<string, number>,
  options: { epsilon?: number } = {},
): PayoffTable {
  const eps = options.epsilon ?? PAYOFF_DEFAULTS.epsilon;
  const get = (id: string): number | undefined =>
    deltas instanceof Map ? deltas.get(id) : Object.hasOwn(deltas, id) ? (deltas as Record<string, number>)[id] : undefined;
  const byActor = new Map<string, number>();
  stakes.forEach((stake, s) => {
    let sum = byActor.get(stake.actor) ?? 0;
    for (const [concept, w] of Object.entries(stake.weights)) {
      const d = get(concept);
      if (d === undefined) throw new InputError(`stake names unknown concept "${concept}"`, { field: `stakes[${s}].weights.${concept}` });
      sum += w * d;
    }
    byActor.set(stake.actor, sum);
  });
  const actors = [...byActor].map(([actor, payoff]) => ({ actor, payoff }));
  const winners = actors.filter((a) => a.payoff > eps).sort((a, b) => b.payoff - a.payoff || cmp(a.actor, b.actor));
  const losers = actors.filter((a) => a.payoff < -eps).sort((a, b) => a.payoff - b.payoff || cmp(a.actor, b.actor));
  return { actors, winners, losers };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Stakes as flat arrays over concept indices, for Monte Carlo loops: actor a's terms are
 * positions starts[a] .. starts[a+1]-1 of `concepts`/`weights`. Several stake entries of one
 * actor are merged.
 */
export interface CompiledStakes {
  actors: string[];
  starts: Int32Array;
  concepts: Int32Array;
  weights: Float64Array;
}

export function compileStakes(stakes: readonly StakeInput[], index: ReadonlyMap<string, number>): CompiledStakes {
  const terms = new Map<string, Array<[number, number]>>();
  stakes.forEach((stake, s) => {
    const list = terms.get(stake.actor) ?? [];
    for (const [concept, w] of Object.entries(stake.weights)) {
      const i = index.get(concept);
      if (i === undefined) throw new InputError(`stake names unknown concept "${concept}"`, { field: `stakes[${s}].weights.${concept}` });
      if (!Number.isFinite(w)) throw new InputError(`expected a finite stake weight, got ${w}`, { field: `stakes[${s}].weights.${concept}` });
      list.push([i, w]);
    }
    terms.set(stake.actor, list);
  });
  const actors = [...terms.keys()];
  const starts = new Int32Array(actors.length + 1);
  const all = actors.flatMap((a) => terms.get(a) ?? []);
  let p = 0;
  actors.forEach((a, k) => {
    p += (terms.get(a) ?? []).length;
    starts[k + 1] = p;
  });
  return {
    actors,
    starts,
    concepts: Int32Array.from(all.map(([i]) => i)),
    weights: Float64Array.from(all.map(([, w]) => w)),
  };
}

/** Writes each actor's payoff for concept deltas `delta` (by concept index) into `out`. */
export function payoffVector(c: CompiledStakes, delta: Float64Array, out: Float64Array): Float64Array {
  for (let a = 0; a < c.actors.length; a++) {
    let sum = 0;
    for (let p = c.starts[a]; p < c.starts[a + 1]; p++) sum += c.weights[p] * delta[c.concepts[p]];
    out[a] = sum;
  }
  return out;
}
