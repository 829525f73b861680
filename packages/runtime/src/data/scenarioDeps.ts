/**
 * What a scenario run needs from the data directory: the NRLMSISE-00 coefficients (the embedded
 * table when the directory has none) and the CelesTrak space-weather file for
 * `space_weather: forecast` (the solar-cycle model, with a note in the result, when it is
 * missing). Shared by the CLI (`stationkeeper scenario run`) and the server's scenario job, so
 * both run the same model.
 */
import {
  AveragedDecayModel,
  ensembleReentry,
  lifetimeReentry,
  SCENARIO_REENTRY_MEMBERS,
  type ScenarioDeps,
} from '@stationkeeper/core';
import { loadAtmosphere, loadSpaceWeather } from './loaders.js';

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
  const msis = loadAtmosphere(dataDir);
  const weather = loadSpaceWeather(dataDir, { names: options.relativeNames ? 'relative' : 'absolute' });
  const spaceWeather = weather.source;
  return {
    atmosphere: msis.model,
    spaceWeather,
    spaceWeatherNote: weather.note,
    decayModel: decay === 'averaged' ? (a, s) => new AveragedDecayModel(a, s) : undefined,
    reentry: (a, sw) =>
      members > 0 && sw === spaceWeather ? ensembleReentry({ spaceWeatherTable: weather.table, msisCoefficients: msis.json, members }) : lifetimeReentry(a, sw, 'averaged'),
  };
}
