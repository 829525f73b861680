/**
 * Event search over any {@link StateSource} (SGP4, an ephemeris, the averaged model, a numerical
 * run's dense output): each detector's g is sampled at most `maxCheckS` apart from start to end
 * (detectors with the same `maxCheckS` read the same state at each sample: one propagation per
 * sample), and every sign change is refined with Brent's method (math/rootFinding.ts) to the
 * detector's time tolerance. Events are reported in time order; a 'stop' action ends the search there.
 * 'reset' needs a propagator that can restart from a state: use the numerical propagator's
 * `detectors` option for that.
 */
import type { FrameState, StateSource } from '../../foundation/frames/frameState.js';
import { brentRoot } from '../../foundation/math/rootFinding.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { DEFAULT_EVENT_MAX_CHECK_S, DEFAULT_EVENT_TIME_TOLERANCE_S, type EventAction, type EventDetector, type EventDirection } from './types.js';

export interface FoundEvent {
  readonly detector: EventDetector;
  readonly epoch: Epoch;
  /** Seconds from the search start. */
  readonly tSeconds: number;
  /** The source's state at the event. */
  readonly state: FrameState;
  /** True when g goes from negative to positive with increasing time. */
  readonly increasing: boolean;
  readonly action: EventAction;
}

export interface EventSearchResult {
  events: FoundEvent[];
  /** True when a 'stop' action ended the search before `end`. */
  stopped: boolean;
}

interface Crossing {
  detector: EventDetector;
  /** Position in the caller's list: ties in time are reported in that order. */
  index: number;
  tSeconds: number;
  increasing: boolean;
}

/** A detector with its settings checked. */
interface Scan {
  detector: EventDetector;
  index: number;
  label: string;
  maxCheckS: number;
  direction: EventDirection;
}

/** Events of `detectors` on the states of `source` in [start, end] (end after start). */
export function findEvents(source: StateSource, detectors: readonly EventDetector[], start: Epoch, end: Epoch): EventSearchResult {
  const spanS = end.secondsSince(start);
  if (!(spanS > 0)) throw new RangeError(`findEvents: end (${end.toIsoUtc(3)}) must be after start (${start.toIsoUtc(3)})`);
  const groups = new Map<number, Scan[]>();
  detectors.forEach((d, i) => {
    const scan = checkedScan(d, i);
    const group = groups.get(scan.maxCheckS);
    if (group) group.push(scan);
    else groups.set(scan.maxCheckS, [scan]);
  });
  const crossings: Crossing[] = [];
  for (const group of groups.values()) crossings.push(...groupCrossings(source, group, start, spanS));
  crossings.sort((a, b) => a.tSeconds - b.tSeconds || a.index - b.index);
  const events: FoundEvent[] = [];
  for (const c of crossings) {
    const epoch = start.plusSeconds(c.tSeconds);
    const state = source.stateAt(epoch);
    const a = c.detector.action;
    const action = typeof a === 'function' ? a(state, c.increasing) : (a ?? 'continue');
    if (action === 'reset') throw new RangeError(`event detector ${c.detector.name}: action 'reset' needs numerical propagation (a state source cannot be restarted)`);
    if (action !== 'stop' && action !== 'continue') throw new RangeError(`event detector ${c.detector.name}: action must be 'stop' or 'continue', got ${String(action)}`);
    events.push({ detector: c.detector, epoch, tSeconds: c.tSeconds, state, increasing: c.increasing, action });
    if (action === 'stop') return { events, stopped: true };
  }
  return { events, stopped: false };
}

function checkedScan(d: EventDetector, index: number): Scan {
  const label = `event detector ${index} (${d?.name ?? 'unnamed'})`;
  if (!d || typeof d.g !== 'function') throw new TypeError(`${label}: g must be a function`);
  const maxCheckS = d.maxCheckS ?? DEFAULT_EVENT_MAX_CHECK_S;
  const toleranceS = d.timeToleranceS ?? DEFAULT_EVENT_TIME_TOLERANCE_S;
  if (!(maxCheckS > 0) || !(toleranceS > 0)) throw new RangeError(`${label}: maxCheckS and timeToleranceS must be > 0`);
  const direction = d.direction ?? 'both';
  if (direction !== 'both' && direction !== 'increasing' && direction !== 'decreasing') {
    throw new RangeError(`${label}: direction must be 'increasing', 'decreasing' or 'both', got ${String(direction)}`);
  }
  return { detector: d, index, label, maxCheckS, direction };
}

/** g of one state, refused when NaN (a NaN has no sign, so a crossing would go unseen). */
function gOf(d: EventDetector, state: FrameState, label: string): number {
  const value = d.g(state);
  if (Number.isNaN(value)) throw new RangeError(`${label}: g is NaN at ${state.epoch.toIsoUtc(3)}`);
  return value;
}

/**
 * Time (s after `start`) in [tA, tB] where `detector`'s g changes sign, by Brent's method to the
 * detector's time tolerance; g at tA and tB must have opposite signs (or one be 0). For searches
 * that know a crossing lies in a bracket the sampling cannot see (the pass finder's grazing passes).
 */
export function eventTimeBetween(source: StateSource, detector: EventDetector, start: Epoch, tA: number, tB: number): number {
  return refine(source, detector, `event detector (${detector.name})`, start, tA, tB);
}

function refine(source: StateSource, d: EventDetector, label: string, start: Epoch, tA: number, tB: number, gA?: number, gB?: number): number {
  const g = (tS: number): number => gOf(d, source.stateAt(start.plusSeconds(tS)), label);
  return brentRoot(g, tA, tB, gA ?? g(tA), gB ?? g(tB), d.timeToleranceS ?? DEFAULT_EVENT_TIME_TOLERANCE_S);
}

/** The wanted sign changes on [0, spanS] s after `start` of detectors sampled on one grid. */
function groupCrossings(source: StateSource, scans: readonly Scan[], start: Epoch, spanS: number): Crossing[] {
  const n = scans.length;
  const gAt = (tS: number, out: Float64Array): void => {
    const state = source.stateAt(start.plusSeconds(tS));
    for (let j = 0; j < n; j++) out[j] = gOf(scans[j].detector, state, scans[j].label);
  };
  const out: Crossing[] = [];
  const samples = Math.max(1, Math.ceil(spanS / scans[0].maxCheckS));
  const tA = new Float64Array(n);
  const gA = new Float64Array(n);
  const gB = new Float64Array(n);
  gAt(0, gA);
  for (let k = 1; k <= samples; k++) {
    const tB = k === samples ? spanS : (spanS * k) / samples;
    gAt(tB, gB);
    for (let j = 0; j < n; j++) {
      if (gB[j] === 0) continue; // no sign yet: decide at the next nonzero sample
      if (gA[j] !== 0 && Math.sign(gA[j]) !== Math.sign(gB[j])) {
        const { detector, direction, index, label } = scans[j];
        const increasing = gB[j] > 0;
        if (direction === 'both' || (direction === 'increasing') === increasing) {
          out.push({ detector, index, tSeconds: refine(source, detector, label, start, tA[j], tB, gA[j], gB[j]), increasing });
        }
      }
      tA[j] = tB;
      gA[j] = gB[j];
    }
  }
  return out;
}
