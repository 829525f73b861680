/**
 * Modified Harris-Priester atmosphere as given by Montenbruck & Gill, "Satellite Orbits"
 * (Springer 2000), §3.5.2 and Table 3.8: between table heights h_i ≤ h < h_{i+1} the minimum
 * (night, antapex) and maximum (apex of the diurnal bulge) densities are interpolated
 * exponentially,
 *   ρ_m(h) = ρ_m(h_i) exp((h_i − h)/H_m),  H_m = (h_i − h_{i+1}) / ln(ρ_m(h_{i+1})/ρ_m(h_i)),
 * and combined with the angle ψ between the satellite and the bulge apex,
 *   ρ = ρ_m + (ρ_M − ρ_m) cos^n(ψ/2),  cos^n(ψ/2) = ((1 + cos ψ)/2)^(n/2).
 * The apex lies at the Sun's declination and 30° east of it in right ascension (the bulge lags
 * the Sun by about 2 h of local time). n = 2 suits low-inclination orbits, n = 6 polar ones.
 * Table 3.8 holds mean solar activity, 100–1000 km; below 100 km the model is undefined (error),
 * above 1000 km the density is taken as 0, as in the book. The space weather passed in is
 * ignored (the table fixes the activity level).
 */
import { sunPositionTemeM } from '../../foundation/bodies/sun.js';
import { gmst82Rad } from '../../foundation/frames/earthOrientation.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { UtcDayClock } from '../../foundation/spaceWeather/utcDayClock.js';
import { wgs84GeodeticFromEcef } from './geodetic.js';
import type { AtmosphereModel, AtmosphereSpaceWeather } from './types.js';

/** One row of the Harris-Priester table. */
export interface HarrisPriesterRow {
  /** Height above the ellipsoid, km. */
  readonly heightKm: number;
  /** Minimum (antapex) density, kg/m³. */
  readonly minKgM3: number;
  /** Maximum (apex) density, kg/m³. */
  readonly maxKgM3: number;
}

/** g/km³ (the book's unit) → kg/m³. */
const G_PER_KM3 = 1e-12;

/** Montenbruck & Gill (2000), Table 3.8: Harris-Priester densities for mean solar activity, g/km³. */
export const HARRIS_PRIESTER_TABLE: readonly HarrisPriesterRow[] = Object.freeze(
  (
    [
      [100, 497400.0, 497400.0],
      [120, 24900.0, 24900.0],
      [130, 8377.0, 8710.0],
      [140, 3899.0, 4059.0],
      [150, 2122.0, 2215.0],
      [160, 1263.0, 1344.0],
      [170, 800.8, 875.8],
      [180, 528.3, 601.0],
      [190, 361.7, 429.7],
      [200, 255.7, 316.2],
      [210, 183.9, 239.6],
      [220, 134.1, 185.3],
      [230, 99.49, 145.5],
      [240, 74.88, 115.7],
      [250, 57.09, 93.08],
      [260, 44.03, 75.55],
      [270, 34.3, 61.82],
      [280, 26.97, 50.95],
      [290, 21.39, 42.26],
      [300, 17.08, 35.26],
      [320, 10.99, 25.11],
      [340, 7.214, 18.19],
      [360, 4.824, 13.37],
      [380, 3.274, 9.955],
      [400, 2.249, 7.492],
      [420, 1.558, 5.684],
      [440, 1.091, 4.355],
      [460, 0.7701, 3.362],
      [480, 0.5474, 2.612],
      [500, 0.3916, 2.042],
      [520, 0.2819, 1.605],
      [540, 0.2042, 1.267],
      [560, 0.1488, 1.005],
      [580, 0.1092, 0.7997],
      [600, 0.0807, 0.639],
      [620, 0.06012, 0.5123],
      [640, 0.04519, 0.4121],
      [660, 0.0343, 0.3325],
      [680, 0.02632, 0.2691],
      [700, 0.02043, 0.2185],
      [720, 0.01607, 0.1779],
      [740, 0.01281, 0.1452],
      [760, 0.01036, 0.119],
      [780, 0.008496, 0.09776],
      [800, 0.007069, 0.08059],
      [840, 0.00468, 0.05741],
      [880, 0.0032, 0.0421],
      [920, 0.00221, 0.0313],
      [960, 0.00156, 0.0236],
      [1000, 0.00115, 0.0181],
    ] as const
  ).map(([heightKm, min, max]) => Object.freeze({ heightKm, minKgM3: min * G_PER_KM3, maxKgM3: max * G_PER_KM3 })),
);

/** Lag of the bulge apex behind the Sun in right ascension, 30° (Montenbruck & Gill §3.5.2). */
const LAG_RAD = (30 * Math.PI) / 180;
const COS_LAG = Math.cos(LAG_RAD);
const SIN_LAG = Math.sin(LAG_RAD);
/** The Sun moves ~1°/day in TEME: a Sun position is reused for this long (0.007° error). */
const SUN_REUSE_S = 600;

export interface HarrisPriesterOptions {
  /** Cosine exponent n: 2 for low-inclination orbits … 6 for polar ones (default 2). */
  exponent?: number;
  /** Density table (default HARRIS_PRIESTER_TABLE). */
  table?: readonly HarrisPriesterRow[];
}

export class HarrisPriesterAtmosphere implements AtmosphereModel {
  readonly name = 'Harris-Priester (Montenbruck & Gill Table 3.8)';
  readonly exponent: number;
  private readonly hM: Float64Array;
  private readonly rhoMin: Float64Array;
  private readonly rhoMax: Float64Array;
  /** Per band: 1/H for the minimum and maximum profiles, 1/m. */
  private readonly invHMin: Float64Array;
  private readonly invHMax: Float64Array;
  private readonly geodetic = new Float64Array(3);
  private readonly bounds = new Float64Array(2);
  private readonly clock = new UtcDayClock();
  private readonly sunTeme = new Float64Array(3);
  private readonly sunEcef = new Float64Array(3);
  private sunEpoch: Epoch | null = null;

  constructor(options: HarrisPriesterOptions = {}) {
    const n = options.exponent ?? 2;
    if (!(n >= 2 && n <= 6)) throw new RangeError(`Harris-Priester: exponent must be between 2 and 6, got ${String(n)}`);
    this.exponent = n;
    const t = options.table ?? HARRIS_PRIESTER_TABLE;
    if (t.length < 2) throw new RangeError('Harris-Priester: the table needs at least two heights');
    t.forEach((r, i) => {
      if (!(r.minKgM3 > 0 && r.maxKgM3 >= r.minKgM3)) throw new RangeError(`Harris-Priester: row ${i} needs 0 < minKgM3 ≤ maxKgM3`);
      if (i > 0 && !(r.heightKm > t[i - 1].heightKm)) throw new RangeError(`Harris-Priester: row ${i} height must increase`);
    });
    this.hM = Float64Array.from(t, (r) => r.heightKm * 1e3);
    this.rhoMin = Float64Array.from(t, (r) => r.minKgM3);
    this.rhoMax = Float64Array.from(t, (r) => r.maxKgM3);
    this.invHMin = new Float64Array(t.length - 1);
    this.invHMax = new Float64Array(t.length - 1);
    for (let i = 0; i < t.length - 1; i++) {
      const dh = this.hM[i] - this.hM[i + 1];
      this.invHMin[i] = Math.log(this.rhoMin[i + 1] / this.rhoMin[i]) / dh;
      this.invHMax[i] = Math.log(this.rhoMax[i + 1] / this.rhoMax[i]) / dh;
    }
  }

  /** Lowest and highest table heights, m. */
  get minAltitudeM(): number {
    return this.hM[0];
  }
  get maxAltitudeM(): number {
    return this.hM[this.hM.length - 1];
  }

  /** [antapex, apex] densities (kg/m³) at height `altitudeM` above the ellipsoid, into `out`. */
  densityBounds(altitudeM: number, out: Float64Array = new Float64Array(2)): Float64Array {
    const h = this.hM;
    if (!(altitudeM >= h[0])) {
      throw new RangeError(`Harris-Priester: altitude ${altitudeM / 1e3} km is below the model's ${h[0] / 1e3} km (or not a number)`);
    }
    if (altitudeM > h[h.length - 1]) {
      out[0] = 0;
      out[1] = 0;
      return out;
    }
    let i = h.length - 2;
    while (altitudeM < h[i]) i--;
    const dh = h[i] - altitudeM;
    out[0] = this.rhoMin[i] * Math.exp(dh * this.invHMin[i]);
    out[1] = this.rhoMax[i] * Math.exp(dh * this.invHMax[i]);
    return out;
  }

  /**
   * Density (kg/m³) at an Earth-fixed position (m) with the Sun's position in the same frame (any
   * length unit): the angle to the bulge apex only needs directions.
   */
  densityWithSun(positionEcefM: ArrayLike<number>, sunEcef: ArrayLike<number>): number {
    const alt = wgs84GeodeticFromEcef(positionEcefM, this.geodetic)[2];
    const b = this.densityBounds(alt, this.bounds);
    const rhoMin = b[0];
    const rhoMax = b[1];
    if (rhoMax === rhoMin) return rhoMin;
    // Apex direction: the Sun direction turned 30° east about the pole.
    const sx = sunEcef[0];
    const sy = sunEcef[1];
    const sz = sunEcef[2];
    const sn = Math.hypot(sx, sy, sz);
    const ax = (sx * COS_LAG - sy * SIN_LAG) / sn;
    const ay = (sx * SIN_LAG + sy * COS_LAG) / sn;
    const az = sz / sn;
    const x = positionEcefM[0];
    const y = positionEcefM[1];
    const z = positionEcefM[2];
    const cosPsi = (x * ax + y * ay + z * az) / Math.hypot(x, y, z);
    const half = Math.max(0, 0.5 * (1 + cosPsi)); // cos²(ψ/2)
    return rhoMin + (rhoMax - rhoMin) * Math.pow(half, 0.5 * this.exponent);
  }

  /**
   * Density (kg/m³) at an Earth-fixed position (m) at `epoch`. The Sun comes from
   * sunPositionTemeM, turned into the pseudo-Earth-fixed frame by GMST with UT1 = UTC (1 s of
   * UT1 − UTC turns the bulge by 0.004°; polar motion, < 1″, is neglected).
   */
  density(positionEcefM: ArrayLike<number>, epoch: Epoch, _spaceWeather?: AtmosphereSpaceWeather): number {
    this.sunAt(epoch);
    return this.densityWithSun(positionEcefM, this.sunEcef);
  }

  /** Earth-fixed Sun position (m) used for `epoch` (for tests and tools), written into out. */
  sunEcefAt(epoch: Epoch, out: Float64Array = new Float64Array(3)): Float64Array {
    this.sunAt(epoch);
    out.set(this.sunEcef);
    return out;
  }

  private sunAt(epoch: Epoch): void {
    if (this.sunEpoch === null || Math.abs(epoch.secondsSince(this.sunEpoch)) > SUN_REUSE_S) {
      sunPositionTemeM(epoch, this.sunTeme);
      this.sunEpoch = epoch;
    }
    const secondsOfDay = this.clock.secondsOfDay(epoch);
    const g = gmst82Rad(this.clock.mjdDay, Math.min(secondsOfDay, 86400));
    const c = Math.cos(g);
    const s = Math.sin(g);
    const t = this.sunTeme;
    this.sunEcef[0] = c * t[0] + s * t[1];
    this.sunEcef[1] = -s * t[0] + c * t[1];
    this.sunEcef[2] = t[2];
  }
}
