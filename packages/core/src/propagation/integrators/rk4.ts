import { cubicHermiteWeights } from '../../foundation/math/hermite.js';
import { RungeKuttaIntegrator } from './rungeKutta.js';

export interface FixedStepOptions {
  n: number;
  /** Step size, s (> 0; the sign follows the direction of integration). The last step is shortened to land on tEnd. */
  stepS: number;
}

/**
 * Classical 4th-order Runge–Kutta ("RK4", Kutta 1901; HNW I §II.1, Table 1.2, right), fixed step.
 * Dense output: cubic Hermite interpolation between the step's end points and their derivatives
 * (HNW I §II.6, eq. 6.7), 3rd order; f at the end point is the next step's first stage, so it
 * costs nothing extra.
 */
export class ClassicalRungeKutta4 extends RungeKuttaIntegrator {
  readonly name = 'classical Runge-Kutta 4';
  readonly order = 4;
  readonly stepS: number;

  constructor(options: FixedStepOptions) {
    super(options.n, 5, 4);
    if (!(options.stepS > 0) || !Number.isFinite(options.stepS)) {
      throw new RangeError(`stepS must be a finite number > 0, got ${options.stepS}`);
    }
    this.stepS = options.stepS;
  }

  protected attemptStep(): void {
    const t = this.tStep;
    const h = this.hStep;
    const n = this.n;
    const y = this.y;
    const ys = this.yStage;
    const k = this.k;
    const k1 = k[0], k2 = k[1], k3 = k[2], k4 = k[3];
    const half = 0.5 * h;
    for (let i = 0; i < n; i++) ys[i] = y[i] + half * k1[i];
    this.evalF(t + half, ys, k2);
    for (let i = 0; i < n; i++) ys[i] = y[i] + half * k2[i];
    this.evalF(t + half, ys, k3);
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * k3[i];
    this.evalF(t + h, ys, k4);
    const w = h / 6;
    for (let i = 0; i < n; i++) ys[i] = w * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
    this.addIncrement(ys);
    this.errorNorm = 0;
  }

  protected completeStep(): void {
    this.evalF(this.tStep + this.hStep, this.yNew, this.k[4]);
  }

  protected prepareDense(): void {
    // Hermite data are y, yNew, k[0], k[4]: nothing to precompute.
  }

  private readonly hermite = new Float64Array(8);

  protected evaluateDense(s: number, out: Float64Array): void {
    const n = this.n;
    const h = this.hStep;
    const y0 = this.y;
    const y1 = this.yNew;
    const f0 = this.k[0];
    const f1 = this.k[4];
    const w = cubicHermiteWeights(s, h, this.hermite);
    for (let i = 0; i < n; i++) out[i] = w[0] * y0[i] + w[1] * f0[i] + w[2] * y1[i] + w[3] * f1[i];
  }

  protected firstStep(_t0: number, _tEnd: number, direction: number): number {
    return direction * this.stepS;
  }

  protected stepAfterAccept(h: number): number {
    return h < 0 ? -this.stepS : this.stepS;
  }

  protected stepAfterReject(h: number): number {
    return h; // never reached: a fixed step has no error estimate
  }

  protected minimumStep(): number {
    return 0;
  }
}
