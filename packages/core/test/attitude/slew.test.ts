import { describe, expect, it } from 'vitest';
import { cmgSlewMinimumDurationS, ISS_CMG_ARRAY, OrbitEnvironment, orbitRateRadS, planSlew, type AttitudeStation } from '../../src/analysis/attitude/index.js';
import { STANDARD_GRAVITY_MPS2 } from '../../src/models/forces/thrust.js';
import { Epoch } from '../../src/foundation/time/index.js';

// An isotropic station (J = 10⁸ kg·m² · I): no gravity-gradient torque, no gyroscopic torque, no
// surfaces, so the slew costs follow in closed form.
const J = 1e8;
const st: AttitudeStation = {
  name: 'isotropic test body', inertia: new Float64Array([J, 0, 0, 0, J, 0, 0, 0, J]), centreOfMassM: [0, 0, 0], surfaces: [], dragCoefficient: 2.2,
  biasTorqueNm: [0, 0, 0], cmg: { ...ISS_CMG_ARRAY, active: 3 }, thrusters: { leverArmM: [10, 10, 10], ispS: 300, efficiency: 1, source: 'test' },
};
const orbit = { altitudeM: 415e3, inclinationRad: 0.9, raanRad: 0, argLatRad: 0 };
const env = () => new OrbitEnvironment(orbit, Epoch.fromIso('2022-07-15T00:00:00Z'), null, { f107: 130, f107a: 130, ap: [12, 12, 12, 12, 12, 12, 12] });
const n = orbitRateRadS(orbit.altitudeM);

describe('slew planner against closed forms (isotropic body)', () => {
  it('thrusters, 90° yaw: impulse = 2Jω (start and stop) + J·n·∫(|cos ψ| + |sin ψ|)dψ = 2Jn (keeping the yaw axis on nadir while LVLH turns)', () => {
    const r = planSlew(st, env(), { from: 'xvv', to: 'yvv', cmgOnly: false, thrusterRateDegS: 0.1, thrusterRampS: 60, stepS: 1 });
    const w = (0.1 * Math.PI) / 180;
    const impulse = 2 * J * w + 2 * J * n;
    const expectedKg = impulse / (10 * STANDARD_GRAVITY_MPS2 * 300);
    expect(r.angleDeg).toBeCloseTo(90, 9);
    expect(r.durationS).toBeCloseTo(Math.PI / 2 / w + 60, 6);
    expect(Math.abs(r.propellantKg / expectedKg - 1)).toBeLessThan(0.02);
  });

  it('CMG-only, 90° yaw with 3 CMGs: feasible, within the 76 % envelope, and no faster than the momentum bound φJ/(f·h_cap)', () => {
    const r = planSlew(st, env(), { from: 'xvv', to: 'yvv', cmgOnly: true, stepS: 10 });
    const bound = cmgSlewMinimumDurationS(Math.PI / 2, J, 0.76 * 3 * 4760);
    expect(r.feasible).toBe(true);
    expect(r.propellantKg).toBe(0);
    expect(r.peakMomentumFraction).toBeLessThanOrEqual(0.76);
    expect(r.durationS).toBeGreaterThanOrEqual(bound);
    expect(r.durationS).toBeLessThan(2 * bound);
    expect(r.durationS / 3600).toBeGreaterThan(1); // hours, not minutes
  });
});
