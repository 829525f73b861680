/**
 * One fuzz target per input format: read the text the way the product does, then use what was
 * accepted (SGP4 from element sets, Pc from CDMs, force models at an ISS state, scenario
 * validation) so that values which parse but poison the physics are caught as silent NaN.
 *
 * Outcomes: accepted; rejected (the library's own typed error: FormatError, ScenarioError,
 * RunConfigError, ForceConfigError, StateFileError, Sgp4Error, ReturnCaseError, DeploymentConfigError,
 * GroupSelectorError, LaunchSiteError, or a RangeError with its own message: the conjunction code and
 * the attitude config refuse that way; JSON that does not parse is refused as the CLI refuses it); crashed (anything else: TypeError, a stack overflow, a foreign library's error);
 * silent-nan (accepted, but a non-finite number came out with no error).
 */
import {
  buildForceModels,
  DeploymentConfigError,
  GroupSelectorError,
  LaunchSiteError,
  matchesGroup,
  orbitRateRadS,
  parseAttitudeConfig,
  parseDeploymentConfig,
  parseGroupSelector,
  parseReturnCase,
  releaseSatellites,
  resolveLaunchSite,
  ReturnCaseError,
  symmetricEigenvalues,
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
  ISS_SAMPLE_TLE,
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
  if (e instanceof ReturnCaseError || e instanceof DeploymentConfigError || e instanceof GroupSelectorError || e instanceof LaunchSiteError) return 'rejected';
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

/** The CLI reads these configs with JSON.parse and refuses a SyntaxError as a usage error. */
function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    if (e instanceof SyntaxError) return null;
    throw e;
  }
}

/** Attitude config: the station's inertia (and its principal moments), orbit and environment. */
function useAttitude(text: string): Outcome {
  const json = jsonOrNull(text);
  if (json === null) return 'rejected';
  const c = parseAttitudeConfig(json);
  const s = c.station;
  const numbers = [...s.inertia, ...symmetricEigenvalues(s.inertia), ...s.biasTorqueNm, s.dragCoefficient, c.altitudeM, orbitRateRadS(c.altitudeM), c.inclinationRad, c.f107, c.ap];
  return finite(numbers) ? 'accepted' : 'silent-nan';
}

/** Crew-return case: the burn, and the station's elements propagated by SGP4 as the landing run does. */
function useReturnCase(text: string): Outcome {
  const c = parseReturnCase(text, 'fuzz.yaml');
  if (!finite([c.deltaVMps, c.burnDurationS ?? 0, c.burnEpoch.taiMjdDay, c.monteCarlo?.members ?? 0, c.monteCarlo?.seed ?? 0])) return 'silent-nan';
  return useElements({ records: [c.elements], errors: [] });
}

/** Deployment config: the dispenser's released satellites (mean elements) and the station's elements. */
function useDeployment(text: string): Outcome {
  const json = jsonOrNull(text);
  if (json === null) return 'rejected';
  const c = parseDeploymentConfig(json);
  for (const { elements: e } of releaseSatellites(c)) {
    if (!finite([e.meanMotionRevPerDay, e.eccentricity, e.inclinationDeg, e.raanDeg, e.argPerigeeDeg, e.meanAnomalyDeg, e.bstar, e.epoch.taiMjdDay])) return 'silent-nan';
  }
  if (!finite([c.durationDays, c.thresholdKm ?? 0, c.sampleStepS ?? 0])) return 'silent-nan';
  return c.station ? useElements({ records: [c.station], errors: [] }) : 'accepted';
}

/**
 * `--intldes|--name|--norad TEXT` of the group commands and `--site TEXT` of launch-window, one
 * per input as `option=text`; a name pattern is also matched against a name, to catch a pattern
 * whose regular expression backtracks without end.
 */
function useSelector(text: string): Outcome {
  const eq = text.indexOf('=');
  const [option, value] = eq < 0 ? ['', text] : [text.slice(0, eq), text.slice(eq + 1)];
  if (option === 'site') {
    const site = resolveLaunchSite(value);
    return finite([site.latDeg, site.lonDeg]) ? 'accepted' : 'silent-nan';
  }
  if (option !== 'intldes' && option !== 'name' && option !== 'norad') return 'rejected';
  const selector = parseGroupSelector(option, value);
  const record = { ...parseTle(ISS_SAMPLE_TLE).records[0], objectName: 'ONEWEB-0012 '.repeat(3).trim() };
  matchesGroup(record, selector);
  if (selector.kind === 'norad' && !finite([selector.from, selector.to])) return 'silent-nan';
  return 'accepted';
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
  { name: 'attitude config', seeds: seeds.attitudeSeeds, run: useAttitude },
  { name: 'return case', seeds: seeds.returnCaseSeeds, run: useReturnCase },
  { name: 'deploy config', seeds: seeds.deploymentSeeds, run: useDeployment },
  { name: 'group/site', seeds: seeds.selectorSeeds, run: useSelector },
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
