import type { FrameState } from '../../foundation/frames/frameState.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { stateBuffer, type Propagator } from '../propagator.js';
import { sgp4ElementsFromMeanElements, sgp4ElementsFromTle, type Sgp4Elements } from './elements.js';
import { Sgp4Error, Sgp4ErrorCode } from './errors.js';
import { initNearEarthRecord, invalidElementsReason, NearEarthInit, NEAR_EARTH_STRIDE, propagateNearEarth } from './nearEarthKernel.js';
import { DEEP_SPACE_STRIDE, initDeepSpaceRecord, propagateDeepSpace } from './deepSpaceKernel.js';

/**
 * A TEME state from SGP4: the {@link FrameState} of the Propagator interface (frame 'TEME', m,
 * m/s) plus SGP4's own units (km, km/s), the allocating convenience form.
 */
export interface Sgp4State extends FrameState {
  readonly frame: 'TEME';
  readonly positionKm: readonly [number, number, number];
  readonly velocityKmPerS: readonly [number, number, number];
}

/**
 * SGP4/SDP4 for one element set (WGS-72, improved mode). Near-Earth orbits use the project's
 * SGP4 kernel, deep-space orbits (period ≥ 225 min) its SDP4 kernel. Output is TEME of date.
 *
 * Times: `propagateMinutes(t)` takes minutes since the element epoch; `propagate(epoch)` measures
 * that interval in elapsed (TAI) time, so it stays right across leap seconds.
 *
 * As a {@link Propagator} it answers in TEME (frame 'TEME', m, m/s): SGP4's frame, unconverted, so
 * callers that work in TEME (passes, ground tracks) pay no rotation; `stateInFrame` (frames/
 * frameState.ts) gives GCRF.
 */
export class Sgp4Propagator implements Propagator {
  readonly frame = 'TEME' as const;
  readonly deepSpace: boolean;
  private readonly record: Float64Array;
  private readonly time = new Float64Array(1);
  private readonly pos = new Float64Array(3);
  private readonly vel = new Float64Array(3);
  private readonly err = new Uint8Array(1);

  /** @throws Sgp4Error (code 7) when the elements cannot be propagated at all. */
  constructor(readonly elements: Sgp4Elements) {
    const reason = invalidElementsReason(elements);
    if (reason !== '') throw new Sgp4Error(Sgp4ErrorCode.InvalidElements, elements.noradId, NaN, reason);
    const nearEarth = new Float64Array(NEAR_EARTH_STRIDE);
    this.deepSpace = initNearEarthRecord(elements, nearEarth, 0) === NearEarthInit.DeepSpace;
    this.record = this.deepSpace ? new Float64Array(DEEP_SPACE_STRIDE) : nearEarth;
    if (this.deepSpace) initDeepSpaceRecord(elements, this.record, 0);
  }

  static fromElements(el: MeanElements): Sgp4Propagator {
    return new Sgp4Propagator(sgp4ElementsFromMeanElements(el));
  }

  /** From the two TLE lines (anything after column 69 is ignored). */
  static fromTle(line1: string, line2: string): Sgp4Propagator {
    return new Sgp4Propagator(sgp4ElementsFromTle(line1, line2));
  }

  get epoch(): Epoch {
    return this.elements.epoch;
  }

  get noradId(): number {
    return this.elements.noradId;
  }

  /** Minutes from the element epoch to `epoch` (elapsed time). */
  minutesSinceEpoch(epoch: Epoch): number {
    return epoch.secondsSince(this.elements.epoch) / 60;
  }

  /**
   * Hot-path form: writes [x, y, z, vx, vy, vz] (km, km/s) to `out[offset … offset+5]` and returns
   * the SGP4 error code (0 = fine; NaN written on error). Never throws, never allocates.
   */
  tryPropagateMinutes(tsinceMin: number, out: Float64Array, offset = 0): Sgp4ErrorCode {
    this.time[0] = tsinceMin;
    if (this.deepSpace) propagateDeepSpace(this.record, 0, 0, this.time, 0, 1, this.pos, this.vel, this.err, 0);
    else propagateNearEarth(this.record, 0, 0, this.time, 0, 1, this.pos, this.vel, this.err, 0);
    out[offset] = this.pos[0];
    out[offset + 1] = this.pos[1];
    out[offset + 2] = this.pos[2];
    out[offset + 3] = this.vel[0];
    out[offset + 4] = this.vel[1];
    out[offset + 5] = this.vel[2];
    return this.err[0] as Sgp4ErrorCode;
  }

  /** [x, y, z, vx, vy, vz] (km, km/s) at `tsinceMin` minutes from epoch, into `out` if given. @throws Sgp4Error */
  propagateMinutes(tsinceMin: number, out: Float64Array = new Float64Array(6)): Float64Array {
    const code = this.tryPropagateMinutes(tsinceMin, out);
    if (code !== Sgp4ErrorCode.None) throw new Sgp4Error(code, this.elements.noradId, tsinceMin);
    return out;
  }

  /** [x, y, z, vx, vy, vz] (km, km/s) at `epoch`, into `out` if given. @throws Sgp4Error */
  propagate(epoch: Epoch, out: Float64Array = new Float64Array(6)): Float64Array {
    return this.propagateMinutes(this.minutesSinceEpoch(epoch), out);
  }

  /** Allocating convenience: a TEME state object at `epoch` (m and km). @throws Sgp4Error */
  stateAt(epoch: Epoch): Sgp4State {
    const s = this.propagate(epoch);
    return {
      epoch,
      frame: 'TEME',
      positionM: Float64Array.of(s[0] * 1e3, s[1] * 1e3, s[2] * 1e3),
      velocityMps: Float64Array.of(s[3] * 1e3, s[4] * 1e3, s[5] * 1e3),
      positionKm: [s[0], s[1], s[2]],
      velocityKmPerS: [s[3], s[4], s[5]],
    };
  }

  /** TEME [x, y, z (m), vx, vy, vz (m/s)] per epoch into `out[6k …]`. @throws Sgp4Error */
  statesInto(epochs: readonly Epoch[], out?: Float64Array): Float64Array {
    const buffer = stateBuffer(epochs.length, out);
    for (let k = 0; k < epochs.length; k++) {
      const o = 6 * k;
      const minutes = this.minutesSinceEpoch(epochs[k]);
      const code = this.tryPropagateMinutes(minutes, buffer, o);
      if (code !== Sgp4ErrorCode.None) throw new Sgp4Error(code, this.elements.noradId, minutes);
      for (let i = 0; i < 6; i++) buffer[o + i] *= 1e3;
    }
    return buffer;
  }
}
