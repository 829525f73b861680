/**
 * Orbit event detectors (Orekit's EventDetector design, written anew): a switching function
 * g(state) of a {@link FrameState} — epoch, frame, position m, velocity m/s — so one detector
 * serves every propagator. Two engines run them:
 * - events/eventSearch.ts scans any Propagator (SGP4, an ephemeris, the averaged model) and
 *   refines each sign change with math/rootFinding.ts;
 * - the numerical propagator hands them to its integrator through events/odeAdapter.ts, which
 *   builds the state from the integrator's (t, y) on the dense output.
 * "Increasing" refers to increasing time, whichever way a run goes.
 */
import type { FrameState } from '../../foundation/frames/frameState.js';
import type { EventAction, EventDirection } from '../integrators/eventTypes.js';

// The integrator-level (t, y) detector types, for callers that detect on raw ODE variables.
export {
  DEFAULT_EVENT_MAX_CHECK_S,
  DEFAULT_EVENT_TIME_TOLERANCE_S,
  type EventAction,
  type EventDirection,
  type EventOccurrence,
  type OdeEventDetector,
} from '../integrators/eventTypes.js';

export interface EventDetector {
  /** For messages and logs. */
  readonly name: string;
  /**
   * Switching function: the event is where it changes sign; must be continuous in time. The state
   * (and its arrays) may be reused after the call returns: copy what you keep.
   */
  g(state: FrameState): number;
  /** Which crossings fire; default 'both'. */
  readonly direction?: EventDirection;
  /** Action when it fires (default 'continue'); a function may decide per occurrence. */
  readonly action?: EventAction | ((state: FrameState, increasing: boolean) => EventAction);
  /**
   * New state for action 'reset' (e.g. velocity + Δv), same frame; numerical propagation only (an
   * analytical propagator cannot be restarted from a state).
   */
  resetState?(state: FrameState): FrameState;
  /** Largest interval between two samples of g, s (default 60): two roots closer may go unseen. */
  readonly maxCheckS?: number;
  /** Accuracy of the event time, s (default 1e-6). */
  readonly timeToleranceS?: number;
}
