import { describe, expect, it } from 'vitest';
import {
  AttitudeStepper, attitudeOde, circularState, gravityGradientTorque, inertialMomentum, lvlhDcm, MU_EARTH_M3_S2,
  orbitRateRadS, quat, quatCompose, quatToDcm, quatToEuler321, dcmToQuat, quatConjugate, quatFromAxisAngle,
} from '../../src/analysis/attitude/index.js';
import { DormandPrince853 } from '../../src/propagation/integrators/index.js';
import { goldenSectionMax } from '../../src/foundation/math/rootFinding.js';

// An ISS-like tensor with products of inertia (Wie §7.4 in SI, facts/attitude.md §1a).
const J = new Float64Array([6.817e7, -5.29e5, 2.17e5, -5.29e5, 1.464e7, 2.17e5, 2.17e5, 2.17e5, 7.941e7]);
const none = (_t: number, _y: Float64Array, out: Float64Array) => { out.fill(0); };

function energy(j: Float64Array, y: Float64Array): number {
  let e = 0;
  for (let i = 0; i < 3; i++) for (let k = 0; k < 3; k++) e += 0.5 * y[4 + i] * j[3 * i + k] * y[4 + k];
  return e;
}

describe('rigid body with CMGs: conservation', () => {
  it('total angular momentum (body + CMGs) is conserved to 1e-9 relative over a day at a 1 s step, CMGs torquing at ISS-like levels (tens of N·m)', () => {
    const y = new Float64Array([0.1, -0.2, 0.3, 0.9, 1e-3, -1.1e-3, 5e-4, 1000, -500, 2000]);
    const n = Math.hypot(y[0], y[1], y[2], y[3]);
    for (let i = 0; i < 4; i++) y[i] /= n;
    const stepper = new AttitudeStepper(J, none);
    const h0 = inertialMomentum(J, y, quatToDcm(y.subarray(0, 4)));
    const u = new Float64Array(3);
    let worst = 0;
    for (let t = 0; t < 86400; t++) {
      u[0] = 20 * Math.sin(t / 900); u[1] = -15 * Math.cos(t / 1300); u[2] = 10 * Math.sin(t / 500 + 1);
      stepper.step(t, y, 1, u);
      if (t % 600 === 0) {
        const h = inertialMomentum(J, y, quatToDcm(y.subarray(0, 4)));
        worst = Math.max(worst, Math.hypot(h[0] - h0[0], h[1] - h0[1], h[2] - h0[2]) / Math.hypot(h0[0], h0[1], h0[2]));
      }
    }
    expect(worst).toBeLessThan(1e-9);
    // The CMGs did exchange momentum with the body (the test is not trivially static).
    expect(Math.hypot(y[7] - 1000, y[8] + 500, y[9] - 2000)).toBeGreaterThan(1e3);
  });

  it('kinetic energy of torque-free motion is conserved (project DOP853 integrator)', () => {
    const y0 = new Float64Array([0, 0, 0, 1, 2e-3, 1e-3, -1.5e-3, 0, 0, 0]);
    const integ = new DormandPrince853({ n: 10, rtol: 1e-12, atol: 1e-15 });
    const r = integ.integrate(attitudeOde(J, none, none), 0, y0, 86400);
    expect(Math.abs(energy(J, r.y) - energy(J, y0)) / energy(J, y0)).toBeLessThan(1e-9);
  });
});

describe('torque-free precession of an axisymmetric body (closed form)', () => {
  it('body rates circle at λ = (Ia − It)/It ω3 and the symmetry axis cones about H at |H|/It', () => {
    const It = 4e6, Ia = 1.5e6;
    const j = new Float64Array([It, 0, 0, 0, It, 0, 0, 0, Ia]);
    const wt = 0.01, w3 = 0.05;
    const y = new Float64Array([0, 0, 0, 1, wt, 0, w3, 0, 0, 0]);
    const stepper = new AttitudeStepper(j, none);
    const H = inertialMomentum(j, y, quatToDcm(y.subarray(0, 4)));
    const hn = Math.hypot(H[0], H[1], H[2]);
    const lambda = ((Ia - It) / It) * w3;
    const dt = 0.05, tEnd = 600;
    for (let k = 0; k < tEnd / dt; k++) stepper.step(k * dt, y, dt, [0, 0, 0]);
    expect(y[4]).toBeCloseTo(wt * Math.cos(lambda * tEnd), 9);
    expect(y[5]).toBeCloseTo(wt * Math.sin(lambda * tEnd), 9);
    expect(y[6]).toBeCloseTo(w3, 12);
    // Inertial direction of body z = initial z rotated about Ĥ by |H|/It · t.
    const c = quatToDcm(y.subarray(0, 4));
    const expected = quatToDcm(quatConjugate(quatFromAxisAngle(H, (hn / It) * tEnd)));
    for (let i = 0; i < 3; i++) expect(c[6 + i]).toBeCloseTo(expected[3 * i + 2], 7);
  });
});

/** Peak of a Hann-windowed DFT magnitude near `guess` (rad/s), refined by golden-section search. */
function peakFrequency(t: number[], x: number[], lo: number, hi: number): number {
  const T = t[t.length - 1];
  const mag = (w: number) => {
    let re = 0, im = 0;
    for (let i = 0; i < t.length; i++) {
      const win = 0.5 - 0.5 * Math.cos((2 * Math.PI * t[i]) / T);
      re += win * x[i] * Math.cos(w * t[i]);
      im += win * x[i] * Math.sin(w * t[i]);
    }
    return Math.hypot(re, im);
  };
  let best = lo, bestMag = -1;
  for (let k = 0; k <= 200; k++) {
    const w = lo + ((hi - lo) * k) / 200;
    const m = mag(w);
    if (m > bestMag) { bestMag = m; best = w; }
  }
  const dw = (hi - lo) / 200;
  return goldenSectionMax(mag, best - dw, best + dw, 1e-10);
}

describe('gravity-gradient libration (small angles, closed forms)', () => {
  // Iy > Ix > Iz: the Lagrange-stable region (Wie §6.4): k1 = (Iy−Iz)/Ix, k3 = (Iy−Ix)/Iz.
  const Ix = 8e6, Iy = 1e7, Iz = 4e6;
  const j = new Float64Array([Ix, 0, 0, 0, Iy, 0, 0, 0, Iz]);
  const orbit = { altitudeM: 400e3, inclinationRad: 0.9, raanRad: 0.3, argLatRad: 0 };
  const n = orbitRateRadS(orbit.altitudeM);

  function librate(offset: { yawRad: number; pitchRad: number; rollRad: number }, orbits: number) {
    const r = new Float64Array(3), v = new Float64Array(3), rB = new Float64Array(3);
    circularState(orbit, 0, r, v);
    const qLI = dcmToQuat(lvlhDcm(r, v));
    const qBL = quatFromAxisAngle([offset.rollRad, offset.pitchRad, offset.yawRad], Math.hypot(offset.rollRad, offset.pitchRad, offset.yawRad));
    const q = quatCompose(qBL, qLI);
    const wB = quatToDcm(qBL);
    // Start at the LVLH rate (0, −n, 0) in LVLH axes, expressed in body axes.
    const y = new Float64Array([q[0], q[1], q[2], q[3], -n * wB[1], -n * wB[4], -n * wB[7], 0, 0, 0]);
    const gg = (t: number, s: Float64Array, out: Float64Array) => {
      circularState(orbit, t, r, v);
      const c = quatToDcm(s.subarray(0, 4));
      for (let i = 0; i < 3; i++) rB[i] = c[3 * i] * r[0] + c[3 * i + 1] * r[1] + c[3 * i + 2] * r[2];
      gravityGradientTorque(MU_EARTH_M3_S2, rB, j, out);
    };
    const stepper = new AttitudeStepper(j, gg);
    const ts: number[] = [], roll: number[] = [], pitch: number[] = [];
    const dt = 5, T = (orbits * 2 * Math.PI) / n;
    for (let t = 0; t < T; t += dt) {
      circularState(orbit, t, r, v);
      const qrel = quatCompose(y.subarray(0, 4), quatConjugate(dcmToQuat(lvlhDcm(r, v))));
      const a = quatToEuler321(qrel);
      ts.push(t); roll.push(a.rollRad); pitch.push(a.pitchRad);
      stepper.step(t, y, dt, [0, 0, 0]);
    }
    return { ts, roll, pitch };
  }

  it('pitch oscillates at n·√(3(Ix − Iz)/Iy)', () => {
    const { ts, pitch } = librate({ yawRad: 0, pitchRad: 1e-3, rollRad: 0 }, 20);
    const expected = n * Math.sqrt((3 * (Ix - Iz)) / Iy);
    expect(peakFrequency(ts, pitch, 0.5 * expected, 1.5 * expected) / expected).toBeCloseTo(1, 3);
  });

  it('roll/yaw oscillate at the two roots of s⁴ + (1 + 3k1 + k1k3)n²s² + 4k1k3n⁴ = 0', () => {
    const k1 = (Iy - Iz) / Ix, k3 = (Iy - Ix) / Iz;
    const b = 1 + 3 * k1 + k1 * k3, c = 4 * k1 * k3;
    const fast = n * Math.sqrt((b + Math.sqrt(b * b - 4 * c)) / 2);
    const slow = n * Math.sqrt((b - Math.sqrt(b * b - 4 * c)) / 2);
    const { ts, roll } = librate({ yawRad: 0, pitchRad: 0, rollRad: 1e-3 }, 40);
    expect(peakFrequency(ts, roll, 0.85 * fast, 1.15 * fast) / fast).toBeCloseTo(1, 3);
    expect(peakFrequency(ts, roll, 0.8 * slow, 1.2 * slow) / slow).toBeCloseTo(1, 3);
  });
});
