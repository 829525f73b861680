import { describe, expect, it } from 'vitest';
import { PointMassGravityForce, ZonalGravityForce } from '../../../src/models/forces/gravity.js';
import { EGM96_GM_M3_PER_S2, EGM96_J, EGM96_RADIUS_M } from '../../../src/models/gravity/zonal.js';
import { NumericalPropagator, type OrbitState } from '../../../src/propagation/numerical/index.js';
import { Epoch } from '../../../src/foundation/time/epoch.js';
import { constantEop } from '../../../src/foundation/time/eop.js';

const GM = EGM96_GM_M3_PER_S2;
const EOP0 = constantEop({});

/** Classical elements → GCRF state (perifocal rotation R3(−Ω) R1(−i) R3(−ω)). */
function stateFromElements(a: number, e: number, i: number, raan: number, argp: number, nu: number): [Float64Array, Float64Array] {
  const p = a * (1 - e * e);
  const r = p / (1 + e * Math.cos(nu));
  const rp = [r * Math.cos(nu), r * Math.sin(nu), 0];
  const vp = [-Math.sqrt(GM / p) * Math.sin(nu), Math.sqrt(GM / p) * (e + Math.cos(nu)), 0];
  const cO = Math.cos(raan), sO = Math.sin(raan), ci = Math.cos(i), si = Math.sin(i), cw = Math.cos(argp), sw = Math.sin(argp);
  const m = [
    cO * cw - sO * sw * ci, -cO * sw - sO * cw * ci, sO * si,
    sO * cw + cO * sw * ci, -sO * sw + cO * cw * ci, -cO * si,
    sw * si, cw * si, ci,
  ];
  const rot = (v: number[]) => new Float64Array([0, 1, 2].map((k) => m[3 * k] * v[0] + m[3 * k + 1] * v[1] + m[3 * k + 2] * v[2]));
  return [rot(rp), rot(vp)];
}

/**
 * Analytic two-body solution: Kepler's equation M = E − e sin E solved by Newton, then the
 * Lagrange f and g coefficients (Vallado 4th ed. §2.3, Algorithm 8 in its elliptic form).
 */
function keplerPropagate(r0: Float64Array, v0: Float64Array, dt: number): [Float64Array, Float64Array] {
  const r0n = Math.hypot(r0[0], r0[1], r0[2]);
  const v02 = v0[0] ** 2 + v0[1] ** 2 + v0[2] ** 2;
  const a = 1 / (2 / r0n - v02 / GM);
  const n = Math.sqrt(GM / a ** 3);
  const rv = r0[0] * v0[0] + r0[1] * v0[1] + r0[2] * v0[2];
  const eCosE0 = 1 - r0n / a;
  const eSinE0 = rv / Math.sqrt(GM * a);
  const e = Math.hypot(eCosE0, eSinE0);
  const E0 = Math.atan2(eSinE0, eCosE0);
  const M = E0 - eSinE0 + n * dt;
  let E = M;
  for (let k = 0; k < 30; k++) E -= (E - e * Math.sin(E) - M) / (1 - e * Math.cos(E));
  const dE = E - E0;
  const r = a * (1 - e * Math.cos(E));
  const f = 1 - (a / r0n) * (1 - Math.cos(dE));
  const g = dt - (Math.sqrt(a ** 3 / GM)) * (dE - Math.sin(dE));
  const fdot = (-Math.sqrt(GM * a) / (r * r0n)) * Math.sin(dE);
  const gdot = 1 - (a / r) * (1 - Math.cos(dE));
  const rOut = new Float64Array(3);
  const vOut = new Float64Array(3);
  for (let k = 0; k < 3; k++) {
    rOut[k] = f * r0[k] + g * v0[k];
    vOut[k] = fdot * r0[k] + gdot * v0[k];
  }
  return [rOut, vOut];
}

const START = Epoch.fromIso('2024-03-15T00:00:00Z');

describe('two-body: numerical vs Kepler', () => {
  const [r0, v0] = stateFromElements(6_778_137, 0.0008, (51.64 * Math.PI) / 180, 1.2, 0.7, 0.3);
  const initial: OrbitState = { epoch: START, rGcrfM: r0, vGcrfMps: v0, massKg: 450_000 };
  const propagator = (rtol: number) =>
    new NumericalPropagator({ forces: [new PointMassGravityForce(GM)], rtol, eop: EOP0, needsSun: false, needsMoon: false });

  it('DOP853 at rtol 1e-12 stays within 1 mm of Kepler over a day (ISS orbit), also on the 60 s ephemeris', () => {
    const result = propagator(1e-12).propagate(initial, START.plusSeconds(86400), { stepS: 60 });
    const [rk, vk] = keplerPropagate(r0, v0, 86400);
    const dr = Math.hypot(result.final.rGcrfM[0] - rk[0], result.final.rGcrfM[1] - rk[1], result.final.rGcrfM[2] - rk[2]);
    const dv = Math.hypot(result.final.vGcrfMps[0] - vk[0], result.final.vGcrfMps[1] - vk[1], result.final.vGcrfMps[2] - vk[2]);
    expect(dr).toBeLessThan(1e-3);
    expect(dv).toBeLessThan(1e-6);
    const eph = result.ephemeris!;
    expect(eph.tSeconds.length).toBe(1441);
    let worst = 0;
    for (let i = 0; i < eph.tSeconds.length; i += 7) {
      const [r] = keplerPropagate(r0, v0, eph.tSeconds[i]);
      worst = Math.max(worst, Math.hypot(eph.positionsM[3 * i] - r[0], eph.positionsM[3 * i + 1] - r[1], eph.positionsM[3 * i + 2] - r[2]));
    }
    expect(worst).toBeLessThan(1e-3);
    expect(eph.tSeconds[1440]).toBe(86400);
  });

  // Measured here: rtol 1e-10 → 5.2 mm, 1e-11 → 0.32 mm, 1e-12 → 0.09 mm after one day (DOP853);
  // DP54 at 1e-11 → 0.14 m; RK4 at 10 s → 0.50 m, at 5 s → 1/16 of that (4th order).
  it('default rtol 1e-10 stays within 1 cm per day; RK4 (5 s) and DP54 converge toward Kepler', () => {
    const [rk] = keplerPropagate(r0, v0, 86400);
    const err = (p: NumericalPropagator): number => {
      const f = p.propagate(initial, START.plusSeconds(86400)).final.rGcrfM;
      return Math.hypot(f[0] - rk[0], f[1] - rk[1], f[2] - rk[2]);
    };
    expect(err(propagator(1e-10))).toBeLessThan(0.01);
    const rk4 = new NumericalPropagator({ forces: [new PointMassGravityForce(GM)], integrator: 'rk4', fixedStepS: 5, eop: EOP0, needsSun: false, needsMoon: false });
    expect(err(rk4)).toBeLessThan(0.05);
    const dp54 = new NumericalPropagator({ forces: [new PointMassGravityForce(GM)], integrator: 'dp54', rtol: 1e-11, eop: EOP0, needsSun: false, needsMoon: false });
    expect(err(dp54)).toBeLessThan(0.5);
  });

  it('propagates backwards to the same Kepler state', () => {
    const back = propagator(1e-12).propagate(initial, START.plusSeconds(-43200), { stepS: 3600 });
    const [rk] = keplerPropagate(r0, v0, -43200);
    expect(Math.hypot(back.final.rGcrfM[0] - rk[0], back.final.rGcrfM[1] - rk[1], back.final.rGcrfM[2] - rk[2])).toBeLessThan(1e-3);
    expect(Array.from(back.ephemeris!.tSeconds.slice(0, 3))).toEqual([0, -3600, -7200]);
    expect(back.final.epoch.secondsSince(START)).toBe(-43200);
  });
});

/**
 * J2 secular node regression. First order (Vallado 4th ed. Eq. 9-41; Brouwer 1959):
 *   dΩ/dt = −(3/2) n J2 (R/p)² cos i,
 * with n, p of the *mean* orbit. The osculating a swings by ±(3/2)J2 R²/a sin²i ≈ ±6 km at the
 * ISS (short-period cos 2u term), which alone would move the formula by 0.3%, so the mean a is
 * taken as the time average of the osculating a over whole orbits. Ω is read at successive
 * ascending-node crossings (same argument of latitude, so the short-period terms in Ω cancel)
 * and its slope fitted by least squares. The J2² terms the first-order formula leaves out are
 * relatively ~(1/16) J2 (R/p)² |12 − 80 sin²i| (Vallado Eq. 9-41's second-order part), 0.2% at
 * the ISS; at a = 3 R they are 0.03%, so the 0.1% check is made on such an orbit, and the ISS case
 * is checked against the formula with that J2² term included.
 */
describe('J2 only: secular node regression vs the analytic rate', () => {
  const J2 = EGM96_J[2];
  const R = EGM96_RADIUS_M;

  function measure(a0: number, incDeg: number, orbits: number): { measured: number; aMean: number; eMean: number; inc: number } {
    const inc = (incDeg * Math.PI) / 180;
    const [r0, v0] = stateFromElements(a0, 0.001, inc, 0.5, 0.2, 0.1);
    const period = 2 * Math.PI * Math.sqrt(a0 ** 3 / GM);
    // J2 about the ITRF pole through the propagator's frame chain; that pole moves against GCRF's
    // by precession (~0.14″/day), far below the 0.1% (≈ 18″/day) at stake.
    const force = new ZonalGravityForce({ gmM3PerS2: GM, radiusM: R, j: [0, 0, J2] });
    const prop = new NumericalPropagator({ forces: [force], rtol: 1e-12, eop: EOP0, needsSun: false, needsMoon: false });
    const stepS = period / 200;
    const result = prop.propagate({ epoch: START, rGcrfM: r0, vGcrfMps: v0, massKg: 1000 }, START.plusSeconds(orbits * period), { stepS });
    const eph = result.ephemeris!;
    const nodeT: number[] = [];
    const nodeRaan: number[] = [];
    let aSum = 0;
    let eSum = 0;
    let count = 0;
    for (let k = 0; k < eph.tSeconds.length; k++) {
      const r = eph.positionsM.subarray(3 * k, 3 * k + 3);
      const v = eph.velocitiesMps.subarray(3 * k, 3 * k + 3);
      const rn = Math.hypot(r[0], r[1], r[2]);
      const v2 = v[0] ** 2 + v[1] ** 2 + v[2] ** 2;
      if (eph.tSeconds[k] < Math.floor(orbits) * period - 1e-6) {
        aSum += 1 / (2 / rn - v2 / GM);
        const h = [r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0]];
        const hn2 = h[0] ** 2 + h[1] ** 2 + h[2] ** 2;
        eSum += Math.sqrt(Math.max(0, 1 - hn2 / (GM / (2 / rn - v2 / GM))));
        count++;
      }
      if (k > 0 && eph.positionsM[3 * (k - 1) + 2] < 0 && r[2] >= 0) {
        // Ascending node between samples: linear interpolation of the node line is enough since
        // Ω barely moves within one sample; use the angular momentum at the sample.
        const h = [r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2]];
        nodeT.push(eph.tSeconds[k]);
        nodeRaan.push(Math.atan2(h[0], -h[1]));
      }
    }
    // Unwrap and fit a line Ω(t).
    for (let k = 1; k < nodeRaan.length; k++) {
      while (nodeRaan[k] - nodeRaan[k - 1] > Math.PI) nodeRaan[k] -= 2 * Math.PI;
      while (nodeRaan[k] - nodeRaan[k - 1] < -Math.PI) nodeRaan[k] += 2 * Math.PI;
    }
    const m = nodeT.length;
    const tMean = nodeT.reduce((s, x) => s + x, 0) / m;
    const oMean = nodeRaan.reduce((s, x) => s + x, 0) / m;
    let sxy = 0;
    let sxx = 0;
    for (let k = 0; k < m; k++) {
      sxy += (nodeT[k] - tMean) * (nodeRaan[k] - oMean);
      sxx += (nodeT[k] - tMean) ** 2;
    }
    return { measured: sxy / sxx, aMean: aSum / count, eMean: eSum / count, inc };
  }

  const firstOrder = (a: number, e: number, inc: number) => {
    const n = Math.sqrt(GM / a ** 3);
    const p = a * (1 - e * e);
    return -1.5 * n * J2 * (R / p) ** 2 * Math.cos(inc);
  };

  it('matches −1.5 n J2 (R/p)² cos i within 0.1% (a = 3 R, i = 51.6°, 30 orbits)', () => {
    const { measured, aMean, eMean, inc } = measure(3 * R, 51.6, 30);
    const analytic = firstOrder(aMean, eMean, inc);
    // Measured: +0.064%.
    expect(Math.abs(measured / analytic - 1)).toBeLessThan(1e-3);
  });

  it('ISS orbit: matches the rate with the J2² term (Vallado Eq. 9-41) within 0.1%; first order alone is off by ~0.2%', () => {
    const { measured, aMean, eMean, inc } = measure(6_778_137, 51.6, 30);
    const n = Math.sqrt(GM / aMean ** 3);
    const p = aMean * (1 - eMean * eMean);
    const s2 = Math.sin(inc) ** 2;
    const e2 = eMean * eMean;
    const second = ((3 * n * R ** 4 * J2 * J2 * Math.cos(inc)) / (32 * p ** 4)) * (12 - 4 * e2 - (80 + 5 * e2) * s2);
    const withSecond = firstOrder(aMean, eMean, inc) + second;
    // Measured: −0.04% against the rate with the J2² term, +0.18% against first order alone
    // (theory: +0.22%), which shows the second-order term is what separates them.
    expect(Math.abs(measured / withSecond - 1)).toBeLessThan(1e-3);
    expect(measured / firstOrder(aMean, eMean, inc) - 1).toBeGreaterThan(1e-3);
    // ISS rate: about −5.0°/day.
    expect((measured * 86400 * 180) / Math.PI).toBeCloseTo(-5.0, 0);
  });
});
