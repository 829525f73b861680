/**
 * One state-provider interface for every propagator (Orekit's Propagator / BoundedPropagator idea,
 * written anew): SGP4 (TEME), the numerical propagator's dense ephemeris (GCRF) and the averaged
 * mean-element propagator (GCRF, osculating) all answer `stateAt(epoch)` with a
 * {@link FrameState} in SI units, so passes, conjunction and event searches need no adapters.
 */
import type { FrameState, InertialFrame, StateSource } from '../foundation/frames/frameState.js';
import type { Epoch } from '../foundation/time/epoch.js';

export interface Propagator extends StateSource {
  /** The frame `stateAt` answers in (states are never silently converted). */
  readonly frame: InertialFrame;
  /** State at `epoch` (m, m/s, in {@link frame}). Throws where the propagator has no answer. */
  stateAt(epoch: Epoch): FrameState;
  /**
   * Batch form: [x, y, z (m), vx, vy, vz (m/s)] for each epoch into `out[6k … 6k+5]` (allocated
   * when absent). Implementations write without building state objects.
   */
  statesInto(epochs: readonly Epoch[], out?: Float64Array): Float64Array;
}

/** A propagator that only knows states inside [startEpoch, endEpoch] (an ephemeris). */
export interface BoundedPropagator extends Propagator {
  readonly startEpoch: Epoch;
  readonly endEpoch: Epoch;
}

/** Output buffer for `statesInto`: `out` when it is long enough, else a new one. */
export function stateBuffer(count: number, out?: Float64Array): Float64Array {
  if (out === undefined) return new Float64Array(6 * count);
  if (out.length < 6 * count) throw new RangeError(`statesInto: out holds ${out.length} numbers, ${6 * count} needed for ${count} epochs`);
  return out;
}

/** `statesInto` by calling `stateAt` once per epoch (for propagators with no cheaper batch path). */
export function statesIntoByStateAt(propagator: Pick<Propagator, 'stateAt'>, epochs: readonly Epoch[], out?: Float64Array): Float64Array {
  const buffer = stateBuffer(epochs.length, out);
  for (let k = 0; k < epochs.length; k++) {
    const s = propagator.stateAt(epochs[k]);
    buffer.set(s.positionM, 6 * k);
    buffer.set(s.velocityMps, 6 * k + 3);
  }
  return buffer;
}
