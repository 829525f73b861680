import type { Epoch } from '../time/epoch.js';

/**
 * Where a space-weather value came from, from most to least trustworthy:
 * - `observed`: measured indices (CelesTrak OBS rows, CSSI OBSERVED rows with flux qualifier 0);
 * - `interpolated`: the F10.7 of a used day was filled by CelesTrak (CSV INT rows, CSSI flux
 *   qualifier ≠ 0) while its Kp/ap were observed;
 * - `predicted-daily`: NOAA/SWPC 45-day forecast (CSV PRD rows, CSSI DAILY_PREDICTED);
 * - `predicted-monthly`: monthly predictions interpolated to the day (CSV PRM rows, CSSI
 *   MONTHLY_PREDICTED);
 * - `model`: beyond the file's end, the solar-cycle model (docs/space-weather.md).
 */
export type SpaceWeatherKind = 'observed' | 'interpolated' | 'predicted-daily' | 'predicted-monthly' | 'model';

/** Kinds in order of decreasing trust; a lookup reports the least trustworthy kind it used. */
export const SPACE_WEATHER_KINDS: readonly SpaceWeatherKind[] = Object.freeze([
  'observed',
  'interpolated',
  'predicted-daily',
  'predicted-monthly',
  'model',
]);

/**
 * Solar and geomagnetic activity at one instant, as a space-weather source delivers it
 * (DESIGN.md: `SpaceWeatherSource.at(epoch) → {f107, f107a, ap[7]}`).
 */
export interface AtmosphereSpaceWeather {
  /** Observed F10.7 flux of the previous day, solar flux units (1e-22 W m⁻² Hz⁻¹). */
  readonly f107: number;
  /** 81-day average of observed F10.7 centred on the day, solar flux units. */
  readonly f107a: number;
  /**
   * Ap history, 7 values (the NRLMSISE-00 `ap_array` layout):
   * [0] daily Ap; [1] 3-h ap now; [2] 3 h before; [3] 6 h before; [4] 9 h before;
   * [5] mean of the eight 3-h ap from 12 to 33 h before; [6] mean from 36 to 57 h before.
   */
  readonly ap: ArrayLike<number>;
}

/** The NRLMSISE-00 activity inputs at one instant, with the kind of data they come from. */
export interface SpaceWeatherValues extends AtmosphereSpaceWeather {
  /** Observed (not 1-AU adjusted) F10.7 of the previous UTC day, sfu. */
  f107: number;
  /** 81-day average of observed F10.7 centred on the UTC day, sfu. */
  f107a: number;
  /** The 7-entry NRLMSISE-00 Ap array (see AtmosphereSpaceWeather.ap). */
  readonly ap: Float64Array;
  kind: SpaceWeatherKind;
}

/** A fresh, reusable result object for `SpaceWeatherSource.atInto`. */
export function emptySpaceWeatherValues(): SpaceWeatherValues {
  return { f107: NaN, f107a: NaN, ap: new Float64Array(7), kind: 'observed' };
}

/** F10.7/Ap history and forecast behind one lookup (DESIGN.md). */
export interface SpaceWeatherSource {
  /** Short description, e.g. "CelesTrak SW-All.csv". */
  readonly name: string;
  /** NRLMSISE-00 inputs at `epoch` in a new object. */
  at(epoch: Epoch): SpaceWeatherValues;
  /** As `at`, written into `out` without allocating (for propagation loops). */
  atInto(epoch: Epoch, out: SpaceWeatherValues): SpaceWeatherValues;
}
