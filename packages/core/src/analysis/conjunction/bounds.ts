/**
 * The numbers behind the no-miss guarantee of the screening filters, and the tests built on them.
 * docs/screening.md derives each one; in short, for an object pair with relative position r(t)
 * (the true SGP4 trajectories, km) sampled at t_k and t_{k+1} = t_k + h:
 *
 *  1. Speed bound. |d/dt r| ≤ V, so |r(t)| ≥ |r_k| − V|t − t_k|. An interval can hold a point
 *     closer than D only if |r_k| + |r_{k+1}| ≤ 2D + V h; then the nearer end is within
 *     D + V h / 2. With V = vMax_i + vMax_j that radius sizes the all-pairs cell list; the test
 *     itself uses the tighter relative bound V = |v_j − v_i| + δv_i + δv_j + 2A·h (screenShard.ts).
 *  2. Taylor bound. With SGP4's sampled velocity v_k (which differs from d/dt r by at most δv,
 *     measured) and |d²/dt² r| ≤ A: |r(t_k + τ)| ≥ |r_k + v_k τ| − δv|τ| − A τ² / 2. Every point of
 *     the interval is within h/2 of one end, so the interval is a candidate only if the straight
 *     line from one end comes within D + δv h/2 + A h²/8 over its half.
 *  3. One minimum. Where |ṙ|² > |r|·|r̈| the range rate f = r·ṙ has f' > 0, so f has at most one
 *     zero: a sign change − → + of f between the ends of such a (sub)interval is the only minimum.
 */
import { WGS72_MU_KM3_PER_S2, WGS72_RADIUS_KM } from '../../propagation/sgp4/constants.js';

/** WGS-72 GM, km³/s² (Hoots & Roehrich, Spacetrack Report #3, 1980), the SGP4 value. */
export const MU_KM3_S2 = WGS72_MU_KM3_PER_S2;
/** WGS-72 equatorial radius, km (same source): SGP4 reports decay below it. */
export const EARTH_RADIUS_KM = WGS72_RADIUS_KM;

/**
 * Bound on |d²r/dt²| of one SGP4 trajectory, km/s². Physical gravity at the Earth's surface is
 * GM/R² = 0.00980 km/s² (WGS-72); the largest value measured by finite differences over the
 * 2022-07-15 catalogue (24,132 objects, 40 instants over 7 days, sane states only) is 0.00980 km/s².
 * 12 % margin for J2 and drag terms.
 */
export const ACCEL_BOUND_KM_S2 = 0.011;

/**
 * Bound on |v_SGP4 − d/dt r_SGP4| (the SGP4 velocity output is not the exact derivative of its
 * position output: secular drag and short-period terms are differentiated only in part), km/s.
 * Measured over the same catalogue: near-Earth objects ≤ 0.025 km/s (99th percentile 0.0025),
 * deep-space (SDP4) objects ≤ 0.34 km/s. Bounds with 2× and 1.5× margin:
 */
export const VELOCITY_MISMATCH_NEAR_EARTH_KM_S = 0.05;
export const VELOCITY_MISMATCH_DEEP_SPACE_KM_S = 0.5;

/**
 * Largest norm of the gravity-gradient tensor outside the Earth, 1/s²: 2 GM / R³ (the radial
 * eigenvalue of ∇(GM r/|r|³) at r = R). Bounds the relative acceleration of two nearby objects
 * as GRADIENT · |r| + NONGRAV.
 */
export const GRAVITY_GRADIENT_MAX_S2 = (2 * MU_KM3_S2) / (EARTH_RADIUS_KM * EARTH_RADIUS_KM * EARTH_RADIUS_KM);
/** Differential J2, drag and SGP4 model terms on top of the point-mass gradient, km/s² (generous: drag at 150 km is < 1e-5). */
export const NONGRAV_RELATIVE_ACCEL_KM_S2 = 2e-5;

/** Relative-acceleration bound of a pair at distance ≤ dKm, km/s². */
export function relativeAccelBound(dKm: number): number {
  return Math.min(2 * ACCEL_BOUND_KM_S2, GRAVITY_GRADIENT_MAX_S2 * dKm + NONGRAV_RELATIVE_ACCEL_KM_S2);
}

/** A sample of an object is usable: no SGP4 error, above the Earth, bound to it. */
export function isSaneState(x: number, y: number, z: number, vx: number, vy: number, vz: number): boolean {
  const r2 = x * x + y * y + z * z;
  if (!(r2 >= EARTH_RADIUS_KM * EARTH_RADIUS_KM)) return false; // also rejects NaN
  const v2 = vx * vx + vy * vy + vz * vz;
  // Escape speed at this radius, +5 %: SGP4 states of stale, decayed element sets blow up.
  return v2 <= (2.205 * MU_KM3_S2) / Math.sqrt(r2);
}

/**
 * Smallest |p + v τ| for τ in [0, tau] (tau may be negative: the segment runs backwards). p, v:
 * relative position (km) and velocity (km/s) given as components.
 */
export function segmentMinDistance(px: number, py: number, pz: number, vx: number, vy: number, vz: number, tau: number): number {
  const vv = vx * vx + vy * vy + vz * vz;
  let s = 0;
  if (vv > 0) {
    s = -(px * vx + py * vy + pz * vz) / vv;
    if (tau >= 0) s = s < 0 ? 0 : s > tau ? tau : s;
    else s = s > 0 ? 0 : s < tau ? tau : s;
  }
  const x = px + vx * s;
  const y = py + vy * s;
  const z = pz + vz * s;
  return Math.sqrt(x * x + y * y + z * z);
}

/** Pad of the Taylor bound over a half interval of length halfSeconds, km. */
export function taylorPadKm(halfSeconds: number, mismatchKmS: number): number {
  return mismatchKmS * halfSeconds + ACCEL_BOUND_KM_S2 * halfSeconds * halfSeconds; // A_pair/2 = A
}
