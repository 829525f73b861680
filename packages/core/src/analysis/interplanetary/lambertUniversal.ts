/**
 * A straightforward universal-variable Lambert solver (Bate, Mueller & White §5.3; Curtis
 * Algorithm 5.2; Vallado Algorithm 58), zero revolutions only. It exists as the independent
 * cross-check of the Izzo solver (tests) and as the peer in the porkchop benchmark: a different
 * formulation (the Stumpff-function variable z instead of Izzo's x) and a different iteration
 * (Brent's bracketed root finder on t(z) − tof instead of Householder from a tailored guess).
 *
 * t(z) grows monotonically from the hyperbolic limit to infinity as z → 4π² (the elliptic
 * single-revolution limit), so the root is bracketed on (z_low, 4π²) where z_low is the point
 * below which y(z) < 0 (no real transfer) — found by bisection once.
 */
import { brentRoot } from '../../foundation/math/rootFinding.js';
import type { Vec3 } from './lambertIzzo.js';
import { stumpffC, stumpffS } from './stumpff.js';
import { progradeAngle } from './transfer.js';

const TWO_PI_SQ = 4 * Math.PI * Math.PI;

export interface UniversalLambertResult {
  v1: Float64Array;
  v2: Float64Array;
  /** The universal variable z = α·χ² of the solution (z > 0 ellipse, < 0 hyperbola). */
  z: number;
}

/**
 * Zero-revolution prograde Lambert solution by universal variables, SI units. "Prograde" is
 * angular momentum along `normal` (default +z), as in the Izzo solver.
 */
export function solveLambertUniversal(r1: Vec3, r2: Vec3, tofSeconds: number, mu: number, normal?: Vec3): UniversalLambertResult {
  const n1 = Math.hypot(r1[0], r1[1], r1[2]);
  const n2 = Math.hypot(r2[0], r2[1], r2[2]);
  const theta = progradeAngle(r1, r2, normal);
  const a = Math.sin(theta) * Math.sqrt((n1 * n2) / (1 - Math.cos(theta)));
  if (!Number.isFinite(a) || a === 0) throw new RangeError('universal Lambert: transfer angle 0 or 180°: the transfer plane is undefined');
  const y = (z: number) => n1 + n2 + (a * (z * stumpffS(z) - 1)) / Math.sqrt(stumpffC(z));
  const sqrtMu = Math.sqrt(mu);
  const timeMinusTof = (z: number) => {
    const yz = y(z);
    if (yz <= 0) return -tofSeconds; // no real transfer: treat as "too fast", so z moves up
    const chi = Math.sqrt(yz / stumpffC(z));
    return (chi * chi * chi * stumpffS(z) + a * Math.sqrt(yz)) / sqrtMu - tofSeconds;
  };
  // t(z) → ∞ as z → 4π²: approach it geometrically until t exceeds the time of flight.
  let zHigh = TWO_PI_SQ / 2;
  for (let k = 2; timeMinusTof(zHigh) <= 0 && k < 60; k++) zHigh = TWO_PI_SQ * (1 - 2 ** -k);
  let zLow = -TWO_PI_SQ;
  while (timeMinusTof(zLow) > 0 && zLow > -1e6) zLow *= 2; // fast hyperbolic transfers
  const z = brentRoot(timeMinusTof, zLow, zHigh, timeMinusTof(zLow), timeMinusTof(zHigh), 1e-14, 300);
  const yz = y(z);
  const f = 1 - yz / n1;
  const g = a * Math.sqrt(yz / mu);
  const gDot = 1 - yz / n2;
  const v1 = new Float64Array(3);
  const v2 = new Float64Array(3);
  for (let k = 0; k < 3; k++) {
    v1[k] = (r2[k] - f * r1[k]) / g;
    v2[k] = (gDot * r2[k] - r1[k]) / g;
  }
  return { v1, v2, z };
}
