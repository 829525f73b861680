/**
 * Lambert solvers against published worked examples, against each other (independent
 * formulations), and against flying the solution forward (closure ≤ 1 m).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DormandPrince853 } from '../../src/propagation/integrators/index.js';
import { pointMassGravity } from '../integrators/twoBody.js';
import { GM_SUN_M3_S2 } from '../../src/analysis/interplanetary/constants.js';
import { propagateKepler } from '../../src/analysis/interplanetary/keplerUniversal.js';
import { solveLambert, solveLambertDirect } from '../../src/analysis/interplanetary/lambertIzzo.js';
import { solveLambertUniversal } from '../../src/analysis/interplanetary/lambertUniversal.js';
import { progradeAngle } from '../../src/analysis/interplanetary/transfer.js';

const KM = 1e3;
const km = (v: ArrayLike<number>) => Array.from(v, (x) => x / KM);
const dist = (a: ArrayLike<number>, b: ArrayLike<number>) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
const AU = 149_597_870_700;

function expectClose(actual: number[], expected: number[], tol: number): void {
  for (let k = 0; k < 3; k++) expect(Math.abs(actual[k] - expected[k]), `component ${k}: ${actual[k]} vs ${expected[k]}`).toBeLessThanOrEqual(tol);
}

describe('Izzo Lambert: published worked examples', () => {
  it('Vallado Example 7-5 (76 min, μ = 398600.4418 km³/s²): v1, v2 to the printed 1e-6 km/s', () => {
    // Vallado, Fundamentals of Astrodynamics and Applications (4th ed.), Example 7-5: r0 = 2.5 ER
    // on x, r = (1.9151111, 1.6069690, 0) ER, ER = 6378.137 km. Book: v0 = (2.058913, 2.915965, 0),
    // v = (−3.451565, 0.910315, 0) km/s. Tolerance: the printed 6th decimal (±5e-7) plus the
    // 7-digit rounding of the inputs (≈ 3e-7 km/s).
    const [s] = solveLambert([15945.34 * KM, 0, 0], [12214.83899 * KM, 10249.46731 * KM, 0], 76 * 60, 398600.4418e9);
    expectClose(km(s.v1), [2.058913, 2.915965, 0], 1e-6);
    expectClose(km(s.v2), [-3.451565, 0.910315, 0], 1e-6);
  });

  it('Curtis Example 5.2 (1 h, μ = 398600 km³/s²): v1, v2 to the printed digits', () => {
    // Curtis, Orbital Mechanics for Engineering Students, Example 5.2: r1 = (5000, 10000, 2100),
    // r2 = (−14600, 2500, 7000) km. Book: v1 = (−5.9925, 1.9254, 3.2456),
    // v2 = (−3.3125, −4.1966, −0.38529) km/s (4 decimals: ±5e-5).
    const [s] = solveLambert([5000 * KM, 10000 * KM, 2100 * KM], [-14600 * KM, 2500 * KM, 7000 * KM], 3600, 398600e9);
    expectClose(km(s.v1), [-5.9925, 1.9254, 3.2456], 5e-5);
    expectClose(km(s.v2), [-3.3125, -4.1966, -0.38529], 5e-5);
  });

  it('Curtis Example 8.8 (Earth 7 Nov 1996 → Mars 12 Sep 1997, 309 days): the heliocentric leg', () => {
    // Curtis's planet positions (his Algorithm 8.1, printed to 6 digits) and μ☉ = 1.327124e11
    // km³/s². Book: V1 = (−24.4282, 21.7819, 0.948049), V2 = (22.1581, −0.19666, −0.457847) km/s.
    // Tolerance 2e-4 km/s: 6-digit positions (±5e-6 relative) move the velocities by ≤ 1.2e-4.
    const r1 = [1.04994e8 * KM, 1.04655e8 * KM, 988.331 * KM];
    const r2 = [-2.08329e7 * KM, -2.18404e8 * KM, -4.06287e6 * KM];
    const [s] = solveLambert(r1, r2, 309 * 86400, 1.327124e20);
    expectClose(km(s.v1), [-24.4282, 21.7819, 0.948049], 2e-4);
    expectClose(km(s.v2), [22.1581, -0.19666, -0.457847], 2e-4);
  });
});

describe('Kepler propagator used for closure', () => {
  it('Curtis Example 3.7 (universal variables, 60 min)', () => {
    // Curtis Example 3.7: r0 = (7000, −12124, 0) km, v0 = (2.6679, 4.6210, 0) km/s, μ = 398600;
    // after 60 min r = (−3297.8, 7413.4, 0) km, v = (−8.2977, −0.96309, 0) km/s.
    // The book's v is worked by hand from χ = 253.53 rounded to 5 digits: its own angular
    // momentum (r × v = 64 689.5 km²/s) misses r0 × v0 = 64 692.6 by 5e-5, which is 1e-3 km/s in
    // v_y. Hence r to its printed 0.1 km, v to 1e-3 km/s, and the exact invariants tightly.
    const mu = 398600e9;
    const r0 = [7000 * KM, -12124 * KM, 0];
    const v0 = [2.6679 * KM, 4.621 * KM, 0];
    const s = propagateKepler(r0, v0, 3600, mu);
    expectClose(km(s.r), [-3297.8, 7413.4, 0], 0.1);
    expectClose(km(s.v), [-8.2977, -0.96309, 0], 1e-3);
    const h = (r: ArrayLike<number>, v: ArrayLike<number>) => r[0] * v[1] - r[1] * v[0];
    const energy = (r: ArrayLike<number>, v: ArrayLike<number>) => (v[0] ** 2 + v[1] ** 2 + v[2] ** 2) / 2 - mu / Math.hypot(r[0], r[1], r[2]);
    expect(Math.abs(h(s.r, s.v) / h(r0, v0) - 1)).toBeLessThan(1e-12);
    expect(Math.abs(energy(s.r, s.v) / energy(r0, v0) - 1)).toBeLessThan(1e-12);
  });

  it('returns to the start after one period (closed form), to 1 mm on a 1.5 AU ellipse', () => {
    const r0 = [1.5 * AU, 0, 0];
    const v0 = [0, 0.8 * Math.sqrt(GM_SUN_M3_S2 / (1.5 * AU)), 3000];
    const a = 1 / (2 / (1.5 * AU) - (v0[1] ** 2 + v0[2] ** 2) / GM_SUN_M3_S2);
    const period = 2 * Math.PI * Math.sqrt(a ** 3 / GM_SUN_M3_S2);
    expect(dist(propagateKepler(r0, v0, period, GM_SUN_M3_S2).r, r0)).toBeLessThan(1e-3);
  });
});

describe('closure: the Lambert velocity flown forward reaches r2', () => {
  const r1 = [1.0 * AU, 0.1 * AU, 0.01 * AU];
  const r2 = [-0.4 * AU, 1.45 * AU, 0.03 * AU];

  it('direct and multi-revolution solutions all close to ≤ 1 m (Kepler propagation)', () => {
    const tof = 3.2 * 365.25 * 86400;
    const sols = solveLambert(r1, r2, tof, GM_SUN_M3_S2, { maxRevolutions: 5 });
    expect(sols.map((s) => `${s.revolutions}${s.branch}`)).toEqual(['0direct', '1left', '1right', '2left', '2right']);
    for (const s of sols) {
      expect(dist(propagateKepler(r1, s.v1, tof, GM_SUN_M3_S2).r, r2), `${s.revolutions} ${s.branch}`).toBeLessThanOrEqual(1);
      expect(dist(propagateKepler(r1, s.v1, tof, GM_SUN_M3_S2).v, s.v2), `${s.revolutions} ${s.branch}`).toBeLessThanOrEqual(1e-6);
    }
  });

  it('the direct solution integrated numerically (DOP853, two-body) closes to ≤ 1 m', () => {
    const tof = 230 * 86400;
    const [s] = solveLambert(r1, r2, tof, GM_SUN_M3_S2);
    const res = new DormandPrince853({ n: 6, rtol: 1e-14, atol: 1e-6 }).integrate(pointMassGravity(GM_SUN_M3_S2), 0, [...r1, ...s.v1], tof);
    expect(dist(res.y, r2)).toBeLessThanOrEqual(1);
  });

  it('hyperbolic, retrograde and long-way transfers close too', () => {
    const cases: { tof: number; retrograde?: boolean }[] = [{ tof: 20 * 86400 }, { tof: 200 * 86400, retrograde: true }, { tof: 700 * 86400 }];
    for (const c of cases) {
      const [s] = solveLambert(r1, r2, c.tof, GM_SUN_M3_S2, { retrograde: c.retrograde });
      expect(dist(propagateKepler(r1, s.v1, c.tof, GM_SUN_M3_S2).r, r2)).toBeLessThanOrEqual(1);
    }
  });

  it('the one-revolution pair appears at its minimum time of flight, where left and right merge', () => {
    // Bisect the time of flight at which solveLambert first returns the N = 1 pair (its Tmin,
    // found inside the solver by Halley's iteration); just above it the two branches must be
    // nearly the same orbit (they meet at Tmin), and both must close.
    let lo = 0.5 * 365.25 * 86400;
    let hi = 3 * 365.25 * 86400;
    const count = (tof: number) => solveLambert(r1, r2, tof, GM_SUN_M3_S2, { maxRevolutions: 1 }).length;
    expect(count(lo)).toBe(1);
    expect(count(hi)).toBe(3);
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (count(mid) === 3) hi = mid;
      else lo = mid;
    }
    const [, left, right] = solveLambert(r1, r2, hi * (1 + 1e-9), GM_SUN_M3_S2, { maxRevolutions: 1 });
    const speed = Math.hypot(left.v1[0], left.v1[1], left.v1[2]);
    expect(dist(left.v1, right.v1) / speed).toBeLessThan(1e-3);
    for (const s of [left, right]) expect(dist(propagateKepler(r1, s.v1, hi * (1 + 1e-9), GM_SUN_M3_S2).r, r2)).toBeLessThanOrEqual(1);
  });

  it('asks for more revolutions than fit: only those whose minimum time is below the time of flight', () => {
    // A 0.3-year transfer between 1 and 1.5 AU cannot go once round the Sun (period ≥ 1 year).
    const sols = solveLambert(r1, r2, 0.3 * 365.25 * 86400, GM_SUN_M3_S2, { maxRevolutions: 3 });
    expect(sols).toHaveLength(1);
  });
});

describe('Izzo vs universal variables (independent formulation and iteration)', () => {
  it('agree to 1e-4 m/s on random heliocentric transfers', () => {
    const vec = fc.tuple(fc.double({ min: 0.6, max: 2.2, noNaN: true }), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }), fc.double({ min: -0.1, max: 0.1, noNaN: true }));
    fc.assert(
      fc.property(vec, vec, fc.double({ min: 20, max: 600, noNaN: true }), ([a1, l1, z1], [a2, l2, z2], days) => {
        const r1 = [a1 * AU * Math.cos(l1), a1 * AU * Math.sin(l1), z1 * AU];
        const r2 = [a2 * AU * Math.cos(l2), a2 * AU * Math.sin(l2), z2 * AU];
        const angle = progradeAngle(r1, r2);
        fc.pre(Math.abs(angle - Math.PI) > 0.02 && angle > 0.02 && angle < 2 * Math.PI - 0.02);
        // "Prograde" (h along +z) is undefined for a transfer plane that contains the z axis.
        const hz = (r1[0] * r2[1] - r1[1] * r2[0]) / (Math.hypot(...r1) * Math.hypot(...r2));
        fc.pre(Math.abs(hz) > 1e-3);
        const tof = days * 86400;
        const v1 = new Float64Array(3);
        const v2 = new Float64Array(3);
        expect(solveLambertDirect(r1, r2, tof, GM_SUN_M3_S2, v1, v2)).toBe(true);
        const u = solveLambertUniversal(r1, r2, tof, GM_SUN_M3_S2);
        expect(dist(v1, u.v1)).toBeLessThan(1e-4);
        expect(dist(v2, u.v2)).toBeLessThan(1e-4);
      }),
      { numRuns: 1000, seed: 18 },
    );
  });
});

describe('bad input', () => {
  it('names the problem in one line', () => {
    expect(() => solveLambert([AU, 0, 0], [0, AU, 0], -5, GM_SUN_M3_S2)).toThrow(/time of flight must be positive, got -5 s/);
    expect(() => solveLambert([AU, 0, 0], [-2 * AU, 0, 0], 1e7, GM_SUN_M3_S2)).toThrow(/collinear/);
    expect(() => solveLambert([0, 0, 0], [AU, 0, 0], 1e7, GM_SUN_M3_S2)).toThrow(/r1 must be a finite non-zero position/);
    const v = new Float64Array(3);
    expect(solveLambertDirect([AU, 0, 0], [2 * AU, 0, 0], 1e7, GM_SUN_M3_S2, v, v)).toBe(false);
  });
});
