/**
 * Gravity potential and acceleration of a spherical-harmonic field in the body-fixed frame,
 * singularity-free (valid at the poles), fully normalised.
 *
 * Method: Pines (1973), "Uniform representation of the gravitational potential and its
 * derivatives", AIAA Journal 11(11):1508–1511, in the normalised form of Lundberg & Schutz (1988),
 * "Recursion formulas of Legendre functions for use with nonsingular geopotential models",
 * JGCD 11(1):31–38. With direction cosines s = x/r, t = y/r, u = z/r:
 *
 *   P̄nm(u) = (1 − u²)^{m/2} Ānm(u)         (Ānm: normalised Helmholtz polynomials, no pole factor)
 *   ρ_m := Re (s + i t)^m,  ι_m := Im (s + i t)^m   (= cos^m φ · cos mλ, cos^m φ · sin mλ)
 *   U = GM/r Σ_n (R/r)^n Σ_m Ānm (C̄nm ρ_m + S̄nm ι_m)
 *
 * and, differentiating in x, y, z (derivation in the comment of `accelerationEcef`):
 *
 *   a = GM/r² (a1 + a4 s, a2 + a4 t, a3 + a4 u) with
 *   a1 = Σ (R/r)^n Σ m Ānm (C̄ ρ_{m−1} + S̄ ι_{m−1})
 *   a2 = Σ (R/r)^n Σ m Ānm (S̄ ρ_{m−1} − C̄ ι_{m−1})
 *   a3 = Σ (R/r)^n Σ (N_nm/N_{n,m+1}) Ā_{n,m+1} (C̄ ρ_m + S̄ ι_m)
 *   a4 = −Σ (R/r)^n Σ (N_nm/N_{n+1,m+1}) Ā_{n+1,m+1} (C̄ ρ_m + S̄ ι_m)
 *
 * where N_nm = √((2 − δ_m0)(2n+1)(n−m)!/(n+m)!) is the normalisation. The recursion for Ānm
 * (forward in n at fixed m) involves only u, so nothing divides by cos φ; ρ_m and ι_m are
 * polynomials in s and t. Ānm grows like √((n+m)!/(n−m)!)/2^m m! at the pole (≤ 1e50 at degree
 * 241), far from overflow, and every summed term stays bounded by |P̄nm C̄nm|.
 *
 * Evaluation order (acceleration): order m outer, degree n inner, everything one (n, m) needs
 * packed in one record (C̄, S̄, f3, f4 and the recursion's α, β), records column by column; the
 * sums over n are formed per m with C̄ and S̄ separately, and only then combined with ρ_m, ι_m
 * (fewer multiplications); the column m+1 of Ā is generated alongside column m, already scaled
 * by (R/r)^n so that no term needs its own power of R/r. The potential keeps the plain
 * row-by-row form (a slow path for tests and diagnostics).
 *
 * All work arrays are allocated once for the chosen degree; evaluation allocates nothing.
 */
import { coefficientIndex, type GravityFieldCoefficients } from './coefficients.js';

/** Numbers per (n, m) record of the packed fast-path table. */
const RECORD = 6;

export class SphericalHarmonicGravity {
  readonly degree: number;
  readonly order: number;
  readonly gmM3PerS2: number;
  readonly radiusM: number;
  readonly modelName: string;

  private readonly cBar: Float64Array;
  private readonly sBar: Float64Array;
  /** Ānm for n ≤ degree+1, m ≤ min(n, order+1), triangular index. */
  private readonly aBar: Float64Array;
  private readonly diag: Float64Array;
  private readonly subDiag: Float64Array;
  private readonly alpha: Float64Array;
  private readonly beta: Float64Array;
  private readonly f3: Float64Array;
  private readonly f4: Float64Array;
  private readonly rePow: Float64Array;
  private readonly imPow: Float64Array;
  /**
   * Fast path: one record of RECORD numbers per (n, m), order m outer, degree n inner (column m
   * starts at colBase[m] + m·RECORD): C̄nm, S̄nm, f3, f4 (N_nm/N_{n,m+1}, N_nm/N_{n+1,m+1}), α and β
   * of Ā_{n+1,m+1}.
   */
  private readonly packed: Float64Array;
  private readonly colBase: Int32Array;
  private colA: Float64Array;
  private colB: Float64Array;

  /** Evaluate `field` truncated to `degree` × `order` (defaults: all it holds). */
  constructor(field: GravityFieldCoefficients, degree: number = field.maxDegree, order: number = Math.min(degree, field.maxOrder)) {
    if (!Number.isInteger(degree) || degree < 0 || degree > field.maxDegree) {
      throw new RangeError(`degree: must be an integer 0…${field.maxDegree} (max degree of ${field.modelName}), got ${degree}`);
    }
    if (!Number.isInteger(order) || order < 0 || order > degree) {
      throw new RangeError(`order: must be an integer 0…${degree}, got ${order}`);
    }
    this.degree = degree;
    this.order = order;
    this.gmM3PerS2 = field.gmM3PerS2;
    this.radiusM = field.radiusM;
    this.modelName = field.modelName;
    const nTop = degree + 1; // a4 needs Ā of degree n+1
    const size = coefficientIndex(nTop, nTop) + 1;
    this.cBar = new Float64Array(coefficientIndex(degree, degree) + 1);
    this.sBar = new Float64Array(this.cBar.length);
    for (let n = 0; n <= degree; n++) {
      for (let m = 0; m <= Math.min(n, order); m++) {
        const k = coefficientIndex(n, m);
        this.cBar[k] = field.cBar[k];
        this.sBar[k] = field.sBar[k];
      }
    }
    this.aBar = new Float64Array(size);
    this.alpha = new Float64Array(size);
    this.beta = new Float64Array(size);
    this.f3 = new Float64Array(size);
    this.f4 = new Float64Array(size);
    this.diag = new Float64Array(nTop + 1);
    this.subDiag = new Float64Array(nTop + 1);
    this.rePow = new Float64Array(nTop + 1);
    this.imPow = new Float64Array(nTop + 1);

    // Ā_mm = N_mm (2m−1)!!: Ā00 = 1, Ā11 = √3, Ā_mm = √((2m+1)/(2m)) Ā_{m−1,m−1} for m ≥ 2.
    this.diag[0] = 1;
    if (nTop >= 1) this.diag[1] = Math.sqrt(3);
    for (let m = 2; m <= nTop; m++) this.diag[m] = Math.sqrt((2 * m + 1) / (2 * m)) * this.diag[m - 1];
    // Ā_{m+1,m} = √(2m+3) u Ā_mm.
    for (let m = 0; m <= nTop; m++) this.subDiag[m] = Math.sqrt(2 * m + 3);
    for (let n = 0; n <= nTop; n++) {
      for (let m = 0; m <= n; m++) {
        const k = coefficientIndex(n, m);
        if (n >= m + 2) {
          // Ā_nm = α u Ā_{n−1,m} − β Ā_{n−2,m} (from (n−m)A_nm = (2n−1)u A_{n−1,m} − (n+m−1)A_{n−2,m}).
          this.alpha[k] = Math.sqrt(((2 * n + 1) * (2 * n - 1)) / ((n - m) * (n + m)));
          this.beta[k] = Math.sqrt(((2 * n + 1) * (n + m - 1) * (n - m - 1)) / ((2 * n - 3) * (n + m) * (n - m)));
        }
        const delta = m === 0 ? 0.5 : 1; // (2 − δ_m0)/2
        // N_nm / N_{n,m+1} = √((2−δ_m0)/2 (n−m)(n+m+1)).
        this.f3[k] = Math.sqrt(delta * (n - m) * (n + m + 1));
        // N_nm / N_{n+1,m+1} = √((2−δ_m0)/2 (2n+1)/(2n+3) (n+m+1)(n+m+2)).
        this.f4[k] = Math.sqrt((delta * (2 * n + 1) * (n + m + 1) * (n + m + 2)) / (2 * n + 3));
      }
    }
    this.colBase = new Int32Array(order + 1);
    let records = 0;
    for (let m = 0; m <= order; m++) {
      this.colBase[m] = (records - m) * RECORD;
      records += degree - m + 1;
    }
    const packed = new Float64Array(records * RECORD);
    for (let m = 0; m <= order; m++) {
      for (let n = m; n <= degree; n++) {
        const j = this.colBase[m] + n * RECORD;
        const k = coefficientIndex(n, m);
        const kNext = coefficientIndex(n + 1, m + 1);
        packed[j] = this.cBar[k];
        packed[j + 1] = this.sBar[k];
        packed[j + 2] = this.f3[k];
        packed[j + 3] = this.f4[k];
        packed[j + 4] = this.alpha[kNext];
        packed[j + 5] = this.beta[kNext];
      }
    }
    this.packed = packed;
    this.colA = new Float64Array(degree + 3);
    this.colB = new Float64Array(degree + 3);
  }

  /** Fill Ā_nm(u) for n ≤ degree+1, m ≤ min(n, order+1), and ρ_m, ι_m. */
  private fillBasis(s: number, t: number, u: number): void {
    const a = this.aBar;
    const nTop = this.degree + 1;
    const mTop = this.order + 1;
    const alpha = this.alpha;
    const beta = this.beta;
    a[0] = 1;
    for (let n = 1; n <= nTop; n++) {
      const row = (n * (n + 1)) / 2;
      const prev = row - n; // index(n−1, 0)
      const prev2 = prev - (n - 1); // index(n−2, 0)
      const mMax = Math.min(n - 2, mTop);
      for (let m = 0; m <= mMax; m++) {
        const k = row + m;
        a[k] = u * alpha[k] * a[prev + m] - beta[k] * a[prev2 + m];
      }
      if (n - 1 <= mTop) a[row + n - 1] = this.subDiag[n - 1] * u * this.diag[n - 1];
      if (n <= mTop) a[row + n] = this.diag[n];
    }
    const re = this.rePow;
    const im = this.imPow;
    re[0] = 1;
    im[0] = 0;
    for (let m = 1; m <= mTop; m++) {
      re[m] = s * re[m - 1] - t * im[m - 1];
      im[m] = s * im[m - 1] + t * re[m - 1];
    }
  }

  /**
   * Acceleration (m/s²) in the body-fixed frame at body-fixed `rM` (m); writes `out`.
   *
   * Derivation: with V = Σ g_n(r) A_nm(u) B_m(s,t), g_n = GM Rⁿ/r^{n+1}, ∂(s,t,u)/∂x_j =
   * (δ_j· − e_j (s,t,u))/r, ∂A_nm/∂u = A_{n,m+1}, s∂B/∂s + t∂B/∂t = mB (B is homogeneous of
   * degree m) and (n+m+1)A_nm + u A_{n,m+1} = A_{n+1,m+1}, the radial parts collect into a4.
   */
  accelerationEcef(rM: ArrayLike<number>, out: Float64Array): Float64Array {
    const x = rM[0];
    const y = rM[1];
    const z = rM[2];
    const r2 = x * x + y * y + z * z;
    const r = Math.sqrt(r2);
    const s = x / r;
    const t = y / r;
    const u = z / r;
    const degree = this.degree | 0;
    const order = this.order | 0;
    // The columns hold Â_nm = (R/r)^n Ā_nm, so the sums need no per-term power of R/r:
    // Â_nm = α (u R/r) Â_{n−1,m} − β (R/r)² Â_{n−2,m}; the a4 sum (Ā_{n+1,m+1}) comes out
    // with one extra factor R/r, removed at the end.
    const ratio = this.radiusM / r;
    const uq = u * ratio;
    const q2 = ratio * ratio;
    // Column m = 0 (degrees 0…degree+1): the zonal recursion.
    let cur = this.colA;
    let next = this.colB;
    const alpha = this.alpha;
    const beta = this.beta;
    const diag = this.diag;
    const subDiag = this.subDiag;
    cur[0] = 1;
    cur[1] = subDiag[0] * uq;
    for (let n = 2; n <= degree + 1; n++) {
      const k = (n * (n + 1)) >> 1;
      cur[n] = uq * alpha[k] * cur[n - 1] - q2 * beta[k] * cur[n - 2];
    }
    const packed = this.packed;
    const colBase = this.colBase;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    // (s + i t)^m, advanced per column.
    let reM = 1;
    let imM = 0;
    let reM1 = 0; // (s + i t)^(m−1)
    let imM1 = 0;
    let rhoM1 = ratio; // (R/r)^(m+1)
    for (let m = 0; m <= order; m++) {
      // Column m+1 (degrees m+1…degree+1) into `next`, alongside the sums over n for column m.
      const d = rhoM1 * diag[m + 1];
      rhoM1 *= ratio;
      next[m] = 0; // Ā_{m,m+1} = 0
      next[m + 1] = d;
      next[m + 2] = subDiag[m + 1] * uq * d;
      const base = colBase[m];
      let sumC = 0;
      let sumS = 0;
      let sum3C = 0;
      let sum3S = 0;
      let sum4C = 0;
      let sum4S = 0;
      // n = m and n = m+1 use the seeded next[m…m+2]; from n = m+2 on, next[n+1] by recursion.
      const nSeed = m + 1 < degree ? m + 1 : degree;
      for (let n = m; n <= nSeed; n++) {
        const j = base + n * RECORD;
        const c = packed[j];
        const sn = packed[j + 1];
        const p = cur[n];
        sumC += p * c;
        sumS += p * sn;
        const q3 = next[n] * packed[j + 2];
        sum3C += q3 * c;
        sum3S += q3 * sn;
        const q4 = next[n + 1] * packed[j + 3];
        sum4C += q4 * c;
        sum4S += q4 * sn;
      }
      let prev = next[m + 1];
      let here = next[m + 2];
      let j = base + (m + 2) * RECORD;
      let n = m + 2;
      // Two degrees per trip (fewer loop-carried moves and branches); the odd one after.
      for (; n < degree; n += 2, j += 2 * RECORD) {
        const ahead = uq * packed[j + 4] * here - q2 * packed[j + 5] * prev; // Â_{n+1,m+1}
        next[n + 1] = ahead;
        const c = packed[j];
        const sn = packed[j + 1];
        const p = cur[n];
        sumC += p * c;
        sumS += p * sn;
        const q3 = here * packed[j + 2];
        sum3C += q3 * c;
        sum3S += q3 * sn;
        const q4 = ahead * packed[j + 3];
        sum4C += q4 * c;
        sum4S += q4 * sn;
        const ahead2 = uq * packed[j + RECORD + 4] * ahead - q2 * packed[j + RECORD + 5] * here; // Â_{n+2,m+1}
        next[n + 2] = ahead2;
        const c2 = packed[j + RECORD];
        const sn2 = packed[j + RECORD + 1];
        const p2 = cur[n + 1];
        sumC += p2 * c2;
        sumS += p2 * sn2;
        const q32 = ahead * packed[j + RECORD + 2];
        sum3C += q32 * c2;
        sum3S += q32 * sn2;
        const q42 = ahead2 * packed[j + RECORD + 3];
        sum4C += q42 * c2;
        sum4S += q42 * sn2;
        prev = ahead;
        here = ahead2;
      }
      if (n === degree) {
        const ahead = uq * packed[j + 4] * here - q2 * packed[j + 5] * prev; // Â_{n+1,m+1}
        next[n + 1] = ahead;
        const c = packed[j];
        const sn = packed[j + 1];
        const p = cur[n];
        sumC += p * c;
        sumS += p * sn;
        const q3 = here * packed[j + 2];
        sum3C += q3 * c;
        sum3S += q3 * sn;
        const q4 = ahead * packed[j + 3];
        sum4C += q4 * c;
        sum4S += q4 * sn;
      }
      if (m > 0) {
        a1 += m * (reM1 * sumC + imM1 * sumS);
        a2 += m * (reM1 * sumS - imM1 * sumC);
      }
      a3 += reM * sum3C + imM * sum3S;
      a4 -= reM * sum4C + imM * sum4S;
      reM1 = reM;
      imM1 = imM;
      reM = s * reM1 - t * imM1;
      imM = s * imM1 + t * reM1;
      const swap = cur;
      cur = next;
      next = swap;
    }
    a4 /= ratio;
    const scale = this.gmM3PerS2 / r2;
    out[0] = scale * (a1 + a4 * s);
    out[1] = scale * (a2 + a4 * t);
    out[2] = scale * (a3 + a4 * u);
    return out;
  }

  /** Potential U (m²/s², positive, U = GM/r for a point mass) at body-fixed `rM` (m). */
  potential(rM: ArrayLike<number>): number {
    const x = rM[0];
    const y = rM[1];
    const z = rM[2];
    const r = Math.sqrt(x * x + y * y + z * z);
    this.fillBasis(x / r, y / r, z / r);
    const ratio = this.radiusM / r;
    let rhoN = 1;
    let sum = 0;
    for (let n = 0; n <= this.degree; n++) {
      const row = (n * (n + 1)) / 2;
      const mMax = Math.min(n, this.order);
      let sn = 0;
      for (let m = 0; m <= mMax; m++) {
        const k = row + m;
        sn += this.aBar[k] * (this.cBar[k] * this.rePow[m] + this.sBar[k] * this.imPow[m]);
      }
      sum += rhoN * sn;
      rhoN *= ratio;
    }
    return (this.gmM3PerS2 / r) * sum;
  }
}
