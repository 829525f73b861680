/**
 * Long-term propagation of mean elements with the orbit-averaged equations (averagedDynamics.ts),
 * integrated by the Dormand–Prince 5(4) pair of integrators/ with error control: steps of days
 * at ISS altitudes, hours near re-entry. Stops at an end epoch, or when the mean perigee (or mean)
 * altitude falls through a threshold — the point where the caller hands over to the numerical
 * propagator (handOver.ts), since below ~150 km the decay per revolution is no longer small and
 * averaging over a revolution stops being meaningful.
 *
 * Pure: every call builds its own integrator and dynamics (but the atmosphere and space-weather
 * objects passed in carry scratch state, so give each worker thread its own).
 */
import { DormandPrince54 } from '../integrators/dormandPrince54.js';
import type { OdeEventDetector } from '../events/types.js';
import { WGS72_EQUATORIAL_RADIUS_M } from '../../foundation/elements/wgs72.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { AveragedDynamics, type AveragedDynamicsOptions } from './averagedDynamics.js';
import { checkMeanState, type MeanOrbitState } from './meanState.js';

const DAY = 86400;

export interface AveragedPropagationOptions extends AveragedDynamicsOptions {
  /** Stop here at the latest. Default: 50 years after the start. */
  endEpoch?: Epoch;
  /** Stop when the mean perigee altitude a(1 − e) − R⊕ falls below this, m. */
  stopPerigeeAltitudeM?: number;
  /** Stop when the mean altitude a − R⊕ falls below this, m (R⊕ = WGS-72 equatorial radius). */
  stopMeanAltitudeM?: number;
  /** States wanted at these times, s after the start, increasing (e.g. TLE epochs for a fit). */
  outputTimesS?: ArrayLike<number>;
  /** Also record a sample every this many seconds (altitude history for plots). */
  sampleEveryS?: number;
  /** Relative tolerance (default 1e-9) and absolute tolerance of a, m (default 1). */
  rtol?: number;
  atolSemiMajorAxisM?: number;
  /** Largest step, s (default 2 days; shorter resolves daily space-weather changes better). */
  maxStepS?: number;
  /** First trial step, s (default: the integrator's heuristic, which starts small and grows ×10 a step). */
  initialStepS?: number;
}

export type AveragedStopReason = 'end-epoch' | 'perigee-altitude' | 'mean-altitude';

export interface AveragedPropagationResult {
  final: MeanOrbitState;
  stopReason: AveragedStopReason;
  /** Elements [a, e cos ω, e sin ω, i, Ω, λ] at each requested output time (6 per time); NaN past the stop. */
  outputs?: Float64Array;
  /** Samples: t (s after start) and the 6 elements, 7 numbers per sample. */
  samples?: Float64Array;
  stats: { steps: number; rejected: number; evaluations: number; densityCalls: number; wallSeconds: number };
}

function stateVector(s: MeanOrbitState): Float64Array {
  return Float64Array.of(s.semiMajorAxisM, s.eCosArgPerigee, s.eSinArgPerigee, s.inclinationRad, s.raanRad, s.meanArgumentOfLatitudeRad);
}

/** MeanOrbitState from an element vector at `epoch`. */
export function meanStateFromVector(epoch: Epoch, y: ArrayLike<number>): MeanOrbitState {
  return {
    epoch,
    semiMajorAxisM: y[0],
    eCosArgPerigee: y[1],
    eSinArgPerigee: y[2],
    inclinationRad: y[3],
    raanRad: y[4],
    meanArgumentOfLatitudeRad: y[5],
  };
}

/** Propagate a mean state with the orbit-averaged model. */
export function propagateAveraged(initial: MeanOrbitState, options: AveragedPropagationOptions): AveragedPropagationResult {
  checkMeanState(initial, 'initial');
  const started = performance.now();
  const dynamics = new AveragedDynamics(initial.epoch, options);
  const tEnd = options.endEpoch ? options.endEpoch.secondsSince(initial.epoch) : 50 * 365.25 * DAY;
  if (!(tEnd > 0)) throw new RangeError(`endEpoch: must be after the initial epoch ${initial.epoch.toIsoUtc(3)}`);
  const rtol = options.rtol ?? 1e-9;
  const atolA = options.atolSemiMajorAxisM ?? 1;
  if (!(rtol > 0) || !(atolA > 0)) throw new RangeError('rtol and atolSemiMajorAxisM must be > 0');
  const maxStepS = options.maxStepS ?? 2 * DAY;
  if (!(maxStepS > 0)) throw new RangeError(`maxStepS: must be > 0, got ${maxStepS}`);
  const integrator = new DormandPrince54({
    n: 6,
    rtol,
    // a (m), e-vector, i and Ω (rad), λ (rad: it grows by ~5,500 rad a year, so rtol governs).
    atol: [atolA, 1e-7, 1e-7, 1e-8, 1e-8, 1e-6],
    maxStepS,
  });

  const events: OdeEventDetector[] = [];
  const R = WGS72_EQUATORIAL_RADIUS_M;
  if (options.stopPerigeeAltitudeM !== undefined) {
    const h = options.stopPerigeeAltitudeM;
    if (!Number.isFinite(h)) throw new RangeError(`stopPerigeeAltitudeM: must be finite, got ${h}`);
    events.push({
      name: 'perigee-altitude',
      g: (_t, y) => y[0] * (1 - Math.hypot(y[1], y[2])) - R - h,
      direction: 'decreasing',
      action: 'stop',
      maxCheckS: DAY,
      timeToleranceS: 1,
    });
  }
  if (options.stopMeanAltitudeM !== undefined) {
    const h = options.stopMeanAltitudeM;
    if (!Number.isFinite(h)) throw new RangeError(`stopMeanAltitudeM: must be finite, got ${h}`);
    events.push({ name: 'mean-altitude', g: (_t, y) => y[0] - R - h, direction: 'decreasing', action: 'stop', maxCheckS: DAY, timeToleranceS: 1 });
  }
  const y0 = stateVector(initial);
  for (const ev of events) {
    if (ev.g(0, y0) <= 0) throw new RangeError(`initial state is already below the ${ev.name} stop (${initial.epoch.toIsoUtc(0)})`);
  }

  const outT = options.outputTimesS;
  let outputs: Float64Array | undefined;
  let nextOut = 0;
  if (outT) {
    for (let k = 0; k < outT.length; k++) {
      if (!Number.isFinite(outT[k]) || outT[k] < 0 || (k > 0 && outT[k] < outT[k - 1])) {
        throw new RangeError(`outputTimesS[${k}]: must be finite, ≥ 0 and non-decreasing, got ${outT[k]}`);
      }
    }
    outputs = new Float64Array(6 * outT.length).fill(NaN);
    while (nextOut < outT.length && outT[nextOut] === 0) outputs.set(y0, 6 * nextOut++);
  }
  const every = options.sampleEveryS;
  if (every !== undefined && !(every > 0)) throw new RangeError(`sampleEveryS: must be > 0, got ${every}`);
  let samples: number[] | undefined = every ? [0, ...y0] : undefined;
  let nextSample = every ?? Infinity;
  const scratch = new Float64Array(6);

  const result = integrator.integrate(dynamics.rates, 0, y0, tEnd, {
    events,
    initialStepS: options.initialStepS,
    onStep: (step) => {
      if (outputs && outT) {
        while (nextOut < outT.length && outT[nextOut] <= step.tCurr) {
          outputs.set(step.interpolate(outT[nextOut], scratch), 6 * nextOut++);
        }
      }
      if (samples && every) {
        while (nextSample <= step.tCurr) {
          samples.push(nextSample, ...step.interpolate(nextSample, scratch));
          nextSample += every;
        }
      }
    },
  });
  if (samples && samples[samples.length - 7] !== result.t) samples.push(result.t, ...result.y);
  const fired = result.events.find((e) => e.action === 'stop');
  const stopReason: AveragedStopReason = !result.stopped ? 'end-epoch' : (fired?.detector.name as AveragedStopReason);
  return {
    final: meanStateFromVector(initial.epoch.plusSeconds(result.t), result.y),
    stopReason,
    outputs,
    samples: samples ? Float64Array.from(samples) : undefined,
    stats: {
      steps: result.stats.steps,
      rejected: result.stats.rejected,
      evaluations: result.stats.evaluations,
      densityCalls: dynamics.counters.densityCalls,
      wallSeconds: (performance.now() - started) / 1000,
    },
  };
}
