/**
 * Update rules: how a concept's summed input is formed from the activations of its causes.
 * With A the activations, w_ji the weight of the edge j → i and f the transfer function:
 * - kosko:           A_i(t+1) = f( Σ_j w_ji · A_j(t) )
 * - modified-kosko:  A_i(t+1) = f( A_i(t) + Σ_j w_ji · A_j(t) )          (self-memory)
 * - rescaled:        A_i(t+1) = f( (2A_i(t) − 1) + Σ_j w_ji · (2A_j(t) − 1) )
 *   (Papageorgiou's rescaling for sigmoid maps: activations in [0, 1] are mapped to [−1, 1]
 *   before they are summed, so a concept at 0 pushes against its effects instead of being
 *   neutral).
 * As with transfers, the kernel switches on `code`.
 */
import type { UPDATE_RULE_NAMES as NAMES } from '../domain/names.js';

/** The names are listed once, in domain/names.ts; this table must have an entry for each. */
export type UpdateRuleName = (typeof NAMES)[number];

export interface UpdateRule {
  readonly code: number;
  readonly description: string;
  /** Reference implementation: the input to the transfer for one concept. */
  input(self: number, causes: ReadonlyArray<readonly [weight: number, activation: number]>): number;
}

export const RULE_KOSKO = 0;
export const RULE_MODIFIED_KOSKO = 1;
export const RULE_RESCALED = 2;

export const UPDATE_RULES: Readonly<Record<UpdateRuleName, UpdateRule>> = Object.freeze({
  kosko: {
    code: RULE_KOSKO,
    description: 'A(t+1) = f(Σ w·A(t))',
    input: (_self, causes) => causes.reduce((s, [w, a]) => s + w * a, 0),
  },
  'modified-kosko': {
    code: RULE_MODIFIED_KOSKO,
    description: 'A(t+1) = f(A(t) + Σ w·A(t)) — the concept keeps a memory of itself',
    input: (self, causes) => self + causes.reduce((s, [w, a]) => s + w * a, 0),
  },
  rescaled: {
    code: RULE_RESCALED,
    description: 'A(t+1) = f((2A(t) − 1) + Σ w·(2A(t) − 1)) — for [0, 1] activations',
    input: (self, causes) => 2 * self - 1 + causes.reduce((s, [w, a]) => s + w * (2 * a - 1), 0),
  },
});

export const UPDATE_RULE_NAMES = Object.keys(UPDATE_RULES) as UpdateRuleName[];
