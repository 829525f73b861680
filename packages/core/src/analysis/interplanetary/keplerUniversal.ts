/**
 * Two-body (Kepler) propagation by the universal variable χ (Curtis, "Orbital Mechanics for
 * Engineering Students", Algorithms 3.3–3.4; Vallado Algorithm 8): Newton's iteration on the
 * universal Kepler equation, then the Lagrange f, g coefficients. Valid for every conic; used to
 * fly a Lambert solution forward and check that it reaches the target (closure).
 */
import type { Vec3 } from './lambertIzzo.js';
import { stumpffC, stumpffS } from './stumpff.js';

export interface TwoBodyState {
  r: Float64Array;
  v: Float64Array;
}

/** χ solving the universal Kepler equation for Δt (Newton; Curtis Algorithm 3.3). */
function universalAnomaly(r0: number, vr0: number, alpha: number, dtSeconds: number, mu: number): number {
  const sqrtMu = Math.sqrt(mu);
  let chi = sqrtMu * Math.abs(alpha) * dtSeconds;
  for (let it = 0; it < 100; it++) {
    const z = alpha * chi * chi;
    const c = stumpffC(z);
    const s = stumpffS(z);
    const f = ((r0 * vr0) / sqrtMu) * chi * chi * c + (1 - alpha * r0) * chi * chi * chi * s + r0 * chi - sqrtMu * dtSeconds;
    const df = ((r0 * vr0) / sqrtMu) * chi * (1 - z * s) + (1 - alpha * r0) * chi * chi * c + r0;
    const step = f / df;
    chi -= step;
    if (Math.abs(step) <= 1e-14 * Math.max(1, Math.abs(chi))) return chi;
  }
  throw new RangeError(`Kepler propagation did not converge for Δt = ${dtSeconds} s`);
}

/** The state dtSeconds after (r0, v0) on the two-body orbit about `mu` (SI units). */
export function propagateKepler(r0v: Vec3, v0v: Vec3, dtSeconds: number, mu: number): TwoBodyState {
  const r0 = Math.hypot(r0v[0], r0v[1], r0v[2]);
  const v0sq = v0v[0] * v0v[0] + v0v[1] * v0v[1] + v0v[2] * v0v[2];
  const vr0 = (r0v[0] * v0v[0] + r0v[1] * v0v[1] + r0v[2] * v0v[2]) / r0;
  const alpha = 2 / r0 - v0sq / mu;
  const chi = universalAnomaly(r0, vr0, alpha, dtSeconds, mu);
  const z = alpha * chi * chi;
  const c = stumpffC(z);
  const s = stumpffS(z);
  const sqrtMu = Math.sqrt(mu);
  const f = 1 - ((chi * chi) / r0) * c;
  const g = dtSeconds - (chi * chi * chi * s) / sqrtMu;
  const r = new Float64Array(3);
  for (let k = 0; k < 3; k++) r[k] = f * r0v[k] + g * v0v[k];
  const rn = Math.hypot(r[0], r[1], r[2]);
  const fDot = (sqrtMu / (rn * r0)) * (z * s - 1) * chi;
  const gDot = 1 - ((chi * chi) / rn) * c;
  const v = new Float64Array(3);
  for (let k = 0; k < 3; k++) v[k] = fDot * r0v[k] + gDot * v0v[k];
  return { r, v };
}
