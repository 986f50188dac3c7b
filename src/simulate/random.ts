/**
 * The one random generator of Marsad: xoshiro128** (Blackman & Vigna), seeded through
 * splitmix32. Monte Carlo run r of seed s draws from its own stream `runRandom(s, r)`, so a run's
 * numbers depend only on (s, r) — never on how runs are spread over threads.
 */

/** splitmix32 step: a well-mixed 32-bit value from a 32-bit counter. */
export function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** Seeds the four state words from `seed` with splitmix32 (never all zero). */
  constructor(seed: number) {
    let x = seed >>> 0;
    this.a = splitmix32(x);
    x = (x + 0x9e3779b9) >>> 0;
    this.b = splitmix32(x);
    x = (x + 0x9e3779b9) >>> 0;
    this.c = splitmix32(x);
    x = (x + 0x9e3779b9) >>> 0;
    this.d = splitmix32(x);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The seed of run `run` under master seed `seed`: two rounds of mixing so nearby pairs differ. */
export function subSeed(seed: number, run: number): number {
  return splitmix32((splitmix32(seed >>> 0) ^ Math.imul(run >>> 0, 0x632be5ab)) >>> 0);
}

export function runRandom(seed: number, run: number): Random {
  return new Random(subSeed(seed, run));
}

/** Checks a user seed: an integer in 0 … 2³²−1. */
export function isValidSeed(seed: number): boolean {
  return Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff;
}
