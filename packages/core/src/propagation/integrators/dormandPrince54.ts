import { EmbeddedRungeKutta, type AdaptiveIntegratorOptions } from './adaptive.js';

/*
 * Dormand–Prince 5(4) "DOPRI5": J. R. Dormand & P. J. Prince, "A family of embedded Runge–Kutta
 * formulae", J. Comput. Appl. Math. 6 (1980) 19–26, Table 2 (RK5(4)7M); also HNW I Table 5.2
 * (§II.5). 7 stages, FSAL (the 7th stage is f at the new point), 5th-order solution propagated
 * (local extrapolation), 4th-order embedded solution for the error estimate.
 * Dense output: 4th-order continuous extension of HNW I §II.6 (eq. 6.12 ff., Shampine 1986),
 * coefficients d_i as in Hairer's dopri5.f.
 */
const C2 = 1 / 5;
const C3 = 3 / 10;
const C4 = 4 / 5;
const C5 = 8 / 9;
const A21 = 1 / 5;
const A31 = 3 / 40;
const A32 = 9 / 40;
const A41 = 44 / 45;
const A42 = -56 / 15;
const A43 = 32 / 9;
const A51 = 19372 / 6561;
const A52 = -25360 / 2187;
const A53 = 64448 / 6561;
const A54 = -212 / 729;
const A61 = 9017 / 3168;
const A62 = -355 / 33;
const A63 = 46732 / 5247;
const A64 = 49 / 176;
const A65 = -5103 / 18656;
// 5th-order weights b = 7th row of A (b2 = b7 = 0).
const B1 = 35 / 384;
const B3 = 500 / 1113;
const B4 = 125 / 192;
const B5 = -2187 / 6784;
const B6 = 11 / 84;
// Error weights e = b − b̂ (b̂: 4th-order weights 5179/57600, 0, 7571/16695, 393/640, −92097/339200, 187/2100, 1/40).
const E1 = 71 / 57600;
const E3 = -71 / 16695;
const E4 = 71 / 1920;
const E5 = -17253 / 339200;
const E6 = 22 / 525;
const E7 = -1 / 40;
// Dense output.
const D1 = -12715105075 / 11282082432;
const D3 = 87487479700 / 32700410799;
const D4 = -10690763975 / 1880347072;
const D5 = 701980252875 / 199316789632;
const D6 = -1453857185 / 822651844;
const D7 = 69997945 / 29380423;

/** Adaptive Dormand–Prince 5(4) with 4th-order dense output. */
export class DormandPrince54 extends EmbeddedRungeKutta {
  readonly name = 'Dormand-Prince 5(4)';
  readonly order = 5;
  /** Dense-output coefficients r1..r5, n each. */
  private readonly dense: Float64Array;

  constructor(options: AdaptiveIntegratorOptions) {
    super(options, 7, 6, { minFactor: 0.2, maxFactor: 10, beta: 0.04, errorExponent: 1 / 5, betaWeight: 0.75, initialStepOrder: 5 });
    this.dense = new Float64Array(5 * this.n);
  }

  protected attemptStep(): void {
    const t = this.tStep;
    const h = this.hStep;
    const n = this.n;
    const y = this.y;
    const ys = this.yStage;
    const yNew = this.yNew;
    const k = this.k;
    const k1 = k[0], k2 = k[1], k3 = k[2], k4 = k[3], k5 = k[4], k6 = k[5], k7 = k[6];
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * A21 * k1[i];
    this.evalF(t + C2 * h, ys, k2);
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
    this.evalF(t + C3 * h, ys, k3);
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
    this.evalF(t + C4 * h, ys, k4);
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
    this.evalF(t + C5 * h, ys, k5);
    for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
    this.evalF(t + h, ys, k6);
    for (let i = 0; i < n; i++) ys[i] = h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
    this.addIncrement(ys);
    this.evalF(t + h, yNew, k7);
    const atol = this.atol;
    const rtol = this.rtol;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
      // With atol 0, a component that stays exactly 0 has scale 0 and error 0: it counts as 0.
      const r = e === 0 ? 0 : e / (atol[i] + rtol[i] * Math.max(Math.abs(y[i]), Math.abs(yNew[i])));
      sum += r * r;
    }
    this.errorNorm = Math.sqrt(sum / n);
  }

  protected completeStep(): void {
    // k7 = f(t + h, yNew) is already part of the error estimate.
  }

  protected prepareDense(): void {
    const n = this.n;
    const h = this.hStep;
    const d = this.dense;
    const k = this.k;
    const k1 = k[0], k3 = k[2], k4 = k[3], k5 = k[4], k6 = k[5], k7 = k[6];
    this.hermiteDenseInto(d, k1, k7);
    for (let i = 0; i < n; i++) {
      d[4 * n + i] = h * (D1 * k1[i] + D3 * k3[i] + D4 * k4[i] + D5 * k5[i] + D6 * k6[i] + D7 * k7[i]);
    }
  }

  protected evaluateDense(s: number, out: Float64Array): void {
    const n = this.n;
    const d = this.dense;
    const s1 = 1 - s;
    for (let i = 0; i < n; i++) {
      out[i] = d[i] + s * (d[n + i] + s1 * (d[2 * n + i] + s * (d[3 * n + i] + s1 * d[4 * n + i])));
    }
  }
}
