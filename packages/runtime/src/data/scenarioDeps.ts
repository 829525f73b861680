/**
 * What a scenario run needs from the data directory: the NRLMSISE-00 coefficients (the embedded
 * table when the directory has none) and the CelesTrak space-weather file for
 * `space_weather: forecast` (the solar-cycle model, with a note in the result, when it is
 * missing). Shared by the CLI (`stationkeeper scenario run`) and the server's scenario job, so
 * both run the same model.
 */
import { readFileSync } from 'node:fs';
import {
  AveragedDecayModel,
  createNrlmsise00,
  ensembleReentry,
  lifetimeReentry,
  loadNrlmsise00Coefficients,
  parseCelestrakSpaceWeatherCsv,
  SCENARIO_REENTRY_MEMBERS,
  SolarCycleSpaceWeather,
  TabulatedSpaceWeather,
  type ScenarioDeps,
} from '@stationkeeper/core';
import { optionalDataFile } from './dataDir.js';
import { MSIS_COEFFICIENTS_PATH, msisCoefficientsFrom, solarCycleStandInTable, SPACE_WEATHER_FALLBACK_NOTE, SPACE_WEATHER_PATH } from './embeddedDefaults.js';

/** NRLMSISE-00 coefficient file inside the data directory (`stationkeeper data fetch --only msis`). */
export const SCENARIO_MSIS_COEFFICIENTS_PATH = MSIS_COEFFICIENTS_PATH;
/** CelesTrak space weather inside the data directory (`stationkeeper data fetch --only spaceweather`). */
export const SCENARIO_SPACE_WEATHER_PATH = SPACE_WEATHER_PATH;

export type ScenarioDecayChoice = 'circular' | 'averaged';

export interface ScenarioDepsOptions {
  /** Name the files relative to the data directory in the results (the server does not show its paths to clients). */
  relativeNames?: boolean;
  /**
   * Members of the re-entry ensemble that gives the window (default SCENARIO_REENTRY_MEMBERS);
   * 0: nominal date only (decay.predictLifetime, window pending).
   */
  reentryMembers?: number;
}

/**
 * Atmosphere and space weather from the data directory, embedded defaults where it has none:
 * the NRLMSISE-00 table shipped in the package, and the solar-cycle model (noted in the result)
 * for `space_weather: forecast` when SW-All.csv is absent.
 *
 * Re-entry: the Monte Carlo window (ensembleReentry: forecast as of the prediction state's day)
 * when the scenario runs on the file's space weather (`space_weather: forecast`) and
 * `reentryMembers` > 0; otherwise the nominal date only (the ensemble's forecast would not be
 * the model/constant space weather the scenario asked for).
 */
export function scenarioDeps(dataDir: string, decay: ScenarioDecayChoice = 'circular', options: ScenarioDepsOptions = {}): ScenarioDeps {
  const members = options.reentryMembers ?? SCENARIO_REENTRY_MEMBERS;
  if (!(Number.isInteger(members) && members >= 0)) throw new RangeError(`reentryMembers: must be a whole number ≥ 0, got ${members}`);
  const msisCoefficients = msisCoefficientsFrom(dataDir).json;
  const atmosphere = createNrlmsise00(loadNrlmsise00Coefficients(msisCoefficients));
  const swPath = optionalDataFile(dataDir, SCENARIO_SPACE_WEATHER_PATH);
  const table = swPath ? parseCelestrakSpaceWeatherCsv(readFileSync(swPath, 'utf8'), options.relativeNames ? SCENARIO_SPACE_WEATHER_PATH : swPath) : undefined;
  const spaceWeather = table ? new TabulatedSpaceWeather(table) : new SolarCycleSpaceWeather();
  return {
    atmosphere,
    spaceWeather,
    spaceWeatherNote: table ? undefined : SPACE_WEATHER_FALLBACK_NOTE,
    decayModel: decay === 'averaged' ? (a, s) => new AveragedDecayModel(a, s) : undefined,
    reentry: (a, sw) =>
      members > 0 && sw === spaceWeather ? ensembleReentry({ spaceWeatherTable: table ?? solarCycleStandInTable(), msisCoefficients, members }) : lifetimeReentry(a, sw, 'averaged'),
  };
}
