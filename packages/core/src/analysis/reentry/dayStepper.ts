/**
 * Day-stepped integration of the orbit-averaged dynamics (decay/averagedDynamics.ts) for the long,
 * slow part of an ensemble member's decay (bench/reentry.bench.ts profile: 60–80 % of a member's
 * time is NRLMSISE-00 calls, and the first phase is most of them).
 *
 * Why days: with the standard NRLMSISE-00 switches (daily Ap) the space weather a member sees is
 * constant over each UTC day — F10.7 of the day before, the centred 81-day mean, the daily Ap —
 * and jumps from one day to the next (a member's forecast Ap changes by tens of per cent a day).
 * An error-controlled Runge–Kutta step of several days samples those days unevenly (the 4-day
 * Dormand–Prince steps of the ensemble's first phase put its 6 stages on ~3 of 4 days and none
 * on the other), so most of its ~2 evaluations a day buy no accuracy. Here each UTC day [t_a, t_b]
 * gets exactly one evaluation, inside that day:
 *   y_s = y_a + (t_s − t_a) f_prev,   f_d = f(t_s, y_s),   y_b = y_a + (t_b − t_a) f_d,
 * with f_prev the previous day's rate (the first day uses f(0, y0)): a midpoint rule with a
 * lagged predictor, second order for the smooth part of the motion (the predictor's error
 * (t_s − t_a)(f_d − f_prev) is O(h²)), while every day's weather enters with its full length.
 * The sample instant t_s = t_a + θ_k (t_b − t_a) moves through the day with the golden-ratio
 * sequence θ_k = frac(1/2 + k·0.618…): the density's UT/longitude terms (a ~2 % diurnal swing of
 * ȧ at a fixed orbit) are sampled at all times of day instead of always at one (a bias), and the
 * first-order midpoint error terms (θ_k − 1/2) h² f′ cancel over days (their running sum stays
 * bounded for a low-discrepancy sequence).
 *
 * Valid while the orbit changes little in a day: the caller stops it at a mean altitude where
 * the decay is still slow (ensemble.ts), and hands over to the error-controlled integrator.
 * Leap seconds are ignored for the day grid (a 1-s shift of one boundary).
 */
import { AveragedDynamics, type AveragedDynamicsOptions } from '../../propagation/averaged/averagedDynamics.js';
import { meanStateFromVector } from '../../propagation/averaged/averagedPropagator.js';
import { checkMeanState, type MeanOrbitState } from '../../propagation/averaged/meanState.js';
import { WGS72_EQUATORIAL_RADIUS_M } from '../../foundation/elements/wgs72.js';
import type { Epoch } from '../../foundation/time/epoch.js';

const DAY = 86400;
/** 1/φ: the golden-ratio step of the sample positions. */
const GOLDEN_STEP = (Math.sqrt(5) - 1) / 2;

export interface DaySteppedOptions extends AveragedDynamicsOptions {
  endEpoch: Epoch;
  /** Stop at the start of the day in which the mean altitude a − R⊕ (m) would fall below this. */
  stopMeanAltitudeM: number;
  /** Same for the mean perigee altitude a(1 − e) − R⊕, m. */
  stopPerigeeAltitudeM?: number;
  /** Record a sample every this many seconds (t and the 6 elements, linear within a day). */
  sampleEveryS?: number;
}

export interface DaySteppedResult {
  final: MeanOrbitState;
  /** 'end-epoch', or 'handover' (the next day would cross a stop altitude). */
  stopReason: 'end-epoch' | 'handover';
  samples?: Float64Array;
  stats: { days: number; evaluations: number; densityCalls: number };
}

function belowStop(y: Float64Array, meanM: number, perigeeM: number | undefined): boolean {
  const alt = y[0] - WGS72_EQUATORIAL_RADIUS_M;
  if (!(alt > meanM)) return true; // also NaN
  return perigeeM !== undefined && !(y[0] * (1 - Math.hypot(y[1], y[2])) - WGS72_EQUATORIAL_RADIUS_M > perigeeM);
}

/** Integrate one evaluation per UTC day until a stop altitude is near or the end epoch. */
export function propagateDayStepped(initial: MeanOrbitState, options: DaySteppedOptions): DaySteppedResult {
  checkMeanState(initial, 'initial');
  const dyn = new AveragedDynamics(initial.epoch, options);
  const tEnd = options.endEpoch.secondsSince(initial.epoch);
  if (!(tEnd > 0)) throw new RangeError(`endEpoch: must be after the initial epoch ${initial.epoch.toIsoUtc(3)}`);
  const every = options.sampleEveryS;
  if (every !== undefined && !(every > 0)) throw new RangeError(`sampleEveryS: must be > 0, got ${every}`);
  const y = Float64Array.of(initial.semiMajorAxisM, initial.eCosArgPerigee, initial.eSinArgPerigee, initial.inclinationRad, initial.raanRad, initial.meanArgumentOfLatitudeRad);
  const yS = new Float64Array(6);
  const yNew = new Float64Array(6);
  const fPrev = new Float64Array(6);
  const f = new Float64Array(6);
  const samples: number[] | undefined = every ? [0, ...y] : undefined;
  let nextSample = every ?? Infinity;
  dyn.rates(0, y, fPrev);
  let t = 0;
  let tBoundary = DAY - initial.epoch.utcDaySeconds().secondsOfDay;
  let stopReason: DaySteppedResult['stopReason'] = 'end-epoch';
  let days = 0;
  while (t < tEnd) {
    const tB = Math.min(tBoundary, tEnd);
    const h = tB - t;
    const theta = (0.5 + days * GOLDEN_STEP) % 1;
    const dtS = theta * h;
    for (let i = 0; i < 6; i++) yS[i] = y[i] + dtS * fPrev[i];
    dyn.rates(t + dtS, yS, f);
    for (let i = 0; i < 6; i++) yNew[i] = y[i] + h * f[i];
    if (belowStop(yNew, options.stopMeanAltitudeM, options.stopPerigeeAltitudeM)) {
      stopReason = 'handover';
      break;
    }
    if (samples && every) {
      for (; nextSample <= tB; nextSample += every) {
        samples.push(nextSample);
        for (let i = 0; i < 6; i++) samples.push(y[i] + (nextSample - t) * f[i]);
      }
    }
    y.set(yNew);
    fPrev.set(f);
    t = tB;
    tBoundary += DAY;
    days++;
  }
  if (samples && samples[samples.length - 7] !== t) samples.push(t, ...y);
  return {
    final: meanStateFromVector(initial.epoch.plusSeconds(t), y),
    stopReason,
    samples: samples ? Float64Array.from(samples) : undefined,
    stats: { days, evaluations: dyn.counters.evaluations, densityCalls: dyn.counters.densityCalls },
  };
}
