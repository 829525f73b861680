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
 * 4. Fit: a_k ≈ c + s·Δ_k(B), Δ_k(B) = model a at the set epochs minus its start value, the model
 *    started at the first set of the window (its e-vector, i, Ω, λ; a = c). Drag decay is close to
 *    proportional to 1/B, so one linear least-squares step in (c, s) followed by B ← B/s is a
 *    Gauss–Newton step; it is repeated until s = 1 within 1e-4 (3–5 propagations). Sets more than
 *    5 robust σ (1.4826·MAD) off the fit are dropped once.
 * 5. Uncertainty (1σ): the larger of
 *    - formal: σ_s from the residual scatter, inflated by √((1 + r₁)/(1 − r₁)) for the lag-1
 *      autocorrelation r₁ of the residuals (TLE errors are correlated from one set to the next);
 *    - sub-windows: B fitted separately on three consecutive thirds of the window; their standard
 *      deviation / √3. This one also sees day-to-day density-model errors (storms, flux).
 *    B is the *model-relative* (effective) value: it absorbs the atmosphere model's bias, which is
 *    what a prediction with the same model needs.
 */
import type { OrbitHistoryPoint } from '../history/orbitHistory.js';
import { orbitHistory, recentDecay } from '../history/orbitHistory.js';
import { detectManeuvers, type DetectedManeuver, type ManeuverDetectionOptions } from '../history/detectManeuvers.js';
import type { MeanElements } from '../formats/meanElements.js';
import type { Epoch } from '../time/epoch.js';
import type { AveragedDynamicsOptions } from './averagedDynamics.js';
import { propagateAveraged, meanStateFromVector } from './averagedPropagator.js';
import { meanStateFromElements, type MeanOrbitState } from './meanState.js';

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
  c: number;
  s: number;
  sigmaRel: number;
  rms: number;
  lag1: number;
  rejected: number;
  finalState: MeanOrbitState;
  propagations: number;
  /** Whether the iteration met its tolerance (s = 1 within 1e-4) before the cap. */
  converged: boolean;
}

/** Fit B to the sets idx[0..] (times relative to the first); see the module comment. */
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
  const start = meanStateFromElements(records[points[0].sourceIndex]);
  const use = new Uint8Array(n).fill(1);
  let b = b0;
  let a0 = aObs[0];
  let propagations = 0;
  let outliersDone = !rejectOutliers;
  let c = a0;
  let s = 1;
  let sigmaRel = NaN;
  let rms = NaN;
  let lag1 = 0;
  let finalState = start;
  const delta = new Float64Array(n);
  let bLastFinite = 0;
  let a0LastFinite = a0;
  let sPrevious = 1;
  let done = false;
  for (let iter = 0; iter < 12; iter++) {
    const run = propagateAveraged(
      { ...start, semiMajorAxisM: a0 },
      {
        ...options,
        ballisticCoefficientKgPerM2: b,
        outputTimesS: t,
        endEpoch: points[n - 1].epoch.plusSeconds(1),
        maxStepS: options.maxStepS ?? DEFAULT_MAX_STEP_S,
        // A trial B far too small brings the model down inside the window: stop it there (the
        // averaged equations are meaningless below) and retry with less drag.
        stopPerigeeAltitudeM: DECAYED_PERIGEE_M - 40e3,
      },
    );
    propagations++;
    const out = run.outputs as Float64Array;
    for (let k = 0; k < n; k++) delta[k] = out[6 * k] - a0;
    finalState = meanStateFromVector(points[n - 1].epoch, out.subarray(6 * (n - 1), 6 * n));
    if (!Number.isFinite(delta[n - 1])) {
      if (iter < 11) {
        // Back towards the last B (and start) that stayed up.
        b = bLastFinite > 0 ? Math.sqrt(b * bLastFinite) : 3 * b;
        a0 = a0LastFinite;
        continue;
      }
      throw new BallisticFitError('no-decay', `the model re-entered inside the window even with B = ${b.toPrecision(4)} kg/m²`);
    }
    // Least squares a = c + s·Δ on the sets in use.
    let m = 0;
    let sd = 0;
    let sa = 0;
    for (let k = 0; k < n; k++) if (use[k]) {
      m++;
      sd += delta[k];
      sa += aObs[k];
    }
    const md = sd / m;
    const ma = sa / m;
    let sdd = 0;
    let sda = 0;
    for (let k = 0; k < n; k++) if (use[k]) {
      sdd += (delta[k] - md) ** 2;
      sda += (delta[k] - md) * (aObs[k] - ma);
    }
    s = sda / sdd;
    c = ma - s * md;
    const res: number[] = [];
    for (let k = 0; k < n; k++) if (use[k]) res.push(aObs[k] - c - s * delta[k]);
    rms = Math.sqrt(res.reduce((q, r) => q + r * r, 0) / res.length);
    const sigmaRes = Math.sqrt(res.reduce((q, r) => q + r * r, 0) / Math.max(1, m - 2));
    let num = 0;
    for (let k = 1; k < res.length; k++) num += res[k] * res[k - 1];
    lag1 = rms > 0 ? num / (rms * rms * res.length) : 0;
    const r1 = Math.min(0.9, Math.max(0, lag1));
    sigmaRel = ((sigmaRes / Math.sqrt(sdd)) * Math.sqrt((1 + r1) / (1 - r1))) / Math.max(Math.abs(s), 1e-12);
    if (!(s > 0) || !Number.isFinite(s)) {
      const slope = (sda / Math.max(sdd, 1e-30)) * (md / Math.max(t[n - 1] / DAY, 1e-9));
      throw new BallisticFitError('no-decay', `the observed semi-major axis does not decay with the modelled drag (slope ${slope.toFixed(1)} m/day against the model); check for manoeuvres or choose another window`);
    }
    const converged = Math.abs(s - 1) < 1e-4 && Math.abs(c - a0) < 0.1;
    bLastFinite = b;
    a0LastFinite = a0;
    // Near re-entry the decay is far from linear in 1/B: at most a factor 2 per step, and half a
    // step when the last one overshot (s − 1 changed sign: the iteration would oscillate).
    const overshot = (s - 1) * (sPrevious - 1) < 0;
    b /= Math.min(2, Math.max(0.5, overshot ? Math.sqrt(s) : s));
    sPrevious = s;
    a0 = c;
    if (!(b > 0.1 && b < 1e6)) throw new BallisticFitError('no-decay', `the fit diverged (B = ${b.toPrecision(4)} kg/m²): the decay is not measurable against the TLE noise in this window`);
    if (converged) {
      if (outliersDone) {
        done = true;
        break;
      }
      outliersDone = true;
      const sorted = res.map(Math.abs).sort((p, q) => p - q);
      const madSigma = 1.4826 * sorted[Math.floor(sorted.length / 2)];
      let dropped = 0;
      for (let k = 0; k < n; k++) {
        if (use[k] && Math.abs(aObs[k] - c - delta[k]) > 5 * madSigma) {
          use[k] = 0;
          dropped++;
        }
      }
      if (dropped === 0) {
        done = true;
        break;
      }
    }
  }
  let rejected = 0;
  for (let k = 0; k < n; k++) rejected += 1 - use[k];
  return { b, c, s, sigmaRel, rms, lag1, rejected, finalState, propagations, converged: done };
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
    warnings.push(`the fit stopped at its iteration limit without converging (last step changed B by ${(100 * Math.abs(full.s - 1)).toFixed(1)} %): B is uncertain beyond its stated σ`);
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
