/**
 * A numerical propagator for a run configuration (examples/forces/*.json), its data files taken
 * from the data directory: the gravity field the configuration names (or the first of its
 * candidates present), NRLMSISE-00 coefficients (else the embedded table) and SW-All.csv for
 * drag. Used by `stationkeeper propagate` and the propagator benchmark.
 */
import {
  buildForceModels,
  dragAtmosphereName,
  ExponentialAtmosphere,
  gravityFileCandidates,
  HarrisPriesterAtmosphere,
  NumericalPropagator,
  withGravityFile,
  type AtmosphereModel,
  type EopSource,
  type ForceModelDeps,
  type OrbitState,
  type RunConfig,
} from '@stationkeeper/core';
import { loadAtmosphere, loadGravity, loadSpaceWeather } from './loaders.js';

/** The configuration asks for something this build cannot give; the message starts with its field (`forces.…`). */
export class RunConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunConfigError';
  }
}

export interface BuiltPropagator {
  readonly propagator: NumericalPropagator;
  /** One line per force model, e.g. `gravity EGM96.gfc 70×70`. */
  readonly forceSummary: string[];
  /** The configuration, its gravity model resolved to the file used. */
  readonly config: RunConfig;
}

/**
 * Forces and integrator of `config` for a run starting at `initial` (time-variable gravity terms
 * are evaluated at its epoch). Throws MissingDataFileError for an absent data file and
 * RunConfigError for a force model that cannot be built.
 */
export function buildPropagator(config: RunConfig, initial: OrbitState, dataDir: string, eop?: EopSource): BuiltPropagator {
  const candidates = gravityFileCandidates(config);
  const gravity = candidates.length > 0 ? loadGravity(dataDir, candidates) : undefined;
  const deps = dragDeps(config, dataDir);
  if (gravity) {
    config = withGravityFile(config, gravity.fileName);
    deps.gravityFileTexts = { [gravity.fileName]: gravity.text };
    deps.gravityEpoch = initial.epoch;
  }
  let built;
  try {
    built = buildForceModels(config.forces, deps);
  } catch (e) {
    throw new RunConfigError(`forces.${(e as Error).message}`);
  }
  const it = config.integrator;
  const propagator = new NumericalPropagator({
    forces: built.models,
    integrator: it.method,
    ...(it.rtol !== undefined ? { rtol: it.rtol } : {}),
    ...(it.atol !== undefined ? { atol: it.atol } : {}),
    ...(it.stepS !== undefined ? { fixedStepS: it.stepS } : {}),
    ...(it.maxStepS !== undefined ? { maxStepS: it.maxStepS } : {}),
    eop,
    needsSun: built.needsSun,
    needsMoon: built.needsMoon,
  });
  return { propagator, forceSummary: built.summary, config };
}

/** Atmospheres and space weather the configuration's drag needs (SW-All.csv is required then). */
function dragDeps(config: RunConfig, dataDir: string): ForceModelDeps {
  const atmosphereName = dragAtmosphereName(config);
  if (atmosphereName === undefined) return {};
  const atmospheres: Record<string, AtmosphereModel> = {};
  if (atmosphereName === 'nrlmsise00') atmospheres.nrlmsise00 = loadAtmosphere(dataDir).model;
  else if (atmosphereName === 'exponential') atmospheres.exponential = new ExponentialAtmosphere();
  else if (atmosphereName === 'harris-priester') atmospheres['harris-priester'] = new HarrisPriesterAtmosphere();
  else throw new RunConfigError(`forces.drag.atmosphere: must be "nrlmsise00", "harris-priester" or "exponential", got ${JSON.stringify(atmosphereName)}`);
  return { atmospheres, spaceWeather: loadSpaceWeather(dataDir, { required: true }).source };
}
