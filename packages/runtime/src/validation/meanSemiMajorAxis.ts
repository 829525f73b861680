/**
 * Mean semi-major axis of a numerically propagated orbit, for comparing decay rates with TLE
 * mean elements: the osculating a = 1/(2/r − v²/μ) averaged over each revolution.
 *
 * Why this is comparable with a TLE's mean a: Brouwer/Kozai mean elements are the osculating ones
 * with the short-period (once- and twice-per-revolution) terms removed. The J2 short-period terms
 * of a are periodic in the argument of latitude, so their time average over one revolution
 * (node to node) is zero to first order in J2, and the revolution average of the osculating a
 * moves with the mean a. A constant offset between the two (O(J2²) terms, the GM of EGM96 against
 * WGS-72) does not change a slope, which is what a decay comparison uses.
 */
import type { Ephemeris } from '@stationkeeper/core';
import { EGM96_GM_M3_PER_S2 } from '@stationkeeper/core';

/** Osculating two-body semi-major axis, m (vis-viva). */
export function osculatingSemiMajorAxisM(r: ArrayLike<number>, v: ArrayLike<number>, gmM3PerS2 = EGM96_GM_M3_PER_S2, offset = 0): number {
  const rn = Math.hypot(r[offset], r[offset + 1], r[offset + 2]);
  const v2 = v[offset] ** 2 + v[offset + 1] ** 2 + v[offset + 2] ** 2;
  return 1 / (2 / rn - v2 / gmM3PerS2);
}

export interface RevolutionMeans {
  /** Mid-revolution times, s since the ephemeris start. */
  tSeconds: Float64Array;
  /** Time average of the osculating a over the revolution, m. */
  semiMajorAxisM: Float64Array;
}

/**
 * Average the osculating a over each complete revolution of the ephemeris, revolutions running
 * between successive ascending crossings of the GCRF equator (z from − to +). Node times by linear
 * interpolation of z (z is nearly linear there: z̈ ≈ −n²z = 0 at a node); the average by the
 * trapezoidal rule with linearly interpolated end pieces. The ephemeris should be sampled at
 * ≤ 1/50 of a period (≤ 60 s in LEO); errors are then well under a metre.
 */
export function revolutionMeanSemiMajorAxis(eph: Ephemeris, gmM3PerS2 = EGM96_GM_M3_PER_S2): RevolutionMeans {
  const t = eph.tSeconds;
  const n = t.length;
  if (n < 3) throw new RangeError(`revolutionMeanSemiMajorAxis: need at least 3 samples, got ${n}`);
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = osculatingSemiMajorAxisM(eph.positionsM, eph.velocitiesMps, gmM3PerS2, 3 * i);
  const z = (i: number) => eph.positionsM[3 * i + 2];

  // Ascending nodes: sample index i with z[i−1] < 0 ≤ z[i], and the crossing time.
  const nodeIndex: number[] = [];
  const nodeT: number[] = [];
  for (let i = 1; i < n; i++) {
    if (z(i - 1) < 0 && z(i) >= 0) {
      const f = -z(i - 1) / (z(i) - z(i - 1));
      nodeIndex.push(i);
      nodeT.push(t[i - 1] + f * (t[i] - t[i - 1]));
    }
  }
  const at = (i: number, tc: number) => a[i - 1] + ((a[i] - a[i - 1]) * (tc - t[i - 1])) / (t[i] - t[i - 1]);
  const revs = Math.max(0, nodeT.length - 1);
  const tOut = new Float64Array(revs);
  const aOut = new Float64Array(revs);
  for (let k = 0; k < revs; k++) {
    const i0 = nodeIndex[k];
    const i1 = nodeIndex[k + 1];
    const t0 = nodeT[k];
    const t1 = nodeT[k + 1];
    // [t0, t[i0]] piece, interior samples i0 … i1−1, then [t[i1−1], t1].
    let integral = 0.5 * (at(i0, t0) + a[i0]) * (t[i0] - t0);
    for (let i = i0; i < i1 - 1; i++) integral += 0.5 * (a[i] + a[i + 1]) * (t[i + 1] - t[i]);
    integral += 0.5 * (a[i1 - 1] + at(i1, t1)) * (t1 - t[i1 - 1]);
    tOut[k] = 0.5 * (t0 + t1);
    aOut[k] = integral / (t1 - t0);
  }
  return { tSeconds: tOut, semiMajorAxisM: aOut };
}
