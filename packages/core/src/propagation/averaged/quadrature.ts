/**
 * Quadrature rules for averaging a periodic function over one revolution.
 *
 * Gauss–Legendre: nodes are the roots of P_N, found by Newton's method from Tricomi's initial
 * guess cos(π(k − 1/4)/(N + 1/2)); weights w_k = 2 / ((1 − x_k²) P′_N(x_k)²)
 * (Abramowitz & Stegun 1964, Eq. 25.4.29; Davis & Rabinowitz, Methods of Numerical Integration,
 * 2nd ed. 1984, §2.7). Exact for polynomials of degree ≤ 2N − 1 on [−1, 1].
 *
 * Trapezoid on a periodic interval: equal weights 1/N at equally spaced nodes; exact for
 * trigonometric polynomials of degree ≤ N − 1 and exponentially convergent for smooth periodic
 * integrands (Trefethen & Weideman 2014, "The exponentially convergent trapezoidal rule",
 * SIAM Review 56(3), 385–458) — for an orbit average it needs fewer density calls than
 * Gauss–Legendre for the same accuracy (test/decay/quadrature.test.ts measures both).
 */

export type QuadratureKind = 'gauss-legendre' | 'trapezoid';

/** Nodes on [0, 2π) and weights summing to 1 (so Σ w f(x) is the mean of f over a period). */
export interface PeriodicRule {
  readonly kind: QuadratureKind;
  readonly nodesRad: Float64Array;
  readonly weights: Float64Array;
}

/** Gauss–Legendre nodes and weights on [−1, 1]. */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  if (!Number.isInteger(n) || n < 1 || n > 512) throw new RangeError(`Gauss–Legendre: node count must be an integer 1…512, got ${n}`);
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let k = 1; k <= (n + 1) >> 1; k++) {
    let z = Math.cos((Math.PI * (k - 0.25)) / (n + 0.5));
    let dp = 0;
    for (let iter = 0; iter < 100; iter++) {
      // P_n(z) by the three-term recurrence (j+1) P_{j+1} = (2j+1) z P_j − j P_{j−1}.
      let p0 = 1;
      let p1 = z;
      for (let j = 1; j < n; j++) {
        const p2 = ((2 * j + 1) * z * p1 - j * p0) / (j + 1);
        p0 = p1;
        p1 = p2;
      }
      if (n === 1) p0 = 1;
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    const wk = 2 / ((1 - z * z) * dp * dp);
    x[k - 1] = -z;
    x[n - k] = z;
    w[k - 1] = wk;
    w[n - k] = wk;
  }
  return { x, w };
}

/** A rule averaging over one period [0, 2π). */
export function periodicRule(kind: QuadratureKind, n: number): PeriodicRule {
  if (kind === 'trapezoid') {
    if (!Number.isInteger(n) || n < 2) throw new RangeError(`trapezoid: node count must be an integer ≥ 2, got ${n}`);
    const nodesRad = new Float64Array(n);
    const weights = new Float64Array(n).fill(1 / n);
    for (let k = 0; k < n; k++) nodesRad[k] = ((k + 0.5) * 2 * Math.PI) / n;
    return { kind, nodesRad, weights };
  }
  if (kind !== 'gauss-legendre') throw new RangeError(`quadrature: must be 'gauss-legendre' or 'trapezoid', got ${JSON.stringify(kind)}`);
  const { x, w } = gaussLegendre(n);
  const nodesRad = Float64Array.from(x, (xi) => Math.PI * (xi + 1));
  const weights = Float64Array.from(w, (wi) => wi / 2);
  return { kind, nodesRad, weights };
}
