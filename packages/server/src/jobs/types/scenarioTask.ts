/**
 * Worker side of the `scenario` job: validate the definition again (plain data crossed the thread
 * boundary), load the data directory's atmosphere and space weather (cached per worker while the
 * files are unchanged), run the engine with progress.
 */
import { statSync } from 'node:fs';
import { runScenario, validateScenario, type ScenarioDeps, type ScenarioResult } from '@stationkeeper/core';
import { dataFilePath, scenarioDeps, MSIS_COEFFICIENTS_PATH, SPACE_WEATHER_PATH, type ScenarioDecayChoice } from '@stationkeeper/runtime';

export interface ScenarioTaskInput {
  definition: unknown;
  dataDir: string;
  decay: ScenarioDecayChoice;
  sampleEveryDays: number;
}

let cached: { key: string; deps: ScenarioDeps } | undefined;

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

function depsFor(dataDir: string, decay: ScenarioDecayChoice): ScenarioDeps {
  const key = [dataDir, decay, mtime(dataFilePath(dataDir, MSIS_COEFFICIENTS_PATH)), mtime(dataFilePath(dataDir, SPACE_WEATHER_PATH))].join('|');
  if (cached?.key !== key) cached = { key, deps: scenarioDeps(dataDir, decay, { relativeNames: true }) };
  return cached.deps;
}

export function runScenarioTask(input: ScenarioTaskInput, report: (fraction: number, message?: string) => void): ScenarioResult {
  const scenario = validateScenario(input.definition, 'scenario');
  report(0, 'loading atmosphere and space weather');
  const deps = depsFor(input.dataDir, input.decay);
  return runScenario(scenario, deps, {
    sampleEveryDays: input.sampleEveryDays,
    onProgress: (fraction, epochUtc, stage) => report(fraction * 0.98, stage ?? `simulated to ${epochUtc.slice(0, 10)}`),
  });
}
