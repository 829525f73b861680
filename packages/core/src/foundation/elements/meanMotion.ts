import { SGP4_J2, WGS72_EQUATORIAL_RADIUS_M, WGS72_MU_M3_PER_S2 } from './wgs72.js';

/** Radians per revolution over seconds per day: rev/day → rad/s. */
const REV_PER_DAY_TO_RAD_PER_S = (2 * Math.PI) / 86400;

/** Kepler's third law: semi-major axis (m) of a two-body orbit with mean motion n (rad/s). */
export function semiMajorAxisFromMeanMotionM(meanMotionRadPerS: number, muM3PerS2 = WGS72_MU_M3_PER_S2): number {
  return Math.cbrt(muM3PerS2 / (meanMotionRadPerS * meanMotionRadPerS));
}

/** Kepler's third law inverted: mean motion (rad/s) for a semi-major axis (m). */
export function meanMotionFromSemiMajorAxisRadPerS(semiMajorAxisM: number, muM3PerS2 = WGS72_MU_M3_PER_S2): number {
  return Math.sqrt(muM3PerS2 / (semiMajorAxisM * semiMajorAxisM * semiMajorAxisM));
}

export interface BrouwerMeanMotion {
  /** Brouwer ("un-Kozai'd") mean motion, rad/s: what SGP4 propagates with. */
  meanMotionRadPerS: number;
  /** Brouwer mean semi-major axis, m. */
  semiMajorAxisM: number;
}

/**
 * Recover the Brouwer mean motion and semi-major axis from a TLE's Kozai mean motion, as SGP4's
 * initialisation does (Hoots & Roehrich 1980, Spacetrack Report #3, SGP4 model, first equations;
 * written as in Vallado et al. 2006, AIAA 2006-6753, routine `initl`).
 *
 * TLE mean motion is a Kozai mean motion: it absorbs the secular J2 effect on the period. SGP4
 * removes it with one fixed-point step: a first axis a₁ from Kepler's law, the J2 correction
 * δ₁ = (3/4)·J2·(3cos²i − 1)/((1 − e²)^{3/2}·(a₁/R)²), a refined axis
 * a₀ = a₁(1 − δ₁/3 − δ₁² − (134/81)δ₁³), δ₀ from a₀, and n″ = n₀/(1 + δ₀); a″ follows from
 * Kepler's law with n″ (Vallado's form; Spacetrack Report #3 writes a″ = a₀/(1 − δ₀), the
 * same to first order in J2, a few metres apart in LEO).
 */
export function brouwerFromKozaiMeanMotion(
  kozaiMeanMotionRadPerS: number,
  eccentricity: number,
  inclinationRad: number,
): BrouwerMeanMotion {
  if (!(kozaiMeanMotionRadPerS > 0) || !Number.isFinite(kozaiMeanMotionRadPerS)) {
    throw new RangeError(`mean motion must be positive and finite, got ${kozaiMeanMotionRadPerS} rad/s`);
  }
  if (!(eccentricity >= 0 && eccentricity < 1)) {
    throw new RangeError(`eccentricity must be in [0, 1), got ${eccentricity}`);
  }
  if (!Number.isFinite(inclinationRad)) throw new RangeError(`inclination must be finite, got ${inclinationRad}`);
  const cosI = Math.cos(inclinationRad);
  const beta2 = 1 - eccentricity * eccentricity;
  const j2Factor = (0.75 * SGP4_J2 * (3 * cosI * cosI - 1)) / (beta2 * Math.sqrt(beta2));
  const a1 = semiMajorAxisFromMeanMotionM(kozaiMeanMotionRadPerS) / WGS72_EQUATORIAL_RADIUS_M;
  const delta1 = j2Factor / (a1 * a1);
  const a0 = a1 * (1 - delta1 / 3 - delta1 * delta1 - (134 / 81) * delta1 * delta1 * delta1);
  const delta0 = j2Factor / (a0 * a0);
  const meanMotionRadPerS = kozaiMeanMotionRadPerS / (1 + delta0);
  return { meanMotionRadPerS, semiMajorAxisM: semiMajorAxisFromMeanMotionM(meanMotionRadPerS) };
}

/** Convert a TLE/OMM mean motion in rev/day to rad/s. */
export function revPerDayToRadPerS(revPerDay: number): number {
  return revPerDay * REV_PER_DAY_TO_RAD_PER_S;
}
