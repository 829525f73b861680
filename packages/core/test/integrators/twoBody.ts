/**
 * Test dynamics with known answers: two-body (Kepler) motion with its analytic solution, and a
 * J2-perturbed orbit for the performance figure.
 */
import type { OdeFunction } from '../../src/propagation/integrators/index.js';

/** Earth's GM, m³/s²: EGM96 / WGS-84 value 3.986004418e14 (NIMA TR8350.2, Table 3.1). */
export const MU = 3.986004418e14;
/** Earth's equatorial radius for J2, m: EGM96 reference radius 6378136.3 m (Lemoine et al. 1998, NASA/TP-1998-206861). */
export const R_EARTH = 6378136.3;
/** J2 = −√5·C̄20 with C̄20 = −4.84165371736e-4 (EGM96, Lemoine et al. 1998): 1.0826266835531513e-3. */
export const J2 = -Math.sqrt(5) * -4.84165371736e-4;

/** y = [r, v] (m, m/s); point-mass gravity of a body with gravitational parameter `mu`. */
export function pointMassGravity(mu: number): OdeFunction {
  return (_t, y, dy) => {
    const r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
    const k = -mu / (r2 * Math.sqrt(r2));
    dy[0] = y[3];
    dy[1] = y[4];
    dy[2] = y[5];
    dy[3] = k * y[0];
    dy[4] = k * y[1];
    dy[5] = k * y[2];
  };
}

/** y = [r, v] (m, m/s); point-mass gravity of the Earth. */
export const twoBody: OdeFunction = pointMassGravity(MU);

/** Point mass + J2 zonal term (Vallado 4th ed. eq. 8-30 / Montenbruck & Gill eq. 3.30 form). */
export const twoBodyJ2: OdeFunction = (_t, y, dy) => {
  const x = y[0], yy = y[1], z = y[2];
  const r2 = x * x + yy * yy + z * z;
  const r = Math.sqrt(r2);
  const k = -MU / (r2 * r);
  const f = 1.5 * J2 * (R_EARTH * R_EARTH) / r2;
  const z2r2 = (z * z) / r2;
  const cxy = k * (1 + f * (1 - 5 * z2r2));
  const cz = k * (1 + f * (3 - 5 * z2r2));
  dy[0] = y[3];
  dy[1] = y[4];
  dy[2] = y[5];
  dy[3] = cxy * x;
  dy[4] = cxy * yy;
  dy[5] = cz * z;
};

/** Classical elements → Cartesian state (perifocal P/Q basis; angles in radians). */
export interface Kepler {
  a: number;
  e: number;
  i: number;
  raan: number;
  argp: number;
  /** Mean anomaly at t = 0. */
  m0: number;
}

export function meanMotion(a: number): number {
  return Math.sqrt(MU / (a * a * a));
}

/** Solves Kepler's equation E − e sin E = M by Newton's method (|M| reduced to [−π, π]). */
export function eccentricAnomaly(m: number, e: number): number {
  const mr = m - 2 * Math.PI * Math.round(m / (2 * Math.PI));
  let ea = e < 0.8 ? mr : Math.PI * Math.sign(mr || 1);
  for (let it = 0; it < 50; it++) {
    const d = (ea - e * Math.sin(ea) - mr) / (1 - e * Math.cos(ea));
    ea -= d;
    if (Math.abs(d) < 1e-15) break;
  }
  return ea;
}

function perifocalBasis(k: Kepler): { p: number[]; q: number[] } {
  const cO = Math.cos(k.raan), sO = Math.sin(k.raan);
  const cw = Math.cos(k.argp), sw = Math.sin(k.argp);
  const ci = Math.cos(k.i), si = Math.sin(k.i);
  return {
    p: [cO * cw - sO * sw * ci, sO * cw + cO * sw * ci, sw * si],
    q: [-cO * sw - sO * cw * ci, -sO * sw + cO * cw * ci, cw * si],
  };
}

/** Analytic two-body state at time t (s since the epoch of m0). */
export function keplerState(k: Kepler, t: number): Float64Array {
  const n = meanMotion(k.a);
  const ea = eccentricAnomaly(k.m0 + n * t, k.e);
  const { p, q } = perifocalBasis(k);
  const cE = Math.cos(ea), sE = Math.sin(ea);
  const b = Math.sqrt(1 - k.e * k.e);
  const xp = k.a * (cE - k.e);
  const yq = k.a * b * sE;
  const r = k.a * (1 - k.e * cE);
  const vf = Math.sqrt(MU * k.a) / r;
  const vxp = -vf * sE;
  const vyq = vf * b * cE;
  const out = new Float64Array(6);
  for (let j = 0; j < 3; j++) {
    out[j] = xp * p[j] + yq * q[j];
    out[3 + j] = vxp * p[j] + vyq * q[j];
  }
  return out;
}

export function specificEnergy(y: ArrayLike<number>): number {
  const r = Math.hypot(y[0], y[1], y[2]);
  return 0.5 * (y[3] * y[3] + y[4] * y[4] + y[5] * y[5]) - MU / r;
}

export function angularMomentum(y: ArrayLike<number>): [number, number, number] {
  return [y[1] * y[5] - y[2] * y[4], y[2] * y[3] - y[0] * y[5], y[0] * y[4] - y[1] * y[3]];
}

export function positionError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export function velocityError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.hypot(a[3] - b[3], a[4] - b[4], a[5] - b[5]);
}

const DEG = Math.PI / 180;

/** LEO near-circular: a = 6778 km (~400 km altitude), e = 0.001, i = 51.6° (ISS-like). */
export const LEO: Kepler = { a: 6_778_137, e: 0.001, i: 51.6 * DEG, raan: 30 * DEG, argp: 40 * DEG, m0: 10 * DEG };
/** Highly eccentric: perigee radius 7000 km, e = 0.7 (a = 23,333 km, period ~9.85 h). */
export const HEO: Kepler = { a: 7_000_000 / 0.3, e: 0.7, i: 63.4 * DEG, raan: 120 * DEG, argp: 270 * DEG, m0: 20 * DEG };

/** Cartesian state (elliptic) → elements with m0 the mean anomaly at the state's time. */
export function keplerFromState(y: ArrayLike<number>): Kepler {
  const r = [y[0], y[1], y[2]];
  const v = [y[3], y[4], y[5]];
  const rn = Math.hypot(r[0], r[1], r[2]);
  const h = angularMomentum(y);
  const hn = Math.hypot(h[0], h[1], h[2]);
  const v2 = v[0] * v[0] + v[1] * v[1] + v[2] * v[2];
  const a = 1 / (2 / rn - v2 / MU);
  const rv = r[0] * v[0] + r[1] * v[1] + r[2] * v[2];
  // Eccentricity vector e = ((v² − μ/r) r − (r·v) v)/μ.
  const ev = [0, 1, 2].map((j) => ((v2 - MU / rn) * r[j] - rv * v[j]) / MU);
  const e = Math.hypot(ev[0], ev[1], ev[2]);
  const i = Math.acos(h[2] / hn);
  const raan = Math.atan2(h[0], -h[1]);
  const nodeVec = [Math.cos(raan), Math.sin(raan), 0];
  // Argument of perigee: angle from the node to e, measured in the orbit plane.
  const hu = h.map((c) => c / hn);
  const cross = [hu[1] * nodeVec[2] - hu[2] * nodeVec[1], hu[2] * nodeVec[0] - hu[0] * nodeVec[2], hu[0] * nodeVec[1] - hu[1] * nodeVec[0]];
  const argp = Math.atan2(ev[0] * cross[0] + ev[1] * cross[1] + ev[2] * cross[2], ev[0] * nodeVec[0] + ev[1] * nodeVec[1]);
  const ecosE = 1 - rn / a;
  const esinE = rv / Math.sqrt(MU * a);
  const ea = Math.atan2(esinE, ecosE);
  return { a, e, i, raan, argp, m0: ea - esinE };
}
