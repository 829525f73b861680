/**
 * Small robust statistics for TLE time series: Theil–Sen line fits over index ranges, medians
 * and the MAD. Series are (t, y) in parallel Float64Arrays; ranges are inclusive index bounds.
 */

/** A fitted line y(t) = value + slope·(t − tRef). */
export interface Line {
  tRef: number;
  value: number;
  slope: number;
}

export function lineAt(line: Line, t: number): number {
  return line.value + line.slope * (t - line.tRef);
}

/** Median of the first `count` entries of `values` (sorts them in place). */
export function medianInPlace(values: Float64Array | number[], count = values.length): number {
  if (count <= 0) return Number.NaN;
  const view = values instanceof Float64Array ? values.subarray(0, count) : values.slice(0, count);
  view.sort((x, y) => x - y);
  const mid = count >> 1;
  return count % 2 === 1 ? view[mid] : 0.5 * (view[mid - 1] + view[mid]);
}

/** Median absolute deviation from the median, scaled by 1.4826 to estimate σ of Gaussian data. */
export function robustSigma(values: readonly number[] | Float64Array): number {
  const copy = Float64Array.from(values);
  const m = medianInPlace(copy);
  for (let i = 0; i < copy.length; i++) copy[i] = Math.abs(copy[i] - m);
  // 1.4826 = 1/Φ⁻¹(3/4): MAD → standard deviation for a normal distribution (Rousseeuw & Croux 1993).
  return 1.4826 * medianInPlace(copy);
}

/**
 * Theil–Sen line through points from..to (inclusive): slope = median of all pairwise slopes,
 * value at tRef = median of y − slope·(t − tRef). Breakdown point ~29%: one bad TLE in a window
 * of eight does not move it. `scratch` must hold n(n−1)/2 numbers; windows here are short.
 */
export function theilSenLine(
  t: Float64Array,
  y: Float64Array,
  from: number,
  to: number,
  tRef: number,
  scratch: Float64Array,
): Line {
  const n = to - from + 1;
  if (n < 2) return { tRef, value: n === 1 ? y[from] : Number.NaN, slope: 0 };
  let k = 0;
  for (let i = from; i < to; i++) {
    for (let j = i + 1; j <= to; j++) {
      const dt = t[j] - t[i];
      if (dt > 0) scratch[k++] = (y[j] - y[i]) / dt;
    }
  }
  const slope = k > 0 ? medianInPlace(scratch, k) : 0;
  for (let i = from; i <= to; i++) scratch[i - from] = y[i] - slope * (t[i] - tRef);
  return { tRef, value: medianInPlace(scratch, n), slope };
}

/**
 * Theil–Sen slope of a long stretch, on at most `maxPoints` evenly spaced points of from..to
 * (≤ maxPoints²/2 pairs): the average decay rate of an arc, unmoved by a few bad element sets.
 */
export function theilSenSlopeSubsampled(t: Float64Array, y: Float64Array, from: number, to: number, maxPoints = 80): number {
  const n = to - from + 1;
  if (n < 2) return Number.NaN;
  const m = Math.min(n, maxPoints);
  const idx: number[] = [];
  for (let k = 0; k < m; k++) idx.push(from + Math.round((k * (n - 1)) / (m - 1)));
  const slopes: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const dt = t[idx[j]] - t[idx[i]];
      if (dt > 0) slopes.push((y[idx[j]] - y[idx[i]]) / dt);
    }
  }
  return medianInPlace(slopes);
}

/**
 * Variance factor of a least-squares line's value at t0, for points from..to: Var = σ²·factor with
 * factor = 1/n + (t0 − t̄)²/Σ(t − t̄)². Theil–Sen is close to least squares in efficiency for
 * Gaussian noise (~90%), so this sizes its uncertainty too.
 */
export function lineValueVarianceFactor(t: Float64Array, from: number, to: number, t0: number): number {
  const n = to - from + 1;
  let mean = 0;
  for (let i = from; i <= to; i++) mean += t[i];
  mean /= n;
  let sxx = 0;
  for (let i = from; i <= to; i++) sxx += (t[i] - mean) * (t[i] - mean);
  const d = t0 - mean;
  return 1 / n + (sxx > 0 ? (d * d) / sxx : 0);
}

/** Two lines with one shared slope, one each side of a gap: the trend before and after a jump. */
export interface JumpFit {
  /** Trend value just before / after, at tRef. */
  before: Line;
  after: Line;
  /** after.value − before.value. */
  jump: number;
  /** Var(jump)/σ² for least squares on the same points: 1/n_b + 1/n_a + (t̄_a − t̄_b)²/S_xx,within. */
  varianceFactor: number;
}

/**
 * Robust fit of "a line with a step": one slope for both sides (the median of slopes of pairs
 * *within* each side, never across the gap), then each side's level at tRef as the median of
 * y − slope·(t − tRef). Sharing the slope is what drag does (it changes little over days), and it
 * keeps a jump that sits inside one side's window from tilting that side's line, which would make
 * a phantom jump of opposite sign. `scratch` must hold the pair count of both sides.
 */
export function fitJump(
  t: Float64Array,
  y: Float64Array,
  bFrom: number,
  bTo: number,
  aFrom: number,
  aTo: number,
  tRef: number,
  scratch: Float64Array,
): JumpFit {
  let k = 0;
  for (const [from, to] of [
    [bFrom, bTo],
    [aFrom, aTo],
  ]) {
    for (let i = from; i < to; i++) {
      for (let j = i + 1; j <= to; j++) {
        const dt = t[j] - t[i];
        if (dt > 0) scratch[k++] = (y[j] - y[i]) / dt;
      }
    }
  }
  const slope = k > 0 ? medianInPlace(scratch, k) : 0;
  const level = (from: number, to: number) => {
    for (let i = from; i <= to; i++) scratch[i - from] = y[i] - slope * (t[i] - tRef);
    return medianInPlace(scratch, to - from + 1);
  };
  const before: Line = { tRef, value: level(bFrom, bTo), slope };
  const after: Line = { tRef, value: level(aFrom, aTo), slope };
  const nb = bTo - bFrom + 1;
  const na = aTo - aFrom + 1;
  let mb = 0;
  let ma = 0;
  for (let i = bFrom; i <= bTo; i++) mb += t[i];
  for (let i = aFrom; i <= aTo; i++) ma += t[i];
  mb /= nb;
  ma /= na;
  let sxx = 0;
  for (let i = bFrom; i <= bTo; i++) sxx += (t[i] - mb) * (t[i] - mb);
  for (let i = aFrom; i <= aTo; i++) sxx += (t[i] - ma) * (t[i] - ma);
  const varianceFactor = 1 / nb + 1 / na + (sxx > 0 ? ((ma - mb) * (ma - mb)) / sxx : 0);
  return { before, after, jump: after.value - before.value, varianceFactor };
}
