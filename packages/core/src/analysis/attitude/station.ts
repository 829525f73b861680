/**
 * What the attitude models need to know about a station: mass properties, the surfaces the air and
 * sunlight push on, a constant bias torque (e.g. a textbook disturbance model), the CMG array and
 * the desaturation thrusters. `iss2022Station()` assembles the built-in model.
 */
import { quatToDcm, type Quaternion } from './quaternion.js';
import { iss2022MassProperties, iss2022Thrusters, ISS_2022_SURFACES, type ThrusterGeometry } from './issModel.js';
import { gravityGradientTorque, SOLAR_PRESSURE_1AU_PA, surfaceFluxTorque, type StationSurface } from './torques.js';
import { MU_EARTH_M3_S2, type EnvironmentSample } from './environment.js';
import { ISS_CMG_ARRAY, type CmgArraySpec } from './cmg.js';

export interface AttitudeStation {
  name: string;
  inertia: Float64Array;
  centreOfMassM: readonly [number, number, number];
  surfaces: readonly StationSurface[];
  /** Drag coefficient applied to every surface (free-molecular flat plates ≈ 2.2; EST). */
  dragCoefficient: number;
  /** Constant torque in body axes, N·m. */
  biasTorqueNm: readonly [number, number, number];
  cmg: CmgArraySpec;
  thrusters: ThrusterGeometry;
}

/** Cd = 2.2, the value commonly taken for free-molecular flow on flat plates (Vallado §8.6.2); EST. */
export const DEFAULT_DRAG_COEFFICIENT = 2.2;

export function iss2022Station(): AttitudeStation {
  const mp = iss2022MassProperties();
  return {
    name: 'ISS 2022 (component model)',
    inertia: mp.inertia,
    centreOfMassM: mp.centreOfMassM,
    surfaces: ISS_2022_SURFACES,
    dragCoefficient: DEFAULT_DRAG_COEFFICIENT,
    biasTorqueNm: [0, 0, 0],
    cmg: ISS_CMG_ARRAY,
    thrusters: iss2022Thrusters(mp),
  };
}

/** Scratch vectors so torque evaluation allocates nothing. */
export class TorqueWorkspace {
  readonly c = new Float64Array(9);
  readonly rB = new Float64Array(3);
  readonly flow = new Float64Array(3);
  readonly sunB = new Float64Array(3);
  readonly tmp = new Float64Array(3);
}

function toBody(c: Float64Array, v: ArrayLike<number>, out: Float64Array): Float64Array {
  out[0] = c[0] * v[0] + c[1] * v[1] + c[2] * v[2];
  out[1] = c[3] * v[0] + c[4] * v[1] + c[5] * v[2];
  out[2] = c[6] * v[0] + c[7] * v[1] + c[8] * v[2];
  return out;
}

/** Which torques to include (all by default). */
export interface TorqueSwitches {
  gravityGradient?: boolean;
  aero?: boolean;
  solar?: boolean;
  bias?: boolean;
}

/** Gravity-gradient torque at attitude q_BI for the environment's position (body axes). */
export function gravityGradientBody(st: AttitudeStation, qBI: Quaternion, env: EnvironmentSample, ws: TorqueWorkspace, out: Float64Array): Float64Array {
  const c = quatToDcm(qBI, ws.c);
  return gravityGradientTorque(MU_EARTH_M3_S2, toBody(c, env.r, ws.rB), st.inertia, out);
}

/** Aerodynamic + solar-pressure + bias torque (everything but gravity gradient), body axes. */
export function surfaceTorques(st: AttitudeStation, qBI: Quaternion, env: EnvironmentSample, ws: TorqueWorkspace, out: Float64Array, sw: TorqueSwitches = {}): Float64Array {
  const c = quatToDcm(qBI, ws.c);
  out[0] = out[1] = out[2] = 0;
  const sunB = toBody(c, env.sunUnit, ws.sunB);
  if (sw.aero !== false && env.densityKgM3 > 0) {
    const vB = toBody(c, env.vRel, ws.flow);
    const speed = Math.hypot(vB[0], vB[1], vB[2]);
    // The air streams past the station opposite to its velocity.
    for (let i = 0; i < 3; i++) vB[i] = -vB[i] / speed;
    surfaceFluxTorque(st.surfaces, vB, 0.5 * env.densityKgM3 * speed * speed * st.dragCoefficient, st.centreOfMassM, sunB, out);
  }
  if (sw.solar !== false && env.sunlit > 0) {
    for (let i = 0; i < 3; i++) ws.flow[i] = -sunB[i];
    surfaceFluxTorque(st.surfaces, ws.flow, SOLAR_PRESSURE_1AU_PA * env.sunlit, st.centreOfMassM, sunB, out);
  }
  if (sw.bias !== false) for (let i = 0; i < 3; i++) out[i] += st.biasTorqueNm[i];
  return out;
}

/**
 * Total external torque on the station in body axes, N·m, for attitude q_BI and the environment
 * sample: gravity gradient + aerodynamic + solar pressure + the constant bias.
 */
export function externalTorque(st: AttitudeStation, qBI: Quaternion, env: EnvironmentSample, ws: TorqueWorkspace, out: Float64Array, sw: TorqueSwitches = {}): Float64Array {
  surfaceTorques(st, qBI, env, ws, out, sw);
  if (sw.gravityGradient !== false) {
    gravityGradientBody(st, qBI, env, ws, ws.tmp);
    out[0] += ws.tmp[0]; out[1] += ws.tmp[1]; out[2] += ws.tmp[2];
  }
  return out;
}
