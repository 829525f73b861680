/**
 * Attitude manoeuvre planner: an eigenaxis rotation between two LVLH-held attitudes along a
 * rest-to-rest trapezoidal rate profile, flown on the nonlinear dynamics with a computed-torque
 * tracking law (every disturbance torque included).
 *
 * - Thrusters: the torque comes from the thrusters (the CMGs hold nothing); the rate is the
 *   thruster slew rate; propellant = Σ ∫|τ_i| dt / (L_i g₀ Isp η).
 * - CMG-only: the CMGs supply the torque and absorb the slew momentum J·ω plus whatever the
 *   disturbances add; the planner searches (bisection) the fastest rate whose peak momentum stays
 *   within the allowed fraction of the array's capacity. Zero propellant; duration in hours for the
 *   ISS (the 2006 zero-propellant 90° turn with 3 CMGs took ≈ 2 h: facts §6).
 */
import { cmgCapacityNms, cmgTorqueLimitNm, limitCmgTorque } from './cmg.js';
import { STANDARD_GRAVITY_MPS2 } from '../../models/forces/thrust.js';
import { emptySample, type OrbitEnvironment } from './environment.js';
import { namedAttitudeYpr, type NamedAttitude, lvlhDcm } from './lvlh.js';
import { euler321ToQuat } from './euler321.js';
import { dcmToQuat, quat, quatCompose, quatConjugate, quatFromAxisAngle, quatToDcm, type Quaternion } from './quaternion.js';
import { AttitudeStepper } from './rigidBody.js';
import { externalTorque, TorqueWorkspace, type AttitudeStation } from './station.js';

export interface SlewOptions {
  from: Exclude<NamedAttitude, 'xpop'>;
  to: Exclude<NamedAttitude, 'xpop'>;
  cmgOnly: boolean;
  /** Thruster slew rate, deg/s (EST default 0.1). */
  thrusterRateDegS?: number;
  /** Time to reach the rate with thrusters, s (EST default 60). */
  thrusterRampS?: number;
  /** CMG-only: peak momentum allowed, fraction of capacity (default 0.76: ZPM practice, facts §3, W). */
  momentumLimitFraction?: number;
  stepS?: number;
}

export interface SlewResult {
  angleDeg: number;
  durationS: number;
  peakMomentumFraction: number;
  propellantKg: number;
  rateDegS: number;
  cmgOnly: boolean;
  /** False when no CMG-only rate kept the momentum inside the limit (the result is then the least-bad rate). */
  feasible: boolean;
}

interface Flight { durationS: number; peakFraction: number; propellantKg: number; }

/**
 * Lower bound on a CMG-only eigenaxis slew's duration: the body's momentum J_e·ω must fit in the
 * allowed CMG momentum, so T ≥ φ·J_e / (f·h_cap) (closed form; acceleration and disturbances only
 * lengthen it).
 */
export function cmgSlewMinimumDurationS(angleRad: number, axisInertiaKgM2: number, allowedMomentumNms: number): number {
  return (angleRad * axisInertiaKgM2) / allowedMomentumNms;
}

/** Rest-to-rest trapezoid: angle, rate and acceleration at time t. */
function profile(t: number, angle: number, rate: number, accel: number): [number, number, number] {
  const tr = rate / accel;
  const tc = angle / rate - tr;
  if (tc < 0) throw new RangeError('slew: ramp longer than the manoeuvre');
  const T = 2 * tr + tc;
  if (t <= 0) return [0, 0, 0];
  if (t < tr) return [0.5 * accel * t * t, accel * t, accel];
  if (t < tr + tc) return [0.5 * accel * tr * tr + rate * (t - tr), rate, 0];
  if (t < T) { const s = T - t; return [angle - 0.5 * accel * s * s, accel * s, -accel]; }
  return [angle, 0, 0];
}

/**
 * What a slew tracks: the body attitude relative to LVLH, q_BL(t), the body rate relative to LVLH
 * w(t) and its body-frame derivative ẇ(t) (body axes).
 */
export interface SlewReference {
  durationS: number;
  at(tS: number, qBL: Quaternion, w: number[], wDot: number[]): void;
}

/** Eigenaxis rotation about e by the trapezoidal angle profile. */
function eigenaxisReference(qFrom: Quaternion, e: number[], angle: number, rate: number, accel: number): SlewReference {
  const qe = quat();
  return {
    durationS: angle / rate + rate / accel,
    at(t, qBL, w, wDot) {
      const [th, thd, thdd] = profile(t, angle, rate, accel);
      quatCompose(quatFromAxisAngle(e, th || 1e-300, qe), qFrom, qBL);
      for (let i = 0; i < 3; i++) { w[i] = e[i] * thd; wDot[i] = e[i] * thdd; }
    },
  };
}

export interface FlownSlew extends Flight {
  /** Attitude error from the reference's end attitude after the settling time, rad. */
  finalErrorRad: number;
  /** CMG momentum at the end of the reference, N·m·s. */
  endMomentumNms: number;
}

/**
 * Flies a reference on the nonlinear dynamics (RK4 at `stepS`, every torque) with a computed-torque
 * tracking law; CMG-only: the CMGs supply the torque (limited) and their momentum is integrated
 * (ḣ = −τ_c − ω × h), so the peak is what the array would have to hold. `settleS` after the end.
 */
export function flySlew(st: AttitudeStation, env: OrbitEnvironment, ref: SlewReference, o: { cmgOnly: boolean; stepS?: number; settleS?: number; initialMomentumNms?: readonly number[] }): FlownSlew {
  const dt = o.stepS ?? 5;
  const s0 = env.sample(0, emptySample());
  const n = Math.hypot(s0.v[0], s0.v[1], s0.v[2]) / Math.hypot(s0.r[0], s0.r[1], s0.r[2]);
  const ws = new TorqueWorkspace(), te = new Float64Array(3), uThr = new Float64Array(3), env0 = emptySample();
  const stepper = new AttitudeStepper(st.inertia, (t, y, out) => {
    externalTorque(st, y, env.kinematics(t, env0), ws, out);
    if (!o.cmgOnly) for (let i = 0; i < 3; i++) out[i] += uThr[i];
  });
  const qRef = quat(), qBL = quat(), qe = quat(), qL = quat(), u = new Float64Array(3);
  const wd = [0, 0, 0], wdd = [0, 0, 0];
  ref.at(0, qRef, wd, wdd);
  const cF = quatToDcm(qRef);
  const q0 = quatCompose(qRef, dcmToQuat(lvlhDcm(s0.r, s0.v)));
  const y = new Float64Array([q0[0], q0[1], q0[2], q0[3], -n * cF[1] + wd[0], -n * cF[4] + wd[1], -n * cF[7] + wd[2], ...(o.initialMomentumNms ?? [0, 0, 0])]);
  const T = ref.durationS, cap = cmgCapacityNms(st.cmg), j = st.inertia, wc = 0.01;
  let peak = 0, endMomentumNms = 0, err = quat();
  const impulse = [0, 0, 0];
  for (let t = 0; t < T + (o.settleS ?? 600); t += dt) {
    if (t <= T && t + dt > T) endMomentumNms = Math.hypot(y[7], y[8], y[9]);
    env.sample(t, env0);
    ref.at(t, qRef, wd, wdd);
    dcmToQuat(lvlhDcm(env0.r, env0.v), qL);
    quatCompose(y, quatConjugate(qL, qe), qBL);
    const cb = quatToDcm(qBL);
    const wRel = [y[4] + n * cb[1], y[5] + n * cb[4], y[6] + n * cb[7]];
    err = quatCompose(qBL, quatConjugate(qRef, qe), err);
    const sg = err[3] < 0 ? -2 : 2;
    externalTorque(st, y, env0, ws, te);
    // Computed torque: u = J ω̇_wanted + ω × Jω − τ_ext (feed-forward of the reference, PD on the error).
    const g = gyro(y, j);
    // Body rate wanted: ω = ω_L + w, so ω̇ = ẇ + ω_L × w (the LVLH rate seen turning in body axes).
    const wL = [-n * cb[1], -n * cb[4], -n * cb[7]];
    const coupling = [wL[1] * wRel[2] - wL[2] * wRel[1], wL[2] * wRel[0] - wL[0] * wRel[2], wL[0] * wRel[1] - wL[1] * wRel[0]];
    const wdot = [0, 1, 2].map((i) => wdd[i] + coupling[i] - wc * wc * sg * err[i] - 2 * 0.7 * wc * (wRel[i] - wd[i]));
    for (let i = 0; i < 3; i++) u[i] = j[3 * i] * wdot[0] + j[3 * i + 1] * wdot[1] + j[3 * i + 2] * wdot[2] + g[i] - te[i];
    if (o.cmgOnly) limitCmgTorque(u, st.cmg);
    else { uThr.set(u); for (let i = 0; i < 3; i++) impulse[i] += Math.abs(u[i]) * dt; }
    stepper.step(t, y, dt, o.cmgOnly ? u : [0, 0, 0]);
    peak = Math.max(peak, Math.hypot(y[7], y[8], y[9]) / cap);
  }
  const th = st.thrusters;
  const kg = o.cmgOnly ? 0 : impulse.reduce((s, v, i) => s + v / (th.leverArmM[i] * STANDARD_GRAVITY_MPS2 * th.ispS), 0) / th.efficiency;
  const finalErrorRad = 2 * Math.atan2(Math.hypot(err[0], err[1], err[2]), Math.abs(err[3]));
  return { durationS: T, peakFraction: peak, propellantKg: kg, finalErrorRad, endMomentumNms };
}

function fly(st: AttitudeStation, env: OrbitEnvironment, o: SlewOptions, rate: number, accel: number): Flight {
  const qFrom = euler321ToQuat(namedAttitudeYpr(o.from)), qTo = euler321ToQuat(namedAttitudeYpr(o.to));
  const qRel = quatCompose(qTo, quatConjugate(qFrom));
  if (qRel[3] < 0) for (let i = 0; i < 4; i++) qRel[i] = -qRel[i];
  const angle = 2 * Math.acos(Math.min(1, qRel[3]));
  const axis = angle > 0 ? [qRel[0], qRel[1], qRel[2]] : [0, 0, 1];
  const an = Math.hypot(axis[0], axis[1], axis[2]);
  const e = axis.map((v) => v / an);
  return flySlew(st, env, eigenaxisReference(qFrom, e, angle, rate, accel), { cmgOnly: o.cmgOnly, stepS: o.stepS });
}

function gyro(y: Float64Array, j: Float64Array): number[] {
  const w = [y[4], y[5], y[6]];
  const jw = [0, 1, 2].map((i) => j[3 * i] * w[0] + j[3 * i + 1] * w[1] + j[3 * i + 2] * w[2]);
  return [w[1] * jw[2] - w[2] * jw[1], w[2] * jw[0] - w[0] * jw[2], w[0] * jw[1] - w[1] * jw[0]];
}

export function slewAngleRad(from: Exclude<NamedAttitude, 'xpop'>, to: Exclude<NamedAttitude, 'xpop'>): number {
  const q = quatCompose(euler321ToQuat(namedAttitudeYpr(to)), quatConjugate(euler321ToQuat(namedAttitudeYpr(from))));
  return 2 * Math.acos(Math.min(1, Math.abs(q[3])));
}

export function planSlew(st: AttitudeStation, env: OrbitEnvironment, o: SlewOptions): SlewResult {
  const angle = slewAngleRad(o.from, o.to);
  const D = 180 / Math.PI;
  if (angle < 1e-9) return { angleDeg: 0, durationS: 0, peakMomentumFraction: 0, propellantKg: 0, rateDegS: 0, cmgOnly: o.cmgOnly, feasible: true };
  if (!o.cmgOnly) {
    const rate = (o.thrusterRateDegS ?? 0.1) / D;
    const f = fly(st, env, o, rate, rate / (o.thrusterRampS ?? 60));
    return { angleDeg: angle * D, durationS: f.durationS, peakMomentumFraction: f.peakFraction, propellantKg: f.propellantKg, rateDegS: rate * D, cmgOnly: false, feasible: true };
  }
  const limit = o.momentumLimitFraction ?? 0.76;
  const jMax = Math.max(st.inertia[0], st.inertia[4], st.inertia[8]);
  // Acceleration: half the array's torque on the largest inertia (EST), leaving the rest for disturbances.
  const accel = (0.5 * cmgTorqueLimitNm(st.cmg)) / jMax;
  // Candidate rates, log-spaced from a one-day manoeuvre to the fastest the torque allows; the
  // fastest whose peak momentum stays inside the limit wins. None: the lowest peak, flagged infeasible.
  const lo = angle / 86400, hi = Math.min(0.01, 0.99 * Math.sqrt(angle * accel));
  let best: Flight | null = null, bestRate = lo, lowest: Flight | null = null, lowestRate = lo;
  for (let k = 0; k < 12; k++) {
    const rate = lo * (hi / lo) ** (k / 11);
    const f = fly(st, env, o, rate, accel);
    if (f.peakFraction <= limit) { best = f; bestRate = rate; }
    if (!lowest || f.peakFraction < lowest.peakFraction) { lowest = f; lowestRate = rate; }
  }
  const feasible = best !== null;
  if (!best) { best = lowest!; bestRate = lowestRate; }
  return { angleDeg: angle * D, durationS: best.durationS, peakMomentumFraction: best.peakFraction, propellantKg: 0, rateDegS: bestRate * D, cmgOnly: true, feasible };
}
