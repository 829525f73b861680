/**
 * Thrust: impulsive Δv (for event resets) and finite burns with mass depletion.
 *
 * Local frames (unit vectors in the inertial frame of r, v):
 *   VNB: V = v/|v|, N = (r × v)/|r × v|, B = V × N  (velocity, orbit normal, binormal)
 *   RTN: R = r/|r|, N = (r × v)/|r × v|, T = N × R  (radial, transverse (along-track), normal)
 *   inertial: the vector as given.
 *
 * Mass flow ṁ = −F/(Isp g0) with standard gravity g0 = 9.80665 m/s² exactly (3rd CGPM 1901;
 * the value used to define specific impulse in seconds). The Tsiolkovsky rocket equation
 * Δv = Isp g0 ln(m0/m1) follows for a burn in free space.
 */
import type { Epoch } from '../../foundation/time/epoch.js';
import type { ForceContext, ForceModel } from './types.js';

/** Standard acceleration of gravity, m/s², exact (3rd CGPM, 1901). */
export const STANDARD_GRAVITY_MPS2 = 9.80665;

export type ThrustFrame = 'VNB' | 'RTN' | 'inertial';

function checkFrame(frame: string, field: string): asserts frame is ThrustFrame {
  if (frame !== 'VNB' && frame !== 'RTN' && frame !== 'inertial') {
    throw new RangeError(`${field}: must be 'VNB', 'RTN' or 'inertial', got '${frame}'`);
  }
}

/**
 * Express local components `local` (in `frame`, at state r, v) in the inertial frame; writes
 * `out` (may alias `local`). No allocation.
 */
export function localToInertial(
  frame: ThrustFrame,
  rM: ArrayLike<number>,
  vMps: ArrayLike<number>,
  local: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const l0 = local[0];
  const l1 = local[1];
  const l2 = local[2];
  if (frame === 'inertial') {
    out[0] = l0;
    out[1] = l1;
    out[2] = l2;
    return out;
  }
  // Orbit normal N = r × v / |r × v|.
  let nx = rM[1] * vMps[2] - rM[2] * vMps[1];
  let ny = rM[2] * vMps[0] - rM[0] * vMps[2];
  let nz = rM[0] * vMps[1] - rM[1] * vMps[0];
  const hn = Math.sqrt(nx * nx + ny * ny + nz * nz);
  nx /= hn;
  ny /= hn;
  nz /= hn;
  // First axis: V (VNB) or R (RTN).
  const src = frame === 'VNB' ? vMps : rM;
  const sn = Math.sqrt(src[0] * src[0] + src[1] * src[1] + src[2] * src[2]);
  const ax = src[0] / sn;
  const ay = src[1] / sn;
  const az = src[2] / sn;
  if (frame === 'VNB') {
    // B = V × N; components (V, N, B).
    const bx = ay * nz - az * ny;
    const by = az * nx - ax * nz;
    const bz = ax * ny - ay * nx;
    out[0] = l0 * ax + l1 * nx + l2 * bx;
    out[1] = l0 * ay + l1 * ny + l2 * by;
    out[2] = l0 * az + l1 * nz + l2 * bz;
  } else {
    // T = N × R; components (R, T, N).
    const tx = ny * az - nz * ay;
    const ty = nz * ax - nx * az;
    const tz = nx * ay - ny * ax;
    out[0] = l0 * ax + l1 * tx + l2 * nx;
    out[1] = l0 * ay + l1 * ty + l2 * ny;
    out[2] = l0 * az + l1 * tz + l2 * nz;
  }
  return out;
}

/**
 * Apply an impulsive Δv given in `frame` (components in m/s: VNB = (V, N, B), RTN = (R, T, N))
 * at state r, v: writes v + Δv into `outVMps` (may alias `vMps`); position unchanged.
 */
export function applyImpulsiveDeltaV(
  rM: ArrayLike<number>,
  vMps: ArrayLike<number>,
  deltaVMps: ArrayLike<number>,
  frame: ThrustFrame,
  outVMps: Float64Array,
): Float64Array {
  checkFrame(frame, 'frame');
  const dv = localToInertial(frame, rM, vMps, deltaVMps, new Float64Array(3));
  outVMps[0] = vMps[0] + dv[0];
  outVMps[1] = vMps[1] + dv[1];
  outVMps[2] = vMps[2] + dv[2];
  return outVMps;
}

/** Mass after an impulsive Δv (rocket equation): m1 = m0 exp(−|Δv|/(Isp g0)). */
export function massAfterDeltaV(massKg: number, deltaVMps: number, ispS: number): number {
  if (!(ispS > 0)) throw new RangeError(`ispS: must be positive, got ${ispS}`);
  return massKg * Math.exp(-Math.abs(deltaVMps) / (ispS * STANDARD_GRAVITY_MPS2));
}

/** Δv of a burn from m0 to m1 (rocket equation): Isp g0 ln(m0/m1). */
export function rocketEquationDeltaV(m0Kg: number, m1Kg: number, ispS: number): number {
  return ispS * STANDARD_GRAVITY_MPS2 * Math.log(m0Kg / m1Kg);
}

export interface FiniteBurnOptions {
  thrustN: number;
  ispS: number;
  /** Thrust direction in `frame` (normalised here); VNB = (V, N, B), RTN = (R, T, N). */
  direction: ArrayLike<number>;
  frame: ThrustFrame;
  /** Burn window as epochs (start inclusive, stop exclusive)… */
  startEpoch?: Epoch;
  stopEpoch?: Epoch;
  /** …or as ctx.tSeconds (seconds since the propagation's reference epoch). */
  startTSeconds?: number;
  stopTSeconds?: number;
  /** Alternative to a stop: burn duration, s. */
  durationS?: number;
  name?: string;
}

/**
 * Constant-thrust burn on a window, direction fixed in the chosen local frame; the propagator
 * integrates ctx.massKg with massRateKgPerS. The thrust switches on/off discontinuously: the
 * integrator should stop at `startTSeconds`/`stopTSeconds` edges (or at the epochs) rather than
 * step across them.
 */
export class FiniteBurnForce implements ForceModel {
  readonly name: string;
  readonly thrustN: number;
  readonly ispS: number;
  readonly frame: ThrustFrame;
  readonly direction = new Float64Array(3);
  readonly startEpoch: Epoch | undefined;
  readonly startTSeconds: number;
  readonly durationS: number;
  private readonly dirInertial = new Float64Array(3);

  constructor(options: FiniteBurnOptions) {
    if (!(options.thrustN > 0)) throw new RangeError(`thrustN: must be positive, got ${options.thrustN}`);
    if (!(options.ispS > 0)) throw new RangeError(`ispS: must be positive, got ${options.ispS}`);
    checkFrame(options.frame, 'frame');
    const d = options.direction;
    const norm = d && d.length === 3 ? Math.hypot(d[0], d[1], d[2]) : NaN;
    if (!(norm > 0) || !Number.isFinite(norm)) throw new RangeError('direction: must be a non-zero 3-vector');
    for (let i = 0; i < 3; i++) this.direction[i] = d[i] / norm;
    this.thrustN = options.thrustN;
    this.ispS = options.ispS;
    this.frame = options.frame;

    const byEpoch = options.startEpoch !== undefined;
    if (byEpoch === (options.startTSeconds !== undefined)) {
      throw new RangeError('burn window: give exactly one of startEpoch or startTSeconds');
    }
    this.startEpoch = options.startEpoch;
    this.startTSeconds = options.startTSeconds ?? NaN;
    let duration: number | undefined = options.durationS;
    if (options.stopEpoch !== undefined) {
      if (!byEpoch) throw new RangeError('stopEpoch: needs startEpoch');
      duration = options.stopEpoch.secondsSince(options.startEpoch!);
    } else if (options.stopTSeconds !== undefined) {
      if (byEpoch) throw new RangeError('stopTSeconds: needs startTSeconds');
      duration = options.stopTSeconds - options.startTSeconds!;
    }
    if (duration === undefined || !(duration > 0)) {
      throw new RangeError(`burn window: stop must be after start (duration ${duration ?? 'missing'} s)`);
    }
    this.durationS = duration;
    this.name = options.name ?? `finite burn ${this.thrustN} N`;
  }

  /** Seconds since burn start at the context (negative before). */
  secondsIntoBurn(ctx: ForceContext): number {
    return this.startEpoch ? ctx.epoch.secondsSince(this.startEpoch) : ctx.tSeconds - this.startTSeconds;
  }

  isBurning(ctx: ForceContext): boolean {
    const t = this.secondsIntoBurn(ctx);
    return t >= 0 && t < this.durationS;
  }

  addAcceleration(ctx: ForceContext, out: Float64Array): void {
    if (!this.isBurning(ctx)) return;
    const dir = localToInertial(this.frame, ctx.rGcrfM, ctx.vGcrfMps, this.direction, this.dirInertial);
    const k = this.thrustN / ctx.massKg;
    out[0] += k * dir[0];
    out[1] += k * dir[1];
    out[2] += k * dir[2];
  }

  massRateKgPerS(ctx: ForceContext): number {
    return this.isBurning(ctx) ? -this.thrustN / (this.ispS * STANDARD_GRAVITY_MPS2) : 0;
  }
}
