/**
 * Visual magnitude of a sunlit satellite, diffuse-sphere model.
 *
 * m = m_std + 5 log10(range / 1000 km) − 2.5 log10(sin φ + (π − φ) cos φ)
 *
 * φ is the phase angle (Sun–satellite–observer; 0 = fully lit face towards the observer) and
 * m_std the standard magnitude: the satellite at 1000 km range and φ = 90°, where the phase term
 * is 0. The phase law is that of a Lambertian (diffusely reflecting) sphere — its brightness
 * ∝ [sin φ + (π − φ) cos φ]/π — as used for satellites since E. M. Vallerie III, AFIT thesis
 * AD 419069 (1963); the formula in this form was given by R. Matson on SeeSat-L, 26 Apr 2001
 * (http://www.satobs.org/seesat/Apr-2001/0313.html), for SkyMap's 1000 km / 90° standard
 * magnitude convention.
 *
 * Real spacecraft are not spheres (ISS flares and dims by ±1 mag with attitude and solar arrays),
 * and atmospheric extinction (~0.3 mag at 20° elevation) is not included: treat results as ±1 mag.
 */

/**
 * ISS standard magnitude (1000 km, 90° phase): −1.8, the value used by Heavens-Above-style
 * predictions as quoted at https://astronomy.stackexchange.com/a/28778 (question 28744, 2018).
 */
export const ISS_STANDARD_MAGNITUDE = -1.8;

/** Diffuse-sphere phase factor sin φ + (π − φ) cos φ, normalised to 1 at φ = 90° (π at φ = 0). */
export function diffuseSpherePhaseFactor(phaseAngleRad: number): number {
  if (!(phaseAngleRad >= 0 && phaseAngleRad <= Math.PI)) {
    throw new RangeError(`phase angle must be within [0, π] rad, got ${phaseAngleRad}`);
  }
  // With ψ = π − φ: sin φ + (π − φ) cos φ = sin ψ − ψ cos ψ, which is exactly 0 at φ = π.
  const psi = Math.PI - phaseAngleRad;
  return Math.sin(psi) - psi * Math.cos(psi);
}

/**
 * Apparent visual magnitude of a satellite of standard magnitude `standardMagnitude` at slant
 * range `rangeM` (metres) and phase angle `phaseAngleRad`. Returns +Infinity at φ = 180°
 * (unlit face towards the observer).
 */
export function satelliteMagnitude(standardMagnitude: number, rangeM: number, phaseAngleRad: number): number {
  if (!(rangeM > 0)) throw new RangeError(`range must be positive, got ${rangeM} m`);
  const phase = diffuseSpherePhaseFactor(phaseAngleRad);
  if (phase <= 0) return Infinity;
  return standardMagnitude + 5 * Math.log10(rangeM / 1e6) - 2.5 * Math.log10(phase);
}

/**
 * Phase angle Sun–satellite–observer, rad, from satellite→Sun and satellite→observer vectors
 * (any common frame and unit).
 */
export function phaseAngleRad(satToSun: ArrayLike<number>, satToObserver: ArrayLike<number>): number {
  const dot = satToSun[0] * satToObserver[0] + satToSun[1] * satToObserver[1] + satToSun[2] * satToObserver[2];
  const cx = satToSun[1] * satToObserver[2] - satToSun[2] * satToObserver[1];
  const cy = satToSun[2] * satToObserver[0] - satToSun[0] * satToObserver[2];
  const cz = satToSun[0] * satToObserver[1] - satToSun[1] * satToObserver[0];
  return Math.atan2(Math.hypot(cx, cy, cz), dot);
}
