/**
 * Closed-loop attitude simulation at a fixed control step: the station's rigid-body dynamics with
 * its CMG array under a controller, all disturbance torques, CMG saturation and thruster
 * desaturations (with their propellant).
 *
 * Controllers: 'tea-lqr' (Wie's momentum-management LQR: the station settles to its TEA and the
 * CMGs carry only cyclic momentum) and 'hold' (a PD attitude hold at a fixed LVLH attitude: the CMGs
 * absorb every torque, so momentum builds up and thrusters must dump it).
 *
 * Saturation: the array cannot hold more than its capacity; momentum beyond it stays in the body
 * (total momentum conserved), so the attitude drifts. Desaturation: when |h| reaches the threshold
 * fraction and a desaturating vehicle is available, thrusters remove momentum down to the target
 * fraction (treated as instantaneous: real desaturations last minutes, short against the hours it
 * takes to build up momentum).
 */
import { cmgCapacityNms, limitCmgTorque, thrusterPropellantKg } from './cmg.js';
import { emptySample, type OrbitEnvironment } from './environment.js';
import { euler321ToQuat, quatToEuler321, type YawPitchRoll } from './euler321.js';
import { designMomentumLqr } from './lqr.js';
import { lvlhDcm } from './lvlh.js';
import { dcmToQuat, quatCompose, quatConjugate, quatToDcm, quat } from './quaternion.js';
import { AttitudeStepper, invert3 } from './rigidBody.js';
import { gravityGradientBody, surfaceTorques, TorqueWorkspace, type AttitudeStation, type TorqueSwitches } from './station.js';
import { DEG_PER_RAD } from '../../foundation/math/angles.js';

export type AttitudeController = 'tea-lqr' | 'hold';

export interface AttitudeSimOptions {
  durationS: number;
  /** Control step, s (1 s: the rate of the ISS's flight software, EST). */
  controlStepS?: number;
  controller?: AttitudeController;
  /** Starting attitude relative to LVLH (and the 'hold' target). Default XVV (0, 0, 0). */
  initial?: YawPitchRoll;
  /** tea-lqr: the attitude the LQR is linearised about (best: the TEA). Default: `initial`. */
  linearizeAbout?: YawPitchRoll;
  /** Whether a vehicle able to desaturate (thrusters) is available. Default true. */
  desaturation?: boolean;
  /** Attitude error (deg) beyond which the attitude counts as lost; default 10 (EST). */
  holdToleranceDeg?: number;
  /** History sample spacing, s (default 60). */
  recordEveryS?: number;
  torques?: TorqueSwitches;
}

export interface AttitudeSample {
  tS: number;
  momentumNms: number;
  momentumFraction: number;
  yawDeg: number;
  pitchDeg: number;
  rollDeg: number;
}

export interface Desaturation {
  tS: number;
  momentumRemovedNms: number;
  propellantKg: number;
}

export interface SaturationEvent {
  startS: number;
  endS: number;
}

export interface AttitudeSimResult {
  samples: AttitudeSample[];
  desaturations: Desaturation[];
  saturations: SaturationEvent[];
  totalPropellantKg: number;
  peakMomentumFraction: number;
  /** First time the attitude left the tolerance (s from the start), null if it never did. */
  attitudeLostS: number | null;
  capacityNms: number;
}


/** PD hold gains: bandwidth 0.005 rad/s, damping 0.7, per axis on the diagonal inertia (EST). */
function holdGains(j: Float64Array): { kp: number[]; kd: number[] } {
  const wc = 0.005, zeta = 0.7;
  return { kp: [j[0], j[4], j[8]].map((i) => i * wc * wc), kd: [j[0], j[4], j[8]].map((i) => 2 * zeta * wc * i) };
}

/** Rotation vector (rad) of a quaternion, shortest way round. */
function rotationVector(q: Float64Array, out: number[]): number[] {
  const s = q[3] < 0 ? -1 : 1;
  const v = Math.hypot(q[0], q[1], q[2]);
  const ang = 2 * Math.atan2(v, Math.abs(q[3]));
  const k = v > 0 ? (s * ang) / v : 2 * s;
  out[0] = q[0] * k; out[1] = q[1] * k; out[2] = q[2] * k;
  return out;
}

export function simulateAttitude(st: AttitudeStation, env: OrbitEnvironment, o: AttitudeSimOptions): AttitudeSimResult {
  const dt = o.controlStepS ?? 1;
  const controller = o.controller ?? 'tea-lqr';
  const env0 = emptySample();
  env.sample(0, env0);
  const nRadS = Math.hypot(env0.v[0], env0.v[1], env0.v[2]) / Math.hypot(env0.r[0], env0.r[1], env0.r[2]);
  const target = o.initial ?? { yawRad: 0, pitchRad: 0, rollRad: 0 };
  const qLin = euler321ToQuat(o.linearizeAbout ?? target);
  const k = controller === 'tea-lqr' ? designMomentumLqr(st.inertia, nRadS, dt, undefined, quatToDcm(qLin)) : null;
  const qLinC = quatConjugate(qLin);
  const gains = holdGains(st.inertia);
  const jInv = invert3(st.inertia);
  const cap = cmgCapacityNms(st.cmg);
  const ws = new TorqueWorkspace();
  // Aero, solar and bias torques are evaluated once per control step (the attitude moves < 0.1° in
  // a step); gravity gradient at every integrator stage.
  const surf = new Float64Array(3);
  const gg = o.torques?.gravityGradient !== false;
  const stepper = new AttitudeStepper(st.inertia, (t, y, out) => {
    if (gg) gravityGradientBody(st, y, env.kinematics(t, env0), ws, out);
    else out.fill(0);
    out[0] += surf[0]; out[1] += surf[1]; out[2] += surf[2];
  });
  const qTargetL = euler321ToQuat(target);
  const qLI = dcmToQuat(lvlhDcm(env0.r, env0.v));
  const q0 = quatCompose(qTargetL, qLI);
  const cBL = quatToDcm(qTargetL);
  const y = new Float64Array([q0[0], q0[1], q0[2], q0[3], -nRadS * cBL[1], -nRadS * cBL[4], -nRadS * cBL[7], 0, 0, 0]);
  const res: AttitudeSimResult = { samples: [], desaturations: [], saturations: [], totalPropellantKg: 0, peakMomentumFraction: 0, attitudeLostS: null, capacityNms: cap };
  const cLI = new Float64Array(9), wRel = [0, 0, 0];
  const hInt = [0, 0, 0], x = new Array<number>(12).fill(0), u = new Float64Array(3), dv = [0, 0, 0];
  const qBL = quat(), qLIc = quat(), qErr = quat(), qTc = quatConjugate(qTargetL);
  const tol = (o.holdToleranceDeg ?? 10) / DEG_PER_RAD;
  const every = o.recordEveryS ?? 60;
  const steps = Math.round(o.durationS / dt);
  for (let s = 0; s <= steps; s++) {
    const t = s * dt;
    env.sample(t, env0);
    dcmToQuat(lvlhDcm(env0.r, env0.v, cLI), qLIc);
    quatCompose(y, quatConjugate(qLIc, qErr), qBL);
    const cb = quatToDcm(qBL, ws.c);
    wRel[0] = y[4] + nRadS * cb[1]; wRel[1] = y[5] + nRadS * cb[4]; wRel[2] = y[6] + nRadS * cb[7];
    const hMag = Math.hypot(y[7], y[8], y[9]);
    const err = rotationVector(quatCompose(qBL, qTc, qErr), dv);
    if (res.attitudeLostS === null && Math.hypot(err[0], err[1], err[2]) > tol && controller === 'hold') res.attitudeLostS = t;
    if (s % Math.max(1, Math.round(every / dt)) === 0) {
      const a = quatToEuler321(qBL);
      res.samples.push({ tS: t, momentumNms: hMag, momentumFraction: hMag / cap, yawDeg: a.yawRad * DEG_PER_RAD, pitchDeg: a.pitchRad * DEG_PER_RAD, rollDeg: a.rollRad * DEG_PER_RAD });
    }
    if (s === steps) break;
    if (k) {
      rotationVector(quatCompose(qBL, qLinC, qErr), dv);
      for (let i = 0; i < 3; i++) { x[i] = dv[i]; x[3 + i] = wRel[i]; x[6 + i] = y[7 + i]; x[9 + i] = hInt[i]; }
      for (let i = 0; i < 3; i++) { let v = 0; for (let c = 0; c < 12; c++) v -= k[i][c] * x[c]; u[i] = v; }
    } else {
      for (let i = 0; i < 3; i++) u[i] = -gains.kp[i] * err[i] - gains.kd[i] * wRel[i];
    }
    limitCmgTorque(u, st.cmg);
    surfaceTorques(st, y, env0, ws, surf, o.torques);
    stepper.step(t, y, dt, u);
    for (let i = 0; i < 3; i++) hInt[i] += y[7 + i] * dt;
    // A desaturation empties the momentum integrators too (anti-windup: the thrusters took it).
    if (handleMomentum(st, y, jInv, cap, t + dt, dt, o.desaturation !== false, res)) hInt.fill(0);
  }
  if (controller === 'tea-lqr') res.attitudeLostS = firstLossTeaLqr(res, tol);
  return res;
}

/** Saturation (clip to capacity, excess into the body) and desaturation (thrusters dump momentum). */
function handleMomentum(st: AttitudeStation, y: Float64Array, jInv: Float64Array, cap: number, t: number, dt: number, desat: boolean, res: AttitudeSimResult): boolean {
  const h = Math.hypot(y[7], y[8], y[9]);
  res.peakMomentumFraction = Math.max(res.peakMomentumFraction, Math.min(h, cap) / cap);
  if (desat && h >= st.cmg.desatThresholdFraction * cap) {
    const keep = (st.cmg.desatTargetFraction * cap) / h;
    const dh = [0, 1, 2].map((i) => y[7 + i] * (1 - keep));
    for (let i = 0; i < 3; i++) y[7 + i] *= keep;
    const kg = thrusterPropellantKg(dh, st.thrusters);
    res.desaturations.push({ tS: t, momentumRemovedNms: Math.hypot(dh[0], dh[1], dh[2]), propellantKg: kg });
    res.totalPropellantKg += kg;
    return true;
  }
  const last = res.saturations[res.saturations.length - 1];
  if (h > cap) {
    const f = 1 - cap / h;
    for (let i = 0; i < 3; i++) {
      const ex = y[7 + i] * f;
      y[7 + i] -= ex;
      // The momentum the CMGs cannot take stays with the body: Jω += excess.
      y[4] += jInv[i] * ex; y[5] += jInv[3 + i] * ex; y[6] += jInv[6 + i] * ex;
    }
    if (last && last.endS >= t - 1.5 * dt) last.endS = t;
    else res.saturations.push({ startS: t, endS: t });
  }
  return false;
}

/** For tea-lqr the reference is wherever the TEA lies: the attitude is lost once saturated and drifting away from the last unsaturated attitude. */
function firstLossTeaLqr(res: AttitudeSimResult, tol: number): number | null {
  if (res.saturations.length === 0) return null;
  const start = res.saturations[0].startS;
  const ref = res.samples.filter((s) => s.tS <= start).pop();
  if (!ref) return start;
  for (const s of res.samples) {
    if (s.tS < start) continue;
    const d = Math.hypot(s.yawDeg - ref.yawDeg, s.pitchDeg - ref.pitchDeg, s.rollDeg - ref.rollDeg);
    if (d > tol * DEG_PER_RAD) return s.tS;
  }
  return null;
}

