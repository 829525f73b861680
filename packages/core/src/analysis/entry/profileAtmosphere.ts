/**
 * An atmosphere's vertical profile at one place and time, as a cheap stand-in for the full model
 * during the last ~2,000 km of a descent: the full model (NRLMSISE-00 here) is sampled once every
 * kilometre of height at the entry point, and ln ρ is interpolated by cubic Hermite (Catmull–Rom)
 * in height: C¹, so the integrator's high-order steps see no kink at every kilometre (log-linear
 * interpolation cost 2× the steps). Horizontal and time changes along the entry path are dropped:
 * NRLMSISE-00 changes by a few per cent over 2,000 km and 10 minutes at 40–100 km, less than the
 * density uncertainty the Monte Carlo draws. Above the profile's top the full model answers.
 */
import { wgs84GeodeticFromEcef } from '../../models/atmosphere/geodetic.js';
import type { AtmosphereModel, AtmosphereSpaceWeather } from '../../models/atmosphere/types.js';
import { geodeticToItrf } from '../../foundation/frames/geodetic.js';
import type { Epoch } from '../../foundation/time/epoch.js';

const STEP_M = 1000;

export class ProfileAtmosphere implements AtmosphereModel {
  private readonly geo = new Float64Array(3);

  /**
   * @param logDensity ln ρ (kg/m³) at 0, 1, 2 … km
   * @param full the model above the profile's top (none: the top layer's scale height continues)
   */
  constructor(
    readonly logDensity: Float64Array,
    readonly name: string,
    private readonly full?: AtmosphereModel,
  ) {
    if (logDensity.length < 2) throw new RangeError('profile: at least two heights are needed');
  }

  /** Sample `full` every kilometre from 0 to `topM` at one place (rad) and time, under `weather`. */
  static sample(full: AtmosphereModel, latRad: number, lonRad: number, epoch: Epoch, weather: AtmosphereSpaceWeather, topM = 150_000): ProfileAtmosphere {
    const n = Math.floor(topM / STEP_M) + 1;
    const logDensity = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = geodeticToItrf({ latRad, lonRad, altM: i * STEP_M });
      logDensity[i] = Math.log(full.density(p, epoch, weather));
    }
    return new ProfileAtmosphere(logDensity, `${full.name}, vertical profile`, full);
  }

  get topM(): number {
    return (this.logDensity.length - 1) * STEP_M;
  }

  density(positionEcefM: ArrayLike<number>, epoch: Epoch, weather: AtmosphereSpaceWeather): number {
    const h = wgs84GeodeticFromEcef(positionEcefM, this.geo)[2];
    if (h >= this.topM && this.full) return this.full.density(positionEcefM, epoch, weather);
    return this.densityAtHeight(h);
  }

  /** Whether the profile alone answers at this position (below its top, or no full model). */
  covers(positionEcefM: ArrayLike<number>): boolean {
    return !this.full || wgs84GeodeticFromEcef(positionEcefM, this.geo)[2] < this.topM;
  }

  /** ρ at a height above the ellipsoid, m (from the profile alone). */
  densityAtHeight(h: number): number {
    const L = this.logDensity;
    const n = L.length;
    const x = Math.max(0, h) / STEP_M;
    if (x >= n - 1) return Math.exp(L[n - 1] + (x - n + 1) * (L[n - 1] - L[n - 2]));
    const i = Math.floor(x);
    const f = x - i;
    // Catmull–Rom slopes (one-sided at the ends); above the top, the top layer's scale height continues.
    const m0 = i > 0 ? (L[i + 1] - L[i - 1]) / 2 : L[1] - L[0];
    const m1 = i + 2 < n ? (L[i + 2] - L[i]) / 2 : L[n - 1] - L[n - 2];
    const f2 = f * f;
    const f3 = f2 * f;
    return Math.exp((2 * f3 - 3 * f2 + 1) * L[i] + (f3 - 2 * f2 + f) * m0 + (-2 * f3 + 3 * f2) * L[i + 1] + (f3 - f2) * m1);
  }
}
