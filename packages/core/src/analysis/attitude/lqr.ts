/**
 * Momentum-management controller after Wie, Byun, Warren, Geller, Long & Sunkel (JGCD 1989) and
 * Wie §7.4: a linear-quadratic regulator on attitude (relative to LVLH), body rate, CMG momentum
 * and its integral. The momentum integrators force the mean CMG momentum to zero, so the station
 * drifts to its torque-equilibrium attitude and the CMGs absorb only the cyclic torques. (Wie's
 * periodic-disturbance rejection filters are not included; see docs/attitude.md.)
 *
 * The linear model is the Jacobian, at LVLH hold with zero momentum, of the nonlinear equations
 * (gravity gradient and gyroscopic coupling included, products of inertia kept), taken by
 * central differences, then discretised for the control step and solved as a discrete Riccati
 * equation by the structure-preserving doubling algorithm (Chu, Fan & Lin 2005).
 */
import { expm, eye, inverse, matAdd, matMul, transposeM, zeros, type Matrix } from './denseMatrix.js';
import { quatFromAxisAngle, quatToDcm } from './quaternion.js';
import { invert3 } from './rigidBody.js';
import { mulMat } from '../../foundation/frames/mat3.js';

/** State: rotation vector of body relative to LVLH (3), body rate relative to LVLH (3), CMG momentum (3), its integral (3). */
export const LQR_STATES = 12;

function cross(a: number[], b: number[]): number[] {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
function mv(m: ArrayLike<number>, v: number[]): number[] {
  return [0, 1, 2].map((i) => m[3 * i] * v[0] + m[3 * i + 1] * v[1] + m[3 * i + 2] * v[2]);
}

const IDENTITY = new Float64Array([1, 0, 0, 0, 1, 0, 0, 0, 1]);

/**
 * ẋ = f(x, u) of the relative attitude problem, u the CMG torque on the body; the attitude state is
 * the rotation vector from a reference attitude C_ref (relative to LVLH; e.g. the TEA).
 */
export function relativeDynamics(j: ArrayLike<number>, jInv: ArrayLike<number>, nRadS: number, x: number[], u: number[], cRef: Float64Array = IDENTITY): number[] {
  const d = x.slice(0, 3), w = x.slice(3, 6), h = x.slice(6, 9);
  const ang = Math.hypot(d[0], d[1], d[2]);
  const cd = ang > 0 ? quatToDcm(quatFromAxisAngle(d, ang)) : IDENTITY;
  const c = mulMat(cd, cRef, new Float64Array(9));
  const wL = [-nRadS * c[1], -nRadS * c[4], -nRadS * c[7]];
  const om = [w[0] + wL[0], w[1] + wL[1], w[2] + wL[2]];
  const e = [c[2], c[5], c[8]];
  const gg = cross(e, mv(j, e)).map((v) => 3 * nRadS * nRadS * v);
  const gyro = cross(om, mv(j, om));
  const omDot = mv(jInv, [0, 1, 2].map((i) => u[i] + gg[i] - gyro[i]));
  const wDot = [0, 1, 2].map((i) => omDot[i] + cross(w, wL)[i]);
  const hDot = [0, 1, 2].map((i) => -u[i] - cross(om, h)[i]);
  return [...w, ...wDot, ...hDot, ...h];
}

export function linearize(j: ArrayLike<number>, nRadS: number, cRef: Float64Array = IDENTITY): { a: Matrix; b: Matrix } {
  const jInv = invert3(j);
  const a = zeros(LQR_STATES, LQR_STATES), b = zeros(LQR_STATES, 3);
  const x0 = new Array<number>(LQR_STATES).fill(0), u0 = [0, 0, 0];
  const scaleX = [1e-4, 1e-4, 1e-4, 1e-7, 1e-7, 1e-7, 1, 1, 1, 1, 1, 1];
  for (let k = 0; k < LQR_STATES; k++) {
    const xp = x0.slice(), xm = x0.slice();
    xp[k] += scaleX[k]; xm[k] -= scaleX[k];
    const fp = relativeDynamics(j, jInv, nRadS, xp, u0, cRef), fm = relativeDynamics(j, jInv, nRadS, xm, u0, cRef);
    for (let i = 0; i < LQR_STATES; i++) a[i][k] = (fp[i] - fm[i]) / (2 * scaleX[k]);
  }
  for (let k = 0; k < 3; k++) {
    const up = u0.slice(), um = u0.slice();
    up[k] += 1; um[k] -= 1;
    const fp = relativeDynamics(j, jInv, nRadS, x0, up, cRef), fm = relativeDynamics(j, jInv, nRadS, x0, um, cRef);
    for (let i = 0; i < LQR_STATES; i++) b[i][k] = (fp[i] - fm[i]) / 2;
  }
  return { a, b };
}

/** Zero-order-hold discretisation: exp([[A, B], [0, 0]]·dt) = [[Ad, Bd], [0, I]]. */
export function discretize(a: Matrix, b: Matrix, dtS: number): { ad: Matrix; bd: Matrix } {
  const n = a.length, m = b[0].length;
  const big = zeros(n + m, n + m);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) big[i][k] = a[i][k] * dtS;
    for (let k = 0; k < m; k++) big[i][n + k] = b[i][k] * dtS;
  }
  const e = expm(big);
  return { ad: e.slice(0, n).map((r) => r.slice(0, n)), bd: e.slice(0, n).map((r) => r.slice(n)) };
}

/** Discrete algebraic Riccati solution by structure-preserving doubling; returns P. */
export function solveDare(ad: Matrix, bd: Matrix, q: Matrix, r: Matrix): Matrix {
  const n = ad.length;
  let a = ad, g = matMul(matMul(bd, inverse(r)), transposeM(bd)), h = q;
  for (let it = 0; it < 100; it++) {
    const w = inverse(matAdd(eye(n), matMul(g, h)));
    const aw = matMul(a, w);
    const gNext = matAdd(g, matMul(matMul(aw, g), transposeM(a)));
    const hNext = matAdd(h, matMul(matMul(transposeM(a), matMul(h, w)), a));
    a = matMul(aw, a);
    const change = Math.max(...hNext.map((row, i) => Math.max(...row.map((v, k) => Math.abs(v - h[i][k]) / (Math.abs(v) + 1e-300)))));
    g = gNext; h = hNext;
    if (change < 1e-12) return h;
  }
  throw new RangeError('LQR: Riccati iteration did not converge (the attitude model is not stabilisable)');
}

export interface LqrWeights {
  /** Bryson-rule scales: the size of each quantity one is willing to see. */
  attitudeRad: number;
  rateRadS: number;
  momentumNms: number;
  momentumIntegralNms2: number;
  torqueNm: number;
}

/** Default scales (EST, Bryson's rule): 1°, 0.001°/s, 1,000 N·m·s, 1e6 N·m·s², 50 N·m. */
export const DEFAULT_LQR_WEIGHTS: LqrWeights = { attitudeRad: Math.PI / 180, rateRadS: 1.745e-5, momentumNms: 1000, momentumIntegralNms2: 1e6, torqueNm: 50 };

/**
 * Gain K (3 × 12) for u = −K x at the control step dtS. The design runs in Bryson-scaled units
 * (x̃ = x/s, ũ = u/τ), where Q = R = I, so the Riccati iteration sees numbers of order one.
 */
export function designMomentumLqr(j: ArrayLike<number>, nRadS: number, dtS: number, w: LqrWeights = DEFAULT_LQR_WEIGHTS, cRef: Float64Array = IDENTITY): Matrix {
  const { a, b } = linearize(j, nRadS, cRef);
  const s = [w.attitudeRad, w.rateRadS, w.momentumNms, w.momentumIntegralNms2].flatMap((v) => [v, v, v]);
  const aS = a.map((row, i) => row.map((v, k) => (v * s[k]) / s[i]));
  const bS = b.map((row, i) => row.map((v) => (v * w.torqueNm) / s[i]));
  const { ad, bd } = discretize(aS, bS, dtS);
  const r = eye(3);
  const p = solveDare(ad, bd, eye(LQR_STATES), r);
  const btp = matMul(transposeM(bd), p);
  const kS = matMul(inverse(matAdd(r, matMul(btp, bd))), matMul(btp, ad));
  return kS.map((row) => row.map((v, k) => (v * w.torqueNm) / s[k]));
}
