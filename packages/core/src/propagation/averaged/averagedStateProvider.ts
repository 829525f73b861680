/**
 * The averaged mean-element propagator as a {@link Propagator}: the mean state is integrated with
 * propagateAveraged (the integrator's dense output gives the mean elements at each wanted epoch,
 * exactly as its `outputTimesS`), then turned into an osculating Cartesian state with the J2
 * short-period terms (handOver.ts, the hand-over to the numerical propagator). The mean
 * elements of a TLE-derived state are in TEME, so the states are TEME (m, m/s).
 *
 * Each call integrates from the initial state: cheap (steps of hours to days) but not free, so ask
 * for many epochs at once with `statesInto`.
 */
import type { FrameState } from '../../foundation/frames/frameState.js';
import { osculatingFromMeanState } from './handOver.js';
import type { MeanOrbitState } from './meanState.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { stateBuffer, type Propagator } from '../propagator.js';
import { meanStateFromVector, propagateAveraged, type AveragedPropagationOptions } from './averagedPropagator.js';

/** The averaged model's settings (the end epoch and outputs follow from the epochs asked for). */
export type AveragedPropagatorOptions = Omit<AveragedPropagationOptions, 'endEpoch' | 'outputTimesS' | 'sampleEveryS'>;

export class AveragedPropagator implements Propagator {
  readonly frame = 'TEME' as const;

  constructor(
    readonly initial: MeanOrbitState,
    readonly options: AveragedPropagatorOptions,
  ) {}

  stateAt(epoch: Epoch): FrameState {
    const s = this.statesInto([epoch]);
    return { epoch, frame: this.frame, positionM: s.slice(0, 3), velocityMps: s.slice(3, 6) };
  }

  /** Mean elements [a, e cos ω, e sin ω, i, Ω, λ] at each epoch (6 per epoch), one integration for all. */
  meanElementsAt(epochs: readonly Epoch[]): Float64Array {
    const t0 = this.initial.epoch;
    const times = epochs.map((e, k) => {
      const t = e.secondsSince(t0);
      if (!(t >= 0)) throw new RangeError(`epochs[${k}] ${e.toIsoUtc(3)} is before the initial mean state (${t0.toIsoUtc(3)}); the averaged propagator runs forward only`);
      return t;
    });
    const order = times.map((_, k) => k).sort((a, b) => times[a] - times[b]);
    const sorted = order.map((k) => times[k]);
    const lastS = Math.max(1, sorted[sorted.length - 1] ?? 1);
    const run = propagateAveraged(this.initial, { ...this.options, endEpoch: t0.plusSeconds(lastS), outputTimesS: sorted });
    const out = new Float64Array(6 * epochs.length);
    order.forEach((k, rank) => {
      const y = run.outputs!.subarray(6 * rank, 6 * rank + 6);
      if (Number.isNaN(y[0])) {
        throw new RangeError(`no averaged state at ${epochs[k].toIsoUtc(3)}: the run stopped (${run.stopReason}) at ${run.final.epoch.toIsoUtc(3)}`);
      }
      out.set(y, 6 * k);
    });
    return out;
  }

  statesInto(epochs: readonly Epoch[], out?: Float64Array): Float64Array {
    const buffer = stateBuffer(epochs.length, out);
    const mean = this.meanElementsAt(epochs);
    for (let k = 0; k < epochs.length; k++) {
      const osc = osculatingFromMeanState(meanStateFromVector(epochs[k], mean.subarray(6 * k, 6 * k + 6)), { gravity: this.options.gravity });
      buffer.set(osc.rM, 6 * k);
      buffer.set(osc.vMps, 6 * k + 3);
    }
    return buffer;
  }
}
