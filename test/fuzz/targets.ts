/**
 * One fuzz target per input format: read the text the way the product does, then use what was
 * accepted (SGP4 from element sets, Pc from CDMs, force models at an ISS state, scenario
 * validation) so that values which parse but poison the physics are caught as silent NaN.
 *
 * Outcomes: accepted; rejected (the library's own typed error: FormatError, ScenarioError,
 * RunConfigError, ForceConfigError, StateFileError, Sgp4Error, or a conjunction RangeError with its own
 * message); crashed (anything else: TypeError, a stack overflow, a foreign library's error);
 * silent-nan (accepted, but a non-finite number came out with no error).
 */
import {
  buildForceModels,
  collisionProbability,
  conjunctionStatesFromCdm,
  ExponentialAtmosphere,
  ForceConfigError,
  FormatError,
  identity,
  parseCdmKvn,
  parseCdmXml,
  parseOem,
  parseOmmJson,
  parseOmmKvn,
  parseOmmXml,
  parseRunConfig,
  parseStateFile,
  StateFileError,
  parseScenarioText,
  parseTle,
  RunConfigError,
  ScenarioError,
  Sgp4Error,
  Sgp4Propagator,
  Epoch,
  type Cdm,
  type ForceContext,
  type MeanElements,
  type ParseResult,
} from '@stationkeeper/core';
import * as seeds from './seeds.js';

export type Outcome = 'accepted' | 'rejected' | 'silent-nan';

export interface FuzzTarget {
  name: string;
  seeds: () => string[];
  /** Reads and uses `text`; returns the outcome or throws (classified by {@link classifyThrow}). */
  run: (text: string) => Outcome;
}

/** Errors of a foreign origin or of the engine itself, not a refusal the library meant. */
const ENGINE_FAILURE = /call stack|invalid (array|string) length|too large|out of memory/i;

/** 'rejected' for the library's typed refusals, 'crashed' for everything else. */
export function classifyThrow(e: unknown): 'rejected' | 'crashed' {
  if (e instanceof FormatError || e instanceof ScenarioError || e instanceof RunConfigError || e instanceof ForceConfigError || e instanceof Sgp4Error || e instanceof StateFileError) return 'rejected';
  // The conjunction code refuses impossible geometry with RangeErrors that say what is wrong.
  if (e instanceof RangeError && !ENGINE_FAILURE.test(e.message)) return 'rejected';
  return 'crashed';
}

const finite = (xs: ArrayLike<number>): boolean => Array.prototype.every.call(xs, Number.isFinite) as boolean;

/** Element sets: each accepted record must give a finite state at epoch and a day later, or an Sgp4Error. */
function useElements(result: ParseResult<MeanElements>): Outcome {
  for (const e of result.errors) if (!(e instanceof FormatError)) throw e;
  if (result.records.length === 0) return 'rejected';
  const out = new Float64Array(6);
  for (const r of result.records.slice(0, 4)) {
    for (const v of [r.meanMotionRevPerDay, r.eccentricity, r.inclinationDeg, r.raanDeg, r.argPerigeeDeg, r.meanAnomalyDeg, r.bstar]) if (!Number.isFinite(v)) return 'silent-nan';
    const p = Sgp4Propagator.fromElements(r);
    for (const t of [0, 1440]) {
      const code = p.tryPropagateMinutes(t, out);
      if (code === 0 && !finite(out)) return 'silent-nan';
    }
  }
  return 'accepted';
}

function useCdm(cdm: Cdm): Outcome {
  const [a, b] = conjunctionStatesFromCdm(cdm);
  const r = collisionProbability(a, b, cdm.hardBodyRadiusM ?? 10);
  const e = r.encounter;
  return finite([r.pc, e.sigmaXM, e.sigmaYM, e.xM, e.yM, r.plane.missDistanceM]) ? 'accepted' : 'silent-nan';
}

const ATMOSPHERE = new ExponentialAtmosphere();
const SPACE_WEATHER = { at: () => ({ f107: 150, f107a: 150, ap: [15, 15, 15, 15, 15, 15, 15] }) };

/** An ISS-like state for evaluating the force models that a configuration builds. */
function issContext(): ForceContext {
  const r = Float64Array.of(6778137, 0, 0);
  return {
    tSeconds: 0,
    epoch: Epoch.fromIso('2022-07-15T12:00:00Z'),
    rGcrfM: r,
    vGcrfMps: Float64Array.of(0, 5427, 5427),
    massKg: 450000,
    gcrfToItrf: identity(new Float64Array(9)),
    rItrfM: r,
    earthRotationRadPerS: 7.292115e-5,
    sunGcrfM: Float64Array.of(1.496e11, 0, 0),
    moonGcrfM: Float64Array.of(0, 3.844e8, 0),
  };
}

function useForces(text: string): Outcome {
  const config = parseRunConfig(text, 'fuzz.json');
  const gravity = config.forces.gravity as Record<string, unknown> | undefined;
  // Gravity files are data-directory files: stand in the closed-form J2 model for them.
  const forces = gravity && typeof gravity === 'object' && (Array.isArray(gravity.model) || String(gravity.model).endsWith('.gfc')) ? { ...config.forces, gravity: { model: 'j2' } } : config.forces;
  const built = buildForceModels(forces, { atmospheres: { nrlmsise00: ATMOSPHERE, exponential: ATMOSPHERE, 'harris-priester': ATMOSPHERE }, spaceWeather: SPACE_WEATHER });
  const ctx = issContext();
  if (config.massKg !== undefined) ctx.massKg = config.massKg;
  const acc = new Float64Array(3);
  for (const m of built.models) m.addAcceleration(ctx, acc);
  return finite(acc) ? 'accepted' : 'silent-nan';
}

function useScenario(text: string): Outcome {
  const s = parseScenarioText(text, 'fuzz.yaml');
  const numbers = [s.start.secondsSince(s.end), s.orbit.meanAltitudeM, s.policy.minAltitudeM, s.policy.maxAltitudeM, s.station.massKg, s.station.dragAreaM2, ...s.events.map((e) => e.epoch.secondsSince(s.start))];
  return finite(numbers) ? 'accepted' : 'silent-nan';
}

export const FUZZ_TARGETS: FuzzTarget[] = [
  { name: 'TLE/3LE', seeds: seeds.tleSeeds, run: (t) => useElements(parseTle(t, { fileName: 'fuzz.tle' })) },
  { name: 'OMM KVN', seeds: seeds.ommKvnSeeds, run: (t) => useElements(parseOmmKvn(t, { fileName: 'fuzz.kvn' })) },
  { name: 'OMM XML', seeds: seeds.ommXmlSeeds, run: (t) => useElements(parseOmmXml(t, { fileName: 'fuzz.xml' })) },
  { name: 'OMM JSON', seeds: seeds.ommJsonSeeds, run: (t) => useElements(parseOmmJson(t, { fileName: 'fuzz.json' })) },
  {
    name: 'OEM',
    seeds: seeds.oemSeeds,
    run: (t) => {
      const oem = parseOem(t, 'fuzz.oem');
      return oem.segments.every((s) => finite(s.positionsM) && finite(s.velocitiesMps)) ? 'accepted' : 'silent-nan';
    },
  },
  { name: 'CDM KVN', seeds: seeds.cdmKvnSeeds, run: (t) => useCdm(parseCdmKvn(t, 'fuzz.cdm')) },
  { name: 'CDM XML', seeds: seeds.cdmXmlSeeds, run: (t) => useCdm(parseCdmXml(t, 'fuzz.xml')) },
  { name: 'scenario YAML', seeds: seeds.scenarioYamlSeeds, run: useScenario },
  { name: 'scenario JSON', seeds: seeds.scenarioJsonSeeds, run: useScenario },
  { name: 'forces config', seeds: seeds.forcesSeeds, run: useForces },
  {
    name: 'state file',
    seeds: seeds.stateFileSeeds,
    run: (t) => {
      const s = parseStateFile(t, 'fuzz.json');
      return finite([...s.rM, ...s.vMps, s.massKg, s.epoch.taiMjdDay]) ? 'accepted' : 'silent-nan';
    },
  },
];

export interface CaseResult {
  outcome: Outcome | 'crashed';
  ms: number;
  error?: unknown;
}

/** Run one input through a target, timing it and classifying what it threw. */
export function runCase(target: FuzzTarget, text: string): CaseResult {
  const t0 = performance.now();
  try {
    const outcome = target.run(text);
    return { outcome, ms: performance.now() - t0 };
  } catch (e) {
    return { outcome: classifyThrow(e), ms: performance.now() - t0, error: e };
  }
}
