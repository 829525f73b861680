import { RungeKuttaIntegrator } from './rungeKutta.js';
import { checkTolerancePair, resolveTolerance, type Tolerance } from './tolerances.js';

/** Settings shared by the adaptive (embedded) Runge–Kutta integrators. */
export interface AdaptiveIntegratorOptions {
  /** Dimension of the state (6 for an orbit, 7 with mass). */
  n: number;
  /** Relative tolerance, scalar or per component. */
  rtol: Tolerance;
  /** Absolute tolerance (units of each component), scalar or per component. */
  atol: Tolerance;
  /** Largest step, s (default: unbounded). */
  maxStepS?: number;
  /** Smallest step the controller may propose before failing, s (default 0: only the
   *  floating-point limit 8·ε·max(|t|, |tEnd|) applies). */
  minStepS?: number;
  /** Safety factor on the optimal step (default 0.9). */
  safety?: number;
  /** Smallest ratio new/old step (method default: 0.2 DP5, 1/3 DOP853). */
  minFactor?: number;
  /** Largest ratio new/old step (method default: 10 DP5, 6 DOP853). */
  maxFactor?: number;
  /** PI (Lund) stabilisation β; 0 gives the elementary controller (method default: 0.04 DP5, 0 DOP853). */
  beta?: number;
}

/** Controller constants of one method (Hairer's defaults in dopri5.f / dop853.f). */
export interface ControllerDefaults {
  minFactor: number;
  maxFactor: number;
  beta: number;
  /** Exponent of the error norm in the step update: 1/5 for DP5(4) (dopri5.f), 1/8 for DOP853 (dop853.f). */
  errorExponent: number;
  /** Weight of β in the PI exponent α = errorExponent − betaWeight·β. */
  betaWeight: number;
  /** Order used by the initial-step heuristic. */
  initialStepOrder: number;
}

function positiveOr(field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(value > 0)) throw new RangeError(`${field} must be > 0, got ${value}`);
  return value;
}

/**
 * Embedded Runge–Kutta pair with error-per-step control (Hairer, Nørsett & Wanner, Solving
 * Ordinary Differential Equations I, 2nd ed., Springer 1993 — HNW I — §II.4): the error norm is
 * the RMS over components of err_i / (atol_i + rtol_i·max(|y_i|, |y_new,i|)); a step is accepted
 * when it is ≤ 1. The next step is h·min(maxFactor, max(minFactor, safety·err^(−α)·errOld^β)),
 * the PI controller of Gustafsson (1991) in the form of HNW II §IV.2 / dopri5.f; β = 0 gives the
 * elementary controller. After a rejection the step may not grow.
 */
export abstract class EmbeddedRungeKutta extends RungeKuttaIntegrator {
  protected readonly rtol: Float64Array;
  protected readonly atol: Float64Array;
  readonly maxStepS: number;
  readonly minStepS: number;
  private readonly safety: number;
  private readonly minFactor: number;
  private readonly maxFactor: number;
  private readonly alpha: number;
  private readonly beta: number;
  private readonly initialStepOrder: number;
  private errOld = 1e-4;

  protected constructor(options: AdaptiveIntegratorOptions, stageCount: number, fsalStage: number, defaults: ControllerDefaults) {
    if (!options || typeof options !== 'object') throw new TypeError('integrator options { n, rtol, atol } are required');
    super(options.n, stageCount, fsalStage);
    this.rtol = resolveTolerance('rtol', options.rtol, this.n);
    this.atol = resolveTolerance('atol', options.atol, this.n);
    checkTolerancePair(this.rtol, this.atol);
    this.maxStepS = positiveOr('maxStepS', options.maxStepS, Infinity);
    this.minStepS = options.minStepS ?? 0;
    if (!(this.minStepS >= 0) || this.minStepS > this.maxStepS) {
      throw new RangeError(`minStepS must be ≥ 0 and ≤ maxStepS, got ${options.minStepS}`);
    }
    this.safety = positiveOr('safety', options.safety, 0.9);
    if (this.safety >= 1) throw new RangeError(`safety must be < 1, got ${this.safety}`);
    this.minFactor = positiveOr('minFactor', options.minFactor, defaults.minFactor);
    this.maxFactor = positiveOr('maxFactor', options.maxFactor, defaults.maxFactor);
    if (this.minFactor >= 1 || this.maxFactor <= 1) {
      throw new RangeError(`need minFactor < 1 < maxFactor, got ${this.minFactor}, ${this.maxFactor}`);
    }
    this.beta = options.beta ?? defaults.beta;
    if (!(this.beta >= 0 && this.beta < defaults.errorExponent)) {
      throw new RangeError(`beta must be in [0, ${defaults.errorExponent}), got ${options.beta}`);
    }
    this.alpha = defaults.errorExponent - defaults.betaWeight * this.beta;
    this.initialStepOrder = defaults.initialStepOrder;
  }

  protected override rejectsNonFiniteTrials(): boolean {
    return true;
  }

  protected override resetController(): void {
    this.errOld = 1e-4;
  }

  protected override clampInitial(hAbs: number): number {
    return Math.min(hAbs, this.maxStepS);
  }

  protected minimumStep(t: number, tEnd: number): number {
    return Math.max(this.minStepS, 8 * Number.EPSILON * Math.max(Math.abs(t), Math.abs(tEnd)));
  }

  protected stepAfterAccept(h: number, err: number, lastRejected: boolean): number {
    const e = Math.max(err, 1e-10);
    let factor = (this.safety * Math.pow(this.errOld, this.beta)) / Math.pow(e, this.alpha);
    factor = Math.min(this.maxFactor, Math.max(this.minFactor, factor));
    if (lastRejected) factor = Math.min(factor, 1);
    this.errOld = Math.max(err, 1e-4);
    const hAbs = Math.min(Math.abs(h) * factor, this.maxStepS);
    return h < 0 ? -hAbs : hAbs;
  }

  protected stepAfterReject(h: number, err: number): number {
    const factor = Math.max(this.minFactor, this.safety / Math.pow(err, this.alpha));
    return h * Math.min(factor, 1);
  }

  /**
   * Starting step: HNW I §II.4, "Starting step size" (p. 169), as in Hairer's HINIT: from the
   * sizes of y0, f0 and a difference estimate of f' after one Euler step of 0.01·‖y0‖/‖f0‖.
   */
  protected firstStep(t0: number, tEnd: number, direction: number): number {
    const n = this.n;
    const y0 = this.y;
    const f0 = this.k[0];
    let dnf = 0;
    let dny = 0;
    for (let i = 0; i < n; i++) {
      const sk = this.atol[i] + this.rtol[i] * Math.abs(y0[i]);
      if (sk === 0) continue; // atol 0 and y0 = 0: no scale for this component; the others decide
      dnf += (f0[i] / sk) ** 2;
      dny += (y0[i] / sk) ** 2;
    }
    const hMax = Math.min(this.maxStepS, Math.abs(tEnd - t0));
    let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : Math.sqrt(dny / dnf) * 0.01;
    h = direction * Math.min(h, hMax);
    const y1 = this.yStage;
    for (let i = 0; i < n; i++) y1[i] = y0[i] + h * f0[i];
    const f1 = this.k[1];
    this.evalF(t0 + h, y1, f1);
    let der2 = 0;
    for (let i = 0; i < n; i++) {
      const sk = this.atol[i] + this.rtol[i] * Math.abs(y0[i]);
      if (sk !== 0) der2 += ((f1[i] - f0[i]) / sk) ** 2;
    }
    der2 = Math.sqrt(der2) / Math.abs(h);
    const der12 = Math.max(der2, Math.sqrt(dnf));
    const h1 = der12 <= 1e-15 ? Math.max(1e-6, Math.abs(h) * 1e-3) : Math.pow(0.01 / der12, 1 / this.initialStepOrder);
    return direction * Math.min(100 * Math.abs(h), h1, hMax);
  }

  /**
   * The cubic Hermite part of a Dormand–Prince dense output (HNW I §II.6, both pairs share it):
   * rows 0–3 of `d` (n values each) from y, y_new, the step's first stage and f(t + h, y_new).
   */
  protected hermiteDenseInto(d: Float64Array, kFirst: Float64Array, kLast: Float64Array): void {
    const n = this.n;
    const h = this.hStep;
    const y = this.y;
    const yNew = this.yNew;
    for (let i = 0; i < n; i++) {
      const yDiff = yNew[i] - y[i];
      const bspl = h * kFirst[i] - yDiff;
      d[i] = y[i];
      d[n + i] = yDiff;
      d[2 * n + i] = bspl;
      d[3 * n + i] = yDiff - h * kLast[i] - bspl;
    }
  }
}
