import type { ForceContext } from '../../src/models/forces/types.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

/** A ForceContext for tests: GCRF = ITRF unless a rotation is given. */
export function makeContext(over: Partial<ForceContext> & { r?: number[]; v?: number[] } = {}): ForceContext {
  const r = Float64Array.from(over.r ?? [6.778e6, 0, 0]);
  const m = over.gcrfToItrf ?? Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
  const rItrf = new Float64Array(3);
  for (let i = 0; i < 3; i++) rItrf[i] = m[3 * i] * r[0] + m[3 * i + 1] * r[1] + m[3 * i + 2] * r[2];
  return {
    tSeconds: over.tSeconds ?? 0,
    epoch: over.epoch ?? Epoch.fromUtc(2024, 3, 20, 12),
    rGcrfM: r,
    vGcrfMps: Float64Array.from(over.v ?? [0, 7668.6, 0]),
    massKg: over.massKg ?? 420000,
    gcrfToItrf: m,
    rItrfM: over.rItrfM ?? rItrf,
    earthRotationRadPerS: over.earthRotationRadPerS ?? 7.292115e-5,
    sunGcrfM: over.sunGcrfM ?? Float64Array.from([1.496e11, 0, 0]),
    moonGcrfM: over.moonGcrfM ?? Float64Array.from([0, 3.844e8, 0]),
  };
}

/** Sum of one model's acceleration at ctx. */
export function accelerationOf(model: { addAcceleration(ctx: ForceContext, out: Float64Array): void }, ctx: ForceContext): Float64Array {
  const out = new Float64Array(3);
  model.addAcceleration(ctx, out);
  return out;
}

export const norm = (v: ArrayLike<number>) => Math.hypot(v[0], v[1], v[2]);
