/**
 * An atmosphere's vertical profile at one place and time, as a cheap stand-in for the full model
 * during the last ~2,000 km of a descent: the full model (NRLMSISE-00 here) is sampled once every
 * kilometre of height at the entry point, and the density is interpolated log-linearly in height
 * (exact for an exponential layer). Horizontal and time changes along the entry path are dropped:
 * NRLMSISE-00 changes by a few per cent over 2,000 km and 10 minutes at 40–100 km, less than the
 * density uncertainty the Monte Carlo draws. Above the profile's top the full model answers.
 */
import { wgs84GeodeticFromEcef } from '../atmosphere/geodetic.js';
import type { AtmosphereModel, AtmosphereSpaceWeather } from '../atmosphere/types.js';
import { geodeticToItrf } from '../frames/geodetic.js';
import type { Epoch } from '../time/epoch.js';

const STEP_M = 1000;

export class ProfileAtmosphere implements AtmosphereModel {
  readonly name: string;
  private readonly logDensity: Float64Array;
  private readonly geo = new Float64Array(3);

  /**
   * @param full the model to sample (and to use above `topM`)
   * @param latRad/lonRad where, `epoch` when, `weather` under what activity
   */
  constructor(
    private readonly full: AtmosphereModel,
    latRad: number,
    lonRad: number,
    epoch: Epoch,
    weather: AtmosphereSpaceWeather,
    private readonly topM = 150_000,
  ) {
    const n = Math.floor(topM / STEP_M) + 1;
    this.logDensity = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = geodeticToItrf({ latRad, lonRad, altM: i * STEP_M });
      this.logDensity[i] = Math.log(full.density(p, epoch, weather));
    }
    this.name = `${full.name}, vertical profile`;
  }

  density(positionEcefM: ArrayLike<number>, epoch: Epoch, weather: AtmosphereSpaceWeather): number {
    const h = wgs84GeodeticFromEcef(positionEcefM, this.geo)[2];
    if (h >= this.topM) return this.full.density(positionEcefM, epoch, weather);
    const x = Math.max(0, h) / STEP_M;
    const i = Math.min(Math.floor(x), this.logDensity.length - 2);
    const f = x - i;
    return Math.exp(this.logDensity[i] * (1 - f) + this.logDensity[i + 1] * f);
  }
}
