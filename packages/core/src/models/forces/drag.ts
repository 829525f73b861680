/**
 * Atmospheric drag with a co-rotating atmosphere:
 *
 *   v_rel = v − ω × r,   a = −½ ρ (Cd A/m) |v_rel| v_rel      (Montenbruck & Gill 2000, Eq. 3.97)
 *
 * in GCRF. ω = ω_E · p̂ where p̂ is the ITRF z axis expressed in GCRF — the third row of
 * ctx.gcrfToItrf — so precession–nutation and polar motion are honoured; the approximation is
 * that the atmosphere rotates rigidly with the Earth (no winds; real thermospheric winds of
 * 100–200 m/s change v_rel by ~2 %), and ω_E is ctx.earthRotationRadPerS.
 *
 * Density: AtmosphereModel.density(ctx.rItrfM, ctx.epoch, spaceWeather). The space-weather
 * lookup is cached per 3-hour UTC interval (the cadence of the ap index; F10.7 is daily), not
 * repeated at each call.
 */
import type { AtmosphereModel, AtmosphereSpaceWeather } from '../atmosphere/types.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { TT_MINUS_TAI_S } from '../../foundation/time/epoch.js';
import type { ForceContext, ForceModel } from './types.js';

/** Anything answering `at(epoch)` with F10.7, its 81-day mean and the 7-value Ap history. */
export interface DragSpaceWeatherSource {
  at(epoch: Epoch): AtmosphereSpaceWeather;
}

export type DragForceOptions = {
  atmosphere: AtmosphereModel;
  spaceWeather: DragSpaceWeatherSource;
} & (
  | {
      /** Drag coefficient (≈ 2.2 for a compact satellite in free molecular flow). */
      cd: number;
      /** Cross-section facing the flow, m²; the mass comes from ctx.massKg. */
      areaM2: number;
    }
  | {
      /** Ballistic coefficient m/(Cd A), kg/m² (fixed: ignores ctx.massKg). */
      ballisticCoefficientKgPerM2: number;
    }
);

const THREE_HOURS_S = 10800;

export class DragForce implements ForceModel {
  readonly name: string;
  readonly atmosphere: AtmosphereModel;
  readonly spaceWeather: DragSpaceWeatherSource;
  /** Cd·A, m² (NaN when a ballistic coefficient is given). */
  readonly cdAreaM2: number;
  /** m/(Cd A), kg/m² (NaN when Cd and A are given). */
  readonly ballisticCoefficientKgPerM2: number;

  private cacheKey = NaN;
  private ttMinusUtcS = NaN;
  private readonly weather = { f107: 0, f107a: 0, ap: new Float64Array(7) };

  constructor(options: DragForceOptions) {
    if (!options.atmosphere || typeof options.atmosphere.density !== 'function') {
      throw new TypeError('atmosphere: must be an AtmosphereModel with density()');
    }
    if (!options.spaceWeather || typeof options.spaceWeather.at !== 'function') {
      throw new TypeError('spaceWeather: must have at(epoch)');
    }
    this.atmosphere = options.atmosphere;
    this.spaceWeather = options.spaceWeather;
    if ('ballisticCoefficientKgPerM2' in options) {
      const b = options.ballisticCoefficientKgPerM2;
      if (!(b > 0)) throw new RangeError(`ballisticCoefficientKgPerM2: must be positive, got ${b}`);
      this.ballisticCoefficientKgPerM2 = b;
      this.cdAreaM2 = NaN;
    } else {
      if (!(options.cd > 0)) throw new RangeError(`cd: must be positive, got ${options.cd}`);
      if (!(options.areaM2 > 0)) throw new RangeError(`areaM2: must be positive, got ${options.areaM2}`);
      this.cdAreaM2 = options.cd * options.areaM2;
      this.ballisticCoefficientKgPerM2 = NaN;
    }
    this.name = `drag (${this.atmosphere.name})`;
  }

  /** Space weather for `epoch`, looked up once per 3-hour UTC interval. */
  weatherAt(epoch: Epoch): AtmosphereSpaceWeather {
    const tt = epoch.ttSecondsJ2000();
    // J2000 is 12:00, a multiple of 3 h, so floor(UTC seconds since J2000 / 3 h) counts UTC 3-hour intervals.
    let key = Number.isNaN(this.ttMinusUtcS) ? NaN : Math.floor((tt - this.ttMinusUtcS) / THREE_HOURS_S);
    if (key !== this.cacheKey) {
      this.ttMinusUtcS = epoch.taiMinusUtcSeconds() + TT_MINUS_TAI_S;
      key = Math.floor((tt - this.ttMinusUtcS) / THREE_HOURS_S);
      const w = this.spaceWeather.at(epoch);
      this.weather.f107 = w.f107;
      this.weather.f107a = w.f107a;
      for (let i = 0; i < 7; i++) this.weather.ap[i] = w.ap[i];
      this.cacheKey = key;
    }
    return this.weather;
  }

  /** Density at the context's position and epoch, kg/m³. */
  densityKgPerM3(ctx: ForceContext): number {
    return this.atmosphere.density(ctx.rItrfM, ctx.epoch, this.weatherAt(ctx.epoch));
  }

  addAcceleration(ctx: ForceContext, out: Float64Array): void {
    const rho = this.densityKgPerM3(ctx);
    if (!(rho > 0)) return;
    const r = ctx.rGcrfM;
    const v = ctx.vGcrfMps;
    const m = ctx.gcrfToItrf;
    const w = ctx.earthRotationRadPerS;
    const wx = w * m[6];
    const wy = w * m[7];
    const wz = w * m[8];
    // v_rel = v − ω × r
    const vx = v[0] - (wy * r[2] - wz * r[1]);
    const vy = v[1] - (wz * r[0] - wx * r[2]);
    const vz = v[2] - (wx * r[1] - wy * r[0]);
    const speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
    const inverseB = Number.isNaN(this.cdAreaM2) ? 1 / this.ballisticCoefficientKgPerM2 : this.cdAreaM2 / ctx.massKg;
    const k = -0.5 * rho * inverseB * speed;
    out[0] += k * vx;
    out[1] += k * vy;
    out[2] += k * vz;
  }
}
