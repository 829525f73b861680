/**
 * Solar radiation pressure on a cannonball (sphere, or a flat plate always facing the Sun):
 *
 *   a = ν · P⊙ (AU/d)² · Cr A/m · (r − s)/|r − s|
 *
 * P⊙ = 4.56e-6 N/m² at 1 AU (Montenbruck & Gill, "Satellite Orbits", Springer 2000, §3.4.1,
 * Eq. 3.69: solar flux 1367 W/m² divided by c); d = |r − s| the Sun–satellite distance; ν the
 * sunlit fraction of the solar disc: conical (umbra + penumbra, M&G §3.4.2) or cylindrical
 * (Vallado 4th ed. Algorithm 34) from bodies/shadow.ts, or 1 ('none').
 *
 * Neglected: Earth albedo and infrared (≤ 10–30 % of direct SRP in LEO), the Earth's
 * oblateness and atmosphere in the shadow geometry (see shadow.ts), the satellite's attitude.
 */
import { ASTRONOMICAL_UNIT_M } from '../../foundation/bodies/sun.js';
import { inCylindricalShadow, sunlitFraction } from '../../foundation/bodies/shadow.js';
import type { ForceContext, ForceModel } from './types.js';

/** Solar radiation pressure at 1 AU, N/m² (Montenbruck & Gill 2000, Eq. 3.69). */
export const SOLAR_PRESSURE_1AU_N_PER_M2 = 4.56e-6;

export type SrpShadowModel = 'conical' | 'cylindrical' | 'none';

export interface SolarRadiationPressureOptions {
  /** Radiation pressure coefficient (1 = absorbing, 2 = specular mirror); typically 1.2–1.5. */
  cr: number;
  /** Cross-section facing the Sun, m². */
  areaM2: number;
  /** Shadow model; default 'conical'. */
  shadow?: SrpShadowModel;
}

export class SolarRadiationPressureForce implements ForceModel {
  readonly name = 'solar radiation pressure';
  readonly cr: number;
  readonly areaM2: number;
  readonly shadow: SrpShadowModel;
  constructor(options: SolarRadiationPressureOptions) {
    if (!(options.cr > 0 && options.cr <= 2.5)) throw new RangeError(`cr: must be in (0, 2.5], got ${options.cr}`);
    if (!(options.areaM2 > 0)) throw new RangeError(`areaM2: must be positive, got ${options.areaM2}`);
    const shadow = options.shadow ?? 'conical';
    if (shadow !== 'conical' && shadow !== 'cylindrical' && shadow !== 'none') {
      throw new RangeError(`shadow: must be 'conical', 'cylindrical' or 'none', got '${String(shadow)}'`);
    }
    this.cr = options.cr;
    this.areaM2 = options.areaM2;
    this.shadow = shadow;
  }

  /** Sunlit fraction ν at the context's state. */
  sunlitFraction(ctx: ForceContext): number {
    if (this.shadow === 'conical') return sunlitFraction(ctx.rGcrfM, ctx.sunGcrfM);
    if (this.shadow === 'cylindrical') return inCylindricalShadow(ctx.rGcrfM, ctx.sunGcrfM) ? 0 : 1;
    return 1;
  }

  addAcceleration(ctx: ForceContext, out: Float64Array): void {
    const nu = this.sunlitFraction(ctx);
    if (nu <= 0) return;
    const r = ctx.rGcrfM;
    const s = ctx.sunGcrfM;
    const dx = r[0] - s[0];
    const dy = r[1] - s[1];
    const dz = r[2] - s[2];
    const d2 = dx * dx + dy * dy + dz * dz;
    const d = Math.sqrt(d2);
    // ν P (AU/d)² Cr A/m, times the unit vector (r − s)/d.
    const k = (nu * SOLAR_PRESSURE_1AU_N_PER_M2 * ASTRONOMICAL_UNIT_M * ASTRONOMICAL_UNIT_M * this.cr * this.areaM2) / (ctx.massKg * d2 * d);
    out[0] += k * dx;
    out[1] += k * dy;
    out[2] += k * dz;
  }
}
