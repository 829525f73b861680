/**
 * From a TLE/OMM history and an as-of instant to a re-entry ensemble input, honestly: element sets
 * after asOf are dropped before anything looks at them, and the space weather is the as-of
 * snapshot (forecastSpaceWeather.ts) for the ballistic fit as well as for the prediction (the
 * file's centred 81-day F10.7 average of the last 40 days before asOf already contains later
 * flux, so even the fit must not use it).
 *
 * Refusals are ReentryInputError with a code and a message naming the problem:
 * as-of-before-first, decayed, too-few, gap, mixed-objects, no-decay, bad-input (from the
 * ballistic fit, decay/ballisticFit.ts), and no-space-weather.
 */
import type { AtmosphereModel } from '../../models/atmosphere/types.js';
import { createNrlmsise00, loadNrlmsise00Coefficients } from '../../models/atmosphere/nrlmsise00/index.js';
import { BallisticFitError, fitBallisticCoefficient, type BallisticFitErrorCode, type BallisticFitResult } from '../decay/ballisticFit.js';
import { meanStateFromElements } from '../../propagation/averaged/meanState.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { detectManeuvers } from '../history/detectManeuvers.js';
import { orbitHistory, recentDecay } from '../history/orbitHistory.js';
import { isoDateOfMjd, type SpaceWeatherTable } from '../../foundation/spaceWeather/table.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { AsOfSpaceWeather, observedSnapshot, type ForecastModelParameters } from './forecastSpaceWeather.js';
import { tableToData, toWireEpoch, toWireState, type MemberIntegration, type ReentryEnsembleInput } from './ensemble.js';

/**
 * Per-member density-model error, lognormal σ = 0.15: the accuracy commonly stated for empirical
 * thermosphere models such as NRLMSISE-00, ~15 % (1σ) in total mass density (Vallado & Finkleman,
 * "A critical assessment of satellite drag and atmospheric density modeling", Acta Astronautica 95,
 * 2014; Emmert, "Thermospheric mass density: a review", Adv. Space Res. 56, 2015). The fitted B
 * absorbs the model's bias over the fit window; this term stands for its change afterwards (other
 * altitudes, other solar conditions). A global choice, not fitted to the re-entry cases.
 */
export const DEFAULT_DENSITY_SIGMA = 0.15;

export type ReentryInputErrorCode = BallisticFitErrorCode | 'no-space-weather';

export class ReentryInputError extends Error {
  constructor(
    readonly code: ReentryInputErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReentryInputError';
  }
}

export interface ReentryPreparationOptions {
  asOf: Epoch;
  noradId?: number;
  /** The space-weather file (SW-All.csv parsed); only its rows up to asOf are read. */
  spaceWeatherTable: SpaceWeatherTable;
  msisCoefficients: unknown;
  members: number;
  seed: number;
  /** Use this B (and 1σ) instead of fitting one (lifetime studies with a known vehicle). */
  ballistic?: { coefficientKgPerM2: number; sigmaKgPerM2: number; source: string };
  /** When the fit is refused, fall back to `ballistic` instead of failing (its note says so). */
  fallbackOnFitError?: boolean;
  /** Perfect-knowledge hindcast: observed space weather after asOf too (labelled; never a headline). */
  perfectKnowledge?: boolean;
  forecast?: Partial<ForecastModelParameters>;
  /** Lognormal σ of a per-member density-model factor (default DEFAULT_DENSITY_SIGMA). */
  densitySigma?: number;
  reentryAltitudeM?: number;
  maxYears?: number;
  altitudeSampleDays?: number;
  integration?: MemberIntegration;
  /** Atmosphere for the fit (default: NRLMSISE-00 from msisCoefficients). */
  atmosphere?: AtmosphereModel;
}

export interface ReentryPreparation {
  input: ReentryEnsembleInput;
  fit?: BallisticFitResult;
  /** Where B came from, e.g. "fitted to 34 element sets 2010-07-05 … 2010-07-28". */
  ballisticSource: string;
  /** Last element set used (epoch ≤ asOf). */
  lastElementEpoch: Epoch;
  usedElementSets: number;
  ignoredAfterAsOf: number;
  duplicateEpochs: number;
  warnings: string[];
}

export function prepareReentryPrediction(history: readonly MeanElements[], options: ReentryPreparationOptions): ReentryPreparation {
  const asOf = options.asOf;
  if (!asOf || typeof asOf.secondsSince !== 'function') throw new ReentryInputError('bad-input', 'asOf: an Epoch is required');
  if (!Array.isArray(history) || history.length === 0) throw new ReentryInputError('too-few', 'no element sets given');
  const warnings: string[] = [];
  const mine = options.noradId === undefined ? history : history.filter((e) => e.noradId === options.noradId);
  const ids = new Set(mine.map((e) => e.noradId));
  if (mine.length === 0) throw new ReentryInputError('mixed-objects', `no element sets for NORAD ${options.noradId}`);
  if (ids.size > 1) throw new ReentryInputError('mixed-objects', `element sets of ${ids.size} objects (NORAD ${[...ids].slice(0, 5).join(', ')}); choose one with noradId`);
  let first = mine[0].epoch;
  for (const e of mine) if (e.epoch.isBefore(first)) first = e.epoch;
  if (asOf.isBefore(first)) {
    throw new ReentryInputError('as-of-before-first', `as-of ${asOf.toIsoUtc(0)} is before the first element set (${first.toIsoUtc(0)}): nothing was known then`);
  }
  // Never look at later sets.
  const known = mine.filter((e) => !e.epoch.isAfter(asOf));
  const ignoredAfterAsOf = mine.length - known.length;
  const epochs = new Set(known.map((e) => `${e.epoch.taiMjdDay}:${e.epoch.taiSecondsOfDay}`));
  const duplicateEpochs = known.length - epochs.size;
  if (duplicateEpochs > 0) warnings.push(`${duplicateEpochs} element set(s) repeat an earlier epoch; the last issued of each epoch is used`);
  let last = known[0];
  for (const e of known) if (!e.epoch.isBefore(last.epoch)) last = e;
  checkRecentGap(known);

  let snapshot;
  try {
    // Keep the copy small: from 120 days before the earliest fit window (30 days before the last set).
    const fromMjd = Math.max(first.utcDaySeconds().mjdDay, last.epoch.utcDaySeconds().mjdDay - 60);
    snapshot = observedSnapshot(options.spaceWeatherTable, asOf, fromMjd - 120);
  } catch (e) {
    throw new ReentryInputError('no-space-weather', (e as Error).message);
  }
  if (snapshot.limitedByFile) {
    warnings.push(`the space-weather file's observations end ${isoDay(snapshot.cutMjd)}, before the as-of date: forecast from there`);
  }
  const fitWeather = new AsOfSpaceWeather(snapshot, { forecast: options.forecast });
  const atmosphere = options.atmosphere ?? createNrlmsise00(loadNrlmsise00Coefficients(options.msisCoefficients));

  let fit: BallisticFitResult | undefined;
  let b: number;
  let sigma: number;
  let ballisticSource: string;
  let initial = meanStateFromElements(last);
  const useGiven = options.ballistic && !options.fallbackOnFitError;
  if (useGiven) {
    b = options.ballistic!.coefficientKgPerM2;
    sigma = options.ballistic!.sigmaKgPerM2;
    ballisticSource = options.ballistic!.source;
  } else {
    try {
      const usable = afterLastReboost(known, warnings);
      const initialGuessKgPerM2 = initialBallisticGuess(usable, atmosphere, fitWeather);
      const fitOptions = { asOf, atmosphere, spaceWeather: fitWeather, assumeNoManeuvers: true, initialGuessKgPerM2 };
      try {
        fit = fitBallisticCoefficient(usable, fitOptions);
      } catch (e) {
        // The adaptive window (20 km of decay, ≥ 3 days) can hold too few sets when the decay is
        // fast and the sets sparse: widen it once to 10 days.
        if (!(e instanceof BallisticFitError && e.code === 'too-few')) throw e;
        fit = fitBallisticCoefficient(usable, { ...fitOptions, windowDays: 10 });
        warnings.push('fit window widened to 10 days (the adaptive window held too few element sets)');
      }
      b = fit.ballisticCoefficientKgPerM2;
      sigma = fit.sigmaKgPerM2;
      initial = fit.stateAtWindowEnd;
      ballisticSource = `fitted to ${fit.points} element sets ${isoDay2(fit.windowStart)} … ${isoDay2(fit.windowEnd)}`;
      warnings.push(...fit.warnings);
    } catch (e) {
      if (!(e instanceof BallisticFitError)) throw e;
      if (!options.ballistic) throw new ReentryInputError(e.code, e.message);
      warnings.push(`${e.message}; using ${options.ballistic.source} instead`);
      b = options.ballistic.coefficientKgPerM2;
      sigma = options.ballistic.sigmaKgPerM2;
      ballisticSource = options.ballistic.source;
    }
  }
  const staleDays = asOf.secondsSince(last.epoch) / 86400;
  if (staleDays > 3) warnings.push(`the last element set before the as-of date is ${staleDays.toFixed(1)} days old (${last.epoch.toIsoUtc(0)})`);

  const input: ReentryEnsembleInput = {
    noradId: last.noradId,
    initial: toWireState(initial),
    asOf: toWireEpoch(asOf),
    ballisticCoefficientKgPerM2: b,
    ballisticSigmaKgPerM2: sigma,
    densitySigma: options.densitySigma ?? DEFAULT_DENSITY_SIGMA,
    spaceWeather: options.perfectKnowledge
      ? { mode: 'observed-perfect-knowledge', table: tableToData(options.spaceWeatherTable) }
      : { mode: 'forecast', snapshot, forecast: options.forecast },
    msisCoefficients: options.msisCoefficients,
    members: options.members,
    seed: options.seed,
    reentryAltitudeM: options.reentryAltitudeM,
    maxYears: options.maxYears,
    altitudeSampleDays: options.altitudeSampleDays,
    integration: options.integration,
  };
  return { input, fit, ballisticSource, lastElementEpoch: last.epoch, usedElementSets: known.length, ignoredAfterAsOf, duplicateEpochs, warnings };
}

/**
 * Starting value for the fit from the recent decay rate: for a near-circular orbit the averaged
 * drag gives ȧ = −a² ρ v³ / (μ B) (averagedDynamics.ts with v² = μ/a), so B ≈ a² ρ v³ / (μ |ȧ|),
 * with ρ from the atmosphere at the mean altitude over the equator at the last set. A guess far off
 * (the fit's default is 100 kg/m²) makes the first trial propagation of a fast-decaying object
 * fall to the ground inside the window, where it crawls; this keeps it near the answer.
 */
function initialBallisticGuess(known: readonly MeanElements[], atmosphere: AtmosphereModel, weather: AsOfSpaceWeather): number | undefined {
  const history = orbitHistory(known);
  const last = history[history.length - 1];
  const { points, spanS, rateMPerS: rate } = recentDecay(history, 5 * 86400);
  if (points < 3 || !(rate > 0) || spanS < 86400) return undefined;
  const mu = 3.986004418e14; // EGM96 GM (gravity/zonal.ts)
  const a = last.semiMajorAxisM;
  const v = Math.sqrt(mu / a);
  const rho = atmosphere.density(Float64Array.of(a, 0, 0), last.epoch, weather.at(last.epoch));
  const b = (a * a * rho * v * v * v) / (mu * rate);
  return Number.isFinite(b) && b > 0.5 && b < 1e5 ? b : undefined;
}

/** Refuse when the last gap of more than 5 days leaves too little to fit after it. */
function checkRecentGap(known: readonly MeanElements[]): void {
  const sorted = [...known].sort((p, q) => p.epoch.compare(q.epoch));
  for (let k = sorted.length - 1; k > 0; k--) {
    const gapDays = sorted[k].epoch.secondsSince(sorted[k - 1].epoch) / 86400;
    if (gapDays <= 5) continue;
    const after = sorted.length - k;
    const spanDays = sorted[sorted.length - 1].epoch.secondsSince(sorted[k].epoch) / 86400;
    if (after < 6 || spanDays < 2) {
      throw new ReentryInputError(
        'gap',
        `a ${gapDays.toFixed(1)}-day gap in the element sets (${sorted[k - 1].epoch.toIsoUtc(0)} → ${sorted[k].epoch.toIsoUtc(0)}) leaves ${after} sets over ${spanDays.toFixed(1)} days after it (need 6 over 2 days)`,
      );
    }
    return;
  }
}

/**
 * Element sets after the last reboost (plus the detector's settling days). Detected *lowering*
 * jumps are only reported, and only for objects that have reboosted at least once: near
 * re-entry, natural decay accelerates from one set to the next and the detector (made for
 * stations) flags it; a real de-orbit burn is flagged the same way.
 */
function afterLastReboost(known: readonly MeanElements[], warnings: string[]): readonly MeanElements[] {
  const history = orbitHistory(known);
  if (history.length < 10) return known;
  const detection = detectManeuvers(history);
  const raises = detection.maneuvers.filter((m) => m.kind === 'raise');
  const lowers = detection.maneuvers.filter((m) => m.kind === 'lower');
  // A history without a single reboost is taken as a passive object: its "lowerings" are decay.
  if (lowers.length > 0 && raises.length > 0) {
    const m = lowers[lowers.length - 1];
    warnings.push(
      `${lowers.length} drop(s) in semi-major axis look like lowering burns (last: ${(m.deltaSemiMajorAxisM / 1e3).toFixed(2)} km between ${m.windowStart.toIsoUtc(0)} and ${m.windowEnd.toIsoUtc(0)}); ` +
        'treated as natural decay — if the object can manoeuvre (controlled de-orbit), this prediction does not apply',
    );
  }
  if (raises.length === 0) return known;
  const last = raises[raises.length - 1];
  const after = last.windowEnd.plusSeconds(detection.options.settleDays * 86400);
  const kept = known.filter((e) => !e.epoch.isBefore(after));
  if (kept.length < 6) {
    throw new BallisticFitError(
      'too-few',
      `${kept.length} element sets after the reboost of +${(last.deltaSemiMajorAxisM / 1e3).toFixed(2)} km ending ${last.windowEnd.toIsoUtc(0)} (and ${detection.options.settleDays} settling days); need at least 6 to measure the decay`,
    );
  }
  warnings.push(`reboost of +${(last.deltaSemiMajorAxisM / 1e3).toFixed(2)} km ending ${last.windowEnd.toIsoUtc(0)}: only element sets after it are fitted`);
  return kept;
}

function isoDay(mjd: number): string {
  return isoDateOfMjd(mjd);
}

function isoDay2(e: Epoch): string {
  return e.toIsoUtc(0).slice(0, 10);
}
