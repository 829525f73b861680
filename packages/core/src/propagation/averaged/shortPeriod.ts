/**
 * Mean → osculating: the first-order J2 short-period terms in the form SGP4 applies them
 * (Hoots & Roehrich, Spacetrack Report #3 (1980), SGP4 "short-period periodics"; the same
 * expressions as Vallado, Crawford, Hujsak & Kelso, AIAA 2006-6753, routine sgp4). With
 * k = ½ J2 R² / p and θ = cos i, at argument of latitude u:
 *   r  = r_K (1 − (3/2)(k/p) β (3θ² − 1)) + ½ k (1 − θ²) cos 2u
 *   u  = u_K − ¼ (k/p)(7θ² − 1) sin 2u
 *   Ω  = Ω + (3/2)(k/p) θ sin 2u,       i = i + (3/2)(k/p) θ sin i cos 2u
 *   ṙ  = ṙ_K − n k (1 − θ²) sin 2u,     rḟ = rḟ_K + n k ((1 − θ²) cos 2u + (3/2)(3θ² − 1))
 * (r_K, u_K, ṙ_K, rḟ_K the Keplerian values from the mean elements, β = √(1 − e²)).
 *
 * Why it matters for decay: the radius of the real orbit sits below the mean a by
 * (3/4)(J2R²/p)(3θ² − 1) on average — 0.8 km at the ISS inclination, 10 km for an equatorial
 * orbit — and the density (scale height 30–60 km) follows the real radius.
 *
 * Accuracy: first order in J2; J2² short-period terms (~1e-6 relative, tens of metres) and the
 * short-period terms of J3… are neglected, as in SGP4. test/decay/handOver.test.ts measures the
 * resulting error of the mean semi-major axis recovered from a numerically propagated orbit.
 */
import type { AveragedGravity } from './meanState.js';

/** Output layout of {@link osculatingAtEccentricLongitude}. */
export const OSC_X = 0;
export const OSC_VX = 3;
/** Keplerian (mean-element) radius, m. */
export const OSC_R_KEPLER = 6;
/** cos and sin of the Keplerian argument of latitude. */
export const OSC_COS_U = 7;
export const OSC_SIN_U = 8;
/** Keplerian speed (vis-viva), m/s. */
export const OSC_SPEED = 9;
export const OSC_LENGTH = 10;

/**
 * Osculating position/velocity (frame of the elements) at eccentric longitude F = E + ω of a
 * mean orbit a, (e cos ω, e sin ω), i, Ω; written into `out` (length ≥ OSC_LENGTH, see the
 * OSC_* offsets). `shortPeriod` false gives the plain Keplerian state. Allocation-free.
 */
export function osculatingAtEccentricLongitude(
  a: number,
  ex: number,
  ey: number,
  inc: number,
  raan: number,
  eccentricLongitude: number,
  g: AveragedGravity,
  shortPeriod: boolean,
  out: Float64Array,
): Float64Array {
  const mu = g.gmM3PerS2;
  const cosF = Math.cos(eccentricLongitude);
  const sinF = Math.sin(eccentricLongitude);
  const ecosE = ex * cosF + ey * sinF;
  const esinE = ex * sinF - ey * cosF;
  const e2 = ex * ex + ey * ey;
  const beta = Math.sqrt(1 - e2);
  const p = a * (1 - e2);
  const r = a * (1 - ecosE);
  const rdot = (Math.sqrt(mu * a) * esinE) / r;
  const rfdot = Math.sqrt(mu * p) / r;
  const t = esinE / (1 + beta);
  const sinuK = (a / r) * (sinF - ey - ex * t);
  const cosuK = (a / r) * (cosF - ex + ey * t);
  let rk = r;
  let sinu = sinuK;
  let cosu = cosuK;
  let node = raan;
  let ik = inc;
  let rdotk = rdot;
  let rfdotk = rfdot;
  if (shortPeriod) {
    const cosI = Math.cos(inc);
    const sinI = Math.sin(inc);
    const th2 = cosI * cosI;
    const k = (0.5 * g.j2 * g.radiusM * g.radiusM) / p;
    const kp = k / p;
    const n = Math.sqrt(mu / (a * a * a));
    const sin2u = 2 * sinuK * cosuK;
    const cos2u = 1 - 2 * sinuK * sinuK;
    rk = r * (1 - 1.5 * kp * beta * (3 * th2 - 1)) + 0.5 * k * (1 - th2) * cos2u;
    const du = -0.25 * kp * (7 * th2 - 1) * sin2u;
    const cd = Math.cos(du);
    const sd = Math.sin(du);
    sinu = sinuK * cd + cosuK * sd;
    cosu = cosuK * cd - sinuK * sd;
    node = raan + 1.5 * kp * cosI * sin2u;
    ik = inc + 1.5 * kp * cosI * sinI * cos2u;
    rdotk = rdot - n * k * (1 - th2) * sin2u;
    rfdotk = rfdot + n * k * ((1 - th2) * cos2u + 1.5 * (3 * th2 - 1));
  }
  const sN = Math.sin(node);
  const cN = Math.cos(node);
  const sI = Math.sin(ik);
  const cI = Math.cos(ik);
  // M = (−sinΩ cos i, cosΩ cos i, sin i), N = (cosΩ, sinΩ, 0); r̂ = M sin u + N cos u, v̂⊥ = M cos u − N sin u.
  const mx = -sN * cI;
  const my = cN * cI;
  const mz = sI;
  const ux = mx * sinu + cN * cosu;
  const uy = my * sinu + sN * cosu;
  const uz = mz * sinu;
  const vx = mx * cosu - cN * sinu;
  const vy = my * cosu - sN * sinu;
  const vz = mz * cosu;
  out[0] = rk * ux;
  out[1] = rk * uy;
  out[2] = rk * uz;
  out[3] = rdotk * ux + rfdotk * vx;
  out[4] = rdotk * uy + rfdotk * vy;
  out[5] = rdotk * uz + rfdotk * vz;
  out[OSC_R_KEPLER] = r;
  out[OSC_COS_U] = cosuK;
  out[OSC_SIN_U] = sinuK;
  out[OSC_SPEED] = Math.sqrt(mu * (2 / r - 1 / a));
  return out;
}

/**
 * Solve the equinoctial Kepler equation λ = F − e_x sin F + e_y cos F for the eccentric
 * longitude F (Newton; SGP4 solves the same equation, Vallado et al. 2006).
 */
export function eccentricLongitudeFromMean(lambda: number, ex: number, ey: number): number {
  let F = lambda;
  for (let iter = 0; iter < 30; iter++) {
    const c = Math.cos(F);
    const s = Math.sin(F);
    const f = F - ex * s + ey * c - lambda;
    const df = 1 - ex * c - ey * s;
    const dF = f / df;
    F -= dF;
    if (Math.abs(dF) < 1e-14) break;
  }
  return F;
}
