import { EventManager, type StepEventOutcome } from './eventManager.js';
import { IntegrationError, NonFiniteDerivativeError, StepSizeUnderflowError, TooManyStepsError } from './errors.js';
import type { IntegrateOptions, IntegrationResult, OdeFunction, OdeIntegrator, StepInterpolator } from './types.js';

const DEFAULT_MAX_STEPS = 1_000_000;

function unsetRhs(): void {
  throw new Error('no right-hand side: call integrate()');
}

/** The dense output of the integrator's current step, exposed to callbacks and event detection. */
class StepDenseOutput implements StepInterpolator {
  tPrev = 0;
  tCurr = 0;
  forward = true;
  constructor(private readonly owner: RungeKuttaIntegrator) {}
  interpolate(t: number, out: Float64Array): Float64Array {
    return this.owner.denseOutput(t, out);
  }
}

/**
 * Driver shared by the explicit Runge–Kutta methods: step loop, step-size control hooks, FSAL
 * bookkeeping, events, callbacks and statistics. Subclasses supply one step, its error norm and
 * its continuous extension. All work arrays are allocated once, in the constructor; the step loop
 * allocates nothing (events allocate only when one fires).
 */
export abstract class RungeKuttaIntegrator implements OdeIntegrator {
  abstract readonly name: string;
  abstract readonly order: number;
  readonly n: number;
  /** State at the start of the step. */
  protected y: Float64Array;
  /** State at the end of the step. */
  protected yNew: Float64Array;
  /** Stage derivatives; k[0] = f(t, y) and k[fsalStage] = f(t + h, yNew) (first same as last). */
  protected readonly k: Float64Array[];
  /** Scratch state for stage arguments. */
  protected readonly yStage: Float64Array;
  protected f: OdeFunction = unsetRhs;
  protected evaluations = 0;
  /** Start and size of the current step (for the dense output). */
  protected tStep = 0;
  protected hStep = 0;
  private denseReady = false;
  private readonly interpolator = new StepDenseOutput(this);
  private readonly yEvent: Float64Array;
  /** Compensated summation of y: rounding residual carried from step to step (Kahan 1965; HNW I §II.10 "round-off"). */
  private comp: Float64Array;
  private compNew: Float64Array;

  protected constructor(n: number, stageCount: number, private readonly fsalStage: number) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
    this.n = n;
    this.y = new Float64Array(n);
    this.yNew = new Float64Array(n);
    this.yStage = new Float64Array(n);
    this.yEvent = new Float64Array(n);
    this.comp = new Float64Array(n);
    this.compNew = new Float64Array(n);
    this.k = Array.from({ length: stageCount }, () => new Float64Array(n));
  }

  /**
   * yNew = y + increment with compensated summation: the part of the increment lost to rounding
   * in the addition is kept and added to the next step's increment, so that long integrations at
   * tight tolerances are not limited by round-off (an LEO state is ~7e6 m, its last bit ~1e-9 m).
   */
  protected addIncrement(increment: Float64Array): void {
    const y = this.y;
    const yNew = this.yNew;
    const comp = this.comp;
    const compNew = this.compNew;
    for (let i = 0; i < this.n; i++) {
      const inc = increment[i] + comp[i];
      const sum = y[i] + inc;
      compNew[i] = inc - (sum - y[i]);
      yNew[i] = sum;
    }
  }

  /**
   * One trial step from (tStep, y) of size hStep: fills yNew (and the stages the error estimate
   * needs) and sets `errorNorm` (≤ 1: accept). Times pass through fields, not arguments, because
   * V8 boxes a double argument of a call it does not inline (a 16-byte allocation).
   */
  protected abstract attemptStep(): void;
  /** After acceptance: make sure k[fsalStage] = f(tStep + hStep, yNew). */
  protected abstract completeStep(): void;
  /** Error norm of the last trial step. */
  protected errorNorm = 0;
  /** Computes the continuous-extension coefficients of the current step. */
  protected abstract prepareDense(): void;
  /** Continuous extension at θ = (t − tStep)/hStep. */
  protected abstract evaluateDense(theta: number, out: Float64Array): void;
  /** First trial step (signed). */
  protected abstract firstStep(t0: number, tEnd: number, direction: number): number;
  /** Next step after an accepted step of size h with error norm err (signed). */
  protected abstract stepAfterAccept(h: number, err: number, lastRejected: boolean): number;
  /** Retry size after a rejected step (signed). */
  protected abstract stepAfterReject(h: number, err: number): number;
  /** Smallest step the controller may propose before giving up, s (0 for fixed-step methods). */
  protected abstract minimumStep(t: number, tEnd: number): number;
  /** Whether a non-finite derivative at a trial stage rejects the step (adaptive methods) instead of failing (fixed step: there is no smaller step to try). */
  protected rejectsNonFiniteTrials(): boolean {
    return false;
  }
  /** Called at the start of each integrate() (controller memory). */
  protected resetController(): void {}

  /** f(t, y) into out, counted, with a clear error on NaN/±Infinity. */
  protected evalF(t: number, y: Float64Array, out: Float64Array): void {
    this.f(t, y, out);
    this.evaluations++;
    let sum = 0;
    for (let i = 0; i < out.length; i++) sum += out[i];
    if (sum - sum !== 0) {
      for (let i = 0; i < out.length; i++) {
        if (!Number.isFinite(out[i])) throw new NonFiniteDerivativeError(t, i, out[i], Float64Array.from(y));
      }
    }
  }

  /** Dense output of the current step (used through the StepInterpolator). */
  denseOutput(t: number, out: Float64Array): Float64Array {
    if (!this.denseReady) {
      this.prepareDense();
      this.denseReady = true;
    }
    this.evaluateDense((t - this.tStep) / this.hStep, out);
    return out;
  }

  integrate(f: OdeFunction, t0: number, y0: ArrayLike<number>, tEnd: number, options: IntegrateOptions = {}): IntegrationResult {
    const n = this.n;
    if (typeof f !== 'function') throw new TypeError('f must be a function (t, y, outDy) => void');
    if (!Number.isFinite(t0)) throw new RangeError(`t0 must be finite, got ${t0}`);
    if (!Number.isFinite(tEnd)) throw new RangeError(`tEnd must be finite, got ${tEnd}`);
    if (!y0 || y0.length !== n) throw new RangeError(`y0 must have ${n} components, got ${y0?.length}`);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(y0[i])) throw new RangeError(`y0[${i}] must be finite, got ${y0[i]}`);
    }
    const maxSteps = options.maxSteps ?? DEFAULT_MAX_STEPS;
    if (!(maxSteps >= 1)) throw new RangeError(`maxSteps must be ≥ 1, got ${maxSteps}`);
    if (options.initialStepS !== undefined && !(Math.abs(options.initialStepS) > 0)) {
      throw new RangeError(`initialStepS must be a nonzero number, got ${options.initialStepS}`);
    }

    this.f = f;
    this.evaluations = 0;
    this.resetController();
    const result: IntegrationResult = { t: t0, y: new Float64Array(n), stopped: false, events: [], stats: { steps: 0, rejected: 0, evaluations: 0 } };
    const stats = result.stats;
    this.y.set(y0 as ArrayLike<number>);
    this.comp.fill(0);
    if (t0 === tEnd) {
      result.y.set(this.y);
      return result;
    }
    const direction = tEnd > t0 ? 1 : -1;
    const interp = this.interpolator;
    interp.forward = direction > 0;
    const onStep = options.onStep;
    const events = options.events && options.events.length > 0 ? new EventManager(options.events, n) : null;

    try {
      this.evalF(t0, this.y, this.k[0]);
      events?.init(t0, this.y);
      let h = options.initialStepS !== undefined ? direction * this.clampInitial(Math.abs(options.initialStepS)) : this.firstStep(t0, tEnd, direction);
      let t = t0;
      let lastRejected = false;
      let attempts = 0;
      while (direction * (tEnd - t) > 0) {
        if (attempts >= maxSteps) throw new TooManyStepsError(t, maxSteps);
        attempts++;
        let hTry = h;
        let reachesEnd = false;
        if (direction * (t + hTry - tEnd) >= 0) {
          hTry = tEnd - t;
          reachesEnd = true;
        }
        this.tStep = t;
        this.hStep = hTry;
        let err: number;
        let nonFinite: NonFiniteDerivativeError | undefined;
        try {
          this.attemptStep();
          err = this.errorNorm;
        } catch (e) {
          // A trial stage left the region where f is defined (e.g. a long step through the
          // ground): nothing of the step is kept (y, k[0] untouched), so an adaptive method
          // rejects it like a too-large error and retries shorter.
          if (!(e instanceof NonFiniteDerivativeError) || !this.rejectsNonFiniteTrials()) throw e;
          nonFinite = e;
          err = Infinity;
        }
        if (!(err <= 1)) {
          stats.rejected++;
          h = this.stepAfterReject(hTry, Number.isFinite(err) ? err : 1e10);
          // Shrunk to nothing against a boundary of f's domain: that boundary is the news.
          this.checkStep(t, tEnd, h, nonFinite);
          lastRejected = true;
          continue;
        }
        this.completeStep();
        stats.steps++;
        let tNew = reachesEnd ? tEnd : t + hTry;
        this.denseReady = false;
        interp.tPrev = t;
        interp.tCurr = tNew;
        let outcome: StepEventOutcome = 'none';
        if (events) {
          outcome = events.processStep(interp, result.events);
          if (outcome !== 'none') {
            tNew = events.eventT;
            interp.tCurr = tNew;
          }
        }
        if (onStep) onStep(interp);
        const hNext = this.stepAfterAccept(hTry, err, lastRejected);
        lastRejected = false;
        if (outcome === 'none') {
          this.commit();
          t = tNew;
        } else if (outcome === 'stop') {
          this.denseOutput(tNew, this.yEvent);
          this.y.set(this.yEvent);
          t = tNew;
          result.stopped = true;
          break;
        } else {
          this.y.set(events!.resetY);
          this.comp.fill(0);
          t = tNew;
          this.evalF(t, this.y, this.k[0]);
        }
        if (!reachesEnd || outcome !== 'none') {
          h = hNext;
          this.checkStep(t, tEnd, h);
        }
      }
      result.t = t;
      result.y.set(this.y);
    } finally {
      this.f = unsetRhs;
      stats.evaluations = this.evaluations;
    }
    return result;
  }

  /** Limit a user-given first step (overridden by adaptive methods for maxStepS). */
  protected clampInitial(hAbs: number): number {
    return hAbs;
  }

  /** Swap start/end buffers so the accepted end becomes the next start (FSAL: no new evaluation). */
  private commit(): void {
    const y = this.y;
    this.y = this.yNew;
    this.yNew = y;
    const k0 = this.k[0];
    this.k[0] = this.k[this.fsalStage];
    this.k[this.fsalStage] = k0;
    const c = this.comp;
    this.comp = this.compNew;
    this.compNew = c;
  }

  /** Throws when h is below the minimum step: `cause` if given (what forced the step down), else an underflow. */
  private checkStep(t: number, tEnd: number, h: number, cause?: IntegrationError): void {
    const minStep = this.minimumStep(t, tEnd);
    if (!(Math.abs(h) >= minStep) || h === 0) {
      if (cause) throw cause;
      if (h !== h) throw new IntegrationError(`step size became NaN at t = ${t} s`, t);
      throw new StepSizeUnderflowError(t, Math.abs(h), minStep);
    }
  }
}
