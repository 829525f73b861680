/**
 * Ordinary least-squares line and polynomial fits (a(t) trends and slopes, error
 * growth curves). Small dense normal equations: the series here have at most a few thousand points.
 */

export interface LinearFit {
  /** dy/dt. */
  slope: number;
  /** y at t = tMean. */
  valueAtMean: number;
  tMean: number;
  /** Standard error of the slope from the residual scatter (assumes independent residuals). */
  slopeSigma: number;
  /** RMS of the residuals. */
  residualRms: number;
  points: number;
}

/** Least-squares line through (t[i], y[i]); needs ≥ 3 points with distinct t. */
export function fitLine(t: ArrayLike<number>, y: ArrayLike<number>): LinearFit {
  const n = Math.min(t.length, y.length);
  if (n < 3) throw new RangeError(`fitLine: need at least 3 points, got ${n}`);
  let tm = 0;
  let ym = 0;
  for (let i = 0; i < n; i++) {
    tm += t[i];
    ym += y[i];
  }
  tm /= n;
  ym /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (t[i] - tm) * (t[i] - tm);
    sxy += (t[i] - tm) * (y[i] - ym);
  }
  if (!(sxx > 0)) throw new RangeError('fitLine: all t are equal');
  const slope = sxy / sxx;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const r = y[i] - ym - slope * (t[i] - tm);
    ss += r * r;
  }
  return {
    slope,
    valueAtMean: ym,
    tMean: tm,
    slopeSigma: Math.sqrt(ss / (n - 2) / sxx),
    residualRms: Math.sqrt(ss / n),
    points: n,
  };
}

/**
 * Least-squares polynomial y ≈ Σ c[k] t^k, k = 0…degree (normal equations, Gaussian elimination
 * with partial pivoting). Scale t to O(1) (e.g. days) before calling.
 */
export function fitPolynomial(t: ArrayLike<number>, y: ArrayLike<number>, degree: number): { coefficients: number[]; residualRms: number } {
  const n = Math.min(t.length, y.length);
  const m = degree + 1;
  if (!Number.isInteger(degree) || degree < 0) throw new RangeError(`fitPolynomial: degree must be a non-negative integer, got ${degree}`);
  if (n < m) throw new RangeError(`fitPolynomial: need at least ${m} points for degree ${degree}, got ${n}`);
  const a: number[][] = Array.from({ length: m }, () => new Array<number>(m + 1).fill(0));
  for (let i = 0; i < n; i++) {
    const powers = [1];
    for (let k = 1; k < 2 * m; k++) powers.push(powers[k - 1] * t[i]);
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) a[r][c] += powers[r + c];
      a[r][m] += powers[r] * y[i];
    }
  }
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (!(Math.abs(a[pivot][col]) > 0)) throw new RangeError('fitPolynomial: singular system (too few distinct t)');
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= m; c++) a[r][c] -= f * a[col][c];
    }
  }
  const coefficients = a.map((row, k) => row[m] / row[k]);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    let p = 0;
    for (let k = m - 1; k >= 0; k--) p = p * t[i] + coefficients[k];
    ss += (y[i] - p) ** 2;
  }
  return { coefficients, residualRms: Math.sqrt(ss / n) };
}
