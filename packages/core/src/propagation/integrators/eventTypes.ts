/**
 * Event detection on the integrator's dense output: an event is a sign change of a switching
 * function g(t, y) of the ODE's own variables (Hipparchus' ODE event detectors, written anew
 * here). Orbit-level detectors that read a state in a named frame live in events/ and are adapted
 * to this form by events/odeAdapter.ts, so the integrators need nothing from events/. "Increasing" always refers to
 * increasing t, also when integrating backwards (a perigee is an increasing crossing of r·v
 * whichever way the integration runs).
 */

/** Which crossings of g = 0 count: increasing (− → + in time), decreasing, or both. */
export type EventDirection = 'increasing' | 'decreasing' | 'both';

/**
 * What happens when the event fires: stop the integration there, continue unchanged, or
 * replace the state by `resetState`'s result (impulsive manoeuvres) and continue.
 */
export type EventAction = 'stop' | 'continue' | 'reset';

export interface EventOccurrence {
  /** The detector that fired. */
  readonly detector: OdeEventDetector;
  /** Event time, s (within the detector's time tolerance of the true root of g). */
  readonly t: number;
  /** State at the event, before any reset (a fresh array). */
  readonly y: Float64Array;
  /** True when g goes from negative to positive with increasing t. */
  readonly increasing: boolean;
  /** Action taken. */
  readonly action: EventAction;
  /** State after the reset (only for action 'reset'). */
  readonly yAfter?: Float64Array;
}

export interface OdeEventDetector {
  /** For messages and logs. */
  readonly name: string;
  /** Switching function: the event is where it changes sign. Must be continuous in t. */
  g(t: number, y: Float64Array): number;
  /** Which crossings fire; default 'both'. Crossings in the other direction are tracked silently. */
  readonly direction?: EventDirection;
  /**
   * Action when it fires; a function may decide per occurrence (e.g. stop at the third one).
   * Default 'continue'.
   */
  readonly action?: EventAction | ((t: number, y: Float64Array, increasing: boolean) => EventAction);
  /** New state for action 'reset' (e.g. velocity + Δv); receives the state at the event. */
  resetState?(t: number, y: Float64Array): ArrayLike<number>;
  /**
   * Largest interval between two samples of g inside a step, s (default 60): two roots closer
   * than this may go unseen. Set it below half the shortest time g stays on one side.
   */
  readonly maxCheckS?: number;
  /** Accuracy of the event time, s (default 1e-6). */
  readonly timeToleranceS?: number;
}

export const DEFAULT_EVENT_MAX_CHECK_S = 60;
export const DEFAULT_EVENT_TIME_TOLERANCE_S = 1e-6;
