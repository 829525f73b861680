/**
 * Where the screening gets positions from. The filters need two things: positions and velocities
 * of many objects at a grid of times (batched), and the state of one object at any instant
 * (refinement). Times are seconds after the screening's reference instant.
 *
 * `Sgp4Trajectories` is the real one (each object from its own element set); tests also use
 * `callbackTrajectories` with analytic motion where the truth is known.
 */
// Narrow imports: a screening worker thread loads this module, and fewer modules start faster.
import { Sgp4Batch, Sgp4SatelliteModel, type Sgp4BatchState, type Sgp4ResolvedTimes } from '../../propagation/sgp4/batch.js';
import { isSgp4TleLines, sgp4ElementsFromMeanElements, sgp4ElementsFromTle, type Sgp4Elements, type Sgp4Source } from '../../propagation/sgp4/elements.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { VELOCITY_MISMATCH_DEEP_SPACE_KM_S, VELOCITY_MISMATCH_NEAR_EARTH_KM_S } from './bounds.js';

/** Positions (km) and velocities (km/s) of `objects` × `times`, laid out [object][time][xyz]. */
export interface SampleBlock {
  readonly objects: number;
  readonly times: number;
  readonly positionKm: Float64Array;
  readonly velocityKmPerS: Float64Array;
  /** Non-zero where the state is unusable (propagator error). */
  readonly errors: Uint8Array;
}

export function allocateSampleBlock(objects: number, times: number): SampleBlock {
  return {
    objects,
    times,
    positionKm: new Float64Array(objects * times * 3),
    velocityKmPerS: new Float64Array(objects * times * 3),
    errors: new Uint8Array(objects * times),
  };
}

export interface TrajectorySet {
  readonly count: number;
  /**
   * Fill `out` rows 0… with objects `indices` at `tSeconds` (block.times entries). Must agree with
   * stateAt to rounding.
   */
  sample(indices: Int32Array, tSeconds: Float64Array, out: SampleBlock): void;
  /** [x, y, z, vx, vy, vz] (km, km/s) of object i at t into out[off…]; false when unusable. */
  stateAt(i: number, tSeconds: number, out: Float64Array, off?: number): boolean;
  /** Bound on |velocity output − d/dt position| of object i, km/s (see bounds.ts). */
  velocityMismatchKmS(i: number): number;
}

function sourceEpoch(s: Sgp4Source): Epoch {
  return isSgp4TleLines(s) ? sgp4ElementsFromTle(s.line1, s.line2).epoch : s.epoch;
}

/** SGP4 elements of every source, or undefined when one cannot be read. */
function allElements(sources: readonly Sgp4Source[]): Sgp4Elements[] | undefined {
  const out: Sgp4Elements[] = new Array(sources.length);
  try {
    for (let i = 0; i < sources.length; i++) {
      const s = sources[i];
      out[i] = isSgp4TleLines(s) ? sgp4ElementsFromTle(s.line1, s.line2) : sgp4ElementsFromMeanElements(s);
    }
  } catch {
    return undefined;
  }
  return out;
}

/**
 * What a worker thread needs to rebuild a catalogue's trajectories without parsing or initialising
 * any element set: the initialised batch and each object's epoch offset (typed arrays only).
 */
export interface Sgp4TrajectoriesState {
  readonly batch: Sgp4BatchState;
  /** Minutes from each object's element epoch to the reference instant (NaN: invalid). */
  readonly baseMinutes: Float64Array;
}

/** SGP4 trajectories of a catalogue, relative to a reference epoch. */
export class Sgp4Trajectories implements TrajectorySet {
  readonly count: number;
  private readonly batch: Sgp4Batch;
  /** Minutes from each object's element epoch to the reference instant. */
  private readonly baseMinutes: Float64Array;
  private blockTimes: Float64Array = new Float64Array(0);

  /** From element sets, or from exportState() of trajectories with the same reference (a worker thread's copy). */
  constructor(
    from: readonly Sgp4Source[] | Sgp4TrajectoriesState,
    readonly reference: Epoch,
  ) {
    if (!Array.isArray(from)) {
      const state = from as Sgp4TrajectoriesState;
      this.batch = Sgp4Batch.fromState(state.batch);
      this.count = this.batch.count;
      if (state.baseMinutes.length !== this.count) throw new RangeError(`trajectory state: ${state.baseMinutes.length} epoch offsets for ${this.count} objects`);
      this.baseMinutes = state.baseMinutes;
      return;
    }
    const sources = from as readonly Sgp4Source[];
    this.count = sources.length;
    // Each element set is read once; with one that cannot be read, the batch marks it invalid.
    const elements = allElements(sources);
    this.batch = elements ? Sgp4Batch.fromElements(elements) : Sgp4Batch.fromSources(sources);
    this.baseMinutes = new Float64Array(sources.length);
    for (let i = 0; i < sources.length; i++) {
      if (this.isInvalid(i)) this.baseMinutes[i] = NaN;
      else this.baseMinutes[i] = reference.secondsSince(elements ? elements[i].epoch : sourceEpoch(sources[i])) / 60;
    }
  }

  /** The initialised state as typed arrays (copies), for `new Sgp4Trajectories(state, reference)` on another thread. */
  exportState(): Sgp4TrajectoriesState {
    return { batch: this.batch.exportState(), baseMinutes: this.baseMinutes.slice() };
  }

  /** True when the element set could not be read or initialised. */
  isInvalid(i: number): boolean {
    return this.batch.models[i] === Sgp4SatelliteModel.Invalid;
  }

  isDeepSpace(i: number): boolean {
    return this.batch.models[i] === Sgp4SatelliteModel.DeepSpace;
  }

  /** Element epoch minus reference, days (negative: elements older than the reference). */
  epochOffsetDays(i: number): number {
    return -this.baseMinutes[i] / 1440;
  }

  velocityMismatchKmS(i: number): number {
    return this.isDeepSpace(i) ? VELOCITY_MISMATCH_DEEP_SPACE_KM_S : VELOCITY_MISMATCH_NEAR_EARTH_KM_S;
  }

  sample(indices: Int32Array, tSeconds: Float64Array, out: SampleBlock): void {
    const m = tSeconds.length;
    if (out.times !== m || out.objects < indices.length) throw new RangeError('sample block has the wrong shape');
    if (this.blockTimes.length !== m) this.blockTimes = new Float64Array(m);
    for (let j = 0; j < m; j++) this.blockTimes[j] = tSeconds[j] / 60;
    const times: Sgp4ResolvedTimes = {
      minutes: this.blockTimes,
      timesPerSatellite: m,
      perSatellite: false,
      refTaiMjdDay: this.reference.taiMjdDay,
      refTaiSecondsOfDay: this.reference.taiSecondsOfDay,
    };
    // Contiguous index runs go straight to the catalogue batch; it writes row s − offset.
    const res = {
      satellites: out.objects,
      timesPerSatellite: m,
      positionKm: out.positionKm,
      velocityKmPerS: out.velocityKmPerS,
      errors: out.errors,
    };
    let a = 0;
    while (a < indices.length) {
      let b = a + 1;
      while (b < indices.length && indices[b] === indices[b - 1] + 1) b++;
      this.batch.propagateRange(times, indices[a], indices[b - 1] + 1, 0, m, res, indices[a] - a);
      a = b;
    }
  }

  /** From the batch's own record: the same kernel and numbers as an Sgp4Propagator of the same elements. */
  stateAt(i: number, tSeconds: number, out: Float64Array, off = 0): boolean {
    if (this.isInvalid(i)) return false;
    return this.batch.propagateOneMinutes(i, this.baseMinutes[i] + tSeconds / 60, out, off) === 0;
  }
}

/** Trajectories given by a function (tests, analytic motion): fn writes [x,y,z,vx,vy,vz] and returns false when unusable. */
export function callbackTrajectories(
  count: number,
  fn: (i: number, tSeconds: number, out: Float64Array, off: number) => boolean,
  mismatchKmS = 0,
): TrajectorySet {
  const tmp = new Float64Array(6);
  return {
    count,
    velocityMismatchKmS: () => mismatchKmS,
    stateAt: (i, t, out, off = 0) => fn(i, t, out, off),
    sample(indices, tSeconds, out) {
      const m = tSeconds.length;
      for (let r = 0; r < indices.length; r++) {
        for (let j = 0; j < m; j++) {
          const k = r * m + j;
          const ok = fn(indices[r], tSeconds[j], tmp, 0);
          out.errors[k] = ok ? 0 : 1;
          for (let c = 0; c < 3; c++) {
            out.positionKm[3 * k + c] = ok ? tmp[c] : NaN;
            out.velocityKmPerS[3 * k + c] = ok ? tmp[3 + c] : NaN;
          }
        }
      }
    },
  };
}
