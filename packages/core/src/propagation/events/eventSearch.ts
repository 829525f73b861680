/**
 * Event search over any {@link StateSource} (SGP4, an ephemeris, the averaged model, a numerical
 * run's dense output): each detector's g is sampled at most `maxCheckS` apart from start to end,
 * and every sign change is refined with Brent's method (math/rootFinding.ts) to the detector's
 * time tolerance. Events are reported in time order; a 'stop' action ends the search there.
 * 'reset' needs a propagator that can restart from a state: use the numerical propagator's
 * `detectors` option for that.
 */
import type { FrameState, StateSource } from '../../foundation/frames/frameState.js';
import { brentRoot } from '../../foundation/math/rootFinding.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { DEFAULT_EVENT_MAX_CHECK_S, DEFAULT_EVENT_TIME_TOLERANCE_S, type EventAction, type EventDetector } from './types.js';

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
  tSeconds: number;
  increasing: boolean;
}

/** Events of `detectors` on the states of `source` in [start, end] (end after start). */
export function findEvents(source: StateSource, detectors: readonly EventDetector[], start: Epoch, end: Epoch): EventSearchResult {
  const spanS = end.secondsSince(start);
  if (!(spanS > 0)) throw new RangeError(`findEvents: end (${end.toIsoUtc(3)}) must be after start (${start.toIsoUtc(3)})`);
  const crossings: Crossing[] = [];
  detectors.forEach((d, i) => crossings.push(...detectorCrossings(source, d, i, start, spanS)));
  crossings.sort((a, b) => a.tSeconds - b.tSeconds);
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

/** The wanted sign changes of one detector's g on [0, spanS] s after `start`. */
function detectorCrossings(source: StateSource, d: EventDetector, index: number, start: Epoch, spanS: number): Crossing[] {
  const label = `event detector ${index} (${d?.name ?? 'unnamed'})`;
  if (!d || typeof d.g !== 'function') throw new TypeError(`${label}: g must be a function`);
  const maxCheckS = d.maxCheckS ?? DEFAULT_EVENT_MAX_CHECK_S;
  const toleranceS = d.timeToleranceS ?? DEFAULT_EVENT_TIME_TOLERANCE_S;
  if (!(maxCheckS > 0) || !(toleranceS > 0)) throw new RangeError(`${label}: maxCheckS and timeToleranceS must be > 0`);
  const direction = d.direction ?? 'both';
  if (direction !== 'both' && direction !== 'increasing' && direction !== 'decreasing') {
    throw new RangeError(`${label}: direction must be 'increasing', 'decreasing' or 'both', got ${String(direction)}`);
  }
  const g = (tS: number): number => {
    const value = d.g(source.stateAt(start.plusSeconds(tS)));
    if (Number.isNaN(value)) throw new RangeError(`${label}: g is NaN at ${start.plusSeconds(tS).toIsoUtc(3)}`);
    return value;
  };
  const out: Crossing[] = [];
  const samples = Math.max(1, Math.ceil(spanS / maxCheckS));
  let tA = 0;
  let gA = g(0);
  for (let k = 1; k <= samples; k++) {
    const tB = k === samples ? spanS : (spanS * k) / samples;
    const gB = g(tB);
    if (gB === 0) continue; // no sign yet: decide at the next nonzero sample
    if (gA !== 0 && Math.sign(gA) !== Math.sign(gB)) {
      const increasing = gB > 0;
      if (direction === 'both' || (direction === 'increasing') === increasing) {
        out.push({ detector: d, tSeconds: brentRoot(g, tA, tB, gA, gB, toleranceS), increasing });
      }
    }
    tA = tB;
    gA = gB;
  }
  return out;
}
