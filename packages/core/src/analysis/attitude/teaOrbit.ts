/**
 * TEA of a station with its orbit-averaged aerodynamic and solar torques, and the CMG momentum that
 * still builds up over one orbit at an attitude (the "secular" momentum that only thrusters or a
 * different attitude can remove).
 *
 * The surroundings (position, Sun, density) do not depend on the attitude, so one orbit of
 * environment samples serves every Newton step; the aero/solar torque is averaged over them at the
 * trial attitude held in LVLH.
 */
import { emptySample, type EnvironmentSample, type OrbitEnvironment } from './environment.js';
import { euler321ToQuat, type YawPitchRoll } from './euler321.js';
import { lvlhDcm } from './lvlh.js';
import { dcmToQuat, quatCompose, quatToDcm, quat } from './quaternion.js';
import { externalTorque, TorqueWorkspace, type AttitudeStation } from './station.js';
import { solveTea, type AttitudeTorqueFn } from './tea.js';

export interface OrbitSamples {
  periodS: number;
  nRadS: number;
  samples: EnvironmentSample[];
  /** q_LI at each sample. */
  lvlh: Float64Array[];
}

/** `count` equally spaced samples over one orbit (a periodic integrand: the plain mean is spectrally accurate). */
export function sampleOrbit(env: OrbitEnvironment, count = 120): OrbitSamples {
  const first = env.sample(0, emptySample());
  const nRadS = Math.hypot(first.v[0], first.v[1], first.v[2]) / Math.hypot(first.r[0], first.r[1], first.r[2]);
  const periodS = (2 * Math.PI) / nRadS;
  const samples: EnvironmentSample[] = [];
  const lvlh: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const s = env.sample((i * periodS) / count, emptySample());
    samples.push(s);
    lvlh.push(dcmToQuat(lvlhDcm(s.r, s.v)));
  }
  return { periodS, nRadS, samples, lvlh };
}

/** Mean aero + solar (+ bias) torque over the orbit at an LVLH-held attitude, body axes. */
export function orbitAveragedTorque(st: AttitudeStation, orbit: OrbitSamples): AttitudeTorqueFn {
  const ws = new TorqueWorkspace();
  const one = new Float64Array(3), q = quat();
  return (ypr, out) => {
    const qBL = euler321ToQuat(ypr);
    out.fill(0);
    orbit.samples.forEach((s, i) => {
      externalTorque(st, quatCompose(qBL, orbit.lvlh[i], q), s, ws, one, { gravityGradient: false });
      for (let k = 0; k < 3; k++) out[k] += one[k] / orbit.samples.length;
    });
    return out;
  };
}

/**
 * CMG momentum gained over one orbit while the attitude is held exactly at `ypr` in LVLH
 * (body axes at the start, N·m·s): Δh = C_BI(0) ∫ C_IB (τ_ext − ω × Jω) dt. Torques at the
 * orbital frequency in roll/yaw leave a secular part that no constant attitude can cancel.
 */
export function secularMomentumPerOrbit(st: AttitudeStation, orbit: OrbitSamples, ypr: YawPitchRoll): Float64Array {
  const ws = new TorqueWorkspace();
  const qBL = euler321ToQuat(ypr);
  const cBL = quatToDcm(qBL);
  const n = orbit.nRadS;
  const w = [-n * cBL[1], -n * cBL[4], -n * cBL[7]];
  const j = st.inertia;
  const jw = [0, 1, 2].map((i) => j[3 * i] * w[0] + j[3 * i + 1] * w[1] + j[3 * i + 2] * w[2]);
  const gyro = [w[1] * jw[2] - w[2] * jw[1], w[2] * jw[0] - w[0] * jw[2], w[0] * jw[1] - w[1] * jw[0]];
  const tau = new Float64Array(3), q = quat(), sumI = [0, 0, 0];
  const dt = orbit.periodS / orbit.samples.length;
  orbit.samples.forEach((s, i) => {
    const c = quatToDcm(quatCompose(qBL, orbit.lvlh[i], q));
    externalTorque(st, q, s, ws, tau);
    const r = [tau[0] - gyro[0], tau[1] - gyro[1], tau[2] - gyro[2]];
    for (let k = 0; k < 3; k++) sumI[k] += (c[k] * r[0] + c[3 + k] * r[1] + c[6 + k] * r[2]) * dt;
  });
  const c0 = quatToDcm(quatCompose(qBL, orbit.lvlh[0], q));
  return new Float64Array([0, 1, 2].map((k) => c0[3 * k] * sumI[0] + c0[3 * k + 1] * sumI[1] + c0[3 * k + 2] * sumI[2]));
}

export interface StationTea {
  ypr: YawPitchRoll;
  residualNm: number;
  secularMomentumNms: Float64Array;
  meanDisturbanceNm: Float64Array;
  periodS: number;
}

/** TEA with the orbit-averaged aero/solar torque as the bias (Newton; each step re-averages at the trial attitude). */
export function solveStationTea(st: AttitudeStation, orbit: OrbitSamples): StationTea {
  const bias = orbitAveragedTorque(st, orbit);
  const sol = solveTea(st.inertia, orbit.nRadS, bias);
  return {
    ypr: sol.ypr,
    residualNm: sol.residualNm,
    secularMomentumNms: secularMomentumPerOrbit(st, orbit, sol.ypr),
    meanDisturbanceNm: bias(sol.ypr, new Float64Array(3)),
    periodS: orbit.periodS,
  };
}
