/**
 * Rigid body with internal (CMG) angular momentum. State y = [q_BI (4), ω (3), h (3)]: attitude
 * relative to inertial axes, body rate relative to inertial in body axes (rad/s), and the CMG
 * array's momentum in body axes (N·m·s). With τ_c the torque the CMGs exert on the body and τ_e the
 * external torque (Wie §7.4 with the control written as the CMG torque):
 *
 *   J ω̇ = τ_c + τ_e − ω × J ω,     ḣ = −τ_c − ω × h,     q̇ = ½ Ω(ω) q.
 *
 * Adding the two first lines, d/dt (Jω + h) + ω × (Jω + h) = τ_e: the total momentum H = Jω + h
 * changes in inertial space only by the external torque, whatever the CMGs do.
 */
import type { OdeFunction } from '../../propagation/integrators/types.js';

export const ATTITUDE_STATE_SIZE = 10;

/** Inverse of a symmetric positive-definite 3×3 matrix (cofactors). */
export function invert3(j: ArrayLike<number>, out: Float64Array = new Float64Array(9)): Float64Array {
  const [a, b, c, d, e, f, g, h, i] = [j[0], j[1], j[2], j[3], j[4], j[5], j[6], j[7], j[8]];
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C;
  if (!(Math.abs(det) > 0)) throw new RangeError('inertia tensor is singular');
  out[0] = A / det; out[1] = -(b * i - c * h) / det; out[2] = (b * f - c * e) / det;
  out[3] = B / det; out[4] = (a * i - c * g) / det; out[5] = -(a * f - c * d) / det;
  out[6] = C / det; out[7] = -(a * h - b * g) / det; out[8] = (a * e - b * d) / det;
  return out;
}

/** Writes dy/dt for the body torques τ_c (CMG on body) and τ_e (external), body axes. */
export function attitudeDerivative(j: Float64Array, jInv: Float64Array, y: ArrayLike<number>, tauCmg: ArrayLike<number>, tauExt: ArrayLike<number>, dy: Float64Array): void {
  const w0 = y[4], w1 = y[5], w2 = y[6];
  const h0 = y[7], h1 = y[8], h2 = y[9];
  const jw0 = j[0] * w0 + j[1] * w1 + j[2] * w2;
  const jw1 = j[3] * w0 + j[4] * w1 + j[5] * w2;
  const jw2 = j[6] * w0 + j[7] * w1 + j[8] * w2;
  const m0 = tauCmg[0] + tauExt[0] - (w1 * jw2 - w2 * jw1);
  const m1 = tauCmg[1] + tauExt[1] - (w2 * jw0 - w0 * jw2);
  const m2 = tauCmg[2] + tauExt[2] - (w0 * jw1 - w1 * jw0);
  const q1 = y[0], q2 = y[1], q3 = y[2], q4 = y[3];
  // q̇ = ½ Ω(ω) q (quaternion.ts quatRate, inlined: no per-stage allocation).
  dy[0] = 0.5 * (w2 * q2 - w1 * q3 + w0 * q4);
  dy[1] = 0.5 * (-w2 * q1 + w0 * q3 + w1 * q4);
  dy[2] = 0.5 * (w1 * q1 - w0 * q2 + w2 * q4);
  dy[3] = 0.5 * (-w0 * q1 - w1 * q2 - w2 * q3);
  dy[4] = jInv[0] * m0 + jInv[1] * m1 + jInv[2] * m2;
  dy[5] = jInv[3] * m0 + jInv[4] * m1 + jInv[5] * m2;
  dy[6] = jInv[6] * m0 + jInv[7] * m1 + jInv[8] * m2;
  dy[7] = -tauCmg[0] - (w1 * h2 - w2 * h1);
  dy[8] = -tauCmg[1] - (w2 * h0 - w0 * h2);
  dy[9] = -tauCmg[2] - (w0 * h1 - w1 * h0);
}

/** External torque as a function of time and state (body axes, N·m). */
export type BodyTorqueFn = (tS: number, y: Float64Array, out: Float64Array) => void;

/** The dynamics as an OdeFunction for the project's integrators (CMG and external torques as functions). */
export function attitudeOde(j: Float64Array, cmgTorque: BodyTorqueFn, extTorque: BodyTorqueFn): OdeFunction {
  const jInv = invert3(j);
  const tc = new Float64Array(3), te = new Float64Array(3);
  return (t, y, dy) => {
    cmgTorque(t, y, tc);
    extTorque(t, y, te);
    attitudeDerivative(j, jInv, y, tc, te, dy);
  };
}

/**
 * Classical RK4 at the control step, the CMG torque held over the step (zero-order hold, as a
 * digital controller applies it) and the external torque re-evaluated at each stage. Allocation-free.
 */
export class AttitudeStepper {
  private readonly jInv: Float64Array;
  private readonly k = [0, 1, 2, 3].map(() => new Float64Array(ATTITUDE_STATE_SIZE));
  private readonly ys = new Float64Array(ATTITUDE_STATE_SIZE);
  private readonly te = new Float64Array(3);

  constructor(readonly j: Float64Array, private readonly extTorque: BodyTorqueFn) {
    this.jInv = invert3(j);
  }

  /** Advances y (in place) from t by dt; renormalises the quaternion. */
  step(tS: number, y: Float64Array, dtS: number, tauCmg: ArrayLike<number>): void {
    const { k, ys, te } = this;
    const stage = (tt: number, src: Float64Array, out: Float64Array) => {
      this.extTorque(tt, src, te);
      attitudeDerivative(this.j, this.jInv, src, tauCmg, te, out);
    };
    stage(tS, y, k[0]);
    for (let i = 0; i < ATTITUDE_STATE_SIZE; i++) ys[i] = y[i] + 0.5 * dtS * k[0][i];
    stage(tS + dtS / 2, ys, k[1]);
    for (let i = 0; i < ATTITUDE_STATE_SIZE; i++) ys[i] = y[i] + 0.5 * dtS * k[1][i];
    stage(tS + dtS / 2, ys, k[2]);
    for (let i = 0; i < ATTITUDE_STATE_SIZE; i++) ys[i] = y[i] + dtS * k[2][i];
    stage(tS + dtS, ys, k[3]);
    for (let i = 0; i < ATTITUDE_STATE_SIZE; i++) y[i] += (dtS / 6) * (k[0][i] + 2 * k[1][i] + 2 * k[2][i] + k[3][i]);
    const n = Math.hypot(y[0], y[1], y[2], y[3]);
    y[0] /= n; y[1] /= n; y[2] /= n; y[3] /= n;
  }
}

/** Total angular momentum Jω + h expressed in inertial axes (C_BIᵀ (Jω + h)). */
export function inertialMomentum(j: Float64Array, y: ArrayLike<number>, cBI: Float64Array, out: Float64Array = new Float64Array(3)): Float64Array {
  const w = [y[4], y[5], y[6]];
  const hb = [0, 1, 2].map((i) => j[3 * i] * w[0] + j[3 * i + 1] * w[1] + j[3 * i + 2] * w[2] + y[7 + i]);
  for (let i = 0; i < 3; i++) out[i] = cBI[i] * hb[0] + cBI[3 + i] * hb[1] + cBI[6 + i] * hb[2];
  return out;
}
