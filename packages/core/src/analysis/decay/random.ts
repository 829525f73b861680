/**
 * Seedable pseudo-random numbers for Monte Carlo ensembles: reproducible per member, so a run
 * split over worker threads gives the same members in any order.
 *
 * Generator: xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
 * ACM TOMS 47(4), 2021), 128-bit state, period 2¹²⁸ − 1, seeded by SplitMix32-style mixing of
 * (seed, member) through the MurmurHash3 32-bit finaliser (Appleby 2011). Normal deviates by the
 * Box–Muller transform (Box & Muller 1958), both values used.
 */

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface RandomSource {
  /** Uniform in [0, 1), 32 random bits. */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
}

export class Xoshiro128 implements RandomSource {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = NaN;

  /** Stream for `member` of the ensemble started with `seed` (both integers). */
  constructor(seed: number, member = 0) {
    if (!Number.isInteger(seed) || !Number.isInteger(member)) throw new RangeError(`random: seed and member must be integers, got ${seed}, ${member}`);
    let x = fmix32((seed >>> 0) ^ fmix32((member >>> 0) + 0x9e3779b9)) ^ Math.floor(seed / 2 ** 32);
    const next = () => (x = fmix32((x + 0x9e3779b9) >>> 0));
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Next 32-bit output (unsigned). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = NaN;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    const phi = 2 * Math.PI * this.uniform();
    this.spare = r * Math.sin(phi);
    return r * Math.cos(phi);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
