/**
 * What a scenario run needs from the data directory: the NRLMSISE-00 coefficients (required) and
 * the CelesTrak space-weather file (needed only for `space_weather: forecast`). Shared by the CLI
 * (`stationkeeper scenario run`) and the server's scenario job, so both run the same model.
 */
import { readFileSync } from 'node:fs';
import {
  AveragedDecayModel,
  createNrlmsise00,
  loadNrlmsise00Coefficients,
  parseCelestrakSpaceWeatherCsv,
  TabulatedSpaceWeather,
  type ScenarioDeps,
} from '../index.js';
import { optionalDataFile, requireDataFile } from './dataDir.js';

/** NRLMSISE-00 coefficient file inside the data directory (`stationkeeper data fetch --only msis`). */
export const SCENARIO_MSIS_COEFFICIENTS_PATH = 'nrlmsise/nrlmsise00-coefficients.json';
/** CelesTrak space weather inside the data directory (`stationkeeper data fetch --only spaceweather`). */
export const SCENARIO_SPACE_WEATHER_PATH = 'spaceweather/SW-All.csv';

export type ScenarioDecayChoice = 'circular' | 'averaged';

/**
 * Atmosphere and space weather from the data directory. Throws MissingDataFileError (naming the
 * file and the fetch command) when the MSIS coefficients are missing; the space weather is left
 * undefined when its file is absent (`space_weather: model` and `constant` run without it).
 * `relativeNames` names the files relative to the data directory in the results (the server does
 * not show its paths to clients).
 */
export function scenarioDeps(dataDir: string, decay: ScenarioDecayChoice = 'circular', options: { relativeNames?: boolean } = {}): ScenarioDeps {
  const msisPath = requireDataFile(dataDir, SCENARIO_MSIS_COEFFICIENTS_PATH);
  const atmosphere = createNrlmsise00(loadNrlmsise00Coefficients(JSON.parse(readFileSync(msisPath, 'utf8')) as unknown));
  const swPath = optionalDataFile(dataDir, SCENARIO_SPACE_WEATHER_PATH);
  const spaceWeather = swPath ? new TabulatedSpaceWeather(parseCelestrakSpaceWeatherCsv(readFileSync(swPath, 'utf8'), options.relativeNames ? SCENARIO_SPACE_WEATHER_PATH : swPath)) : undefined;
  return { atmosphere, spaceWeather, decayModel: decay === 'averaged' ? (a, s) => new AveragedDecayModel(a, s) : undefined };
}
