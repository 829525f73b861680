/**
 * A {@link BoundedPropagator} over sampled states (an ephemeris: the numerical propagator's dense
 * output sampled every stepS, an OEM, a sampled SGP4 arc), read anywhere inside by cubic Hermite
 * interpolation of position and velocity; the velocity is the interpolant's derivative.
 *
 * Accuracy: the cubic Hermite error is ≤ h⁴/384 · max|r⁗| (de Boor, A Practical Guide to Splines,
 * 2001, ch. II); in LEO |r⁗| ≈ n⁴ r ≈ 1.1e-5 m/s⁴, so samples 5 s apart interpolate positions to
 * ~2e-5 m, 30 s apart to ~2e-2 m and 60 s apart to ~0.4 m (test/propagation/propagator.test.ts
 * measures these against the integrator's own dense output). The error grows as h⁴: sample finely.
 */
import { stateInFrame, type FrameState, type InertialFrame } from '../foundation/frames/frameState.js';
import { cubicHermiteWeights } from '../foundation/math/hermite.js';
import type { Epoch } from '../foundation/time/epoch.js';
import type { EopSource } from '../foundation/time/eop.js';
import { stateBuffer, type BoundedPropagator, type Propagator } from './propagator.js';

export interface SampleOptions {
  /** Frame of the samples (default the source's; TEME ↔ GCRF by frames/frameState.ts). */
  frame?: InertialFrame;
  eop?: EopSource;
  /**
   * Take each velocity as the central difference of positions ±this many seconds instead of the
   * source's velocity: for SGP4, whose velocity output is not the derivative of its positions
   * (conjunction/bounds.ts), so that the interpolant and a range-rate root agree with the positions.
   */
  differencedVelocityHalfS?: number;
}

/** Sampled states: sample i at `startEpoch` + tSeconds[i] (the numerical propagator's Ephemeris). */
export interface SampledStates {
  readonly startEpoch: Epoch;
  /** Sample times, s from startEpoch, strictly monotonic (increasing or decreasing). */
  readonly tSeconds: Float64Array;
  /** Positions, m, 3 per sample. */
  readonly positionsM: Float64Array;
  /** Velocities, m/s, 3 per sample. */
  readonly velocitiesMps: Float64Array;
}

const WEIGHTS = new Float64Array(8);

/**
 * Cubic Hermite interpolation (math/hermite.ts) between the nodes at offsets a and b of `p`, `v`
 * (3 per node) at fraction s ∈ [0, 1] of a step of h seconds: position into outR[oR …], its
 * derivative into outV[oV …].
 */
export function hermiteInto(
  p: Float64Array,
  v: Float64Array,
  a: number,
  b: number,
  s: number,
  h: number,
  outR: Float64Array,
  outV: Float64Array,
  oR = 0,
  oV = 0,
): void {
  const w = cubicHermiteWeights(s, h, WEIGHTS);
  for (let k = 0; k < 3; k++) {
    outR[oR + k] = w[0] * p[a + k] + w[1] * v[a + k] + w[2] * p[b + k] + w[3] * v[b + k];
    outV[oV + k] = w[4] * p[a + k] + w[5] * v[a + k] + w[6] * p[b + k] + w[7] * v[b + k];
  }
}

export class EphemerisPropagator implements BoundedPropagator {
  readonly startEpoch: Epoch;
  readonly endEpoch: Epoch;
  /** Sample times, s after {@link reference}, increasing. */
  private readonly t: Float64Array;
  private readonly p: Float64Array;
  private readonly v: Float64Array;
  private readonly reference: Epoch;

  constructor(
    samples: SampledStates,
    readonly frame: InertialFrame = 'GCRF',
  ) {
    const n = samples.tSeconds.length;
    if (n < 2) throw new RangeError(`an ephemeris propagator needs at least 2 samples, got ${n}`);
    if (samples.positionsM.length !== 3 * n || samples.velocitiesMps.length !== 3 * n) {
      throw new RangeError(`an ephemeris of ${n} samples needs ${3 * n} position and velocity components`);
    }
    const reversed = samples.tSeconds[n - 1] < samples.tSeconds[0];
    this.t = new Float64Array(n);
    this.p = new Float64Array(3 * n);
    this.v = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) {
      const j = reversed ? n - 1 - i : i; // a backward run: store in time order
      this.t[i] = samples.tSeconds[j];
      this.p.set(samples.positionsM.subarray(3 * j, 3 * j + 3), 3 * i);
      this.v.set(samples.velocitiesMps.subarray(3 * j, 3 * j + 3), 3 * i);
      if (i > 0 && !(this.t[i] > this.t[i - 1])) throw new RangeError(`ephemeris sample times must be strictly monotonic (sample ${j})`);
    }
    this.reference = samples.startEpoch;
    this.startEpoch = samples.startEpoch.plusSeconds(this.t[0]);
    this.endEpoch = samples.startEpoch.plusSeconds(this.t[n - 1]);
  }

  /**
   * Sample `source` every `stepS` from `start` until `end` is covered (the last node at or after
   * `end`), for a propagator that is read many times over one span (an avoidance secondary).
   */
  static sample(source: Propagator, start: Epoch, end: Epoch, stepS: number, options: SampleOptions = {}): EphemerisPropagator {
    const spanS = end.secondsSince(start);
    if (!(spanS > 0) || !(stepS > 0)) throw new RangeError(`sampled span ${spanS} s with step ${stepS} s is empty`);
    const n = Math.ceil(spanS / stepS - 1e-9) + 1;
    const frame = options.frame ?? source.frame;
    const h = options.differencedVelocityHalfS;
    if (h !== undefined && !(h > 0)) throw new RangeError(`differencedVelocityHalfS: must be > 0, got ${h}`);
    const samples = { startEpoch: start, tSeconds: new Float64Array(n), positionsM: new Float64Array(3 * n), velocitiesMps: new Float64Array(3 * n) };
    for (let k = 0; k < n; k++) {
      const epoch = start.plusSeconds(k * stepS);
      let s = source.stateAt(epoch);
      if (h !== undefined) {
        // Difference in the source frame, then rotate once (the rotation is linear and ~constant over 2h).
        const before = source.stateAt(epoch.plusSeconds(-h)).positionM;
        const after = source.stateAt(epoch.plusSeconds(h)).positionM;
        const velocityMps = Float64Array.from([0, 1, 2], (i) => (after[i] - before[i]) / (2 * h));
        s = { epoch, frame: s.frame, positionM: s.positionM, velocityMps };
      }
      s = stateInFrame(s, frame, options.eop);
      samples.tSeconds[k] = k * stepS;
      samples.positionsM.set(s.positionM, 3 * k);
      samples.velocitiesMps.set(s.velocityMps, 3 * k);
    }
    return new EphemerisPropagator(samples, frame);
  }

  stateAt(epoch: Epoch): FrameState {
    const positionM = new Float64Array(3);
    const velocityMps = new Float64Array(3);
    this.interpolate(epoch, positionM, 0, velocityMps, 0);
    return { epoch, frame: this.frame, positionM, velocityMps };
  }

  statesInto(epochs: readonly Epoch[], out?: Float64Array): Float64Array {
    const buffer = stateBuffer(epochs.length, out);
    for (let k = 0; k < epochs.length; k++) this.interpolate(epochs[k], buffer, 6 * k, buffer, 6 * k + 3);
    return buffer;
  }

  /** Position into outR[oR …], velocity into outV[oV …]. */
  private interpolate(epoch: Epoch, outR: Float64Array, oR: number, outV: Float64Array, oV: number): void {
    const t = epoch.secondsSince(this.reference);
    const times = this.t;
    const n = times.length;
    const slack = 1e-9 * Math.max(1, Math.abs(times[n - 1] - times[0]));
    if (!(t >= times[0] - slack && t <= times[n - 1] + slack)) {
      throw new RangeError(`${epoch.toIsoUtc(3)} is outside the ephemeris span ${this.startEpoch.toIsoUtc(3)} … ${this.endEpoch.toIsoUtc(3)}`);
    }
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (times[mid] <= t) lo = mid;
      else hi = mid;
    }
    const h = times[hi] - times[lo];
    hermiteInto(this.p, this.v, 3 * lo, 3 * hi, (t - times[lo]) / h, h, outR, outV, oR, oV);
  }
}
