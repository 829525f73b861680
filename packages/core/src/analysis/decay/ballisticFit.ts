/**
 * Ballistic coefficient B = m/(Cd·A) (kg/m²) from a TLE history: the value for which the
 * averaged propagator (averagedPropagator.ts), with the given atmosphere and historical space
 * weather, reproduces the observed decay of the mean semi-major axis.
 *
 * Steps:
 * 1. Only element sets with epoch ≤ asOf are used (later ones are counted and ignored: a fit "as
 *    of" a date never sees the future). One object only (else choose one with noradId); re-issued
 *    epochs collapse to the last issued (history/orbitHistory, as dedupeByEpoch 'keep-latest').
 * 2. Refusals (BallisticFitError, with a code): asOf before the first set; already decayed (last
 *    set's mean perigee below 120 km, or the fitted model comes down between the last set and
 *    asOf); fewer than minPoints sets or less than
 *    minSpanDays in the window; a gap longer than maxGapDays that leaves too little after it;
 *    no measurable decay.
 * 3. Window: the last `windowDays` before the last set (default adapted to the decay rate:
 *    20 km of decay, between 3 and 30 days), starting no earlier than `settleDays` after the last
 *    manoeuvre found by history/detectManeuvers and after the last long gap.
 * 4. Fit: (a0, ln B) by Levenberg–Marquardt, minimising Σ (a_k − model a at the set epochs)², the
 *    model started at the first set of the window (its e-vector, i, Ω, λ; a = a0). Both partials
 *    come from propagations (finite differences): near re-entry the decay is far from linear in
 *    1/B and depends strongly on the start altitude, which a one-parameter B ← B/s iteration on a
 *    linearised model got wrong (it settled 20 % off on the last day of a fast decay). At most a
 *    factor 2 in B per step; 4–8 iterations of 3 propagations. Sets more than 5 robust σ
 *    (1.4826·MAD) off the fit are dropped once.
 * 5. Uncertainty (1σ): the larger of
 *    - formal: σ of ln B from the residual scatter and the normal matrix, inflated by
 *      √((1 + r₁)/(1 − r₁)) for the lag-1 autocorrelation r₁ of the residuals (TLE errors are
 *      correlated from one set to the next);
 *    - sub-windows: B fitted separately on three consecutive thirds of the window; their standard
 *      deviation / √3. This one also sees day-to-day density-model errors (storms, flux).
 *    B is the *model-relative* (effective) value: it absorbs the atmosphere model's bias, which is
 *    what a prediction with the same model needs.
 */
import type { OrbitHistoryPoint } from '../history/orbitHistory.js';
import { orbitHistory, recentDecay } from '../history/orbitHistory.js';
import { detectManeuvers, type DetectedManeuver, type ManeuverDetectionOptions } from '../history/detectManeuvers.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { fitLine } from '../../foundation/math/lineFit.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { AveragedDynamicsOptions } from '../../propagation/averaged/averagedDynamics.js';
import { propagateAveraged, meanStateFromVector } from '../../propagation/averaged/averagedPropagator.js';
import { meanStateFromElements, type MeanOrbitState } from '../../propagation/averaged/meanState.js';

const DAY = 86400;
/**
 * Mean perigee below which an element set describes an object already re-entering: 120 km is
 * about the conventional entry interface (400,000 ft = 121.9 km for NASA's returning vehicles),
 * below which one perigee pass takes a large part of the remaining orbit. Mean motion alone is no
 * test: Omid still flew a day at 16.40 rev/day with a 155 km mean perigee.
 */
const DECAYED_PERIGEE_M = 120e3;
/** Largest integration step of the fit's propagations (BallisticFitOptions.maxStepS), s. */
const DEFAULT_MAX_STEP_S = 6 * 3600;

export type BallisticFitErrorCode =
  | 'as-of-before-first'
  | 'too-few'
  | 'decayed'
  | 'gap'
  | 'mixed-objects'
  | 'no-decay'
  | 'bad-input';

export class BallisticFitError extends Error {
  constructor(
    readonly code: BallisticFitErrorCode,
    message: string,
  ) {
    super(`ballistic-coefficient fit: ${message}`);
    this.name = 'BallisticFitError';
  }
}

export interface BallisticFitOptions extends Omit<AveragedDynamicsOptions, 'ballisticCoefficientKgPerM2'> {
  /** Use element sets up to this epoch only. Required. */
  asOf: Epoch;
  /** Object to fit when the history holds several. */
  noradId?: number;
  /** Window length, days (default: 20 km of decay at the recent rate, clamped to 3…30 days). */
  windowDays?: number;
  /** Fewest element sets in the window (default 6). */
  minPoints?: number;
  /** Shortest window span, days (default 2). */
  minSpanDays?: number;
  /** A gap between consecutive sets longer than this, days, starts the window after it (default 5). */
  maxGapDays?: number;
  /** Manoeuvre detection settings (history/detectManeuvers). */
  maneuverDetection?: ManeuverDetectionOptions;
  /** Skip manoeuvre detection (synthetic histories known to be free of burns). */
  assumeNoManeuvers?: boolean;
  /** Starting value, kg/m² (default 100). */
  initialGuessKgPerM2?: number;
  /** Largest integration step, s (default 6 h: resolves the daily space-weather changes). */
  maxStepS?: number;
}

export interface BallisticFitResult {
  /** Fitted m/(Cd·A), kg/m². */
  ballisticCoefficientKgPerM2: number;
  /** 1σ uncertainty, kg/m² (max of the two below). */
  sigmaKgPerM2: number;
  formalSigmaKgPerM2: number;
  subWindowSigmaKgPerM2: number;
  /** B of each sub-window, kg/m² (NaN where a third was too short to fit). */
  subWindowValues: number[];
  windowStart: Epoch;
  windowEnd: Epoch;
  /** Element sets used, and dropped as outliers. */
  points: number;
  rejectedPoints: number;
  /** RMS of the a residuals, m, and their lag-1 autocorrelation. */
  residualRmsM: number;
  residualLag1: number;
  /** Observed mean decay over the window, m/day (positive = decaying). */
  decayRateMPerDay: number;
  /** The last manoeuvre before the window, if any. */
  lastManeuver?: DetectedManeuver;
  /** Element sets after asOf that were ignored. */
  ignoredAfterAsOf: number;
  /** Fitted model state at the last element set of the window: start predictions from it. */
  stateAtWindowEnd: MeanOrbitState;
  /** Propagations run. */
  propagations: number;
  warnings: string[];
}

interface WindowFit {
  b: number;
  /** Fitted mean semi-major axis at the first set of the window, m. */
  a0: number;
  /** Relative 1σ of B (formal, inflated for correlated residuals). */
  sigmaRel: number;
  rms: number;
  lag1: number;
  rejected: number;
  finalState: MeanOrbitState;
  propagations: number;
  /** Whether the iteration met its tolerance before the cap. */
  converged: boolean;
  /** Size of the last accepted change of ln B (how far from converged the cap left it). */
  lastStepLnB: number;
}

/** Levenberg–Marquardt iterations at most (each 1–3 propagations). */
const MAX_FIT_ITERATIONS = 20;
/** Largest change of ln B in one step: a factor 2, so a far-off guess cannot jump past the answer. */
const MAX_STEP_LN_B = Math.LN2;
/** Finite-difference steps of the Jacobian: +1 % in B, +50 m in the start axis (both away from re-entry). */
const DIFF_LN_B = 0.01;
const DIFF_A0_M = 50;

/**
 * Fit (a0, ln B) to the sets of `points` by Levenberg–Marquardt: the model is the averaged
 * propagator from the first set (its e-vector, i, Ω, λ; a = a0) with B = m/(Cd·A); residuals are
 * the observed mean a minus the model at each set. Near re-entry the decay is far from linear in
 * 1/B and in a0, so both partials come from propagations; a trial whose model falls below 80 km
 * perigee inside the window is a failed trial (more damping), not an error.
 */
function fitWindow(
  records: readonly MeanElements[],
  points: readonly OrbitHistoryPoint[],
  b0: number,
  options: BallisticFitOptions,
  rejectOutliers: boolean,
): WindowFit {
  const n = points.length;
  const t = new Float64Array(n);
  const aObs = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    t[k] = points[k].epoch.secondsSince(points[0].epoch);
    aObs[k] = points[k].semiMajorAxisM;
  }
  const slopeMPerDay = fitLine(t, aObs).slope * DAY;
  if (!(slopeMPerDay < 0)) {
    throw new BallisticFitError('no-decay', `the observed semi-major axis does not decay in this window (trend ${slopeMPerDay >= 0 ? '+' : ''}${slopeMPerDay.toFixed(1)} m/day); check for manoeuvres or choose another window`);
  }
  const start = meanStateFromElements(records[points[0].sourceIndex]);
  const use = new Uint8Array(n).fill(1);
  let propagations = 0;
  const model = (a0: number, lnB: number): { a: Float64Array; final: MeanOrbitState } | undefined => {
    const run = propagateAveraged(
      { ...start, semiMajorAxisM: a0 },
      {
        ...options,
        ballisticCoefficientKgPerM2: Math.exp(lnB),
        outputTimesS: t,
        endEpoch: points[n - 1].epoch.plusSeconds(1),
        maxStepS: options.maxStepS ?? DEFAULT_MAX_STEP_S,
        // The averaged equations mean nothing once the model is down: stop there.
        stopPerigeeAltitudeM: DECAYED_PERIGEE_M - 40e3,
      },
    );
    propagations++;
    const out = run.outputs as Float64Array;
    const a = new Float64Array(n);
    for (let k = 0; k < n; k++) a[k] = out[6 * k];
    if (!a.every(Number.isFinite)) return undefined;
    return { a, final: meanStateFromVector(points[n - 1].epoch, out.subarray(6 * (n - 1), 6 * n)) };
  };
  const cost = (a: Float64Array) => {
    let q = 0;
    for (let k = 0; k < n; k++) if (use[k]) q += (aObs[k] - a[k]) ** 2;
    return q;
  };

  let a0 = aObs[0];
  let lnB = Math.log(b0);
  let current = model(a0, lnB);
  // A guess with far too much drag brings the model down inside the window: less drag until it stays up.
  for (let tries = 0; !current && tries < 12; tries++) {
    lnB += Math.log(3);
    current = model(a0, lnB);
  }
  if (!current) throw new BallisticFitError('no-decay', `the model re-entered inside the window even with B = ${Math.exp(lnB).toPrecision(4)} kg/m²`);
  let currentCost = cost(current.a);
  let lambda = 1e-3;
  let outliersDone = !rejectOutliers;
  let converged = false;
  let lastStep = Infinity;
  // Normal matrix of the current point (kept for the covariance).
  let jtj = [0, 0, 0];
  for (let iter = 0; iter < MAX_FIT_ITERATIONS && !converged; iter++) {
    const dB = model(a0, lnB + DIFF_LN_B);
    const dA = model(a0 + DIFF_A0_M, lnB);
    if (!dB || !dA) throw new BallisticFitError('no-decay', `the model re-entered inside the window near B = ${Math.exp(lnB).toPrecision(4)} kg/m²`);
    const { saa, sab, sbb, ra, rb } = normalEquations(aObs, use, current.a, dA.a, dB.a);
    jtj = [saa, sab, sbb];
    let accepted = false;
    for (let damp = 0; damp < 8 && !accepted; damp++) {
      const m11 = saa * (1 + lambda);
      const m22 = sbb * (1 + lambda);
      const det = m11 * m22 - sab * sab;
      let da = (m22 * ra - sab * rb) / det;
      let db = (m11 * rb - sab * ra) / det;
      if (!Number.isFinite(da) || !Number.isFinite(db)) {
        throw new BallisticFitError('no-decay', 'the decay is not measurable against the TLE noise in this window (singular fit)');
      }
      if (Math.abs(db) > MAX_STEP_LN_B) {
        const f = MAX_STEP_LN_B / Math.abs(db);
        da *= f;
        db *= f;
      }
      const trial = model(a0 + da, lnB + db);
      const trialCost = trial ? cost(trial.a) : Infinity;
      if (trial && trialCost <= currentCost) {
        a0 += da;
        lnB += db;
        current = trial;
        currentCost = trialCost;
        lambda = Math.max(1e-7, lambda / 3);
        lastStep = Math.abs(db);
        accepted = true;
        converged = Math.abs(db) < 1e-4 && Math.abs(da) < 0.1;
      } else lambda *= 5;
    }
    // No step lowers the cost: the current point is the minimum to the iteration's precision.
    if (!accepted) converged = true;
    if (converged && !outliersDone) {
      outliersDone = true;
      if (dropOutliers(aObs, use, current.a) > 0) {
        converged = false;
        currentCost = cost(current.a);
      }
    }
  }
  const b = Math.exp(lnB);
  if (!(b > 0.1 && b < 1e6)) throw new BallisticFitError('no-decay', `the fit diverged (B = ${b.toPrecision(4)} kg/m²): the decay is not measurable against the TLE noise in this window`);

  const { rms, sigmaRes, lag1 } = residualStatistics(aObs, use, current.a);
  const r1 = Math.min(0.9, Math.max(0, lag1));
  // Var(ln B) = σ² (JᵀJ)⁻¹ at [ln B, ln B], inflated for lag-1 correlated residuals.
  const [saa, sab, sbb] = jtj;
  const varLnB = saa / (saa * sbb - sab * sab);
  const sigmaRel = sigmaRes * Math.sqrt(varLnB) * Math.sqrt((1 + r1) / (1 - r1));
  if (!(sigmaRel >= 0)) throw new BallisticFitError('no-decay', 'the decay is not measurable against the TLE noise in this window');
  let rejected = 0;
  for (let k = 0; k < n; k++) rejected += 1 - use[k];
  return { b, a0, sigmaRel, rms, lag1, rejected, finalState: current.final, propagations, converged, lastStepLnB: lastStep };
}

/** Normal equations of the (a0, ln B) fit: JᵀJ (saa, sab, sbb) and Jᵀr (ra, rb), J by forward differences. */
function normalEquations(aObs: Float64Array, use: Uint8Array, a: Float64Array, aPlusA0: Float64Array, aPlusLnB: Float64Array) {
  let saa = 0;
  let sab = 0;
  let sbb = 0;
  let ra = 0;
  let rb = 0;
  for (let k = 0; k < aObs.length; k++) if (use[k]) {
    const ja = (aPlusA0[k] - a[k]) / DIFF_A0_M;
    const jb = (aPlusLnB[k] - a[k]) / DIFF_LN_B;
    const r = aObs[k] - a[k];
    saa += ja * ja;
    sab += ja * jb;
    sbb += jb * jb;
    ra += ja * r;
    rb += jb * r;
  }
  return { saa, sab, sbb, ra, rb };
}

/** Unmark the sets more than 5 robust σ (1.4826·MAD) off the model; returns how many. */
function dropOutliers(aObs: Float64Array, use: Uint8Array, a: Float64Array): number {
  const res: number[] = [];
  for (let k = 0; k < aObs.length; k++) if (use[k]) res.push(Math.abs(aObs[k] - a[k]));
  res.sort((p, q) => p - q);
  const madSigma = 1.4826 * res[Math.floor(res.length / 2)];
  let dropped = 0;
  for (let k = 0; k < aObs.length; k++) {
    if (use[k] && Math.abs(aObs[k] - a[k]) > 5 * madSigma) {
      use[k] = 0;
      dropped++;
    }
  }
  return dropped;
}

/** RMS of the residuals, their σ with two parameters fitted, and their lag-1 autocorrelation. */
function residualStatistics(aObs: Float64Array, use: Uint8Array, a: Float64Array): { rms: number; sigmaRes: number; lag1: number } {
  const res: number[] = [];
  for (let k = 0; k < aObs.length; k++) if (use[k]) res.push(aObs[k] - a[k]);
  const m = res.length;
  const sumSq = res.reduce((q, r) => q + r * r, 0);
  const rms = Math.sqrt(sumSq / m);
  let num = 0;
  for (let k = 1; k < m; k++) num += res[k] * res[k - 1];
  return { rms, sigmaRes: Math.sqrt(sumSq / Math.max(1, m - 2)), lag1: rms > 0 ? num / (rms * rms * m) : 0 };
}

/**
 * Decay only speeds up as an object sinks, so the time to fall from the last set's mean perigee to
 * 120 km at the rate of its last day is an upper bound on what it had left. An as-of date beyond
 * that bound is after the re-entry, whatever the fit would say.
 */
function checkRecentRateAllowsAsOf(history: readonly OrbitHistoryPoint[], asOf: Epoch): void {
  const last = history[history.length - 1];
  const staleS = asOf.secondsSince(last.epoch);
  if (!(staleS > 0)) return;
  const { spanS, rateMPerS } = recentDecay(history, DAY);
  if (!(spanS >= 0.25 * DAY) || !(rateMPerS > 0)) return;
  const boundS = Math.max(0, last.perigeeAltitudeM - DECAYED_PERIGEE_M) / rateMPerS;
  if (staleS > boundS) {
    throw new BallisticFitError(
      'decayed',
      `the object has already decayed: its last element set (${last.epoch.toIsoUtc(0)}, mean perigee ${(last.perigeeAltitudeM / 1e3).toFixed(1)} km) was sinking ${((rateMPerS * DAY) / 1e3).toFixed(1)} km/day, so it was below ${DECAYED_PERIGEE_M / 1e3} km within ${(boundS / DAY).toFixed(1)} days, before asOf ${asOf.toIsoUtc(0)}`,
    );
  }
}

/**
 * An as-of date well after the last element set: the object may have come down in between (a
 * decayed object's history simply stops). Propagated from the fit's last state with the fitted B,
 * it must still be in orbit at asOf.
 */
function checkStillInOrbit(state: MeanOrbitState, b: number, asOf: Epoch, options: BallisticFitOptions): void {
  if (!(asOf.secondsSince(state.epoch) > 3600)) return;
  const run = propagateAveraged(state, {
    ...options,
    ballisticCoefficientKgPerM2: b,
    endEpoch: asOf,
    stopPerigeeAltitudeM: DECAYED_PERIGEE_M,
    maxStepS: options.maxStepS ?? DEFAULT_MAX_STEP_S,
  });
  if (run.stopReason !== 'end-epoch') {
    throw new BallisticFitError(
      'decayed',
      `the object has already decayed: propagated from its last element set (${state.epoch.toIsoUtc(0)}) with the fitted B = ${b.toPrecision(3)} kg/m², its mean perigee falls below ${DECAYED_PERIGEE_M / 1e3} km on ${run.final.epoch.toIsoUtc(0)}, before asOf ${asOf.toIsoUtc(0)}`,
    );
  }
}

/** Fit m/(Cd·A) to the decay in a TLE/OMM history; see the module comment. */
export function fitBallisticCoefficient(elements: readonly MeanElements[], options: BallisticFitOptions): BallisticFitResult {
  const asOf = options.asOf;
  if (!asOf || typeof asOf.secondsSince !== 'function') throw new BallisticFitError('bad-input', 'asOf: an Epoch is required (the fit uses element sets up to it only)');
  if (!Array.isArray(elements) || elements.length === 0) throw new BallisticFitError('too-few', 'no element sets given');
  const minPoints = options.minPoints ?? 6;
  // Two parameters and a residual scatter: three sets at the very least.
  if (!(Number.isInteger(minPoints) && minPoints >= 3)) throw new BallisticFitError('bad-input', `minPoints: must be an integer ≥ 3, got ${minPoints}`);
  const minSpanDays = options.minSpanDays ?? 2;
  const maxGapDays = options.maxGapDays ?? 5;
  const warnings: string[] = [];

  const candidates = options.noradId === undefined ? elements : elements.filter((e) => e.noradId === options.noradId);
  if (candidates.length === 0) throw new BallisticFitError('mixed-objects', `no element sets for NORAD ${options.noradId}`);
  const ids = new Set(candidates.map((e) => e.noradId));
  if (ids.size > 1) {
    throw new BallisticFitError('mixed-objects', `element sets of ${ids.size} objects (NORAD ${[...ids].slice(0, 5).join(', ')}); choose one with noradId`);
  }
  let first = candidates[0].epoch;
  for (const e of candidates) if (e.epoch.isBefore(first)) first = e.epoch;
  if (asOf.isBefore(first)) {
    throw new BallisticFitError('as-of-before-first', `asOf ${asOf.toIsoUtc(0)} is before the first element set (${first.toIsoUtc(0)})`);
  }
  const records = candidates.filter((e) => !e.epoch.isAfter(asOf));
  const ignoredAfterAsOf = candidates.length - records.length;
  const history = orbitHistory(records);
  const last = history[history.length - 1];
  const lastRecord = records[last.sourceIndex];
  if (last.perigeeAltitudeM < DECAYED_PERIGEE_M) {
    throw new BallisticFitError(
      'decayed',
      `the object has already decayed: last element set ${last.epoch.toIsoUtc(0)} has mean perigee ${(last.perigeeAltitudeM / 1e3).toFixed(1)} km (${lastRecord.meanMotionRevPerDay.toFixed(3)} rev/day), below ${DECAYED_PERIGEE_M / 1e3} km`,
    );
  }
  const staleDays = asOf.secondsSince(last.epoch) / DAY;
  checkRecentRateAllowsAsOf(history, asOf);
  if (staleDays > 30) warnings.push(`the last element set is ${staleDays.toFixed(0)} days before asOf`);

  // Window: adapted to the recent decay rate unless given.
  const ageDays = (p: OrbitHistoryPoint) => last.epoch.secondsSince(p.epoch) / DAY;
  let windowDays = options.windowDays;
  if (windowDays === undefined) {
    const rateMPerDay = recentDecay(history, 10 * DAY).rateMPerS * DAY;
    windowDays = rateMPerDay > 0 ? Math.min(30, Math.max(3, 20e3 / rateMPerDay)) : 30;
  }
  if (!(windowDays > 0)) throw new BallisticFitError('bad-input', `windowDays: must be > 0, got ${windowDays}`);
  let startIndex = history.findIndex((p) => ageDays(p) <= windowDays);

  let lastManeuver: DetectedManeuver | undefined;
  if (!options.assumeNoManeuvers && history.length >= 10) {
    const detection = detectManeuvers(history, options.maneuverDetection);
    const settle = detection.options.settleDays;
    for (const m of detection.maneuvers) {
      const after = m.windowEnd.plusSeconds(settle * DAY);
      if (!after.isAfter(history[startIndex].epoch)) continue;
      lastManeuver = m;
      const k = history.findIndex((p) => !p.epoch.isBefore(after));
      startIndex = k < 0 ? history.length : k;
    }
  }
  for (let k = history.length - 1; k > startIndex; k--) {
    const gap = history[k].epoch.secondsSince(history[k - 1].epoch) / DAY;
    if (gap > maxGapDays) {
      const remaining = ageDays(history[k]);
      if (history.length - k < minPoints || remaining < minSpanDays) {
        throw new BallisticFitError(
          'gap',
          `a ${gap.toFixed(1)}-day gap in the element sets (${history[k - 1].epoch.toIsoUtc(0)} → ${history[k].epoch.toIsoUtc(0)}) leaves ${history.length - k} sets over ${remaining.toFixed(1)} days after it (need ${minPoints} over ${minSpanDays} days)`,
        );
      }
      warnings.push(`window starts after a ${gap.toFixed(1)}-day gap ending ${history[k].epoch.toIsoUtc(0)}`);
      startIndex = k;
      break;
    }
  }
  const window = history.slice(startIndex);
  const spanDays = window.length > 0 ? ageDays(window[0]) : 0;
  if (window.length < minPoints || spanDays < minSpanDays) {
    const why = lastManeuver ? ` after the manoeuvre ending ${lastManeuver.windowEnd.toIsoUtc(0)}` : '';
    throw new BallisticFitError(
      'too-few',
      `${window.length} element sets over ${spanDays.toFixed(2)} days in the fit window${why} (need at least ${minPoints} sets over ${minSpanDays} days)`,
    );
  }

  const b0 = options.initialGuessKgPerM2 ?? 100;
  if (!(b0 > 0)) throw new BallisticFitError('bad-input', `initialGuessKgPerM2: must be > 0, got ${b0}`);
  const full = fitWindow(records, window, b0, options, true);
  let propagations = full.propagations;
  if (!full.converged) {
    warnings.push(`the fit stopped at its iteration limit without converging (last step changed B by ${(100 * Math.expm1(full.lastStepLnB)).toFixed(1)} %): B is uncertain beyond its stated σ`);
  }

  // Sub-windows: three consecutive thirds in time.
  const subWindowValues: number[] = [];
  const t0 = window[0].epoch;
  for (let j = 0; j < 3; j++) {
    const lo = (j * spanDays) / 3;
    const hi = ((j + 1) * spanDays) / 3;
    const part = window.filter((p) => {
      const d = p.epoch.secondsSince(t0) / DAY;
      return d >= lo - 1e-9 && (j === 2 ? d <= hi + 1e-9 : d < hi);
    });
    const partSpan = part.length > 1 ? part[part.length - 1].epoch.secondsSince(part[0].epoch) / DAY : 0;
    if (part.length < 4 || partSpan < minSpanDays / 3) {
      subWindowValues.push(NaN);
      continue;
    }
    try {
      const f = fitWindow(records, part, full.b, options, false);
      propagations += f.propagations;
      subWindowValues.push(f.b);
    } catch (err) {
      if (!(err instanceof BallisticFitError)) throw err;
      subWindowValues.push(NaN);
    }
  }
  const good = subWindowValues.filter(Number.isFinite);
  let subSigma = NaN;
  if (good.length >= 2) {
    const mean = good.reduce((p, q) => p + q, 0) / good.length;
    subSigma = Math.sqrt(good.reduce((p, q) => p + (q - mean) ** 2, 0) / (good.length - 1)) / Math.sqrt(good.length);
  } else warnings.push('sub-window uncertainty unavailable (window too short to split in three)');
  const formalSigma = full.b * full.sigmaRel;
  checkStillInOrbit(full.finalState, full.b, asOf, options);
  return {
    ballisticCoefficientKgPerM2: full.b,
    sigmaKgPerM2: Number.isFinite(subSigma) ? Math.max(formalSigma, subSigma) : formalSigma,
    formalSigmaKgPerM2: formalSigma,
    subWindowSigmaKgPerM2: subSigma,
    subWindowValues,
    windowStart: window[0].epoch,
    windowEnd: last.epoch,
    points: window.length - full.rejected,
    rejectedPoints: full.rejected,
    residualRmsM: full.rms,
    residualLag1: full.lag1,
    decayRateMPerDay: (window[0].semiMajorAxisM - last.semiMajorAxisM) / spanDays,
    lastManeuver,
    ignoredAfterAsOf,
    stateAtWindowEnd: full.finalState,
    propagations,
    warnings,
  };
}
