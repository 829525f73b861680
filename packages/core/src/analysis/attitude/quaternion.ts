/**
 * Attitude quaternions, scalar last: q = [q1, q2, q3, q4] = [e·sin(φ/2), cos(φ/2)] for a rotation
 * by φ about the unit axis e (Wie, Space Vehicle Dynamics and Control, 2nd ed., §5.3).
 *
 * A quaternion q_BR describes frame B relative to frame R. Its direction-cosine matrix
 * C = C_BR (row-major Float64Array(9)) maps R components into B components: v_B = C v_R. This is
 * the passive convention of frames/mat3.ts, so C(q) for a rotation about z equals rot3(φ).
 */
import type { Mat3 } from '../../foundation/frames/mat3.js';

export type Quaternion = Float64Array;

export function quat(q1 = 0, q2 = 0, q3 = 0, q4 = 1): Quaternion {
  const q = new Float64Array(4);
  q[0] = q1; q[1] = q2; q[2] = q3; q[3] = q4;
  return q;
}

export function quatNormalize(q: Quaternion): Quaternion {
  const n = Math.hypot(q[0], q[1], q[2], q[3]);
  if (!(n > 0)) throw new RangeError('quaternion: zero norm');
  q[0] /= n; q[1] /= n; q[2] /= n; q[3] /= n;
  return q;
}

/** Rotation by `angleRad` about the axis (need not be unit length, must not be zero). */
export function quatFromAxisAngle(axis: ArrayLike<number>, angleRad: number, out: Quaternion = quat()): Quaternion {
  const n = Math.hypot(axis[0], axis[1], axis[2]);
  if (!(n > 0)) throw new RangeError('quaternion: rotation axis of zero length');
  const s = Math.sin(angleRad / 2) / n;
  out[0] = axis[0] * s; out[1] = axis[1] * s; out[2] = axis[2] * s; out[3] = Math.cos(angleRad / 2);
  return out;
}

/**
 * Successive rotations: q_CA = q_CB ⊗ q_BA, chosen so that C(q_CA) = C(q_CB)·C(q_BA)
 * (Wie Eq. 5.62 ordering). `out` must not alias an input.
 */
export function quatCompose(qCB: Quaternion, qBA: Quaternion, out: Quaternion = quat()): Quaternion {
  const [a1, a2, a3, a4] = qBA;
  const [b1, b2, b3, b4] = qCB;
  out[0] = b4 * a1 + b3 * a2 - b2 * a3 + b1 * a4;
  out[1] = -b3 * a1 + b4 * a2 + b1 * a3 + b2 * a4;
  out[2] = b2 * a1 - b1 * a2 + b4 * a3 + b3 * a4;
  out[3] = -b1 * a1 - b2 * a2 - b3 * a3 + b4 * a4;
  return out;
}

/** The inverse rotation (q_RB from q_BR). */
export function quatConjugate(q: Quaternion, out: Quaternion = quat()): Quaternion {
  out[0] = -q[0]; out[1] = -q[1]; out[2] = -q[2]; out[3] = q[3];
  return out;
}

/** C_BR = (q4² − q·q) I + 2 q qᵀ − 2 q4 [q×] (Wie Eq. 5.45). */
export function quatToDcm(q: Quaternion, out: Mat3 = new Float64Array(9)): Mat3 {
  const [q1, q2, q3, q4] = q;
  out[0] = 1 - 2 * (q2 * q2 + q3 * q3);
  out[1] = 2 * (q1 * q2 + q3 * q4);
  out[2] = 2 * (q1 * q3 - q2 * q4);
  out[3] = 2 * (q2 * q1 - q3 * q4);
  out[4] = 1 - 2 * (q1 * q1 + q3 * q3);
  out[5] = 2 * (q2 * q3 + q1 * q4);
  out[6] = 2 * (q3 * q1 + q2 * q4);
  out[7] = 2 * (q3 * q2 - q1 * q4);
  out[8] = 1 - 2 * (q1 * q1 + q2 * q2);
  return out;
}

/**
 * Quaternion of a rotation matrix by Shepperd's method (pick the largest of the four squared
 * components, so no division by a small number), scalar part made non-negative.
 */
export function dcmToQuat(c: ArrayLike<number>, out: Quaternion = quat()): Quaternion {
  const tr = c[0] + c[4] + c[8];
  const cand = [1 + 2 * c[0] - tr, 1 + 2 * c[4] - tr, 1 + 2 * c[8] - tr, 1 + tr];
  let k = 0;
  for (let i = 1; i < 4; i++) if (cand[i] > cand[k]) k = i;
  const big = Math.sqrt(cand[k]) / 2;
  const f = 1 / (4 * big);
  if (k === 3) {
    out[0] = (c[5] - c[7]) * f; out[1] = (c[6] - c[2]) * f; out[2] = (c[1] - c[3]) * f; out[3] = big;
  } else if (k === 0) {
    out[0] = big; out[1] = (c[1] + c[3]) * f; out[2] = (c[2] + c[6]) * f; out[3] = (c[5] - c[7]) * f;
  } else if (k === 1) {
    out[0] = (c[1] + c[3]) * f; out[1] = big; out[2] = (c[5] + c[7]) * f; out[3] = (c[6] - c[2]) * f;
  } else {
    out[0] = (c[2] + c[6]) * f; out[1] = (c[5] + c[7]) * f; out[2] = big; out[3] = (c[1] - c[3]) * f;
  }
  if (out[3] < 0) for (let i = 0; i < 4; i++) out[i] = -out[i];
  return out;
}

/**
 * Kinematics q̇ = ½ Ω(ω) q with ω the rate of B relative to R in B axes (Wie Eq. 5.71).
 * Writes into `out` at `offset` (an ODE derivative vector).
 */
export function quatRate(q: ArrayLike<number>, w: ArrayLike<number>, out: Float64Array, offset = 0): void {
  const [q1, q2, q3, q4] = [q[0], q[1], q[2], q[3]];
  const [w1, w2, w3] = [w[0], w[1], w[2]];
  out[offset] = 0.5 * (w3 * q2 - w2 * q3 + w1 * q4);
  out[offset + 1] = 0.5 * (-w3 * q1 + w1 * q3 + w2 * q4);
  out[offset + 2] = 0.5 * (w2 * q1 - w1 * q2 + w3 * q4);
  out[offset + 3] = 0.5 * (-w1 * q1 - w2 * q2 - w3 * q3);
}

/** Rotation angle between two attitudes, rad in [0, π]. */
export function quatAngleBetween(a: Quaternion, b: Quaternion): number {
  const d = Math.abs(a[0] * b[0] + a[1] * b[1] + a[2] * b[2] + a[3] * b[3]);
  return 2 * Math.acos(Math.min(1, d));
}
