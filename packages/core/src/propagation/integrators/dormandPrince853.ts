import { EmbeddedRungeKutta, type AdaptiveIntegratorOptions } from './adaptive.js';
import { DOP853_A, DOP853_BHH, DOP853_C, DOP853_D, DOP853_E5 } from './dop853Coefficients.js';

/** A sparse row of coefficients: stage indices and values, flat for a tight loop. */
interface SparseRow {
  readonly idx: Int32Array;
  readonly val: Float64Array;
}

function sparseRow(pairs: ReadonlyArray<readonly [number, number]>): SparseRow {
  return { idx: Int32Array.from(pairs, (p) => p[0]), val: Float64Array.from(pairs, (p) => p[1]) };
}

const ROWS: readonly SparseRow[] = DOP853_A.map(sparseRow);
/** 8th-order weights b_j (row 12 of A). */
const B = ROWS[12];
const E5 = sparseRow(DOP853_E5);
/** err3 weights b_j − bhh_j. */
const E3 = (() => {
  const full = new Float64Array(12);
  for (const [j, b] of DOP853_A[12]) full[j] += b;
  for (const [j, bhh] of DOP853_BHH) full[j] -= bhh;
  const pairs: [number, number][] = [];
  full.forEach((v, j) => {
    if (v !== 0) pairs.push([j, v]);
  });
  return sparseRow(pairs);
})();
const DENSE = DOP853_D.map(sparseRow);
const C = Float64Array.from(DOP853_C);

/**
 * Adaptive Dormand–Prince 8(5,3) "DOP853" (HNW I §II.10) with its 7th-order dense output.
 * 12 stages per step (the 13th is f at the new point, reused as the next step's first), 3 more
 * only when the dense output of a step is used. Error norm of dop853.f: the 5th-order estimate,
 * corrected by the 3rd-order one, err = |h|·E5²/√(n·(E5² + 0.01·E3²)) (sums of squares of the
 * scaled estimates).
 */
export class DormandPrince853 extends EmbeddedRungeKutta {
  readonly name = 'Dormand-Prince 8(5,3)';
  readonly order = 8;
  /** Dense-output coefficients r1..r8, n each. */
  private readonly dense: Float64Array;

  constructor(options: AdaptiveIntegratorOptions) {
    super(options, 16, 12, { minFactor: 1 / 3, maxFactor: 6, beta: 0, errorExponent: 1 / 8, betaWeight: 0.2, initialStepOrder: 8 });
    this.dense = new Float64Array(8 * this.n);
  }

  /** out = base + h·Σ a_j k_j over the sparse row (base null: out = h·Σ a_j k_j). */
  private combine(row: SparseRow, base: Float64Array | null, h: number, out: Float64Array): void {
    const n = this.n;
    const k = this.k;
    const idx = row.idx;
    const val = row.val;
    for (let i = 0; i < n; i++) out[i] = 0;
    for (let m = 0; m < idx.length; m++) {
      const km = k[idx[m]];
      const a = val[m];
      for (let i = 0; i < n; i++) out[i] += a * km[i];
    }
    if (base) for (let i = 0; i < n; i++) out[i] = base[i] + h * out[i];
    else for (let i = 0; i < n; i++) out[i] = h * out[i];
  }

  protected attemptStep(): void {
    const t = this.tStep;
    const h = this.hStep;
    const n = this.n;
    const y = this.y;
    const ys = this.yStage;
    const k = this.k;
    for (let s = 1; s < 12; s++) {
      this.combine(ROWS[s], y, h, ys);
      this.evalF(t + C[s] * h, ys, k[s]);
    }
    this.combine(B, null, h, ys);
    this.addIncrement(ys);
    const yNew = this.yNew;
    const atol = this.atol;
    const rtol = this.rtol;
    let err5 = 0;
    let err3 = 0;
    for (let i = 0; i < n; i++) {
      let e5 = 0;
      for (let m = 0; m < E5.idx.length; m++) e5 += E5.val[m] * k[E5.idx[m]][i];
      let e3 = 0;
      for (let m = 0; m < E3.idx.length; m++) e3 += E3.val[m] * k[E3.idx[m]][i];
      const sk = atol[i] + rtol[i] * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
      // With atol 0, a component that stays exactly 0 has scale 0 and errors 0: it counts as 0.
      if (e5 !== 0) err5 += (e5 / sk) ** 2;
      if (e3 !== 0) err3 += (e3 / sk) ** 2;
    }
    let deno = err5 + 0.01 * err3;
    if (deno <= 0) deno = 1;
    this.errorNorm = (Math.abs(h) * err5) / Math.sqrt(n * deno);
  }

  protected completeStep(): void {
    this.evalF(this.tStep + this.hStep, this.yNew, this.k[12]);
  }

  protected prepareDense(): void {
    const n = this.n;
    const h = this.hStep;
    const t = this.tStep;
    const y = this.y;
    const k = this.k;
    const ys = this.yStage;
    for (let s = 13; s < 16; s++) {
      this.combine(ROWS[s], y, h, ys);
      this.evalF(t + C[s] * h, ys, k[s]);
    }
    const d = this.dense;
    this.hermiteDenseInto(d, k[0], k[12]);
    for (let r = 0; r < 4; r++) {
      const row = DENSE[r];
      const off = (4 + r) * n;
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let m = 0; m < row.idx.length; m++) sum += row.val[m] * k[row.idx[m]][i];
        d[off + i] = h * sum;
      }
    }
  }

  protected evaluateDense(s: number, out: Float64Array): void {
    const n = this.n;
    const d = this.dense;
    const s1 = 1 - s;
    for (let i = 0; i < n; i++) {
      const conpar = d[4 * n + i] + s * (d[5 * n + i] + s1 * (d[6 * n + i] + s * d[7 * n + i]));
      out[i] = d[i] + s * (d[n + i] + s1 * (d[2 * n + i] + s * (d[3 * n + i] + s1 * conpar)));
    }
  }
}
