/**
 * Spherical-harmonic coefficients of a gravity field, fully normalised (geodesy convention, no
 * Condon–Shortley phase; Heiskanen & Moritz 1967 §1-14, the ICGEM "fully_normalized" norm):
 *
 *   U(r, φ, λ) = GM/r Σ_n (R/r)^n Σ_m P̄nm(sin φ) (C̄nm cos mλ + S̄nm sin mλ)
 *
 * Storage: triangular, row by degree: index(n, m) = n(n+1)/2 + m, 0 ≤ m ≤ n ≤ maxDegree.
 */
export interface GravityFieldCoefficients {
  /** Model name, e.g. "EIGEN-6S". */
  readonly modelName: string;
  /** GM the coefficients are scaled with, m³/s². */
  readonly gmM3PerS2: number;
  /** Reference radius R, m. */
  readonly radiusM: number;
  /** Highest degree held (after any truncation on load). */
  readonly maxDegree: number;
  /** Highest order held (≤ maxDegree). */
  readonly maxOrder: number;
  /** "tide_free", "zero_tide", "mean_tide" or "unknown", as the source declares. */
  readonly tideSystem: string;
  /** Fully normalised C̄nm, index(n, m). */
  readonly cBar: Float64Array;
  /** Fully normalised S̄nm, index(n, m). */
  readonly sBar: Float64Array;
  /**
   * How time-variable terms were treated, e.g. "evaluated at 2024-01-01T00:00:00.000Z" or
   * "static part only (gfct values at their t0)"; "none" when the source has none.
   */
  readonly timeVariable: string;
}

/** Triangular index of (n, m). */
export function coefficientIndex(n: number, m: number): number {
  return (n * (n + 1)) / 2 + m;
}

/** Number of triangular slots for degrees 0..maxDegree. */
export function coefficientCount(maxDegree: number): number {
  return ((maxDegree + 1) * (maxDegree + 2)) / 2;
}

/**
 * A copy truncated to degree `degree` and order `order` (coefficients above `order` set to 0).
 * Throws naming the limit when asked for more than the field holds.
 */
export function truncateGravityField(
  field: GravityFieldCoefficients,
  degree: number,
  order: number = degree,
): GravityFieldCoefficients {
  if (!Number.isInteger(degree) || degree < 0 || degree > field.maxDegree) {
    throw new RangeError(`degree: must be an integer 0…${field.maxDegree} (max_degree of ${field.modelName}), got ${degree}`);
  }
  if (!Number.isInteger(order) || order < 0 || order > degree || order > field.maxOrder) {
    throw new RangeError(`order: must be an integer 0…${Math.min(degree, field.maxOrder)}, got ${order}`);
  }
  const cBar = new Float64Array(coefficientCount(degree));
  const sBar = new Float64Array(coefficientCount(degree));
  for (let n = 0; n <= degree; n++) {
    for (let m = 0; m <= Math.min(n, order); m++) {
      const k = coefficientIndex(n, m);
      cBar[k] = field.cBar[k];
      sBar[k] = field.sBar[k];
    }
  }
  return { ...field, maxDegree: degree, maxOrder: order, cBar, sBar };
}

/**
 * Fields with only zonal terms from normalised C̄n0 values (index = degree; entries 0 and 1
 * ignored, C̄00 = 1 set).
 */
export function zonalGravityField(
  modelName: string,
  gmM3PerS2: number,
  radiusM: number,
  cBarN0: ArrayLike<number>,
  tideSystem = 'unknown',
): GravityFieldCoefficients {
  const maxDegree = cBarN0.length - 1;
  const cBar = new Float64Array(coefficientCount(maxDegree));
  const sBar = new Float64Array(coefficientCount(maxDegree));
  cBar[0] = 1;
  for (let n = 2; n <= maxDegree; n++) cBar[coefficientIndex(n, 0)] = cBarN0[n];
  return { modelName, gmM3PerS2, radiusM, maxDegree, maxOrder: 0, tideSystem, cBar, sBar, timeVariable: 'none' };
}
