import { describe, expect, it } from 'vitest';
import {
  cmgSlewMinimumDurationS, flySlew, harmonicPath, ISS_CMG_ARRAY, OrbitEnvironment, pathGrid, pathMomentum, pathReference, planCmgPath, slewEndpoint,
  eulerRates, euler321DcmInto, euler321ToDcm, orbitRateRadS, pathAngles, iss2022Station, rotationalPotentialJ, steadyTurnMomentumBoundNms, euler321ToQuat, quatAngleBetween, quatCompose, quatConjugate, type AttitudeStation,
} from '../../src/analysis/attitude/index.js';
import { Epoch } from '../../src/foundation/time/index.js';
import { readFileSync } from 'node:fs';
import { createNrlmsise00, loadNrlmsise00Coefficients } from '../../src/models/atmosphere/index.js';
import { sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';

const D = 180 / Math.PI;
const J = 1e8;
// Isotropic body (J = 10⁸ kg·m² · I), no surfaces: no gravity-gradient or gyroscopic torque, so the
// CMG momentum along any path is h = −J·w (w the rate relative to LVLH) in closed form.
const iso: AttitudeStation = {
  name: 'isotropic test body', inertia: new Float64Array([J, 0, 0, 0, J, 0, 0, 0, J]), centreOfMassM: [0, 0, 0], surfaces: [], dragCoefficient: 2.2,
  biasTorqueNm: [0, 0, 0], cmg: { ...ISS_CMG_ARRAY, active: 3 }, thrusters: { leverArmM: [10, 10, 10], ispS: 300, efficiency: 1, source: 'test' },
};
const orbit = { altitudeM: 415e3, inclinationRad: 0.9, raanRad: 0, argLatRad: 0 };
const env = () => new OrbitEnvironment(orbit, Epoch.fromIso('2022-07-15T00:00:00Z'), null, { f107: 130, f107a: 130, ap: [12, 12, 12, 12, 12, 12, 12] });
const XVV = { yawRad: 0, pitchRad: 0, rollRad: 0 };
const YVV = { yawRad: -Math.PI / 2, pitchRad: 0, rollRad: 0 };

describe('harmonic slew path', () => {
  it('rests at both ends (rate and acceleration zero) for any coefficients; the body rates and their derivatives match finite differences', () => {
    const p = harmonicPath({ yawRad: 0.1, pitchRad: -0.2, rollRad: 0.05 }, { yawRad: -1.5, pitchRad: -0.18, rollRad: 0.02 }, 7200, 3, [0.1, -0.2, 0.05, 0.3, 0.02, -0.1, 0.2, 0.1, -0.05]);
    const a = new Float64Array(9), w = [0, 0, 0], wd = [0, 0, 0];
    for (const t of [0, 7200]) {
      pathAngles(p, t, a);
      for (let i = 3; i < 6; i++) expect(Math.abs(a[i])).toBeLessThan(1e-20);
      for (let i = 6; i < 9; i++) expect(Math.abs(a[i])).toBeLessThan(1e-15);
    }
    expect(pathAngles(p, 7200, a)[0]).toBeCloseTo(-1.5, 12);
    // w from the quaternion change over ±0.5 s (relative rotation C(t+δ) C(t−δ)ᵀ ≈ I − [2δ w ×]).
    for (const t of [900, 3333, 6000]) {
      const q = (tt: number) => { pathAngles(p, tt, a); return euler321ToQuat({ yawRad: a[0], pitchRad: a[1], rollRad: a[2] }); };
      const dq = quatCompose(q(t + 0.5), quatConjugate(q(t - 0.5)));
      const sgn = dq[3] < 0 ? -1 : 1;
      pathAngles(p, t, a);
      eulerRates(a, w, wd);
      for (let i = 0; i < 3; i++) expect(Math.abs(2 * sgn * dq[i] - w[i])).toBeLessThan(1e-9);
      const w2 = [0, 0, 0], wd2 = [0, 0, 0], wm = [0, 0, 0];
      pathAngles(p, t + 0.5, a); eulerRates(a, w2, wd2);
      pathAngles(p, t - 0.5, a); eulerRates(a, wm, wd2);
      const scale = Math.hypot(wd[0], wd[1], wd[2]);
      expect(scale).toBeGreaterThan(1e-8);
      for (let i = 0; i < 3; i++) expect(Math.abs(w2[i] - wm[i] - wd[i])).toBeLessThan(1e-6 * scale);
    }
  });
});

describe('closed-form 3-2-1 DCM', () => {
  it('equals the product of the three rotations (euler321ToDcm) for random angles', () => {
    const out = new Float64Array(9);
    for (let i = 0; i < 200; i++) {
      const a = { yawRad: (Math.random() - 0.5) * 2 * Math.PI, pitchRad: (Math.random() - 0.5) * Math.PI, rollRad: (Math.random() - 0.5) * 2 * Math.PI };
      const ref = euler321ToDcm(a);
      euler321DcmInto(a.yawRad, a.pitchRad, a.rollRad, out);
      for (let k = 0; k < 9; k++) expect(Math.abs(out[k] - ref[k])).toBeLessThan(1e-15);
    }
  });
});

describe('CMG momentum along a path (isotropic body, closed form)', () => {
  it('the straight blend peaks at h = 2φJ/T at mid-path (s′ peaks at 2); the CMG torque is J·|ẇ + ω_L × w| = J·√(ẇ² + n²w²)', () => {
    const T = 20000, phi = Math.PI / 2, n = orbitRateRadS(orbit.altitudeM);
    let tauMax = 0;
    for (let k = 0; k <= 4000; k++) {
      const x = 2 * Math.PI * (k / 4000);
      tauMax = Math.max(tauMax, J * Math.hypot((phi * 2 * Math.PI * Math.sin(x)) / (T * T), (n * phi * (1 - Math.cos(x))) / T));
    }
    const m = pathMomentum(iso, harmonicPath(XVV, YVV, T, 0), pathGrid(env(), T, 50));
    expect(m.peakMomentumNms / ((2 * (Math.PI / 2) * J) / T) - 1).toBeLessThan(1e-6);
    expect(m.peakMomentumNms / ((2 * (Math.PI / 2) * J) / T) - 1).toBeGreaterThan(-1e-3);
    expect(m.endMomentumNms).toBeLessThan(1e-6 * m.peakMomentumNms);
    expect(Math.abs(m.peakTorqueNm / tauMax - 1)).toBeLessThan(1e-3);
  });
});

describe('CMG-only path planner (isotropic body)', () => {
  const plan = planCmgPath(iso, env(), slewEndpoint(iso, env(), 'xvv'), slewEndpoint(iso, env(), 'yvv'), { initialMomentum: 'zero' });
  const bound = cmgSlewMinimumDurationS(Math.PI / 2, J, 0.76 * 3 * 4760);

  it('90° yaw with 3 CMGs: feasible, inside 76 %, between the momentum bound φJ/(f·h_cap) and the straight blend’s 2φJ/(f·h_cap)', () => {
    expect(plan.from).toEqual(XVV);
    expect(plan.to.yawRad).toBeCloseTo(-Math.PI / 2, 12);
    expect(plan.feasible).toBe(true);
    expect(plan.peakMomentumFraction).toBeLessThanOrEqual(0.76);
    expect(plan.durationS).toBeGreaterThanOrEqual(bound);
    expect(plan.durationS).toBeLessThanOrEqual(2 * bound);
    expect(plan.durationS / 3600).toBeGreaterThan(1);
    console.log(`isotropic: ${(plan.durationS / 3600).toFixed(2)} h (bound ${(bound / 3600).toFixed(2)} h), peak ${plan.peakMomentumFraction.toFixed(3)}`);
  });

  it('independent check: the full dynamics fly the planned path inside the envelope and end on the target attitude', () => {
    const f = flySlew(iso, env(), pathReference(plan.path), { cmgOnly: true, stepS: 2, settleS: 300 });
    expect(f.peakFraction).toBeLessThanOrEqual(0.76 * 1.02);
    expect(Math.abs(f.peakFraction / plan.peakMomentumFraction - 1)).toBeLessThan(0.02);
    expect(f.finalErrorRad * D).toBeLessThan(0.05);
    expect(quatAngleBetween(euler321ToQuat(plan.to), euler321ToQuat(YVV))).toBeLessThan(1e-12);
  });
});

describe('CMG-only path planner options', () => {
  it('a free starting CMG momentum is reported and the simulation flown from it agrees with the plan', () => {
    const plan = planCmgPath(iso, env(), XVV, YVV, { initialMomentum: 'free', maxDurationS: 8 * 3600, iterations: 15 });
    expect(Math.hypot(...plan.initialMomentumNms)).toBeLessThanOrEqual(0.76 * 3 * 4760 + 1e-6);
    const f = flySlew(iso, env(), pathReference(plan.path), { cmgOnly: true, stepS: 2, settleS: 300, initialMomentumNms: plan.initialMomentumNms });
    expect(Math.abs(f.peakFraction / plan.peakMomentumFraction - 1)).toBeLessThan(0.02);
  });

  it('bad options are refused naming the field', () => {
    expect(() => planCmgPath(iso, env(), XVV, YVV, { harmonics: 2.5 })).toThrow(/harmonics/);
    expect(() => planCmgPath(iso, env(), XVV, YVV, { momentumLimitFraction: 1.5 })).toThrow(/momentumLimitFraction/);
    expect(() => planCmgPath(iso, env(), XVV, YVV, { maxDurationS: 10 })).toThrow(/maxDurationS/);
    expect(() => planCmgPath(iso, env(), XVV, YVV, { starts: 0 })).toThrow(/starts/);
    expect(() => planCmgPath(iso, env(), XVV, YVV, { iterations: 0.5 })).toThrow(/iterations/);
    expect(() => planCmgPath(iso, env(), XVV, YVV, { search: 'slow' as 'quick' })).toThrow(/search/);
    expect(() => planCmgPath({ ...iso, cmg: { ...ISS_CMG_ARRAY, active: 0 } }, env(), XVV, YVV)).toThrow(/cmgs_active/);
  });
});

describe('work identity: the CMG momentum from the momentum balance against the energy (Jacobi) integral', () => {
  // The 2022 mass model without surfaces: gravity gradient and gyroscopic torques only, so the
  // change of U = (n²/2)(3ĉ·Jĉ − ô·Jô) between two rest attitudes equals ∫ h·ω̇ dt exactly.
  const bare: AttitudeStation = { ...iss2022Station(), surfaces: [], cmg: { ...ISS_CMG_ARRAY, active: 3 } };
  const from = slewEndpoint(bare, env(), 'xvv'), to = slewEndpoint(bare, env(), 'yvv');
  const n = orbitRateRadS(orbit.altitudeM);

  it('∫ h·ω̇ dt = ΔU along an arbitrary rest-to-rest path (10⁻⁴ on a 10 s grid, second order), and |ΔU| ≤ h_peak ∫|ω̇| dt', () => {
    const path = harmonicPath(from, to, 3 * 3600, 3, [0.2, -0.1, 0.05, 0.1, 0.15, -0.05, -0.1, 0.05, 0.2]);
    const m = pathMomentum(bare, path, pathGrid(env(), path.durationS, 10));
    const dU = rotationalPotentialJ(bare.inertia, n, to) - rotationalPotentialJ(bare.inertia, n, from);
    expect(Math.abs(dU)).toBeGreaterThan(10);
    expect(Math.abs(m.cmgWorkJ / dU - 1)).toBeLessThan(1e-4);
    expect(m.peakMomentumNms * m.rateVariationRadS).toBeGreaterThanOrEqual(Math.abs(dU));
  });

  it('the TEAs are stationary points of U (its gradient vanishes there to 1e-6 of its scale)', () => {
    for (const a of [from, to]) {
      const h = 1e-5, scale = 0.5 * n * n * 1e8;
      for (const k of ['yawRad', 'pitchRad', 'rollRad'] as const) {
        const d = (rotationalPotentialJ(bare.inertia, n, { ...a, [k]: a[k] + h }) - rotationalPotentialJ(bare.inertia, n, { ...a, [k]: a[k] - h })) / (2 * h);
        expect(Math.abs(d) / scale).toBeLessThan(1e-6);
      }
    }
  });

  it('the planner’s best 90° yaw respects the work bound and the full dynamics reproduce its momentum', () => {
    const plan = planCmgPath(bare, env(), from, to);
    const m = pathMomentum(bare, plan.path, pathGrid(env(), plan.durationS, 10));
    const dU = rotationalPotentialJ(bare.inertia, n, to) - rotationalPotentialJ(bare.inertia, n, from);
    expect(m.peakMomentumNms * m.rateVariationRadS).toBeGreaterThanOrEqual(Math.abs(dU));
    expect(plan.feasible).toBe(plan.peakMomentumFraction <= 0.76);
    const f = flySlew(bare, env(), pathReference(plan.path), { cmgOnly: true, stepS: 2, settleS: 300 });
    expect(Math.abs(f.peakFraction / plan.peakMomentumFraction - 1)).toBeLessThan(0.02);
    expect(f.finalErrorRad * D).toBeLessThan(0.1);
    console.log(`2022 mass model, no surfaces: ${(plan.durationS / 3600).toFixed(2)} h, peak ${plan.peakMomentumFraction.toFixed(3)} (sim ${f.peakFraction.toFixed(3)}), feasible ${plan.feasible}; steady-turn bound ${(steadyTurnMomentumBoundNms(bare.inertia, n, from, to) / (3 * 4760)).toFixed(3)} of capacity; dU ${dU.toFixed(1)} J`);
  }, 300_000);
});

describe.skipIf(!sharedDataAvailable())('CMG-only 90° yaw of the 2022 ISS model with NRLMSISE-00 aero, 3 CMGs (the documented figures)', () => {
  const atm = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8'))));
  const envIss = () => new OrbitEnvironment({ altitudeM: 415e3, inclinationRad: 51.64 / D, raanRad: 0, argLatRad: 0 }, Epoch.fromIso('2022-07-15T00:00:00Z'), atm, { f107: 130, f107a: 130, ap: [12, 12, 12, 12, 12, 12, 12] });
  const st: AttitudeStation = { ...iss2022Station(), cmg: { ...ISS_CMG_ARRAY, active: 3 } };

  it('takes hours; a steady turn cannot fit (work bound 127 % of capacity), so the path found swings (∫|ω̇| dt above the steady turn’s n·φ); the full dynamics reproduce the plan', () => {
    const from = slewEndpoint(st, envIss(), 'xvv'), to = slewEndpoint(st, envIss(), 'yvv');
    const n = orbitRateRadS(415e3);
    expect(steadyTurnMomentumBoundNms(st.inertia, n, from, to) / (3 * 4760)).toBeGreaterThan(1);
    const plan = planCmgPath(st, envIss(), from, to);
    expect(plan.durationS / 3600).toBeGreaterThan(1);
    expect(plan.durationS / 3600).toBeLessThanOrEqual(12);
    expect(plan.feasible).toBe(plan.peakMomentumFraction <= 0.76);
    // Any path below the steady-turn bound must vary its rate more than a steady turn does (|ΔU| ≤ h_peak ∫|ω̇| dt).
    const m = pathMomentum(st, plan.path, pathGrid(envIss(), plan.durationS, 120));
    if (plan.peakMomentumFraction * 3 * 4760 < steadyTurnMomentumBoundNms(st.inertia, n, from, to)) expect(m.rateVariationRadS).toBeGreaterThan(n * (Math.PI / 2));
    const f = flySlew(st, envIss(), pathReference(plan.path), { cmgOnly: true, stepS: 5, settleS: 300 });
    expect(Math.abs(f.peakFraction / plan.peakMomentumFraction - 1)).toBeLessThan(0.02);
    expect(f.finalErrorRad * D).toBeLessThan(0.1);
    console.log(`2022 model with aero, 3 CMGs: ${(plan.durationS / 3600).toFixed(2)} h, peak ${plan.peakMomentumFraction.toFixed(3)} (sim ${f.peakFraction.toFixed(3)}), feasible ${plan.feasible}`);
  }, 400_000);

  it('with the full array of 4 CMGs a swinging path fits the envelope in hours (thorough settings); the full dynamics confirm it', () => {
    const four: AttitudeStation = { ...iss2022Station(), cmg: { ...ISS_CMG_ARRAY, active: 4 } };
    const from = slewEndpoint(four, envIss(), 'xvv'), to = slewEndpoint(four, envIss(), 'yvv');
    const n = orbitRateRadS(415e3);
    // A steady turn would need 95 % of 4 CMGs' capacity: above the 76 % limit.
    expect(steadyTurnMomentumBoundNms(four.inertia, n, from, to) / (4 * 4760)).toBeGreaterThan(0.9);
    const plan = planCmgPath(four, envIss(), from, to, { search: 'thorough', starts: 6, iterations: 60, maxDurationS: 4.5 * 3600 });
    expect(plan.feasible).toBe(true);
    const f = flySlew(four, envIss(), pathReference(plan.path), { cmgOnly: true, stepS: 5, settleS: 300 });
    expect(f.peakFraction).toBeLessThanOrEqual(0.76 * 1.02);
    expect(f.finalErrorRad * D).toBeLessThan(0.1);
    expect(plan.durationS / 3600).toBeGreaterThan(1);
    console.log(`2022 model with aero, 4 CMGs: ${(plan.durationS / 3600).toFixed(2)} h, peak ${plan.peakMomentumFraction.toFixed(3)} (sim ${f.peakFraction.toFixed(3)}), feasible ${plan.feasible}`);
  }, 900_000);

  it('3 CMGs: the 6-h swinging path the thorough search found (stored) fits the envelope when flown on the full dynamics', () => {
    // Coefficients from a thorough-settings search at 5 h, then 6 h warm-started (docs/attitude.md);
    // this test checks the claim with the physics, not the search: the full dynamics fly the stored path.
    const stored = JSON.parse(readFileSync(new URL('../fixtures/zpm-iss2022-3cmg-6h.json', import.meta.url), 'utf8'));
    const from = slewEndpoint(st, envIss(), 'xvv'), to = slewEndpoint(st, envIss(), 'yvv');
    for (const k of ['yawRad', 'pitchRad', 'rollRad'] as const) {
      expect(Math.abs(stored.from[k] - from[k])).toBeLessThan(1e-9);
      expect(Math.abs(stored.to[k] - to[k])).toBeLessThan(1e-9);
    }
    const path = harmonicPath(from, to, stored.durationS, stored.harmonics, stored.coefficients);
    const m = pathMomentum(st, path, pathGrid(envIss(), path.durationS, 120));
    const f = flySlew(st, envIss(), pathReference(path), { cmgOnly: true, stepS: 5, settleS: 300 });
    expect(m.peakMomentumNms / (3 * 4760)).toBeLessThanOrEqual(0.76);
    expect(f.peakFraction).toBeLessThanOrEqual(0.76);
    expect(f.finalErrorRad * D).toBeLessThan(0.1);
    // Below the steady-turn bound, so it swings: |ΔU| ≤ h_peak ∫|ω̇| dt forces ∫|ω̇| dt well above n·φ.
    const n = orbitRateRadS(415e3);
    expect(m.rateVariationRadS).toBeGreaterThan(1.5 * n * (Math.PI / 2));
    console.log(`stored 6-h path, 3 CMGs: planned ${(m.peakMomentumNms / (3 * 4760)).toFixed(4)}, flown ${f.peakFraction.toFixed(4)}, ∫|ω̇|dt ${m.rateVariationRadS.toExponential(3)} rad/s`);
  }, 120_000);
});
