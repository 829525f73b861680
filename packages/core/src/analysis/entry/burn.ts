/**
 * Deorbit burn as a finite burn of constant acceleration Δv/T along a direction fixed in the VNB
 * frame (default −V, retrograde) for T seconds. Given as Δv and duration, which is what the
 * flight reports publish (128 m/s over 4 min 38 s); the engine's thrust and Isp (not found for
 * Soyuz's SKD) are not needed. The ≈ 4 % rise of acceleration as propellant burns is ignored.
 */
import { localToInertial } from '../../models/forces/thrust.js';
import type { ForceContext, ForceModel } from '../../models/forces/types.js';

export class ConstantAccelerationBurn implements ForceModel {
  readonly name = 'deorbit burn';
  private readonly dir = new Float64Array(3);
  private readonly local: Float64Array;
  readonly accelerationMps2: number;

  /** @param directionVnb burn direction in VNB (normalised here; default retrograde) */
  constructor(
    readonly deltaVMps: number,
    readonly durationS: number,
    directionVnb: ArrayLike<number> = [-1, 0, 0],
  ) {
    if (!(deltaVMps > 0) || !Number.isFinite(deltaVMps)) throw new RangeError(`delta-v: must be a positive number of m/s, got ${deltaVMps}`);
    if (!(durationS > 0) || !Number.isFinite(durationS)) throw new RangeError(`burn duration: must be a positive number of seconds, got ${durationS}`);
    const n = Math.hypot(directionVnb[0], directionVnb[1], directionVnb[2]);
    if (!(n > 0)) throw new RangeError('burn direction: must be a non-zero vector');
    this.local = Float64Array.of(directionVnb[0] / n, directionVnb[1] / n, directionVnb[2] / n);
    this.accelerationMps2 = deltaVMps / durationS;
  }

  addAcceleration(ctx: ForceContext, out: Float64Array): void {
    const d = localToInertial('VNB', ctx.rGcrfM, ctx.vGcrfMps, this.local, this.dir);
    out[0] += this.accelerationMps2 * d[0];
    out[1] += this.accelerationMps2 * d[1];
    out[2] += this.accelerationMps2 * d[2];
  }
}
