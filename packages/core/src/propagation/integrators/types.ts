import type { OdeEventDetector, EventOccurrence } from './eventTypes.js';

/**
 * Right-hand side of a first-order ODE system y' = f(t, y): writes dy/dt into `outDy`.
 * Must not keep references to `y` or `outDy` (the integrator reuses both arrays).
 */
export type OdeFunction = (t: number, y: Float64Array, outDy: Float64Array) => void;

/**
 * Continuous extension of one accepted step, valid on [tPrev, tCurr] (tCurr < tPrev when
 * integrating backwards). Handed to `onStep` and to event detection; it is reused for the next
 * step, so do not keep it after the callback returns.
 */
export interface StepInterpolator {
  /** Start of the step, s. */
  readonly tPrev: number;
  /** End of the step (or the event time that cut it short), s. */
  readonly tCurr: number;
  /** True for integration towards increasing t. */
  readonly forward: boolean;
  /** Fills `out` (length n) with the interpolated state at t and returns it. */
  interpolate(t: number, out: Float64Array): Float64Array;
}

export interface IntegrateOptions {
  /** Called after every accepted step (after event handling cut it short where needed). */
  onStep?(step: StepInterpolator): void;
  /** Event detectors on (t, y), checked on every accepted step (eventTypes.ts; events/ adapts state detectors). */
  events?: readonly OdeEventDetector[];
  /** First trial step, s (sign ignored). Default: Hairer's heuristic (adaptive) or the fixed step. */
  initialStepS?: number;
  /** Limit on attempted steps (accepted + rejected); default 1,000,000. */
  maxSteps?: number;
}

export interface IntegrationStats {
  /** Accepted steps. */
  steps: number;
  /** Rejected steps (error estimate above tolerance). */
  rejected: number;
  /** Right-hand-side evaluations, dense output and the initial-step heuristic included. */
  evaluations: number;
}

export interface IntegrationResult {
  /** Time reached: tEnd, or the time of a 'stop' event. */
  t: number;
  /** State at `t` (a fresh array owned by the caller). */
  y: Float64Array;
  /** True when an event with action 'stop' ended the integration before tEnd. */
  stopped: boolean;
  /** Events that fired, in the order they were handled (time order along the integration). */
  events: EventOccurrence[];
  stats: IntegrationStats;
}

/** One integrator instance serves one dimension n; it is not re-entrant (it reuses its buffers). */
export interface OdeIntegrator {
  readonly name: string;
  /** Order of the propagated solution. */
  readonly order: number;
  readonly n: number;
  integrate(f: OdeFunction, t0: number, y0: ArrayLike<number>, tEnd: number, options?: IntegrateOptions): IntegrationResult;
}
