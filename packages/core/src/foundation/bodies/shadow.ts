/**
 * Earth's shadow at a satellite: what fraction of the solar disc the satellite sees.
 *
 * Geometry only (no atmosphere): Earth is a sphere of the WGS-84 equatorial radius and the Sun a
 * sphere of the nominal solar radius. Positions are geocentric, in any one inertial-ish frame
 * (TEME here), in metres.
 *
 * - Conical model (umbra + penumbra): Montenbruck & Gill, "Satellite Orbits" (Springer 2000),
 *   §3.4.2 "Shadow function": apparent radii a (Sun) and b (Earth) seen from the satellite and
 *   their separation c; the lit fraction is 1 − (overlap area of two discs)/(π a²).
 * - Cylindrical model: Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed. (2013),
 *   §5.3 (Algorithm 34, SHADOW, cylindrical case): shadowed when behind the Earth's terminator
 *   plane and within one Earth radius of the Earth–Sun line.
 *
 * Neglected: Earth's oblateness (the polar radius is 21 km smaller; a satellite crossing the
 * shadow over the poles enters it up to ~3 s later than computed) and atmospheric refraction /
 * extinction (which deepen the real shadow by a few tens of km, ~10 s at ISS altitude).
 */
import { WGS84 } from './earth.js';

/** Nominal solar radius, m: IAU 2015 Resolution B3 (R_sun = 6.957e8 m). */
export const SUN_RADIUS_M = 6.957e8;
/** Radius of the shadowing Earth sphere, m: WGS-84 a (NIMA TR8350.2 Table 3.1). */
export const EARTH_SHADOW_RADIUS_M = WGS84.aM;

export type ShadowModel = 'conical' | 'cylindrical';

/** Which part of the shadow the satellite is in. */
export type ShadowState = 'sunlit' | 'penumbra' | 'umbra';

/**
 * Angles of the conical model, radians: a = apparent solar radius, b = apparent Earth radius,
 * c = angular separation of the Sun's and Earth's centres, all seen from the satellite.
 */
export interface ShadowAngles {
  sunRadiusRad: number;
  earthRadiusRad: number;
  separationRad: number;
}

/** Fills and returns the conical-model angles for satellite `rSatM` and Sun `rSunM` (geocentric, m). */
export function shadowAngles(rSatM: ArrayLike<number>, rSunM: ArrayLike<number>, out?: ShadowAngles): ShadowAngles {
  const sx = rSunM[0] - rSatM[0];
  const sy = rSunM[1] - rSatM[1];
  const sz = rSunM[2] - rSatM[2];
  const dSun = Math.hypot(sx, sy, sz);
  const rSat = Math.hypot(rSatM[0], rSatM[1], rSatM[2]);
  // Earth's centre is at −rSat from the satellite.
  const cosC = -(rSatM[0] * sx + rSatM[1] * sy + rSatM[2] * sz) / (rSat * dSun);
  const result = out ?? { sunRadiusRad: 0, earthRadiusRad: 0, separationRad: 0 };
  result.sunRadiusRad = Math.asin(Math.min(1, SUN_RADIUS_M / dSun));
  result.earthRadiusRad = Math.asin(Math.min(1, EARTH_SHADOW_RADIUS_M / rSat));
  result.separationRad = Math.acos(Math.max(-1, Math.min(1, cosC)));
  return result;
}

const scratch: ShadowAngles = { sunRadiusRad: 0, earthRadiusRad: 0, separationRad: 0 };

/**
 * Fraction of the solar disc visible from the satellite, 0 (umbra) … 1 (full Sun), conical model
 * (Montenbruck & Gill §3.4.2). Positions geocentric, same frame, metres.
 */
export function sunlitFraction(rSatM: ArrayLike<number>, rSunM: ArrayLike<number>): number {
  const { sunRadiusRad: a, earthRadiusRad: b, separationRad: c } = shadowAngles(rSatM, rSunM, scratch);
  if (c >= a + b) return 1; // discs apart
  if (c <= b - a) return 0; // Sun entirely behind the Earth: umbra
  if (c <= a - b) return 1 - (b * b) / (a * a); // Earth inside the solar disc (annular; not from LEO)
  // Partial overlap of two discs (small-angle planar approximation, as in M&G).
  const x = (c * c + a * a - b * b) / (2 * c);
  const y = Math.sqrt(Math.max(0, a * a - x * x));
  const overlap = a * a * Math.acos(x / a) + b * b * Math.acos((c - x) / b) - c * y;
  return 1 - overlap / (Math.PI * a * a);
}

/**
 * Signed distance from the umbra boundary, radians: c − (b − a). Positive outside the umbra,
 * negative inside; continuous, so a root finder can locate umbra entry and exit.
 */
export function umbraMarginRad(rSatM: ArrayLike<number>, rSunM: ArrayLike<number>): number {
  const { sunRadiusRad: a, earthRadiusRad: b, separationRad: c } = shadowAngles(rSatM, rSunM, scratch);
  return c - (b - a);
}

/** True when the satellite is in the cylindrical shadow (Vallado Algorithm 34, cylindrical case). */
export function inCylindricalShadow(rSatM: ArrayLike<number>, rSunM: ArrayLike<number>): boolean {
  const sNorm = Math.hypot(rSunM[0], rSunM[1], rSunM[2]);
  const along = (rSatM[0] * rSunM[0] + rSatM[1] * rSunM[1] + rSatM[2] * rSunM[2]) / sNorm;
  if (along >= 0) return false; // on the day side of the terminator plane
  const r2 = rSatM[0] * rSatM[0] + rSatM[1] * rSatM[1] + rSatM[2] * rSatM[2];
  const perp2 = r2 - along * along;
  return perp2 < EARTH_SHADOW_RADIUS_M * EARTH_SHADOW_RADIUS_M;
}

/** Shadow state: conical model by default; the cylindrical model has no penumbra. */
export function shadowState(rSatM: ArrayLike<number>, rSunM: ArrayLike<number>, model: ShadowModel = 'conical'): ShadowState {
  if (model === 'cylindrical') return inCylindricalShadow(rSatM, rSunM) ? 'umbra' : 'sunlit';
  const nu = sunlitFraction(rSatM, rSunM);
  return nu <= 0 ? 'umbra' : nu >= 1 ? 'sunlit' : 'penumbra';
}
