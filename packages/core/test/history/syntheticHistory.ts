import { Epoch } from '../../src/foundation/time/epoch.js';
import type { SemiMajorAxisSample } from '../../src/analysis/history/index.js';

/** Deterministic PRNG (mulberry32) so that synthetic tests are repeatable. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function gaussian(rand: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

export interface Jump {
  day: number;
  deltaAM: number;
}

export interface SyntheticOptions {
  seed: number;
  days: number;
  /** Mean element sets per day (epochs jittered). */
  perDay?: number;
  a0M?: number;
  decayMPerDay: number;
  /** White noise σ, m. */
  whiteNoiseM: number;
  /** Correlated noise: AR(1) between consecutive sets with this σ and correlation. */
  correlatedNoiseM?: number;
  correlation?: number;
  jumps?: Jump[];
}

export const START = Epoch.fromIso('2021-01-01T00:00:00Z');

/**
 * A semi-major-axis history like a TLE series: linear-plus-slowly-curving decay, steps at the
 * given days, white plus correlated noise (consecutive TLEs share tracking data).
 */
export function syntheticHistory(o: SyntheticOptions): SemiMajorAxisSample[] {
  const rand = rng(o.seed);
  const normal = gaussian(rand);
  const perDay = o.perDay ?? 4;
  const a0 = o.a0M ?? 6_798_000;
  const rho = o.correlation ?? 0.7;
  let red = 0;
  const out: SemiMajorAxisSample[] = [];
  const n = Math.round(o.days * perDay);
  for (let k = 0; k < n; k++) {
    const day = (k + 0.1 + 0.8 * rand()) / perDay;
    let a = a0 - o.decayMPerDay * day - 0.02 * o.decayMPerDay * day * day * (1 / 30); // rate grows 4 %/month
    for (const j of o.jumps ?? []) if (day > j.day) a += j.deltaAM;
    red = rho * red + Math.sqrt(1 - rho * rho) * normal();
    a += o.whiteNoiseM * normal() + (o.correlatedNoiseM ?? 0) * red;
    out.push({ epoch: START.plusSeconds(day * 86400), semiMajorAxisM: a });
  }
  return out;
}

export function dayOf(epoch: Epoch): number {
  return epoch.secondsSince(START) / 86400;
}
