/**
 * The ISS control-moment-gyroscope array, modelled at array level: four double-gimbal CMGs of
 * 4,760 N·m·s and 258 N·m each (Gurrisi et al. 2010, facts/attitude.md §3, P). Double-gimbal units
 * can point their momentum anywhere, so a parallel-mounted array's momentum envelope is a sphere of
 * radius N·h₀ (the ideal sum); its torque is bounded here by N·258 N·m in any direction (an upper
 * bound: near saturation the real array gives less). Gimbal angles and the steering law are not
 * modelled; see docs/attitude.md.
 */
import type { ThrusterGeometry } from './issModel.js';
import { STANDARD_GRAVITY_MPS2 } from '../../models/forces/thrust.js';

export interface CmgArraySpec {
  /** CMGs on the truss. */
  count: number;
  /** CMGs working (3 during the 2006 zero-propellant manoeuvre; facts §6). */
  active: number;
  momentumPerCmgNms: number;
  torquePerCmgNm: number;
  /** Desaturate when |h| reaches this fraction of capacity (EST: ISS ops kept ≈ 76 % during ZPM, facts §3, W). */
  desatThresholdFraction: number;
  /** Momentum left after a desaturation, fraction of capacity (EST). */
  desatTargetFraction: number;
}

export const ISS_CMG_ARRAY: Readonly<CmgArraySpec> = Object.freeze({
  count: 4,
  active: 4,
  momentumPerCmgNms: 4760,
  torquePerCmgNm: 258,
  desatThresholdFraction: 0.75,
  desatTargetFraction: 0.1,
});

export function cmgCapacityNms(s: CmgArraySpec): number {
  return s.active * s.momentumPerCmgNms;
}

export function cmgTorqueLimitNm(s: CmgArraySpec): number {
  return s.active * s.torquePerCmgNm;
}

/** Scales a commanded torque (in place) to the array's limit; returns true when it had to. */
export function limitCmgTorque(u: Float64Array, s: CmgArraySpec): boolean {
  const lim = cmgTorqueLimitNm(s);
  const m = Math.hypot(u[0], u[1], u[2]);
  if (m <= lim) return false;
  const k = lim / m;
  u[0] *= k; u[1] *= k; u[2] *= k;
  return true;
}


/**
 * Propellant for thrusters to remove the angular momentum ΔH (body axes, N·m·s): about each axis
 * a couple of lever arm L needs impulse |ΔH_i|/L, i.e. mass |ΔH_i|/(L·g₀·Isp), divided by the
 * thrusters' torque efficiency.
 */
export function thrusterPropellantKg(deltaHNms: ArrayLike<number>, t: ThrusterGeometry): number {
  let kg = 0;
  for (let i = 0; i < 3; i++) kg += Math.abs(deltaHNms[i]) / (t.leverArmM[i] * STANDARD_GRAVITY_MPS2 * t.ispS);
  return kg / t.efficiency;
}
