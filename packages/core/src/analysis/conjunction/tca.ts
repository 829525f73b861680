/**
 * Refinement of one candidate interval of one pair: split it while the bounds cannot exclude a
 * sub-threshold point and cannot guarantee a single minimum, then find each minimum as the
 * − → + zero of the range rate f(t) = r·ṙ with Brent's method (to 10 µs).
 *
 * ṙ is the central difference of SGP4 positions (±10 ms), not SGP4's velocity output: the latter
 * differs from the derivative of the position output (bounds.ts), which would move the TCA of a
 * slow encounter by seconds.
 */
import { brentRoot } from '../../foundation/math/rootFinding.js';
import { ACCEL_BOUND_KM_S2, relativeAccelBound, segmentMinDistance, taylorPadKm } from './bounds.js';
import type { CloseApproach } from './events.js';
import { rtnComponents } from './rtn.js';
import type { TrajectorySet } from './trajectories.js';

/**
 * TCA tolerance, s. 10 µs, not 1 ms: the miss distance is flat at the TCA, but its RTN
 * components move with the relative velocity (10 km/s × 1 ms = 10 m).
 */
export const TCA_TOLERANCE_S = 1e-5;
/** Half-width of the central difference for ṙ, s. */
const FD_HALF_S = 0.01;
/** Shortest sub-interval; below it a single minimum is assumed (docs/screening.md, limits). */
const MIN_LEAF_S = 0.5;

/** log2 of the entries of the refinement state memo. */
const MEMO_BITS = 12;

/** Reusable buffers and counters for refinement (one per screening run, no per-call allocation of arrays). */
export class PairRefiner {
  /** Trajectory evaluations (stateAt calls) made. */
  evaluations = 0;
  private readonly s1 = new Float64Array(6);
  private readonly s2 = new Float64Array(6);
  private readonly rel = new Float64Array(6);
  private readonly fd = new Float64Array(12);
  private readonly rtn = new Float64Array(3);
  /** Stack of sub-intervals: [a, b] and relative states at both ends. */
  private stack: Float64Array = new Float64Array(16 * 64);

  /**
   * States by (object, t), direct-mapped. With a primary every candidate interval of one grid
   * interval is refined against the primary at the same instants (the grid ends, the midpoint,
   * their ±10-ms neighbours), so it is evaluated once there instead of once per candidate; inside
   * one refinement, neighbouring leaves share their ends. A state is a pure function of
   * (object, t) (the SDP4 resonance integrator gives the same bits from any starting node: test
   * sgp4Batch), so a hit returns exactly what a call would.
   */
  private readonly memoObject = new Int32Array(1 << MEMO_BITS).fill(-1);
  private readonly memoTime = new Float64Array(1 << MEMO_BITS);
  private readonly memoOk = new Uint8Array(1 << MEMO_BITS);
  private readonly memoState = new Float64Array(6 << MEMO_BITS);
  private readonly timeBits = new Float64Array(1);
  private readonly timeWords = new Uint32Array(this.timeBits.buffer);

  constructor(private readonly traj: TrajectorySet) {}

  /** Object i's state at t into out (from the memo when it holds it); false when unusable. */
  private stateInto(i: number, t: number, out: Float64Array): boolean {
    this.timeBits[0] = t;
    const w = this.timeWords;
    const slot = Math.imul(w[0] ^ Math.imul(w[1], 0x85ebca6b) ^ Math.imul(i, 0xc2b2ae35), 0x9e3779b1) >>> (32 - MEMO_BITS);
    const o = 6 * slot;
    if (this.memoObject[slot] === i && this.memoTime[slot] === t) {
      for (let c = 0; c < 6; c++) out[c] = this.memoState[o + c];
      return this.memoOk[slot] === 1;
    }
    this.evaluations++;
    const ok = this.traj.stateAt(i, t, out);
    this.memoObject[slot] = i;
    this.memoTime[slot] = t;
    this.memoOk[slot] = ok ? 1 : 0;
    for (let c = 0; c < 6; c++) this.memoState[o + c] = out[c];
    return ok;
  }

  /** Relative state object2 − object1 at t into out[off…off+5]; false when unusable. */
  relativeState(i: number, j: number, t: number, out: Float64Array, off = 0): boolean {
    if (!this.stateInto(i, t, this.s1) || !this.stateInto(j, t, this.s2)) return false;
    for (let c = 0; c < 6; c++) out[off + c] = this.s2[c] - this.s1[c];
    return true;
  }

  /** Range rate r·ṙ (km²/s) with ṙ from a central difference of positions; NaN when unusable. */
  rangeRate(i: number, j: number, t: number): number {
    const fd = this.fd;
    if (!this.relativeState(i, j, t - FD_HALF_S, fd, 0) || !this.relativeState(i, j, t + FD_HALF_S, fd, 6)) return NaN;
    if (!this.relativeState(i, j, t, this.rel)) return NaN;
    const inv = 1 / (2 * FD_HALF_S);
    const r = this.rel;
    return r[0] * (fd[6] - fd[0]) * inv + r[1] * (fd[7] - fd[1]) * inv + r[2] * (fd[8] - fd[2]) * inv;
  }

  /**
   * Find the minima of |r2 − r1| below thresholdKm in [a, b] and push them to out (with `step`
   * as their grid key). Minima are the − → + zeros of f; a zero exactly at b belongs here, one
   * exactly at a to the interval before.
   */
  refine(i: number, j: number, a: number, b: number, thresholdKm: number, step: number, out: CloseApproach[]): void {
    const mismatch = this.traj.velocityMismatchKmS(i) + this.traj.velocityMismatchKmS(j);
    let st = this.stack;
    let n = 0;
    const push = (lo: number, hi: number, src: Float64Array, so: number, src2: Float64Array, so2: number): void => {
      if ((n + 1) * 14 > st.length) {
        const bigger = new Float64Array(st.length * 2);
        bigger.set(st);
        st = this.stack = bigger;
      }
      const o = n * 14;
      st[o] = lo;
      st[o + 1] = hi;
      for (let c = 0; c < 6; c++) {
        st[o + 2 + c] = src[so + c];
        st[o + 8 + c] = src2[so2 + c];
      }
      n++;
    };
    const ends = new Float64Array(18);
    if (!this.relativeState(i, j, a, ends, 0) || !this.relativeState(i, j, b, ends, 6)) return;
    push(a, b, ends, 0, ends, 6);
    while (n > 0) {
      n--;
      const o = n * 14;
      const lo = st[o];
      const hi = st[o + 1];
      for (let c = 0; c < 12; c++) ends[c] = st[o + 2 + c];
      const half = 0.5 * (hi - lo);
      const pad = taylorPadKm(half, mismatch);
      const dA = segmentMinDistance(ends[0], ends[1], ends[2], ends[3], ends[4], ends[5], half);
      const dB = segmentMinDistance(ends[6], ends[7], ends[8], ends[9], ends[10], ends[11], -half);
      if (dA > thresholdKm + pad && dB > thresholdKm + pad) continue;
      if (hi - lo > MIN_LEAF_S && !this.singleMinimum(ends, hi - lo, mismatch)) {
        const mid = lo + half;
        if (!this.relativeState(i, j, mid, ends, 12)) continue;
        // Left half last so that it is refined first (events come out in time order).
        push(mid, hi, ends, 12, ends, 6);
        push(lo, mid, ends, 0, ends, 12);
        continue;
      }
      const fLo = this.rangeRate(i, j, lo);
      const fHi = this.rangeRate(i, j, hi);
      if (!(fLo < 0 && fHi >= 0)) continue;
      const tca = brentRoot((t) => this.rangeRate(i, j, t), lo, hi, fLo, fHi, TCA_TOLERANCE_S);
      const ev = this.approachAt(i, j, tca, step);
      if (ev !== undefined && ev.missKm <= thresholdKm) out.push(ev);
    }
  }

  /**
   * f' = |ṙ|² + r·r̈ > 0 over an interval of length len whose ends (relative states, SGP4
   * velocities) are in e[0..11]: then f has at most one zero there.
   */
  private singleMinimum(e: Float64Array, len: number, mismatch: number): boolean {
    const dA = Math.hypot(e[0], e[1], e[2]);
    const dB = Math.hypot(e[6], e[7], e[8]);
    const vA = Math.hypot(e[3], e[4], e[5]);
    const vB = Math.hypot(e[9], e[10], e[11]);
    const half = 0.5 * len;
    const accel = 2 * ACCEL_BOUND_KM_S2;
    const vLo = Math.min(vA, vB) - mismatch - accel * half;
    if (vLo <= 0) return false;
    const dHi = Math.max(dA, dB) + (Math.max(vA, vB) + mismatch) * half + 0.5 * accel * half * half;
    return vLo * vLo > dHi * relativeAccelBound(dHi);
  }

  /** The approach record at t (miss, RTN of object2 relative to object1, relative speed). */
  approachAt(i: number, j: number, t: number, step: number): CloseApproach | undefined {
    const fd = this.fd;
    if (!this.relativeState(i, j, t - FD_HALF_S, fd, 0) || !this.relativeState(i, j, t + FD_HALF_S, fd, 6)) return undefined;
    if (!this.relativeState(i, j, t, this.rel)) return undefined;
    // s1 still holds object1's state at t (relativeState evaluated it last).
    const d = this.rel;
    rtnComponents(this.s1, this.s1.subarray(3), d, this.rtn);
    const inv = 1 / (2 * FD_HALF_S);
    return {
      object1: i,
      object2: j,
      tcaSeconds: t,
      step,
      missKm: Math.hypot(d[0], d[1], d[2]),
      radialKm: this.rtn[0],
      inTrackKm: this.rtn[1],
      crossTrackKm: this.rtn[2],
      relativeSpeedKmS: Math.hypot((fd[6] - fd[0]) * inv, (fd[7] - fd[1]) * inv, (fd[8] - fd[2]) * inv),
    };
  }
}
