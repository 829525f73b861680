/**
 * One planet-to-planet transfer (patched conics, heliocentric leg by Lambert): the departure
 * excess velocity and its energy C3 = v∞², the outgoing asymptote's declination and right
 * ascension in EME2000 (DLA, RLA: the Earth's mean equator of J2000, astronomy-engine's EQJ), the
 * arrival excess speed and the declination of the incoming asymptote on the arrival planet's
 * equator (DAP), the transfer angle and its type (I: < 180°, II: > 180°). "Prograde" is the
 * departure planet's sense of motion (its r × v), so the 180° line is where the arrival planet
 * is opposite the departure planet in the plane of the departure planet's orbit.
 */
import { solveLambert, solveLambertDirect } from './lambertIzzo.js';
import { GM_SUN_M3_S2 } from './constants.js';

export interface TransferMetrics {
  /** C3 at departure, m²/s². */
  c3M2S2: number;
  vInfDepartureMS: number;
  /** Declination / right ascension of the departure asymptote, EME2000, rad. */
  dlaRad: number;
  rlaRad: number;
  vInfArrivalMS: number;
  /** Declination of the arrival asymptote relative to the arrival planet's equator, rad. */
  dapRad: number;
  /** Heliocentric transfer angle, 0…2π (prograde), rad. */
  transferAngleRad: number;
  /** 1 or 2 (transfer angle below or above 180°). */
  type: 1 | 2;
  /** Heliocentric velocities of the transfer orbit at both ends, m/s. */
  v1: Float64Array;
  v2: Float64Array;
}

const v1s = new Float64Array(3);
const v2s = new Float64Array(3);

const Z_AXIS = [0, 0, 1];

/** Transfer angle 0…2π in the prograde sense (angular momentum along `normal`, default +z). */
export function progradeAngle(r1: ArrayLike<number>, r2: ArrayLike<number>, normal: ArrayLike<number> = Z_AXIS): number {
  const n1 = Math.hypot(r1[0], r1[1], r1[2]);
  const n2 = Math.hypot(r2[0], r2[1], r2[2]);
  const cos = Math.min(1, Math.max(-1, (r1[0] * r2[0] + r1[1] * r2[1] + r1[2] * r2[2]) / (n1 * n2)));
  const theta = Math.acos(cos);
  const hx = r1[1] * r2[2] - r1[2] * r2[1];
  const hy = r1[2] * r2[0] - r1[0] * r2[2];
  const hz = r1[0] * r2[1] - r1[1] * r2[0];
  return hx * normal[0] + hy * normal[1] + hz * normal[2] >= 0 ? theta : 2 * Math.PI - theta;
}

const normal = new Float64Array(3);

/** (r̂1 × r̂2)·n̂ (see T_NORMAL_SINE). */
function normalSine(r1: ArrayLike<number>, r2: ArrayLike<number>, n: ArrayLike<number>): number {
  const hx = r1[1] * r2[2] - r1[2] * r2[1];
  const hy = r1[2] * r2[0] - r1[0] * r2[2];
  const hz = r1[0] * r2[1] - r1[1] * r2[0];
  return (hx * n[0] + hy * n[1] + hz * n[2]) / (Math.hypot(r1[0], r1[1], r1[2]) * Math.hypot(r2[0], r2[1], r2[2]) * Math.hypot(n[0], n[1], n[2]));
}

/** The orbital angular momentum direction r × v of a state (6 numbers), unnormalised. */
function orbitNormal(s: ArrayLike<number>, out: Float64Array): Float64Array {
  out[0] = s[1] * s[5] - s[2] * s[4];
  out[1] = s[2] * s[3] - s[0] * s[5];
  out[2] = s[0] * s[4] - s[1] * s[3];
  return out;
}

/** Indices of the scalar results written by transferInto. */
export const T_C3 = 0;
export const T_VINF_DEP = 1;
export const T_DLA = 2;
export const T_RLA = 3;
export const T_VINF_ARR = 4;
export const T_DAP = 5;
export const T_ANGLE = 6;
/**
 * (r̂1 × r̂2)·n̂ with n̂ the departure orbit normal: positive for Type I, negative for Type II near
 * 180°. Unlike the transfer angle (which jumps from π − δ to π + δ across the 180° line when the
 * target is off the departure orbit plane by δ), it passes smoothly through zero, so its zero
 * contour draws the Type I/II boundary cleanly.
 */
export const T_NORMAL_SINE = 7;
export const TRANSFER_FIELDS = 8;

/**
 * The direct transfer from state `dep` (r, v: 6 numbers, heliocentric EQJ, SI) to state `arr` in
 * `tofSeconds`; `arrivalPole` is the arrival planet's north pole (unit, EQJ). Writes the scalars
 * (T_* indices) into `out` without allocating; returns false (out untouched) when r1 and r2 are
 * collinear or the solver fails. The transfer's velocities are left in `lastTransferVelocities`.
 */
export function transferInto(dep: ArrayLike<number>, arr: ArrayLike<number>, tofSeconds: number, arrivalPole: ArrayLike<number>, out: Float64Array, offset = 0): boolean {
  orbitNormal(dep, normal);
  if (!solveLambertDirect(dep, arr, tofSeconds, GM_SUN_M3_S2, v1s, v2s, normal)) return false;
  const dx = v1s[0] - dep[3];
  const dy = v1s[1] - dep[4];
  const dz = v1s[2] - dep[5];
  const vInfDep = Math.hypot(dx, dy, dz);
  const ax = v2s[0] - arr[3];
  const ay = v2s[1] - arr[4];
  const az = v2s[2] - arr[5];
  const vInfArr = Math.hypot(ax, ay, az);
  out[offset + T_C3] = vInfDep * vInfDep;
  out[offset + T_VINF_DEP] = vInfDep;
  out[offset + T_DLA] = Math.asin(dz / vInfDep);
  out[offset + T_RLA] = (Math.atan2(dy, dx) + 2 * Math.PI) % (2 * Math.PI);
  out[offset + T_VINF_ARR] = vInfArr;
  out[offset + T_DAP] = Math.asin(Math.max(-1, Math.min(1, (ax * arrivalPole[0] + ay * arrivalPole[1] + az * arrivalPole[2]) / vInfArr)));
  out[offset + T_ANGLE] = progradeAngle(dep, arr, normal);
  out[offset + T_NORMAL_SINE] = normalSine(dep, arr, normal);
  return true;
}

/** The velocities of the last transfer transferInto solved (heliocentric, m/s). */
export function lastTransferVelocities(): { v1: Float64Array; v2: Float64Array } {
  return { v1: Float64Array.from(v1s), v2: Float64Array.from(v2s) };
}

const scalars = new Float64Array(TRANSFER_FIELDS);

/** transferInto as an object (allocates; for single transfers). */
export function transferMetrics(dep: ArrayLike<number>, arr: ArrayLike<number>, tofSeconds: number, arrivalPole: ArrayLike<number>): TransferMetrics | undefined {
  if (!transferInto(dep, arr, tofSeconds, arrivalPole, scalars)) return undefined;
  const angle = scalars[T_ANGLE];
  return {
    c3M2S2: scalars[T_C3],
    vInfDepartureMS: scalars[T_VINF_DEP],
    dlaRad: scalars[T_DLA],
    rlaRad: scalars[T_RLA],
    vInfArrivalMS: scalars[T_VINF_ARR],
    dapRad: scalars[T_DAP],
    transferAngleRad: angle,
    type: angle < Math.PI ? 1 : 2,
    ...lastTransferVelocities(),
  };
}

export interface RevolutionTransfer {
  revolutions: number;
  branch: 'direct' | 'left' | 'right';
  c3M2S2: number;
  dlaRad: number;
  vInfArrivalMS: number;
}

/**
 * Every Lambert solution up to `maxRevolutions` complete revolutions about the Sun between the
 * two states (prograde = the departure planet's sense of motion), with C3, DLA and arrival v∞.
 * Long transfers (≳ 1.5 years for Earth–Mars) have slower multi-revolution alternatives.
 */
export function multiRevolutionTransfers(dep: ArrayLike<number>, arr: ArrayLike<number>, tofSeconds: number, maxRevolutions: number): RevolutionTransfer[] {
  const n = orbitNormal(dep, new Float64Array(3));
  return solveLambert(dep, arr, tofSeconds, GM_SUN_M3_S2, { maxRevolutions, normal: n }).map((s) => {
    const d = [s.v1[0] - dep[3], s.v1[1] - dep[4], s.v1[2] - dep[5]];
    const vInf = Math.hypot(d[0], d[1], d[2]);
    return {
      revolutions: s.revolutions,
      branch: s.branch,
      c3M2S2: vInf * vInf,
      dlaRad: Math.asin(d[2] / vInf),
      vInfArrivalMS: Math.hypot(s.v2[0] - arr[3], s.v2[1] - arr[4], s.v2[2] - arr[5]),
    };
  });
}
