import { describe, expect, it } from 'vitest';
import {
  altitudeForOrbitRateM, constantBias, ISS_CMG_ARRAY, iss2022Thrusters, OrbitEnvironment, simulateAttitude, solveTea, zeroBias,
  type AttitudeStation,
} from '../../src/analysis/attitude/index.js';
import { Epoch } from '../../src/foundation/time/index.js';

const D = 180 / Math.PI;
// facts/attitude.md §1a: Wie §7.4 inertia in slug·ft², n = 0.0011 rad/s, aero bias (1, 4, 1) ft·lbf.
const SLUG_FT2 = 14.5939029 * 0.3048 ** 2;
const FT_LBF = 4.4482216152605 * 0.3048;
const WIE_J = new Float64Array([50.28, -0.39, 0.16, -0.39, 10.8, 0.16, 0.16, 0.16, 58.57].map((v) => v * 1e6 * SLUG_FT2));
const N = 0.0011;

/** Second method: fly Wie's momentum-management LQR on the nonlinear dynamics until it settles. */
function settledAttitude(bias: [number, number, number]) {
  const env = new OrbitEnvironment({ altitudeM: altitudeForOrbitRateM(N), inclinationRad: 0.9, raanRad: 0.2, argLatRad: 0 }, Epoch.fromIso('2022-07-01T00:00:00Z'), null, { f107: 150, f107a: 150, ap: [15, 15, 15, 15, 15, 15, 15] });
  const st: AttitudeStation = { name: 'Wie §7.4', inertia: WIE_J, centreOfMassM: [0, 0, 0], surfaces: [], dragCoefficient: 2.2, biasTorqueNm: bias, cmg: ISS_CMG_ARRAY, thrusters: iss2022Thrusters() };
  const r = simulateAttitude(st, env, { durationS: 10 * (2 * Math.PI) / N, controlStepS: 5, recordEveryS: 300, torques: { aero: false, solar: false } });
  expect(r.desaturations).toHaveLength(0);
  const last = r.samples[r.samples.length - 1];
  expect(last.momentumNms).toBeLessThan(1);
  return last;
}

describe("TEA of Wie's space-station model (two independent methods)", () => {
  for (const [label, bias] of [['no aero bias', [0, 0, 0]], ['constant aero bias (1, 4, 1) ft·lbf', [FT_LBF, 4 * FT_LBF, FT_LBF]]] as const) {
    it(`${label}: Newton on the torque balance = the attitude the LQR settles to, within 0.01°`, () => {
      const tea = solveTea(WIE_J, N, label === 'no aero bias' ? zeroBias : constantBias(bias));
      expect(tea.residualNm).toBeLessThan(1e-6);
      const sim = settledAttitude([...bias] as [number, number, number]);
      expect(Math.abs(tea.ypr.yawRad * D - sim.yawDeg)).toBeLessThan(0.01);
      expect(Math.abs(tea.ypr.pitchRad * D - sim.pitchDeg)).toBeLessThan(0.01);
      expect(Math.abs(tea.ypr.rollRad * D - sim.rollDeg)).toBeLessThan(0.01);
    });
  }

  it('pitch-only, diagonal inertia: sin 2θ = −2τ_y / (3n²(Iz − Ix)) (closed form)', () => {
    const j = new Float64Array([WIE_J[0], 0, 0, 0, WIE_J[4], 0, 0, 0, WIE_J[8]]);
    const tau = 4 * FT_LBF;
    const tea = solveTea(j, N, constantBias([0, tau, 0]));
    const expected = 0.5 * Math.asin((-2 * tau) / (3 * N * N * (j[8] - j[0])));
    expect(tea.ypr.pitchRad).toBeCloseTo(expected, 10);
    expect(Math.abs(tea.ypr.yawRad) + Math.abs(tea.ypr.rollRad)).toBeLessThan(1e-12);
  });
});
