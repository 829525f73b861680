/**
 * A trajectory known on a uniform time grid (GCRF position and velocity at each node) and read
 * anywhere inside it by cubic Hermite interpolation: the secondary object of an avoidance plan,
 * sampled once and read many times while the primary's trial trajectories are searched.
 *
 * Accuracy (propagation/ephemerisPropagator.ts's Hermite interpolation): the cubic Hermite error is ≤ h⁴/384 · max|r⁗| (e.g. de Boor, A Practical Guide to
 * Splines, 2001, ch. II); in LEO |r⁗| ≈ n⁴ r ≈ 1.1e-5 m/s⁴, so a 5-s grid interpolates positions to
 * ~2e-5 m and velocities (the interpolant's derivative) to ~1e-4 m/s.
 */
import { earthOrientation } from '../../frames/earthOrientation.js';
import { fk5Matrices } from '../../frames/fk5.js';
import type { MeanElements } from '../../formats/meanElements.js';
import type { NumericalPropagator, OrbitState } from '../../propagation/numerical/numericalPropagator.js';
import { hermiteInto } from '../../propagation/ephemerisPropagator.js';
import { Sgp4Propagator } from '../../propagation/sgp4/sgp4Propagator.js';
import type { Epoch } from '../../time/epoch.js';
import type { EopSource } from '../../time/eop.js';

/** A state function: GCRF position (m) and velocity (m/s) at an epoch, written to the outputs. */
export type GcrfStateFunction = (epoch: Epoch, outRM: Float64Array, outVMps: Float64Array) => void;

export class SampledTrajectory {
  /** Number of nodes. */
  readonly count: number;

  /**
   * @param referenceEpoch epoch of t = 0
   * @param startS time of node 0, s after referenceEpoch
   * @param stepS node spacing, s
   * @param positionsM GCRF positions, 3 per node
   * @param velocitiesMps GCRF velocities, 3 per node
   */
  constructor(
    readonly referenceEpoch: Epoch,
    readonly startS: number,
    readonly stepS: number,
    readonly positionsM: Float64Array,
    readonly velocitiesMps: Float64Array,
  ) {
    if (!(stepS > 0)) throw new RangeError(`stepS: must be > 0, got ${stepS}`);
    this.count = positionsM.length / 3;
    if (this.count < 2 || velocitiesMps.length !== positionsM.length) throw new RangeError('a sampled trajectory needs ≥ 2 nodes with a velocity for each');
  }

  /** Time of the last node, s after referenceEpoch. */
  get endS(): number {
    return this.startS + (this.count - 1) * this.stepS;
  }

  /** Interpolated state at t (s after referenceEpoch); throws outside the grid. */
  stateAt(tS: number, outRM: Float64Array, outVMps: Float64Array): void {
    const x = (tS - this.startS) / this.stepS;
    if (!(x >= -1e-9 && x <= this.count - 1 + 1e-9)) {
      throw new RangeError(`t = ${tS} s is outside the sampled span [${this.startS}, ${this.endS}] s`);
    }
    const i = Math.min(Math.max(Math.floor(x), 0), this.count - 2);
    hermiteInto(this.positionsM, this.velocitiesMps, 3 * i, 3 * i + 3, x - i, this.stepS, outRM, outVMps);
  }

  /** Sample a state function on [fromS, toS] (s after referenceEpoch), widened to whole steps. */
  static fromFunction(referenceEpoch: Epoch, fromS: number, toS: number, stepS: number, fn: GcrfStateFunction): SampledTrajectory {
    const n = nodeCount(fromS, toS, stepS);
    const pos = new Float64Array(3 * n);
    const vel = new Float64Array(3 * n);
    const r = new Float64Array(3);
    const v = new Float64Array(3);
    for (let i = 0; i < n; i++) {
      fn(referenceEpoch.plusSeconds(fromS + i * stepS), r, v);
      pos.set(r, 3 * i);
      vel.set(v, 3 * i);
    }
    return new SampledTrajectory(referenceEpoch, fromS, stepS, pos, vel);
  }

  /**
   * Sample a numerical propagation of `state` on [fromS, toS] (s after referenceEpoch): one run to
   * the start of the span, one run across it sampled on the integrator's dense output.
   */
  static fromPropagation(propagator: NumericalPropagator, state: OrbitState, referenceEpoch: Epoch, fromS: number, toS: number, stepS: number): SampledTrajectory {
    const n = nodeCount(fromS, toS, stepS);
    const startEpoch = referenceEpoch.plusSeconds(fromS);
    let start = state;
    if (Math.abs(startEpoch.secondsSince(state.epoch)) > 0) {
      const f = propagator.propagate(state, startEpoch).final;
      start = { epoch: f.epoch, rGcrfM: f.rGcrfM, vGcrfMps: f.vGcrfMps, massKg: f.massKg };
    }
    const eph = propagator.propagate(start, referenceEpoch.plusSeconds(fromS + (n - 1) * stepS), { stepS }).ephemeris!;
    if (eph.tSeconds.length !== n) throw new Error(`sampled ${eph.tSeconds.length} nodes, expected ${n}`);
    return new SampledTrajectory(referenceEpoch, fromS, stepS, eph.positionsM, eph.velocitiesMps);
  }
}

function nodeCount(fromS: number, toS: number, stepS: number): number {
  if (!(toS > fromS) || !(stepS > 0)) throw new RangeError(`sampled span [${fromS}, ${toS}] s with step ${stepS} s is empty`);
  return Math.ceil((toS - fromS) / stepS - 1e-9) + 1;
}

/** Half-width of the central difference that gives SGP4 velocities, s (as conjunction/tca.ts). */
const SGP4_FD_HALF_S = 0.01;

/**
 * GCRF states of an object from its mean elements through SGP4 (TEME → GCRF by the FK5 reduction).
 * The velocity is the central difference of SGP4 positions (±10 ms), not SGP4's own velocity
 * output, which differs from the derivative of the positions (conjunction/bounds.ts): interpolation
 * and the range-rate root then agree with the positions.
 */
export function sgp4GcrfStateFunction(elements: MeanElements, eop?: EopSource): GcrfStateFunction {
  const sgp4 = Sgp4Propagator.fromElements(elements);
  const teme = new Float64Array(6);
  const p = new Float64Array(9);
  return (epoch, outRM, outVMps) => {
    const m = fk5Matrices(earthOrientation(epoch, eop)).temeToGcrf;
    for (let k = 0; k < 3; k++) {
      sgp4.propagate(epoch.plusSeconds((k - 1) * SGP4_FD_HALF_S), teme);
      for (let i = 0; i < 3; i++) p[3 * k + i] = (m[3 * i] * teme[0] + m[3 * i + 1] * teme[1] + m[3 * i + 2] * teme[2]) * 1e3;
    }
    for (let i = 0; i < 3; i++) {
      outRM[i] = p[3 + i];
      outVMps[i] = (p[6 + i] - p[i]) / (2 * SGP4_FD_HALF_S);
    }
  };
}
