/**
 * A smooth attitude path between two LVLH-held attitudes, for large CMG-only slews: the 3-2-1
 * angles (yaw ψ, pitch θ, roll φ relative to LVLH) follow the straight interpolation with a
 * rest-to-rest blend s(τ) = τ − sin(2πτ)/(2π), plus K harmonics per axis
 *
 *   a_i(t) = a_i(0) + Δa_i s(τ) + Σ_k c_ik sin²(πτ) sin(kπτ),   τ = t/T,
 *
 * each of which vanishes with its first and second derivatives at both ends, so any coefficients
 * give a path that starts and ends at rest in LVLH at the two attitudes, with no torque step. The harmonics let the path leave the
 * eigenaxis and use the gravity-gradient and gyroscopic torques (the idea of the 2006
 * zero-propellant manoeuvre; the optimiser in zpm.ts picks them).
 */
import type { YawPitchRoll } from './euler321.js';

export interface HarmonicPath {
  durationS: number;
  /** Start angles [ψ, θ, φ], rad. */
  start: readonly [number, number, number];
  /** Angle change [Δψ, Δθ, Δφ], rad (yaw taken the short way round). */
  delta: readonly [number, number, number];
  /** Harmonics per axis. */
  harmonics: number;
  /** c_ik, rad, laid out [yaw k = 1…K, pitch k = 1…K, roll k = 1…K]. */
  coefficients: readonly number[];
}

export function harmonicPath(from: YawPitchRoll, to: YawPitchRoll, durationS: number, harmonics: number, coefficients?: readonly number[]): HarmonicPath {
  const wrap = (a: number) => a - 2 * Math.PI * Math.round(a / (2 * Math.PI));
  return {
    durationS,
    start: [from.yawRad, from.pitchRad, from.rollRad],
    delta: [wrap(to.yawRad - from.yawRad), to.pitchRad - from.pitchRad, wrap(to.rollRad - from.rollRad)],
    harmonics,
    coefficients: coefficients ?? new Array<number>(3 * harmonics).fill(0),
  };
}

let harmonicSin = new Float64Array(17), harmonicCos = new Float64Array(17);

/**
 * Angles, their rates and accelerations at time t: out = [ψ, θ, φ, ψ̇, θ̇, φ̇, ψ̈, θ̈, φ̈] (rad, s).
 * Before the start and after the end the path rests at its end points.
 */
export function pathAngles(p: HarmonicPath, tS: number, out: Float64Array): Float64Array {
  const T = p.durationS;
  const tau = Math.min(1, Math.max(0, tS / T));
  const moving = tS >= 0 && tS <= T ? 1 : 0;
  const w = 2 * Math.PI * tau;
  const s = tau - Math.sin(w) / (2 * Math.PI), s1 = 1 - Math.cos(w), s2 = 2 * Math.PI * Math.sin(w);
  const sp = Math.sin(Math.PI * tau), cp = Math.cos(Math.PI * tau);
  // sin(kπτ), cos(kπτ) for k = 1…K by the angle-addition recurrence (two trigonometric calls, not 2K per axis).
  const K = p.harmonics;
  if (harmonicSin.length < K + 1) { harmonicSin = new Float64Array(K + 1); harmonicCos = new Float64Array(K + 1); }
  harmonicSin[0] = 0; harmonicCos[0] = 1;
  for (let k = 1; k <= K; k++) {
    harmonicSin[k] = harmonicSin[k - 1] * cp + harmonicCos[k - 1] * sp;
    harmonicCos[k] = harmonicCos[k - 1] * cp - harmonicSin[k - 1] * sp;
  }
  for (let i = 0; i < 3; i++) {
    let a = p.start[i] + p.delta[i] * s, a1 = p.delta[i] * s1, a2 = p.delta[i] * s2;
    for (let k = 1; k <= K; k++) {
      const c = p.coefficients[i * K + k - 1];
      if (c === 0) continue;
      const sk = harmonicSin[k], ck = harmonicCos[k];
      a += c * sp * sp * sk;
      a1 += c * Math.PI * (2 * sp * cp * sk + k * sp * sp * ck);
      a2 += c * Math.PI * Math.PI * (2 * (cp * cp - sp * sp) * sk + 4 * k * sp * cp * ck - k * k * sp * sp * sk);
    }
    out[i] = a;
    out[3 + i] = (moving * a1) / T;
    out[6 + i] = (moving * a2) / (T * T);
  }
  return out;
}

/**
 * Body rate relative to LVLH (body axes) and its body-frame derivative from the 3-2-1 angles and
 * their derivatives (Wie §5.3, C_BL = R1(φ)R2(θ)R3(ψ)):
 *   w = (φ̇ − ψ̇ sθ,  θ̇ cφ + ψ̇ cθ sφ,  −θ̇ sφ + ψ̇ cθ cφ).
 */
export function eulerRates(a: ArrayLike<number>, w: number[], wDot: number[]): void {
  const [, th, ph, psd, thd, phd, psdd, thdd, phdd] = [a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]];
  const st = Math.sin(th), ct = Math.cos(th), sf = Math.sin(ph), cf = Math.cos(ph);
  w[0] = phd - psd * st;
  w[1] = thd * cf + psd * ct * sf;
  w[2] = -thd * sf + psd * ct * cf;
  wDot[0] = phdd - psdd * st - psd * thd * ct;
  wDot[1] = thdd * cf - thd * phd * sf + psdd * ct * sf - psd * thd * st * sf + psd * phd * ct * cf;
  wDot[2] = -thdd * sf - thd * phd * cf + psdd * ct * cf - psd * thd * st * cf - psd * phd * ct * sf;
}

/** C_BL of 3-2-1 angles in closed form (allocation-free; the planner's inner loop): R1(φ)R2(θ)R3(ψ). */
export function euler321DcmInto(yaw: number, pitch: number, roll: number, out: Float64Array): Float64Array {
  const cy = Math.cos(yaw), sy = Math.sin(yaw), cp = Math.cos(pitch), sp = Math.sin(pitch), cr = Math.cos(roll), sr = Math.sin(roll);
  out[0] = cp * cy; out[1] = cp * sy; out[2] = -sp;
  out[3] = sr * sp * cy - cr * sy; out[4] = sr * sp * sy + cr * cy; out[5] = sr * cp;
  out[6] = cr * sp * cy + sr * sy; out[7] = cr * sp * sy - sr * cy; out[8] = cr * cp;
  return out;
}
