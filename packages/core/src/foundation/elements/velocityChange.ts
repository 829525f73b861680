import { WGS72_MU_M3_PER_S2 } from './wgs72.js';

/**
 * Tangential Δv (m/s) that changes the semi-major axis of a near-circular orbit by Δa (m).
 *
 * Gauss's variational equation for a (e.g. Vallado, Fundamentals of Astrodynamics and
 * Applications, 4th ed. 2013, §9.6; Battin 1999 §10.4) with a purely along-track impulse on a
 * circular orbit reduces to Δa = 2aΔv/v, so Δv = v·Δa/(2a) with v = √(μ/a). At the ISS
 * (a ≈ 6,790 km) 1 m/s gives ≈ 1.77 km. First order in Δa/a and e; a signed Δa gives a signed Δv.
 */
export function deltaVForSemiMajorAxisChangeMPerS(
  semiMajorAxisM: number,
  deltaSemiMajorAxisM: number,
  muM3PerS2 = WGS72_MU_M3_PER_S2,
): number {
  if (!(semiMajorAxisM > 0)) throw new RangeError(`semi-major axis must be positive, got ${semiMajorAxisM} m`);
  const circularSpeed = Math.sqrt(muM3PerS2 / semiMajorAxisM);
  return (circularSpeed * deltaSemiMajorAxisM) / (2 * semiMajorAxisM);
}

/** Inverse of {@link deltaVForSemiMajorAxisChangeMPerS}: Δa (m) from a tangential Δv (m/s). */
export function semiMajorAxisChangeForDeltaVM(
  semiMajorAxisM: number,
  deltaVMPerS: number,
  muM3PerS2 = WGS72_MU_M3_PER_S2,
): number {
  if (!(semiMajorAxisM > 0)) throw new RangeError(`semi-major axis must be positive, got ${semiMajorAxisM} m`);
  const circularSpeed = Math.sqrt(muM3PerS2 / semiMajorAxisM);
  return (2 * semiMajorAxisM * deltaVMPerS) / circularSpeed;
}
