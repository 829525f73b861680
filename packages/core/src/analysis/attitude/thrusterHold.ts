/**
 * Attitude held by thrusters alone (CMGs off or saturated, or during reboosts and dockings when the
 * ISS hands attitude control to the Russian segment): the thrusters must supply, about each axis,
 * the whole torque the CMGs would otherwise absorb, τ = ω × Jω − τ_ext, so the propellant is
 * Σ_i ∫|τ_i| dt / (L_i g₀ Isp η). A deadband controller's limit cycle adds to this; for a
 * 10⁸ kg·m² station its cost is negligible (one minimum impulse bit changes the rate by ~10⁻⁶ rad/s),
 * so it is left out (docs/attitude.md).
 */
import { STANDARD_GRAVITY_MPS2 } from '../../models/forces/thrust.js';
import { euler321ToQuat, type YawPitchRoll } from './euler321.js';
import { quat, quatCompose, quatToDcm } from './quaternion.js';
import { externalTorque, TorqueWorkspace, type AttitudeStation } from './station.js';
import type { OrbitSamples } from './teaOrbit.js';

export interface ThrusterHold {
  propellantKg: number;
  /** Mean |τ| about each body axis, N·m. */
  meanAbsTorqueNm: [number, number, number];
  durationS: number;
}

export function thrusterHeldAttitude(st: AttitudeStation, orbit: OrbitSamples, ypr: YawPitchRoll, durationS: number): ThrusterHold {
  const ws = new TorqueWorkspace();
  const qBL = euler321ToQuat(ypr);
  const c = quatToDcm(qBL), n = orbit.nRadS, j = st.inertia;
  const w = [-n * c[1], -n * c[4], -n * c[7]];
  const jw = [0, 1, 2].map((i) => j[3 * i] * w[0] + j[3 * i + 1] * w[1] + j[3 * i + 2] * w[2]);
  const gyro = [w[1] * jw[2] - w[2] * jw[1], w[2] * jw[0] - w[0] * jw[2], w[0] * jw[1] - w[1] * jw[0]];
  const tau = new Float64Array(3), q = quat();
  const mean: [number, number, number] = [0, 0, 0];
  orbit.samples.forEach((s, i) => {
    externalTorque(st, quatCompose(qBL, orbit.lvlh[i], q), s, ws, tau);
    for (let k = 0; k < 3; k++) mean[k] += Math.abs(gyro[k] - tau[k]) / orbit.samples.length;
  });
  const th = st.thrusters;
  let kg = 0;
  for (let k = 0; k < 3; k++) kg += (mean[k] * durationS) / (th.leverArmM[k] * STANDARD_GRAVITY_MPS2 * th.ispS);
  return { propellantKg: kg / th.efficiency, meanAbsTorqueNm: mean, durationS };
}
