/**
 * Point-mass perturbation of a third body (Sun, Moon) on an Earth satellite: the direct pull
 * minus the pull on the Earth (the indirect term), in GCRF:
 *
 *   a = GM_b [ (s − r)/|s − r|³ − s/|s|³ ]
 *
 * The two terms nearly cancel (for the Sun: 6e-3 m/s² each, difference ~5e-7), so the
 * difference is formed with Battin's f(q) (Battin, "An Introduction to the Mathematics and
 * Methods of Astrodynamics", rev. ed. 1999, §8.4, Eqs. 8.60–8.61): with d = s − r,
 *   q = r·(r − 2s)/|s|²,  f(q) = q (3 + 3q + q²) / (1 + (1 + q)^{3/2}) = (1 + q)^{3/2} − 1,
 *   a = −GM_b / |d|³ [ r + f(q) s ],
 * which has no cancellation.
 *
 * GM values: JPL DE430, Folkner et al. (2014), "The Planetary and Lunar Ephemerides DE430 and
 * DE431", IPN Progress Report 42-196, Table 8: GM_Sun = 132712440041.939400 km³/s²,
 * GM_Moon = 4902.800066 km³/s² (TDB-compatible).
 */
import type { ForceContext, ForceModel } from './types.js';

/** GM of the Sun, m³/s² (DE430, Folkner et al. 2014 Table 8). */
export const GM_SUN_M3_PER_S2 = 1.327124400419394e20;
/** GM of the Moon, m³/s² (DE430, Folkner et al. 2014 Table 8). */
export const GM_MOON_M3_PER_S2 = 4.902800066e12;

/**
 * Third-body acceleration (m/s²) of a body of `gm` at geocentric `bodyM` on a satellite at
 * geocentric `rM` (same frame, m); adds into `out` (Battin's formulation).
 */
export function addThirdBodyAcceleration(gm: number, rM: ArrayLike<number>, bodyM: ArrayLike<number>, out: Float64Array): void {
  const rx = rM[0];
  const ry = rM[1];
  const rz = rM[2];
  const sx = bodyM[0];
  const sy = bodyM[1];
  const sz = bodyM[2];
  const s2 = sx * sx + sy * sy + sz * sz;
  const q = (rx * (rx - 2 * sx) + ry * (ry - 2 * sy) + rz * (rz - 2 * sz)) / s2;
  const onePlusQ32 = (1 + q) * Math.sqrt(1 + q);
  const f = (q * (3 + q * (3 + q))) / (1 + onePlusQ32);
  const dx = sx - rx;
  const dy = sy - ry;
  const dz = sz - rz;
  const d2 = dx * dx + dy * dy + dz * dz;
  const k = -gm / (d2 * Math.sqrt(d2));
  out[0] += k * (rx + f * sx);
  out[1] += k * (ry + f * sy);
  out[2] += k * (rz + f * sz);
}

export type ThirdBodyName = 'sun' | 'moon';

/** Sun or Moon perturbation; positions from ctx.sunGcrfM / ctx.moonGcrfM. */
export class ThirdBodyForce implements ForceModel {
  readonly name: string;
  readonly gmM3PerS2: number;
  constructor(readonly body: ThirdBodyName, gmM3PerS2?: number) {
    if (body !== 'sun' && body !== 'moon') throw new RangeError(`body: must be 'sun' or 'moon', got '${String(body)}'`);
    this.gmM3PerS2 = gmM3PerS2 ?? (body === 'sun' ? GM_SUN_M3_PER_S2 : GM_MOON_M3_PER_S2);
    this.name = `${body} third body`;
  }
  addAcceleration(ctx: ForceContext, out: Float64Array): void {
    addThirdBodyAcceleration(this.gmM3PerS2, ctx.rGcrfM, this.body === 'sun' ? ctx.sunGcrfM : ctx.moonGcrfM, out);
  }
}
