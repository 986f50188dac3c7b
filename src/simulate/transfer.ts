/**
 * Transfer (squashing) functions: they map a concept's summed input to its next activation.
 * The registry is the one place they are listed; the kernel switches on `code` rather than
 * calling `apply`, so its inner loop holds no closure (see infer.ts).
 */
import type { TRANSFER_NAMES as NAMES } from '../domain/names.js';

/** The names are listed once, in domain/names.ts; this table must have an entry for each. */
export type TransferName = (typeof NAMES)[number];

export interface TransferFunction {
  /** Small integer the kernel switches on. */
  readonly code: number;
  /** Range of the output. */
  readonly range: readonly [number, number];
  readonly description: string;
  /** Reference implementation, used by tests and documentation; λ is the steepness. */
  apply(x: number, lambda: number): number;
}

export const TRANSFER_SIGMOID = 0;
export const TRANSFER_TANH = 1;
export const TRANSFER_BIVALENT = 2;
export const TRANSFER_TRIVALENT = 3;

export const TRANSFERS: Readonly<Record<TransferName, TransferFunction>> = Object.freeze({
  sigmoid: {
    code: TRANSFER_SIGMOID,
    range: [0, 1],
    description: 'logistic 1 / (1 + e^(−λx)); output in (0, 1)',
    apply: (x, lambda) => 1 / (1 + Math.exp(-lambda * x)),
  },
  tanh: {
    code: TRANSFER_TANH,
    range: [-1, 1],
    description: 'hyperbolic tangent tanh(λx); output in (−1, 1), 0 stays 0',
    apply: (x, lambda) => Math.tanh(lambda * x),
  },
  bivalent: {
    code: TRANSFER_BIVALENT,
    range: [0, 1],
    description: '1 when the input is positive, else 0',
    apply: (x) => (x > 0 ? 1 : 0),
  },
  trivalent: {
    code: TRANSFER_TRIVALENT,
    range: [-1, 1],
    description: '1 when the input is positive, −1 when negative, 0 at 0',
    apply: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
  },
});

export const TRANSFER_NAMES = Object.keys(TRANSFERS) as TransferName[];
