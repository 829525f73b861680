/**
 * Torque-equilibrium attitude (TEA): the attitude, held fixed in LVLH, at which the gravity-gradient
 * torque, the gyroscopic torque of the orbital rotation and a bias torque (constant, or the
 * orbit-averaged aerodynamic + solar torque) balance, so the CMGs need no mean torque:
 *
 *   ω × J ω − τ_gg(C) − τ_bias(C) = 0,   ω = C (0, −n, 0),   τ_gg = 3n² ĉ × J ĉ,  ĉ = C (0, 0, 1),
 *
 * with C = C_BL(yaw, pitch, roll). This is the attitude Wie's momentum-management LQR settles to
 * (its momentum integrators force the mean CMG momentum and torque to zero). Solved here by Newton's
 * method on the three 3-2-1 angles with a central-difference Jacobian.
 */
import { euler321ToDcm, type YawPitchRoll } from './euler321.js';

/** Torque that depends on the attitude (body axes); writes into out. */
export type AttitudeTorqueFn = (ypr: YawPitchRoll, out: Float64Array) => Float64Array;

export const zeroBias: AttitudeTorqueFn = (_a, out) => out.fill(0);

export function constantBias(torqueNm: ArrayLike<number>): AttitudeTorqueFn {
  return (_a, out) => {
    out[0] = torqueNm[0]; out[1] = torqueNm[1]; out[2] = torqueNm[2];
    return out;
  };
}

/** The torque imbalance at an attitude held in LVLH (N·m, body axes): what the CMGs must supply on average. */
export function teaResidual(j: ArrayLike<number>, nRadS: number, ypr: YawPitchRoll, bias: AttitudeTorqueFn, out: Float64Array = new Float64Array(3)): Float64Array {
  const c = euler321ToDcm(ypr);
  const w = [-nRadS * c[1], -nRadS * c[4], -nRadS * c[7]];
  const e = [c[2], c[5], c[8]];
  const jw = [0, 1, 2].map((i) => j[3 * i] * w[0] + j[3 * i + 1] * w[1] + j[3 * i + 2] * w[2]);
  const je = [0, 1, 2].map((i) => j[3 * i] * e[0] + j[3 * i + 1] * e[1] + j[3 * i + 2] * e[2]);
  const k = 3 * nRadS * nRadS;
  bias(ypr, out);
  out[0] = w[1] * jw[2] - w[2] * jw[1] - k * (e[1] * je[2] - e[2] * je[1]) - out[0];
  out[1] = w[2] * jw[0] - w[0] * jw[2] - k * (e[2] * je[0] - e[0] * je[2]) - out[1];
  out[2] = w[0] * jw[1] - w[1] * jw[0] - k * (e[0] * je[1] - e[1] * je[0]) - out[2];
  return out;
}

export interface TeaSolution {
  ypr: YawPitchRoll;
  /** |residual| at the solution, N·m. */
  residualNm: number;
  iterations: number;
}

function solve3(a: number[][], b: number[]): number[] {
  const det = (m: number[][]) => m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
  const d = det(a);
  if (!(Math.abs(d) > 0)) throw new RangeError('TEA: the torque balance is singular at this attitude (no unique equilibrium)');
  return [0, 1, 2].map((col) => det(a.map((row, i) => row.map((v, k) => (k === col ? b[i] : v)))) / d);
}

const asVec = (a: YawPitchRoll) => [a.rollRad, a.pitchRad, a.yawRad];
const asYpr = (v: number[]): YawPitchRoll => ({ rollRad: v[0], pitchRad: v[1], yawRad: v[2] });

/**
 * Newton iteration from `start` (default LVLH, XVV) until the angle step is below 1e-11 rad.
 * Steps are capped at 10° so a poor start cannot jump to another equilibrium branch.
 */
export function solveTea(j: ArrayLike<number>, nRadS: number, bias: AttitudeTorqueFn, start: YawPitchRoll = { yawRad: 0, pitchRad: 0, rollRad: 0 }): TeaSolution {
  let x = asVec(start);
  const f = (v: number[]) => Array.from(teaResidual(j, nRadS, asYpr(v), bias));
  const hStep = 1e-6;
  for (let it = 1; it <= 50; it++) {
    const r = f(x);
    const jac = [[0, 0, 0], [0, 0, 0], [0, 0, 0]];
    for (let k = 0; k < 3; k++) {
      const xp = x.slice(), xm = x.slice();
      xp[k] += hStep; xm[k] -= hStep;
      const fp = f(xp), fm = f(xm);
      for (let i = 0; i < 3; i++) jac[i][k] = (fp[i] - fm[i]) / (2 * hStep);
    }
    let dx = solve3(jac, r.map((v) => -v));
    const big = Math.max(...dx.map(Math.abs));
    if (big > 0.1745) dx = dx.map((v) => (v * 0.1745) / big);
    x = x.map((v, i) => v + dx[i]);
    if (big < 1e-11) {
      const res = f(x);
      return { ypr: asYpr(x), residualNm: Math.hypot(res[0], res[1], res[2]), iterations: it };
    }
  }
  throw new RangeError('TEA: Newton iteration did not converge in 50 steps (no torque equilibrium near the start attitude)');
}
