/**
 * The CMG momentum an attitude path demands, from the total angular momentum balance: the body and
 * its CMGs together hold H, which changes in inertial space only by the external torque, so along a
 * prescribed path (q_BI(t), ω(t) known)
 *
 *   H_I(t) = H_I(0) + ∫ C_IB τ_e dt,    h(t) = C_BI(t) H_I(t) − J ω(t),
 *
 * and the CMG torque on the body is τ_c = J ω̇ + ω × Jω − τ_e. τ_e is the gravity-gradient, aero,
 * solar and bias torque at the path's attitude; the integral is the trapezoid rule on the grid
 * (2 min in the planner: the torques vary over the orbit, 92 min, and the path's hours). The aero
 * and solar torques, the costly part (60 surfaces), are evaluated on every `SURFACE_STRIDE`-th grid
 * point and interpolated linearly in body axes between them (8 min in the planner).
 */
import { emptySample, type EnvironmentSample, type OrbitEnvironment } from './environment.js';
import { lvlhDcm } from './lvlh.js';
import { dcmToQuat, quat } from './quaternion.js';
import { mulMat } from '../../foundation/frames/mat3.js';
import { euler321DcmInto, eulerRates, pathAngles, type HarmonicPath } from './slewPath.js';
import { surfaceTorques, TorqueWorkspace, type AttitudeStation } from './station.js';
import { gravityGradientTorque } from './torques.js';
import { MU_EARTH_M3_S2 } from './environment.js';

/** Environment on the planner's time grid (it does not depend on the attitude: sampled once per duration). */
export interface PathGrid {
  durationS: number;
  nRadS: number;
  tS: Float64Array;
  env: EnvironmentSample[];
  /** C_LI at each grid time. */
  cLI: Float64Array[];
}

export function pathGrid(env: OrbitEnvironment, durationS: number, maxStepS = 60): PathGrid {
  const count = Math.max(40, Math.ceil(durationS / maxStepS));
  const tS = new Float64Array(count + 1);
  const samples: EnvironmentSample[] = [], cLI: Float64Array[] = [];
  for (let i = 0; i <= count; i++) {
    tS[i] = (i * durationS) / count;
    const s = env.sample(tS[i], emptySample());
    samples.push(s);
    cLI.push(lvlhDcm(s.r, s.v));
  }
  const s0 = samples[0];
  const nRadS = Math.hypot(s0.v[0], s0.v[1], s0.v[2]) / Math.hypot(s0.r[0], s0.r[1], s0.r[2]);
  return { durationS, nRadS, tS, env: samples, cLI };
}

export interface PathMomentum {
  /** Largest |h| along the path, N·m·s. */
  peakMomentumNms: number;
  /** |h| at the end, N·m·s. */
  endMomentumNms: number;
  /** Largest |τ_c|, N·m. */
  peakTorqueNm: number;
  /** |h(t)| at the grid times, N·m·s. */
  momentumNms: Float64Array;
  /** ∫|ω̇| dt, rad/s: with the peak momentum it bounds the work the CMGs can do (zpm.ts). */
  rateVariationRadS: number;
  /** ∫ h·ω̇ dt, J: the work the CMG torque does on the body along the path (trapezoid). */
  cmgWorkJ: number;
}

/** Aero/solar torque sub-sampling: every 4th grid point. */
export const SURFACE_STRIDE = 4;

const mulV = (c: ArrayLike<number>, v: ArrayLike<number>, o: number[]) => { for (let i = 0; i < 3; i++) o[i] = c[3 * i] * v[0] + c[3 * i + 1] * v[1] + c[3 * i + 2] * v[2]; return o; };
const mulTV = (c: ArrayLike<number>, v: ArrayLike<number>, o: number[]) => { for (let i = 0; i < 3; i++) o[i] = c[i] * v[0] + c[3 + i] * v[1] + c[6 + i] * v[2]; return o; };
const cross = (a: number[], b: number[], o: number[]) => { o[0] = a[1] * b[2] - a[2] * b[1]; o[1] = a[2] * b[0] - a[0] * b[2]; o[2] = a[0] * b[1] - a[1] * b[0]; return o; };

/** Aero + solar + bias torque (body axes) at every SURFACE_STRIDE-th grid point and the last; linear in between. */
export function surfaceTorqueTrack(st: AttitudeStation, path: HarmonicPath, grid: PathGrid): Float64Array {
  const count = grid.tS.length, out = new Float64Array(3 * count);
  if (st.surfaces.length === 0) {
    for (let k = 0; k < count; k++) out.set(st.biasTorqueNm, 3 * k);
    return out;
  }
  const ws = new TorqueWorkspace(), ang = new Float64Array(9), cBL = new Float64Array(9), cBI = new Float64Array(9), q = quat(), one = new Float64Array(3);
  const at = (k: number) => {
    pathAngles(path, grid.tS[k], ang);
    mulMat(euler321DcmInto(ang[0], ang[1], ang[2], cBL), grid.cLI[k], cBI);
    surfaceTorques(st, dcmToQuat(cBI, q), grid.env[k], ws, one);
    out.set(one, 3 * k);
  };
  let prev = 0;
  at(0);
  for (let k = 1; k < count; k++) {
    if (k % SURFACE_STRIDE !== 0 && k !== count - 1) continue;
    at(k);
    for (let m = prev + 1; m < k; m++) {
      const f = (m - prev) / (k - prev);
      for (let i = 0; i < 3; i++) out[3 * m + i] = out[3 * prev + i] + f * (out[3 * k + i] - out[3 * prev + i]);
    }
    prev = k;
  }
  return out;
}

/**
 * CMG momentum and torque along the path; `h0Nms` is the CMG momentum at the start (body axes, default 0).
 * `surface`: the aero + solar + bias torque track of a nearby path (surfaceTorqueTrack), reused to save its
 * cost where an approximation will do (the planner's finite-difference gradients).
 */
export function pathMomentum(st: AttitudeStation, path: HarmonicPath, grid: PathGrid, h0Nms: readonly number[] = [0, 0, 0], surface?: Float64Array): PathMomentum {
  const j = st.inertia, n = grid.nRadS;
  const te = new Float64Array(3), ang = new Float64Array(9), cBL = new Float64Array(9), rB = [0, 0, 0];
  const cBI = new Float64Array(9), w = [0, 0, 0], wd = [0, 0, 0], om = [0, 0, 0], wL = [0, 0, 0];
  const jw = [0, 0, 0], g = [0, 0, 0], c1 = [0, 0, 0], tI = [0, 0, 0], hB = [0, 0, 0], od = [0, 0, 0], jod = [0, 0, 0];
  const hI = [0, 0, 0], prevTI = [0, 0, 0];
  const momentumNms = new Float64Array(grid.tS.length);
  const surf = surface ?? surfaceTorqueTrack(st, path, grid);
  let peakTorqueNm = 0, rateVariationRadS = 0, cmgWorkJ = 0, prevOd = 0, prevWork = 0;
  for (let k = 0; k < grid.tS.length; k++) {
    pathAngles(path, grid.tS[k], ang);
    mulMat(euler321DcmInto(ang[0], ang[1], ang[2], cBL), grid.cLI[k], cBI);
    eulerRates(ang, w, wd);
    // ω = w + C_BL (0, −n, 0): the LVLH frame turns about minus its y axis at the orbit rate.
    for (let i = 0; i < 3; i++) { wL[i] = -n * cBL[3 * i + 1]; om[i] = w[i] + wL[i]; }
    gravityGradientTorque(MU_EARTH_M3_S2, mulV(cBI, grid.env[k].r, rB), j, te);
    for (let i = 0; i < 3; i++) te[i] += surf[3 * k + i];
    mulTV(cBI, te, tI);
    mulV(j, om, jw);
    if (k === 0) {
      for (let i = 0; i < 3; i++) hB[i] = jw[i] + h0Nms[i];
      mulTV(cBI, hB, hI);
    } else {
      const dt = grid.tS[k] - grid.tS[k - 1];
      for (let i = 0; i < 3; i++) hI[i] += 0.5 * dt * (tI[i] + prevTI[i]);
    }
    prevTI[0] = tI[0]; prevTI[1] = tI[1]; prevTI[2] = tI[2];
    mulV(cBI, hI, hB);
    momentumNms[k] = Math.hypot(hB[0] - jw[0], hB[1] - jw[1], hB[2] - jw[2]);
    // τ_c = J ω̇ + ω × Jω − τ_e with ω̇ = ẇ + ω_L × w.
    cross(wL, w, c1);
    for (let i = 0; i < 3; i++) od[i] = wd[i] + c1[i];
    mulV(j, od, jod);
    cross(om, jw, g);
    peakTorqueNm = Math.max(peakTorqueNm, Math.hypot(jod[0] + g[0] - te[0], jod[1] + g[1] - te[1], jod[2] + g[2] - te[2]));
    const odNorm = Math.hypot(od[0], od[1], od[2]);
    const work = (hB[0] - jw[0]) * od[0] + (hB[1] - jw[1]) * od[1] + (hB[2] - jw[2]) * od[2];
    if (k > 0) {
      const dt = grid.tS[k] - grid.tS[k - 1];
      rateVariationRadS += 0.5 * dt * (odNorm + prevOd);
      cmgWorkJ += 0.5 * dt * (work + prevWork);
    }
    prevOd = odNorm; prevWork = work;
  }
  let peak = 0;
  for (const v of momentumNms) peak = Math.max(peak, v);
  return { peakMomentumNms: peak, endMomentumNms: momentumNms[momentumNms.length - 1], peakTorqueNm, momentumNms, rateVariationRadS, cmgWorkJ };
}
