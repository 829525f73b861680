/**
 * Data-directory files with an embedded default (DESIGN.md "Data"): the file wins when it is
 * there, else the copy shipped in the package is used and the caller is told which, so that a
 * fresh clone runs offline and the output can say what it ran on.
 */
import { readFileSync } from 'node:fs';
import {
  NRLMSISE00_EMBEDDED_COEFFICIENTS,
  parseCelestrakSpaceWeatherCsv,
  SOLAR_CYCLE_TABLE_NAME,
  solarCycleTable,
  type SpaceWeatherTable,
} from '@stationkeeper/core';
import { optionalDataFile } from './dataDir.js';

/** NRLMSISE-00 coefficients inside the data directory (`stationkeeper data fetch --only msis`). */
export const MSIS_COEFFICIENTS_PATH = 'nrlmsise/nrlmsise00-coefficients.json';
/** CelesTrak space weather inside the data directory (`stationkeeper data fetch --only spaceweather`). */
export const SPACE_WEATHER_PATH = 'spaceweather/SW-All.csv';

/** Said wherever the solar-cycle model stands in for SW-All.csv. */
export const SPACE_WEATHER_FALLBACK_NOTE =
  'no space-weather file in the data directory: the solar-cycle model stands in for observed and forecast solar activity (run `stationkeeper data fetch --only spaceweather` for the real record)';

export interface MsisCoefficientsSource {
  /** Parsed coefficient JSON (for loadNrlmsise00Coefficients / the re-entry ensemble). */
  readonly json: unknown;
  /** True when the data directory's file was used. */
  readonly fromDataDir: boolean;
}

/** The data directory's NRLMSISE-00 coefficients when present, else the embedded table. */
export function msisCoefficientsFrom(dataDir: string): MsisCoefficientsSource {
  const path = optionalDataFile(dataDir, MSIS_COEFFICIENTS_PATH);
  if (!path) return { json: NRLMSISE00_EMBEDDED_COEFFICIENTS, fromDataDir: false };
  return { json: JSON.parse(readFileSync(path, 'utf8')) as unknown, fromDataDir: true };
}

/** UTC MJD of 1990-01-01 and 2070-01-01: the span the stand-in table covers. */
const STAND_IN_FIRST_MJD = 47892;
const STAND_IN_LAST_MJD = 77112;
let standIn: SpaceWeatherTable | undefined;

/** The solar-cycle model as a daily table over 1990 … 2070 (built once), for SW-All.csv's place. */
export function solarCycleStandInTable(): SpaceWeatherTable {
  standIn ??= solarCycleTable(STAND_IN_FIRST_MJD, STAND_IN_LAST_MJD);
  return standIn;
}

export interface SpaceWeatherTableSource {
  readonly table: SpaceWeatherTable;
  /** True when the data directory's SW-All.csv was used; false: the solar-cycle stand-in. */
  readonly fromDataDir: boolean;
}

/** SW-All.csv from the data directory (`label` names it in messages; default its path), else the solar-cycle stand-in. */
export function spaceWeatherTableFrom(dataDir: string, label?: string): SpaceWeatherTableSource {
  const path = optionalDataFile(dataDir, SPACE_WEATHER_PATH);
  if (path) return { table: parseCelestrakSpaceWeatherCsv(readFileSync(path, 'utf8'), label ?? path), fromDataDir: true };
  return { table: solarCycleStandInTable(), fromDataDir: false };
}

export { SOLAR_CYCLE_TABLE_NAME };
