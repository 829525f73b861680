/**
 * 3-2-1 (yaw ψ about z, pitch θ about y, roll φ about x) Euler angles of a body frame relative to a
 * reference frame (for the ISS: relative to LVLH, the convention of Wie §7.4 and of NASA's flight
 * attitudes "YPR"). C_BR = R1(φ)·R2(θ)·R3(ψ) with the passive rotations of frames/mat3.ts.
 */
import { mulMat as multiply, rot1, rot2, rot3, type Mat3 } from '../../foundation/frames/mat3.js';
import { dcmToQuat, quatToDcm, type Quaternion } from './quaternion.js';

export interface YawPitchRoll {
  yawRad: number;
  pitchRad: number;
  rollRad: number;
}

export function euler321ToDcm(a: YawPitchRoll, out: Mat3 = new Float64Array(9)): Mat3 {
  const r1 = rot1(a.rollRad, new Float64Array(9));
  const r2 = rot2(a.pitchRad, new Float64Array(9));
  const r3 = rot3(a.yawRad, new Float64Array(9));
  const t = multiply(r2, r3, new Float64Array(9));
  return multiply(r1, t, out);
}

/**
 * Angles of a direction-cosine matrix: ψ = atan2(C12, C11), θ = −asin(C13), φ = atan2(C23, C33)
 * (Wie Table 5.2). Yaw and roll in (−π, π], pitch in [−π/2, π/2].
 */
export function dcmToEuler321(c: ArrayLike<number>): YawPitchRoll {
  const s = Math.max(-1, Math.min(1, -c[2]));
  return { yawRad: Math.atan2(c[1], c[0]), pitchRad: Math.asin(s), rollRad: Math.atan2(c[5], c[8]) };
}

export function euler321ToQuat(a: YawPitchRoll, out?: Quaternion): Quaternion {
  return dcmToQuat(euler321ToDcm(a), out);
}

export function quatToEuler321(q: Quaternion): YawPitchRoll {
  return dcmToEuler321(quatToDcm(q));
}

/** Degrees → radians with the range checks a user-facing angle needs; the error names the field. */
export function yawPitchRollFromDeg(yawDeg: number, pitchDeg: number, rollDeg: number, field = 'attitude'): YawPitchRoll {
  const check = (name: string, v: number, lim: number) => {
    if (!Number.isFinite(v) || Math.abs(v) > lim) throw new RangeError(`${field}.${name}: must be a number between -${lim} and ${lim} degrees, got ${v}`);
  };
  check('yaw_deg', yawDeg, 180);
  check('pitch_deg', pitchDeg, 90);
  check('roll_deg', rollDeg, 180);
  const d = Math.PI / 180;
  return { yawRad: yawDeg * d, pitchRad: pitchDeg * d, rollRad: rollDeg * d };
}
