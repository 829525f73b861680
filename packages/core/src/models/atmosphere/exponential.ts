/**
 * Piecewise-exponential atmosphere of Vallado, "Fundamentals of Astrodynamics and Applications",
 * 4th ed. (Microcosm 2013), Table 8-4 (p. 567): in each band [h₀, next h₀)
 *   ρ(h) = ρ₀ exp(−(h − h₀)/H),
 * h the height above the WGS-84 ellipsoid. Static: no time, latitude or solar dependence
 * (roughly the U.S. Standard Atmosphere 1976 below 25 km and CIRA-72 above), so it ignores the
 * space weather it is given. Above 1000 km the last band continues.
 */
import type { Epoch } from '../../foundation/time/epoch.js';
import { wgs84GeodeticFromEcef } from './geodetic.js';
import type { AtmosphereModel, AtmosphereSpaceWeather } from './types.js';

export interface ExponentialBand {
  /** Base altitude h₀, km. */
  readonly baseKm: number;
  /** Nominal density ρ₀ at h₀, kg/m³. */
  readonly densityKgM3: number;
  /** Scale height H, km. */
  readonly scaleHeightKm: number;
}

/** Vallado (2013) Table 8-4, the 28 bands from 0 km to above 1000 km, as printed. */
export const VALLADO_EXPONENTIAL_TABLE: readonly ExponentialBand[] = Object.freeze(
  (
    [
      [0, 1.225, 7.249],
      [25, 3.899e-2, 6.349],
      [30, 1.774e-2, 6.682],
      [40, 3.972e-3, 7.554],
      [50, 1.057e-3, 8.382],
      [60, 3.206e-4, 7.714],
      [70, 8.77e-5, 6.549],
      [80, 1.905e-5, 5.799],
      [90, 3.396e-6, 5.382],
      [100, 5.297e-7, 5.877],
      [110, 9.661e-8, 7.263],
      [120, 2.438e-8, 9.473],
      [130, 8.484e-9, 12.636],
      [140, 3.845e-9, 16.149],
      [150, 2.07e-9, 22.523],
      [180, 5.464e-10, 29.74],
      [200, 2.789e-10, 37.105],
      [250, 7.248e-11, 45.546],
      [300, 2.418e-11, 53.628],
      [350, 9.518e-12, 53.298],
      [400, 3.725e-12, 58.515],
      [450, 1.585e-12, 60.828],
      [500, 6.967e-13, 63.822],
      [600, 1.454e-13, 71.835],
      [700, 3.614e-14, 88.667],
      [800, 1.17e-14, 124.64],
      [900, 5.245e-15, 181.05],
      [1000, 3.019e-15, 268.0],
    ] as const
  ).map(([baseKm, densityKgM3, scaleHeightKm]) => Object.freeze({ baseKm, densityKgM3, scaleHeightKm })),
);

export class ExponentialAtmosphere implements AtmosphereModel {
  readonly name = 'exponential (Vallado Table 8-4)';
  private readonly baseM: Float64Array;
  private readonly rho0: Float64Array;
  private readonly scaleM: Float64Array;
  private readonly geodetic = new Float64Array(3);

  constructor(table: readonly ExponentialBand[] = VALLADO_EXPONENTIAL_TABLE) {
    if (table.length === 0) throw new RangeError('exponential atmosphere: empty table');
    table.forEach((b, i) => {
      if (!(b.densityKgM3 > 0) || !(b.scaleHeightKm > 0) || !Number.isFinite(b.baseKm)) {
        throw new RangeError(`exponential atmosphere: band ${i} needs finite baseKm and positive densityKgM3 and scaleHeightKm`);
      }
      if (i > 0 && !(b.baseKm > table[i - 1].baseKm)) throw new RangeError(`exponential atmosphere: band ${i} base altitude must increase`);
    });
    this.baseM = Float64Array.from(table, (b) => b.baseKm * 1e3);
    this.rho0 = Float64Array.from(table, (b) => b.densityKgM3);
    this.scaleM = Float64Array.from(table, (b) => b.scaleHeightKm * 1e3);
  }

  /** Density in kg/m³ at height `altitudeM` (m) above the ellipsoid. */
  densityAtAltitude(altitudeM: number): number {
    if (!(altitudeM >= this.baseM[0])) {
      throw new RangeError(`exponential atmosphere: altitude ${altitudeM / 1e3} km is below the table's ${this.baseM[0] / 1e3} km (or not a number)`);
    }
    const b = this.baseM;
    let i = b.length - 1;
    while (altitudeM < b[i]) i--;
    return this.rho0[i] * Math.exp(-(altitudeM - b[i]) / this.scaleM[i]);
  }

  density(positionEcefM: ArrayLike<number>, _epoch: Epoch, _spaceWeather?: AtmosphereSpaceWeather): number {
    return this.densityAtAltitude(wgs84GeodeticFromEcef(positionEcefM, this.geodetic)[2]);
  }
}
