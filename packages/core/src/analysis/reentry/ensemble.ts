/**
 * Re-entry Monte Carlo: one orbit-averaged lifetime (decay/lifetime.ts, NRLMSISE-00) per member,
 * each with its own ballistic coefficient and its own space-weather future.
 *
 * Member m of a run seeded s (both reproducible, in any order and on any thread):
 * - B_m = B · exp(σ_lnB z), z ~ N(0, 1) from Xoshiro128(s, m), σ_lnB = σ_B / B (the fit's 1σ, or
 *   the stated one); median B.
 * - density scale exp(σ_ρ z' − σ_ρ²/2) (optional, default σ_ρ = 0);
 * - space weather: observed to the as-of cut, then the forecast of forecastSpaceWeather.ts scaled
 *   by the member's lognormal, time-correlated factors; or, only in the labelled perfect-knowledge
 *   mode, the file's observed values (and its own continuation) throughout.
 * Re-entry: the averaged model (propagation/averaged/averagedPropagator.ts) down to 80 km *mean* altitude
 * a − R⊕, as decay/lifetime.ts's 'averaged' final phase: within about one revolution (~90 min)
 * of the geodetic 80 km crossing (the numerical final phase costs ~0.8 s a member).
 *
 * Pure and isomorphic: the input is plain structured-cloneable data so that node/reentryPool.ts
 * can send it to worker threads; `runReentryEnsemble` runs any subset of members.
 */
import { createNrlmsise00, loadNrlmsise00Coefficients, type Nrlmsise00 } from '../../models/atmosphere/nrlmsise00/index.js';
import { AveragedDynamics, type AveragedDynamicsOptions } from '../../propagation/averaged/averagedDynamics.js';
import { propagateAveraged, type AveragedPropagationOptions } from '../../propagation/averaged/averagedPropagator.js';
import { meanStateGeometry, type MeanOrbitState } from '../../propagation/averaged/meanState.js';
import { Xoshiro128 } from '../decay/random.js';
import { WGS72_EQUATORIAL_RADIUS_M } from '../../foundation/elements/wgs72.js';
import { SpaceWeatherTable } from '../../foundation/spaceWeather/table.js';
import { TabulatedSpaceWeather } from '../../foundation/spaceWeather/tabulated.js';
import type { SpaceWeatherSource } from '../../foundation/spaceWeather/types.js';
import type { SolarCycleParameters } from '../../foundation/spaceWeather/solarCycle.js';
import { Epoch } from '../../foundation/time/epoch.js';
import { propagateToAltitude } from './altitudeStepper.js';
import { propagateDayStepped } from './dayStepper.js';
import { AsOfSpaceWeather, type ForecastModelParameters, type ObservedSpaceWeatherSnapshot } from './forecastSpaceWeather.js';

const DAY = 86400;

/** An epoch as plain data. */
export interface WireEpoch {
  taiMjdDay: number;
  taiSecondsOfDay: number;
}

export const toWireEpoch = (e: Epoch): WireEpoch => ({ taiMjdDay: e.taiMjdDay, taiSecondsOfDay: e.taiSecondsOfDay });
export const fromWireEpoch = (w: WireEpoch): Epoch => Epoch.fromTai(w.taiMjdDay, w.taiSecondsOfDay);

export type WireMeanState = Omit<MeanOrbitState, 'epoch'> & { epoch: WireEpoch };

export const toWireState = (s: MeanOrbitState): WireMeanState => ({ ...s, epoch: toWireEpoch(s.epoch) });
export const fromWireState = (s: WireMeanState): MeanOrbitState => ({ ...s, epoch: fromWireEpoch(s.epoch) });

/** The columns of a SpaceWeatherTable as plain data (perfect-knowledge mode). */
export interface SpaceWeatherTableData {
  fileName: string;
  firstMjd: number;
  dailyKind: Uint8Array;
  ap3h: Float64Array;
  apDaily: Float64Array;
  f107Obs: Float64Array;
  f107ObsCenter81: Float64Array;
  monthlyMjd: Float64Array;
  monthlyF107Obs: Float64Array;
  monthlyF107ObsCenter81: Float64Array;
  monthlyAp: Float64Array;
}

export function tableToData(t: SpaceWeatherTable): SpaceWeatherTableData {
  return {
    fileName: t.fileName,
    firstMjd: t.firstMjd,
    dailyKind: t.dailyKind,
    ap3h: t.ap3h,
    apDaily: t.apDaily,
    f107Obs: t.f107Obs,
    f107ObsCenter81: t.f107ObsCenter81,
    monthlyMjd: t.monthlyMjd,
    monthlyF107Obs: t.monthlyF107Obs,
    monthlyF107ObsCenter81: t.monthlyF107ObsCenter81,
    monthlyAp: t.monthlyAp,
  };
}

function tableFromData(d: SpaceWeatherTableData): SpaceWeatherTable {
  return new SpaceWeatherTable(
    d.fileName,
    d.firstMjd,
    d.dailyKind,
    d.ap3h,
    d.apDaily,
    d.f107Obs,
    d.f107ObsCenter81,
    d.monthlyMjd,
    d.monthlyF107Obs,
    d.monthlyF107ObsCenter81,
    d.monthlyAp,
  );
}

export type EnsembleSpaceWeather =
  | {
      /** Honest mode: observed to the as-of cut, forecast (perturbed per member) after it. */
      mode: 'forecast';
      snapshot: ObservedSpaceWeatherSnapshot;
      forecast?: Partial<ForecastModelParameters>;
      solarCycle?: Partial<SolarCycleParameters>;
    }
  | {
      /** Perfect knowledge (hindcast only): the file's observed values after the as-of date too. Never a headline figure. */
      mode: 'observed-perfect-knowledge';
      table: SpaceWeatherTableData;
    };

/**
 * Integration settings of a member's first phase (above 200 km; default: the averaged
 * propagator's defaults). The lower phases always use the defaults with capped steps.
 */
export interface MemberIntegration {
  rtol?: number;
  /** Quadrature nodes per revolution (default: by eccentricity, 16 for near-circular orbits). */
  nodes?: number;
  maxStepS?: number;
  /**
   * First phase with one evaluation per UTC day (dayStepper.ts) instead of error-controlled
   * Dormand–Prince steps in time (the rtol and maxStepS above then apply only to its last day);
   * the middle phase in time without its step cap (the integrator rejects the non-finite trial
   * steps the caps were there for), the last one stepped in semi-major axis
   * (altitudeStepper.ts), both with the defaults' tolerances; time-stepped phases start from a
   * step guessed from the rate of descent.
   */
  dayStepped?: boolean;
  /**
   * Quadrature nodes per revolution below the first phase (default: by eccentricity, 16 for
   * near-circular orbits).
   */
  lowerPhaseNodes?: number;
}

/**
 * Faster first-phase settings of the first implementation, kept as the reference of
 * test/reentry/ensembleSpeed.test.ts and the peer of bench/reentry.bench.ts: 8 quadrature nodes,
 * rtol 1e-7, Dormand–Prince steps up to 4 days — 3.2× fewer density evaluations than the
 * defaults. Measured by bench/reentry.bench.ts on the ISS from 418 km (677 days): −0.16 % of the
 * lifetime for the nominal run, and within 0.5 % for every member checked there. Only for
 * near-circular orbits (e < 0.005: 8 nodes resolve the density along the orbit there).
 */
export const FAST_MEMBER_INTEGRATION_DP5: MemberIntegration = Object.freeze({ rtol: 1e-7, nodes: 8, maxStepS: 4 * DAY });

/**
 * Settings for long (multi-year) lifetimes of near-circular orbits (e < 0.005): the same 8
 * quadrature nodes above 200 km, `dayStepped` (the first phase one evaluation per UTC day, the
 * last in semi-major axis). docs/reentry.md, "Ensemble speed": on the ISS case 2.4× fewer density
 * evaluations than FAST_MEMBER_INTEGRATION_DP5 and, against a 3-hour-step rtol 1e-9 solution of
 * the same model, lifetimes within 0.02 % (FAST_MEMBER_INTEGRATION_DP5: 0.13 %).
 * Below 200 km also 8 nodes (the orbit stays near-circular): 13 % fewer density calls a member,
 * lifetimes within 0.0034 d of a 32-node run on 30 ISS members (16 nodes: 0.00013 d), against the
 * ~0.1-d error of the day steps themselves (bench/reentry.bench.ts, issue 16).
 */
export const FAST_MEMBER_INTEGRATION: MemberIntegration = Object.freeze({ ...FAST_MEMBER_INTEGRATION_DP5, dayStepped: true, lowerPhaseNodes: 8 });

export interface ReentryEnsembleInput {
  /** Object (for reports only). */
  noradId?: number;
  /** Start of every member: a mean state (TEME) at or before asOf. */
  initial: WireMeanState;
  /** The prediction's as-of instant (for reports; the data cut is in the space weather). */
  asOf: WireEpoch;
  /** Median ballistic coefficient m/(Cd·A), kg/m², and its 1σ (lognormal σ = σ_B/B). */
  ballisticCoefficientKgPerM2: number;
  ballisticSigmaKgPerM2: number;
  /** Extra lognormal density-model σ per member (default 0). */
  densitySigma?: number;
  spaceWeather: EnsembleSpaceWeather;
  /** Parsed JSON of nrlmsise/nrlmsise00-coefficients.json. */
  msisCoefficients: unknown;
  members: number;
  seed: number;
  /** Re-entry mean altitude, m (default 80 km). */
  reentryAltitudeM?: number;
  /** Give a member up after this many years (default 30). */
  maxYears?: number;
  /** Record the mean altitude every this many days (altitude-band plots); default none. */
  altitudeSampleDays?: number;
  integration?: MemberIntegration;
}

export interface MemberResult {
  member: number;
  ballisticCoefficientKgPerM2: number;
  densityScale: number;
  reentered: boolean;
  /** Days from the initial state's epoch to re-entry (or to the give-up time). */
  lifetimeDays: number;
  /** Mean altitude a − R⊕, km, at k·altitudeSampleDays after the initial epoch (NaN after re-entry). */
  altitudeKm?: number[];
  densityCalls: number;
}

export interface EnsembleRunOptions {
  /** Called after each member with (members done, members in this run). */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  /** Run only these member indices (default 0 … members − 1). */
  memberIndices?: readonly number[];
  /**
   * Instead of memberIndices: claim members one at a time (a worker pool's shared counter), until
   * it returns an index ≥ members. A thread with a faster core or cheaper members takes more.
   */
  claimMember?: () => number;
}

export class EnsembleAbortedError extends Error {
  constructor() {
    super('re-entry ensemble aborted');
    this.name = 'AbortError';
  }
}

const atmosphereCache = new WeakMap<object, Nrlmsise00>();

function atmosphereFor(coefficients: unknown): Nrlmsise00 {
  if (coefficients === null || typeof coefficients !== 'object') throw new TypeError('msisCoefficients: the parsed nrlmsise00-coefficients.json object is required');
  let a = atmosphereCache.get(coefficients);
  if (!a) {
    a = createNrlmsise00(loadNrlmsise00Coefficients(coefficients));
    atmosphereCache.set(coefficients, a);
  }
  return a;
}

/** Check the input, naming the bad field. */
export function checkEnsembleInput(input: ReentryEnsembleInput): void {
  const b = input.ballisticCoefficientKgPerM2;
  if (!(b > 0 && Number.isFinite(b))) throw new RangeError(`ballisticCoefficientKgPerM2: must be a finite number > 0, got ${b}`);
  const s = input.ballisticSigmaKgPerM2;
  if (!(s >= 0 && Number.isFinite(s))) throw new RangeError(`ballisticSigmaKgPerM2: must be a finite number ≥ 0, got ${s}`);
  if (!(Number.isInteger(input.members) && input.members >= 1 && input.members <= 1e6)) throw new RangeError(`members: must be a whole number 1 … 1e6, got ${input.members}`);
  if (!Number.isInteger(input.seed)) throw new RangeError(`seed: must be an integer, got ${input.seed}`);
  const ds = input.densitySigma ?? 0;
  if (!(ds >= 0 && ds < 2)) throw new RangeError(`densitySigma: must be in [0, 2), got ${ds}`);
  const mode = (input.spaceWeather as { mode?: unknown } | undefined)?.mode;
  if (mode !== 'forecast' && mode !== 'observed-perfect-knowledge') {
    throw new RangeError(`spaceWeather.mode: must be 'forecast' or 'observed-perfect-knowledge', got ${JSON.stringify(mode)}`);
  }
}

/** Space weather of member m (a fresh instance: they carry per-day caches). */
export function memberSpaceWeather(input: ReentryEnsembleInput, member: number | undefined): SpaceWeatherSource {
  const sw = input.spaceWeather;
  if (sw.mode === 'observed-perfect-knowledge') return new TabulatedSpaceWeather(tableFromData(sw.table));
  return new AsOfSpaceWeather(sw.snapshot, {
    forecast: sw.forecast,
    solarCycle: sw.solarCycle,
    perturbation: member === undefined ? undefined : { seed: input.seed, member },
  });
}

/** The draws of member m: B and density scale. */
export function memberDraws(input: ReentryEnsembleInput, member: number): { ballisticCoefficientKgPerM2: number; densityScale: number } {
  const rng = new Xoshiro128(input.seed, member);
  const sigmaLnB = input.ballisticSigmaKgPerM2 / input.ballisticCoefficientKgPerM2;
  const zB = rng.normal();
  const zR = rng.normal();
  const ds = input.densitySigma ?? 0;
  return {
    ballisticCoefficientKgPerM2: input.ballisticCoefficientKgPerM2 * Math.exp(sigmaLnB * zB),
    densityScale: Math.exp(ds * zR - (ds * ds) / 2),
  };
}

/**
 * Phases of a member, by mean altitude a − R⊕ / mean perigee altitude (m), and the largest step of
 * each (s): long trial steps of the integrator near the end overshoot the ground (and the state
 * turns non-finite), so the first implementation capped the steps more tightly as the orbit comes
 * down (kept for FAST_MEMBER_INTEGRATION_DP5 and the defaults; `dayStepped` drops them).
 */
const PHASES: readonly { meanAltitudeM: number; perigeeAltitudeM: number; maxStepS: number | undefined }[] = [
  { meanAltitudeM: 200e3, perigeeAltitudeM: 180e3, maxStepS: undefined },
  { meanAltitudeM: 140e3, perigeeAltitudeM: 130e3, maxStepS: 7200 },
];
const LAST_PHASE_MAX_STEP_S = 600;

interface PhaseRun {
  final: MeanOrbitState;
  densityCalls: number;
  samples?: Float64Array;
  timedOut: boolean;
}

/** The first phase stepped by UTC days, down to within a day of its stop altitudes. */
function dayPhase(initial: MeanOrbitState, common: AveragedDynamicsOptions & { endEpoch: Epoch }, integ: MemberIntegration, everyDays: number | undefined): PhaseRun {
  const geo = meanStateGeometry(initial);
  const first = PHASES[0];
  if (geo.meanAltitudeM <= first.meanAltitudeM || geo.perigeeAltitudeM <= first.perigeeAltitudeM) {
    return { final: initial, densityCalls: 0, timedOut: false };
  }
  const run = propagateDayStepped(initial, {
    ...common,
    quadrature: integ.nodes ? { nodes: integ.nodes } : undefined,
    stopMeanAltitudeM: first.meanAltitudeM,
    stopPerigeeAltitudeM: first.perigeeAltitudeM,
    sampleEveryS: everyDays ? everyDays * DAY : undefined,
  });
  return { final: run.final, densityCalls: run.stats.densityCalls, samples: run.samples, timedOut: run.stopReason === 'end-epoch' };
}

/**
 * Phase p (PHASES.length: the last) from `state`: error-controlled in time; with `dayStepped`
 * from a guessed first step, and the last phase in semi-major axis (altitudeStepper.ts).
 */
function runPhase(p: number, state: MeanOrbitState, common: AveragedDynamicsOptions & { endEpoch: Epoch }, integ: MemberIntegration, reentryM: number, everyDays: number | undefined): PhaseRun {
  const settings = phaseSettings(p, common, integ, reentryM, everyDays);
  if (integ.dayStepped && p === PHASES.length) {
    const run = propagateToAltitude(state, settings);
    return { final: run.final, densityCalls: run.stats.densityCalls, timedOut: run.stopReason === 'end-epoch' };
  }
  let guessCalls = 0;
  if (integ.dayStepped) {
    const guess = firstStepGuess(state, settings);
    guessCalls = guess.densityCalls;
    settings.initialStepS = guess.stepS;
  }
  const run = propagateAveraged(state, settings);
  return { final: run.final, densityCalls: guessCalls + run.stats.densityCalls, samples: run.samples, timedOut: run.stopReason === 'end-epoch' };
}

function phaseNodes(p: number, integ: MemberIntegration): { nodes: number } | undefined {
  const nodes = p === 0 ? integ.nodes : integ.lowerPhaseNodes;
  return nodes ? { nodes } : undefined;
}

/** Propagation settings of phase p (PHASES.length: the last one, down to the re-entry altitude). */
function phaseSettings(p: number, common: AveragedDynamicsOptions & { endEpoch: Epoch }, integ: MemberIntegration, reentryM: number, everyDays: number | undefined): AveragedPropagationOptions & { stopMeanAltitudeM: number; endEpoch: Epoch } {
  const phase = PHASES[p] as (typeof PHASES)[number] | undefined;
  const capped = phase ? (phase.maxStepS ?? integ.maxStepS) : LAST_PHASE_MAX_STEP_S;
  return {
    ...common,
    rtol: p === 0 ? integ.rtol : undefined,
    quadrature: phaseNodes(p, integ),
    stopMeanAltitudeM: phase ? phase.meanAltitudeM : reentryM,
    stopPerigeeAltitudeM: phase ? phase.perigeeAltitudeM : undefined,
    // Samples only on the grid that starts at the initial epoch: from the first phase.
    sampleEveryS: everyDays && p === 0 && !integ.dayStepped ? everyDays * DAY : undefined,
    maxStepS: p === 0 || !integ.dayStepped ? capped : undefined,
  };
}

/**
 * A first step for a phase: a tenth of the time to its stop altitude at the present rate of
 * descent (the integrator's own guess starts at seconds and needs ~4 steps of ×10 growth).
 */
function firstStepGuess(state: MeanOrbitState, settings: AveragedDynamicsOptions & { stopMeanAltitudeM: number }): { stepS: number | undefined; densityCalls: number } {
  const dynamics = new AveragedDynamics(state.epoch, settings);
  const y = Float64Array.of(state.semiMajorAxisM, state.eCosArgPerigee, state.eSinArgPerigee, state.inclinationRad, state.raanRad, state.meanArgumentOfLatitudeRad);
  const dy = new Float64Array(6);
  dynamics.rates(0, y, dy);
  const stepS = (0.1 * (y[0] - WGS72_EQUATORIAL_RADIUS_M - settings.stopMeanAltitudeM)) / -dy[0];
  return { stepS: stepS > 0 && Number.isFinite(stepS) ? stepS : undefined, densityCalls: dynamics.counters.densityCalls };
}

/**
 * One member's lifetime; `member` undefined runs the nominal (median B, median forecast).
 * Three averaged phases: down to 200 km mean (180 km perigee) altitude with the integration
 * settings given, to 140 km (130 km) with steps of at most 2 h, then to the re-entry altitude
 * with steps of at most 10 min (with `dayStepped`: see MemberIntegration).
 */
export function runMember(input: ReentryEnsembleInput, member: number | undefined): MemberResult {
  const draws = member === undefined ? { ballisticCoefficientKgPerM2: input.ballisticCoefficientKgPerM2, densityScale: 1 } : memberDraws(input, member);
  const initial = fromWireState(input.initial);
  const every = input.altitudeSampleDays;
  const integ = input.integration ?? {};
  const reentryM = input.reentryAltitudeM ?? 80e3;
  if (!(reentryM >= 0 && reentryM < 130e3)) throw new RangeError(`reentryAltitudeM: must be in [0, 130 km), got ${reentryM} m`);
  const endEpoch = initial.epoch.plusSeconds((input.maxYears ?? 30) * 365.25 * DAY);
  const common = {
    ballisticCoefficientKgPerM2: draws.ballisticCoefficientKgPerM2,
    densityScale: draws.densityScale,
    atmosphere: atmosphereFor(input.msisCoefficients),
    spaceWeather: memberSpaceWeather(input, member),
    endEpoch,
  };
  let densityCalls = 0;
  let state = initial;
  let altitudeKm: number[] | undefined = every ? [] : undefined;
  let timedOut = false;
  const record = (samples: Float64Array | undefined, t0: number) => {
    if (!every || !samples || !altitudeKm) return;
    for (let k = 0; 7 * k < samples.length; k++) {
      const t = (t0 + samples[7 * k]) / (every * DAY);
      // Only the regular samples (a phase's first and last points fall between them).
      if (Math.abs(t - Math.round(t)) > 1e-6 || Math.round(t) < altitudeKm.length) continue;
      altitudeKm.push((samples[7 * k + 1] - WGS72_EQUATORIAL_RADIUS_M) / 1e3);
    }
  };
  if (integ.dayStepped) {
    const day = dayPhase(initial, common, integ, every);
    densityCalls += day.densityCalls;
    record(day.samples, 0);
    state = day.final;
    timedOut = day.timedOut;
  }
  for (let p = 0; p <= PHASES.length && !timedOut; p++) {
    const phase = PHASES[p];
    const geo = meanStateGeometry(state);
    if (phase && (geo.meanAltitudeM <= phase.meanAltitudeM || geo.perigeeAltitudeM <= phase.perigeeAltitudeM)) continue;
    const t0 = state.epoch.secondsSince(initial.epoch);
    const run = runPhase(p, state, common, integ, reentryM, every);
    densityCalls += run.densityCalls;
    if (p === 0) record(run.samples, t0);
    state = run.final;
    timedOut = run.timedOut;
  }
  return {
    member: member ?? -1,
    ballisticCoefficientKgPerM2: draws.ballisticCoefficientKgPerM2,
    densityScale: draws.densityScale,
    reentered: !timedOut,
    lifetimeDays: state.epoch.secondsSince(initial.epoch) / DAY,
    altitudeKm,
    densityCalls,
  };
}

/**
 * Let the event loop run (abort signals, progress): setImmediate where there is one (Node),
 * whose turn is immediate, else setTimeout(0) — which Node clamps to 1 ms, 2 % of a worker's
 * time at one yield every 50 ms.
 */
function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (cb: () => void) => unknown }).setImmediate;
  return new Promise((r) => (immediate ? immediate(r) : setTimeout(r, 0)));
}

/**
 * Run the ensemble's members (all, or `memberIndices`) in this thread. Yields to the event loop
 * between members so that `signal` can abort it; rejects with EnsembleAbortedError then.
 */
export async function runReentryEnsemble(input: ReentryEnsembleInput, options: EnsembleRunOptions = {}): Promise<MemberResult[]> {
  checkEnsembleInput(input);
  const indices = options.memberIndices ?? Array.from({ length: input.members }, (_, k) => k);
  const claim = options.claimMember;
  const total = claim ? input.members : indices.length;
  const out: MemberResult[] = [];
  /** The next member to run, or −1 when none is left. */
  const next = (): number => {
    if (!claim) return out.length < indices.length ? indices[out.length] : -1;
    const m = claim();
    return m < input.members ? m : -1;
  };
  let last = Date.now();
  for (let m = next(); m >= 0; m = next()) {
    if (options.signal?.aborted) throw new EnsembleAbortedError();
    out.push(runMember(input, m));
    options.onProgress?.(out.length, total);
    if (Date.now() - last > 50) {
      await yieldToEventLoop();
      last = Date.now();
    }
  }
  if (options.signal?.aborted) throw new EnsembleAbortedError();
  return out;
}

/** Quantile (linear between order statistics, "type 7") of sorted values. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const a = sorted[lo];
  const b = sorted[hi];
  if (!Number.isFinite(a) || !Number.isFinite(b)) return h - lo < 1e-12 ? a : b === Infinity || a === Infinity ? Infinity : a;
  return a + (h - lo) * (b - a);
}

export interface EnsembleSummary {
  members: number;
  reenteredMembers: number;
  /** Re-entry epochs: median and 5 %, 95 % quantiles (undefined when beyond maxYears). */
  median?: Epoch;
  p05?: Epoch;
  p95?: Epoch;
  /** Same as days after the initial state. */
  medianDays: number;
  p05Days: number;
  p95Days: number;
  /** Mean-altitude bands (km) at the sample times: 5 %, 50 %, 95 % (NaN where that quantile has re-entered). */
  altitudeBand?: { days: number[]; p05: number[]; p50: number[]; p95: number[] };
}

/** Quantiles of the member lifetimes (members that did not re-enter count as later than all). */
export function summariseEnsemble(input: ReentryEnsembleInput, results: readonly MemberResult[]): EnsembleSummary {
  const days = results.map((r) => (r.reentered ? r.lifetimeDays : Infinity)).sort((p, q) => p - q);
  const initial = fromWireEpoch(input.initial.epoch);
  const at = (d: number) => (Number.isFinite(d) ? initial.plusSeconds(d * DAY) : undefined);
  const p05Days = quantileSorted(days, 0.05);
  const medianDays = quantileSorted(days, 0.5);
  const p95Days = quantileSorted(days, 0.95);
  const summary: EnsembleSummary = {
    members: results.length,
    reenteredMembers: results.filter((r) => r.reentered).length,
    median: at(medianDays),
    p05: at(p05Days),
    p95: at(p95Days),
    medianDays,
    p05Days,
    p95Days,
  };
  const every = input.altitudeSampleDays;
  if (every && results.every((r) => r.altitudeKm)) {
    const n = Math.max(...results.map((r) => r.altitudeKm!.length));
    const band = { days: [] as number[], p05: [] as number[], p50: [] as number[], p95: [] as number[] };
    for (let k = 0; k < n; k++) {
      // A member that has re-entered counts as below every altitude.
      const v = results.map((r) => (k < r.altitudeKm!.length ? r.altitudeKm![k] : -Infinity)).sort((p, q) => p - q);
      const q = (f: number) => {
        const x = quantileSorted(v, f);
        return Number.isFinite(x) ? x : NaN;
      };
      band.days.push(k * every);
      band.p05.push(q(0.05));
      band.p50.push(q(0.5));
      band.p95.push(q(0.95));
    }
    summary.altitudeBand = band;
  }
  return summary;
}
