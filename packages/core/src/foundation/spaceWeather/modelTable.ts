/**
 * A space-weather table filled from the solar-cycle model instead of a file: the stand-in when
 * the data directory holds no SW-All.csv, so that the re-entry and lifetime predictions, which
 * read a table, still run offline. Every day is marked interpolated (DAY_INTERPOLATED, values
 * filled in rather than measured) so the as-of snapshot accepts it as history; nothing in it was
 * observed, and its name says so wherever the table's source is shown.
 */
import { SolarCycleModel } from './solarCycle.js';
import { DAY_INTERPOLATED, SpaceWeatherTableBuilder, type SpaceWeatherTable } from './table.js';

/** Source name shown for a model table (reports, JSON `space_weather.source`). */
export const SOLAR_CYCLE_TABLE_NAME = 'solar-cycle model (no space-weather file)';

/** Daily rows for UTC MJD days firstMjd … lastMjd (inclusive) from `model`. */
export function solarCycleTable(firstMjd: number, lastMjd: number, model: SolarCycleModel = new SolarCycleModel()): SpaceWeatherTable {
  if (!(Number.isInteger(firstMjd) && Number.isInteger(lastMjd) && lastMjd >= firstMjd)) {
    throw new RangeError(`solarCycleTable: need whole MJD days firstMjd ≤ lastMjd, got ${firstMjd} … ${lastMjd}`);
  }
  // Daily F10.7 with 40 days either side, then the 81-day centred mean as a running sum
  // (the same mean as SolarCycleModel.f107ObservedCenter81OfDay, without 81 evaluations a day).
  const half = 40;
  const daily = new Float64Array(lastMjd - firstMjd + 1 + 2 * half);
  for (let i = 0; i < daily.length; i++) daily[i] = model.f107ObservedOfDay(firstMjd - half + i);
  let windowSum = 0;
  for (let i = 0; i < 2 * half + 1; i++) windowSum += daily[i];
  const builder = new SpaceWeatherTableBuilder(SOLAR_CYCLE_TABLE_NAME);
  const ap3h = new Float64Array(8);
  for (let mjd = firstMjd; mjd <= lastMjd; mjd++) {
    const k = mjd - firstMjd;
    if (k > 0) windowSum += daily[k + 2 * half] - daily[k - 1];
    const apDaily = model.apDailyOfDay(mjd);
    ap3h.fill(apDaily);
    builder.addDaily({ mjd, kind: DAY_INTERPOLATED, ap3h, apDaily, f107Obs: daily[k + half], f107ObsCenter81: windowSum / (2 * half + 1) }, k + 1, String(mjd));
  }
  return builder.build();
}
