/**
 * What a scenario run needs from the data directory: the NRLMSISE-00 coefficients (required) and
 * the CelesTrak space-weather file (needed only for `space_weather: forecast`). Shared by the CLI
 * (`stationkeeper scenario run`) and the server's scenario job, so both run the same model.
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
  TabulatedSpaceWeather,
  type ScenarioDeps,
} from '../index.js';
import { optionalDataFile, requireDataFile } from './dataDir.js';

/** NRLMSISE-00 coefficient file inside the data directory (`stationkeeper data fetch --only msis`). */
export const SCENARIO_MSIS_COEFFICIENTS_PATH = 'nrlmsise/nrlmsise00-coefficients.json';
/** CelesTrak space weather inside the data directory (`stationkeeper data fetch --only spaceweather`). */
export const SCENARIO_SPACE_WEATHER_PATH = 'spaceweather/SW-All.csv';

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
 * Atmosphere and space weather from the data directory. Throws MissingDataFileError (naming the
 * file and the fetch command) when the MSIS coefficients are missing; the space weather is left
 * undefined when its file is absent (`space_weather: model` and `constant` run without it).
 *
 * Re-entry: the Monte Carlo window (ensembleReentry: forecast as of the prediction state's day)
 * when the scenario runs on the file's space weather (`space_weather: forecast`) and
 * `reentryMembers` > 0; otherwise the nominal date only (the ensemble's forecast would not be
 * the model/constant space weather the scenario asked for).
 */
export function scenarioDeps(dataDir: string, decay: ScenarioDecayChoice = 'circular', options: ScenarioDepsOptions = {}): ScenarioDeps {
  const members = options.reentryMembers ?? SCENARIO_REENTRY_MEMBERS;
  if (!(Number.isInteger(members) && members >= 0)) throw new RangeError(`reentryMembers: must be a whole number ≥ 0, got ${members}`);
  const msisPath = requireDataFile(dataDir, SCENARIO_MSIS_COEFFICIENTS_PATH);
  const msisCoefficients = JSON.parse(readFileSync(msisPath, 'utf8')) as unknown;
  const atmosphere = createNrlmsise00(loadNrlmsise00Coefficients(msisCoefficients));
  const swPath = optionalDataFile(dataDir, SCENARIO_SPACE_WEATHER_PATH);
  const table = swPath ? parseCelestrakSpaceWeatherCsv(readFileSync(swPath, 'utf8'), options.relativeNames ? SCENARIO_SPACE_WEATHER_PATH : swPath) : undefined;
  const spaceWeather = table ? new TabulatedSpaceWeather(table) : undefined;
  return {
    atmosphere,
    spaceWeather,
    decayModel: decay === 'averaged' ? (a, s) => new AveragedDecayModel(a, s) : undefined,
    reentry: (a, sw) => (table && members > 0 && sw === spaceWeather ? ensembleReentry({ spaceWeatherTable: table, msisCoefficients, members }) : lifetimeReentry(a, sw, 'averaged')),
  };
}
