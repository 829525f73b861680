import { illinoisRoot } from '../../foundation/math/rootFinding.js';
import type { StepInterpolator } from './types.js';
import {
  DEFAULT_EVENT_MAX_CHECK_S,
  DEFAULT_EVENT_TIME_TOLERANCE_S,
  type EventAction,
  type OdeEventDetector,
  type EventOccurrence,
} from './eventTypes.js';

/** Per-detector bookkeeping: the last sample of g along the integration and a pending root. */
interface DetectorState {
  readonly detector: OdeEventDetector;
  readonly wantIncreasing: boolean;
  readonly wantDecreasing: boolean;
  readonly maxCheckS: number;
  readonly toleranceS: number;
  /** Time of the last sample of g (the scan resumes from here). */
  tLast: number;
  gLast: number;
  /** Sign of g at tLast: ±1, or 0 while still unknown (g exactly 0 so far). */
  sign: number;
  /** Time of the last event this detector fired (NaN before the first). */
  lastEventT: number;
  /** Root found in the current step, or NaN. */
  candidateT: number;
  candidateIncreasing: boolean;
}

/** What the current step's events ask of the integrator: nothing, stop, or reset at `eventT`. */
export type StepEventOutcome = 'none' | 'stop' | 'reset';

/**
 * Finds, orders and applies the events of one accepted step.
 *
 * g is sampled at most `maxCheckS` apart along the step's dense output; a sign change is refined
 * with the Illinois variant of regula falsi (math/rootFinding.ts `illinoisRoot`), which keeps a
 * bracket and converges superlinearly, until the bracket is narrower than the time tolerance.
 * The event time returned is the bracket's far end (already on the new side of g), so the
 * detector's sign after the event is known and the same root is not found twice. Roots of all
 * detectors are handled in time order; a 'stop' or 'reset' cuts the step short, and roots after
 * it are dropped. After a reset every detector re-reads its sign from the new state, and a root
 * within two time tolerances of the same detector's previous event is ignored (no double
 * detection right after a reset that left g at ±0).
 */
export class EventManager {
  private readonly states: DetectorState[];
  private readonly scratchY: Float64Array;
  /** Time of the event that cut the step (valid after Stop or Reset). */
  eventT = NaN;
  /** State after the reset (valid after Reset). */
  readonly resetY: Float64Array;

  constructor(detectors: readonly OdeEventDetector[], private readonly n: number) {
    this.scratchY = new Float64Array(n);
    this.resetY = new Float64Array(n);
    this.states = detectors.map((d, i) => {
      const label = `event detector ${i} (${d?.name ?? 'unnamed'})`;
      if (!d || typeof d.g !== 'function') throw new TypeError(`${label}: g must be a function`);
      const direction = d.direction ?? 'both';
      if (direction !== 'both' && direction !== 'increasing' && direction !== 'decreasing') {
        throw new RangeError(`${label}: direction must be 'increasing', 'decreasing' or 'both', got ${String(direction)}`);
      }
      const maxCheckS = d.maxCheckS ?? DEFAULT_EVENT_MAX_CHECK_S;
      const toleranceS = d.timeToleranceS ?? DEFAULT_EVENT_TIME_TOLERANCE_S;
      if (!(maxCheckS > 0)) throw new RangeError(`${label}: maxCheckS must be > 0, got ${maxCheckS}`);
      if (!(toleranceS > 0)) throw new RangeError(`${label}: timeToleranceS must be > 0, got ${toleranceS}`);
      if (d.action === 'reset' && typeof d.resetState !== 'function') {
        throw new TypeError(`${label}: action 'reset' needs a resetState(t, y) function`);
      }
      return {
        detector: d,
        wantIncreasing: direction !== 'decreasing',
        wantDecreasing: direction !== 'increasing',
        maxCheckS,
        toleranceS,
        tLast: NaN,
        gLast: NaN,
        sign: 0,
        lastEventT: NaN,
        candidateT: NaN,
        candidateIncreasing: false,
      };
    });
  }

  /** Reads every g at the initial state (an event exactly at t0 is not reported). */
  init(t: number, y: Float64Array): void {
    for (const s of this.states) {
      s.tLast = t;
      s.gLast = this.evalG(s, t, y);
      s.sign = Math.sign(s.gLast);
      s.lastEventT = NaN;
    }
  }

  /**
   * Handles the roots inside the accepted step `step`, appending fired events to `log`.
   * Returns whether the integrator must stop or reset at `eventT`.
   */
  processStep(step: StepInterpolator, log: EventOccurrence[]): StepEventOutcome {
    const forward = step.forward;
    const t1 = step.tCurr;
    for (const s of this.states) this.findNextRoot(s, step, t1);
    for (;;) {
      let next: DetectorState | null = null;
      for (const s of this.states) {
        if (s.candidateT === s.candidateT && (next === null || (forward ? s.candidateT < next.candidateT : s.candidateT > next.candidateT))) {
          next = s;
        }
      }
      if (next === null) return 'none';
      const tE = next.candidateT;
      const yE = new Float64Array(this.n);
      step.interpolate(tE, yE);
      const increasing = next.candidateIncreasing;
      const action = this.resolveAction(next, tE, yE, increasing);
      next.candidateT = NaN;
      next.lastEventT = tE;
      next.tLast = tE;
      next.sign = -next.sign; // the root's far end lies on the new side (or g is exactly 0 there)
      next.gLast = next.detector.g(tE, yE);
      if (action === 'continue') {
        log.push({ detector: next.detector, t: tE, y: yE, increasing, action });
        this.findNextRoot(next, step, t1);
        continue;
      }
      this.eventT = tE;
      if (action === 'stop') {
        log.push({ detector: next.detector, t: tE, y: yE, increasing, action });
        return 'stop';
      }
      const yAfter = this.applyReset(next, tE, yE);
      log.push({ detector: next.detector, t: tE, y: yE, increasing, action, yAfter });
      this.rebaseline(tE, this.resetY, next);
      return 'reset';
    }
  }

  private resolveAction(s: DetectorState, t: number, y: Float64Array, increasing: boolean): EventAction {
    const a = s.detector.action;
    const action = typeof a === 'function' ? a(t, y, increasing) : (a ?? 'continue');
    if (action !== 'stop' && action !== 'continue' && action !== 'reset') {
      throw new RangeError(`event detector ${s.detector.name}: action must be 'stop', 'continue' or 'reset', got ${String(action)}`);
    }
    if (action === 'reset' && typeof s.detector.resetState !== 'function') {
      throw new TypeError(`event detector ${s.detector.name}: action 'reset' needs a resetState(t, y) function`);
    }
    return action;
  }

  private applyReset(s: DetectorState, t: number, yEvent: Float64Array): Float64Array {
    const out = s.detector.resetState!(t, Float64Array.from(yEvent));
    if (!out || out.length !== this.n) {
      throw new RangeError(`event detector ${s.detector.name}: resetState must return ${this.n} values, got ${out?.length}`);
    }
    for (let i = 0; i < this.n; i++) {
      if (!Number.isFinite(out[i])) {
        throw new RangeError(`event detector ${s.detector.name}: resetState returned component ${i} = ${out[i]} at t = ${t} s`);
      }
      this.resetY[i] = out[i];
    }
    return Float64Array.from(this.resetY);
  }

  /** After a reset: every detector reads its sign from the new state (a reset is not a crossing). */
  private rebaseline(t: number, y: Float64Array, trigger: DetectorState): void {
    for (const s of this.states) {
      const g = this.evalG(s, t, y);
      s.tLast = t;
      s.gLast = g;
      s.candidateT = NaN;
      if (g !== 0) s.sign = Math.sign(g);
      else if (s !== trigger) s.sign = 0;
    }
  }

  private evalG(s: DetectorState, t: number, y: Float64Array): number {
    const g = s.detector.g(t, y);
    if (Number.isNaN(g)) throw new RangeError(`event detector ${s.detector.name}: g is NaN at t = ${t} s`);
    return g;
  }

  /** Scans g from the detector's last sample to t1; records the first wanted root as candidate. */
  private findNextRoot(s: DetectorState, step: StepInterpolator, t1: number): void {
    s.candidateT = NaN;
    const forward = step.forward;
    const t0 = s.tLast;
    const span = t1 - t0;
    if (forward ? !(span > 0) : !(span < 0)) return;
    const samples = Math.max(1, Math.ceil(Math.abs(span) / s.maxCheckS));
    const y = this.scratchY;
    for (let i = 1; i <= samples; i++) {
      const tb = i === samples ? t1 : t0 + (span * i) / samples;
      const gb = this.evalG(s, tb, step.interpolate(tb, y));
      const sb = Math.sign(gb);
      if (sb === 0 || sb === s.sign || s.sign === 0) {
        // No crossing yet (or the first nonzero sign after g = 0: adopt it, nothing to report).
        if (sb !== 0) {
          s.sign = sb;
          s.tLast = tb;
          s.gLast = gb;
        }
        continue;
      }
      // Sign change between s.tLast and tb. "Increasing" is about time, not integration order.
      const increasing = forward ? s.sign < 0 : s.sign > 0;
      const wanted = increasing ? s.wantIncreasing : s.wantDecreasing;
      if (wanted) {
        const tRoot = this.refineRoot(s, step, s.tLast, s.gLast, tb, gb);
        const isEcho = s.lastEventT === s.lastEventT && Math.abs(tRoot - s.lastEventT) <= 2 * s.toleranceS;
        if (!isEcho) {
          s.candidateT = tRoot;
          s.candidateIncreasing = increasing;
          return;
        }
      }
      s.sign = sb;
      s.tLast = tb;
      s.gLast = gb;
    }
    s.tLast = t1;
  }

  /** Illinois bracketing on [a, b] (a before b in integration order, g(a)·g(b) ≤ 0). Returns the end on b's side. */
  private refineRoot(s: DetectorState, step: StepInterpolator, a: number, ga: number, b: number, gb: number): number {
    const y = this.scratchY;
    return illinoisRoot((x) => this.evalG(s, x, step.interpolate(x, y)), a, ga, b, gb, s.toleranceS);
  }
}
