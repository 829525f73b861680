/**
 * Cubic splines on a handful of nodes, as the MSIS temperature profiles use them: the
 * profile is a spline of 1/T against a normalised geopotential height, with the end slopes
 * prescribed (Picone et al. 2002, appendix; spline algebra of Press et al., Numerical
 * Recipes, §3.3). All functions write into caller-owned arrays: no allocation.
 */

/**
 * Second derivatives of the interpolating cubic through (x[i], y[i]), i < n (x ascending),
 * with first derivatives yp1 at x[0] and ypn at x[n−1] (a clamped spline). `work` holds n
 * scratch values.
 */
export function splineSecondDerivatives(
  x: Float64Array,
  y: Float64Array,
  n: number,
  yp1: number,
  ypn: number,
  y2: Float64Array,
  work: Float64Array,
): void {
  // Tridiagonal solve by forward elimination (y2 holds the eliminated sub-diagonal, work the rhs).
  y2[0] = -0.5;
  work[0] = (3 / (x[1] - x[0])) * ((y[1] - y[0]) / (x[1] - x[0]) - yp1);
  for (let i = 1; i < n - 1; i++) {
    const sig = (x[i] - x[i - 1]) / (x[i + 1] - x[i - 1]);
    const p = sig * y2[i - 1] + 2;
    y2[i] = (sig - 1) / p;
    const slopeJump = (y[i + 1] - y[i]) / (x[i + 1] - x[i]) - (y[i] - y[i - 1]) / (x[i] - x[i - 1]);
    work[i] = ((6 * slopeJump) / (x[i + 1] - x[i - 1]) - sig * work[i - 1]) / p;
  }
  const hn = x[n - 1] - x[n - 2];
  const un = (3 / hn) * (ypn - (y[n - 1] - y[n - 2]) / hn);
  y2[n - 1] = (un - 0.5 * work[n - 2]) / (0.5 * y2[n - 2] + 1);
  for (let k = n - 2; k >= 0; k--) y2[k] = y2[k] * y2[k + 1] + work[k];
}

/** Spline value at `at` (extrapolates with the end cubic outside [x[0], x[n−1]]). */
export function splineValue(x: Float64Array, y: Float64Array, y2: Float64Array, n: number, at: number): number {
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (hi + lo) >> 1;
    if (x[mid] > at) hi = mid;
    else lo = mid;
  }
  const h = x[hi] - x[lo];
  const a = (x[hi] - at) / h;
  const b = (at - x[lo]) / h;
  return a * y[lo] + b * y[hi] + ((a * a * a - a) * y2[lo] + (b * b * b - b) * y2[hi]) * ((h * h) / 6);
}

/**
 * Integral of the spline from x[0] to `at`. Each whole interval contributes its exact
 * integral; the last interval is cut at `at` (and extended past x[n−1] if `at` lies beyond).
 */
export function splineIntegral(x: Float64Array, y: Float64Array, y2: Float64Array, n: number, at: number): number {
  let sum = 0;
  for (let hi = 1; hi < n && at > x[hi - 1]; hi++) {
    const lo = hi - 1;
    const end = hi < n - 1 && at >= x[hi] ? x[hi] : at;
    const h = x[hi] - x[lo];
    const a = (x[hi] - end) / h;
    const b = (end - x[lo]) / h;
    const a2 = a * a;
    const b2 = b * b;
    // ∫ of A·y_lo + B·y_hi + ((A³−A)·y2_lo + (B³−B)·y2_hi)·h²/6 over the covered part of the interval.
    const linear = ((1 - a2) * y[lo]) / 2 + (b2 * y[hi]) / 2;
    const curvature = ((a2 / 2 - (1 + a2 * a2) / 4) * y2[lo] + ((b2 * b2) / 4 - b2 / 2) * y2[hi]) * ((h * h) / 6);
    sum += (linear + curvature) * h;
  }
  return sum;
}
