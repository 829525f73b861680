/**
 * Stand-ins for data-directory files that may be missing (DESIGN.md "Data"): the solar-cycle
 * model for SW-All.csv, and what the output says when it stood in. The embedded NRLMSISE-00
 * table lives in core (atmosphere/nrlmsise00/embeddedCoefficients.ts); loaders.ts picks one or
 * the other.
 */
import { SOLAR_CYCLE_TABLE_NAME, solarCycleTable, type SpaceWeatherTable } from '@stationkeeper/core';

/** Said wherever the solar-cycle model stands in for SW-All.csv. */
export const SPACE_WEATHER_FALLBACK_NOTE =
  'no space-weather file in the data directory: the solar-cycle model stands in for observed and forecast solar activity (run `stationkeeper data fetch --only spaceweather` for the real record)';

/** UTC MJD of 1990-01-01 and 2070-01-01: the span the stand-in table covers. */
const STAND_IN_FIRST_MJD = 47892;
const STAND_IN_LAST_MJD = 77112;
let standIn: SpaceWeatherTable | undefined;

/** The solar-cycle model as a daily table over 1990 … 2070 (built once), for SW-All.csv's place. */
export function solarCycleStandInTable(): SpaceWeatherTable {
  standIn ??= solarCycleTable(STAND_IN_FIRST_MJD, STAND_IN_LAST_MJD);
  return standIn;
}

export { SOLAR_CYCLE_TABLE_NAME };
