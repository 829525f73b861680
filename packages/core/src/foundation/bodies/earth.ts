/**
 * Earth constants.
 *
 * WGS-84: NIMA TR8350.2, "Department of Defense World Geodetic System 1984", 3rd ed., amendment 1
 * (2000), Table 3.1 (defining parameters a, 1/f, GM, ω) and Table 3.3 (derived b, e²).
 * WGS-72: the constants SGP4 was fitted with — Hoots & Roehrich, Spacetrack Report #3 (1980), and
 * Vallado, Crawford, Hujsak, Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753, §"Constants"
 * (xke, radiusearthkm = 6378.135 km, mu = 398600.8 km³/s², J2 = 0.001082616, J3 = −0.00000253881,
 * J4 = −0.00000165597).
 */

import { WGS72_J2, WGS72_J3, WGS72_J4, WGS72_MU_KM3_PER_S2, WGS72_RADIUS_KM } from './wgs72.js';

export interface Ellipsoid {
  readonly name: string;
  /** Semi-major (equatorial) axis, m. */
  readonly aM: number;
  /** Flattening f = (a − b) / a. */
  readonly f: number;
  /** Semi-minor (polar) axis, m. */
  readonly bM: number;
  /** First eccentricity squared e² = f (2 − f). */
  readonly e2: number;
  /** Geocentric gravitational constant GM, m³/s². */
  readonly gmM3PerS2: number;
  /** Nominal mean angular velocity of the Earth, rad/s. */
  readonly omegaRadPerS: number;
}

function ellipsoid(name: string, aM: number, inverseFlattening: number, gm: number, omega: number): Ellipsoid {
  const f = 1 / inverseFlattening;
  return Object.freeze({ name, aM, f, bM: aM * (1 - f), e2: f * (2 - f), gmM3PerS2: gm, omegaRadPerS: omega });
}

/**
 * WGS-84 (NIMA TR8350.2 Table 3.1): a = 6378137.0 m, 1/f = 298.257223563,
 * GM = 3.986004418e14 m³/s², ω = 7.292115e-5 rad/s.
 */
export const WGS84: Ellipsoid = ellipsoid('WGS-84', 6378137.0, 298.257223563, 3.986004418e14, 7.292115e-5);

/**
 * WGS-72 as used by SGP4 (Spacetrack Report #3; Vallado et al. 2006 "wgs72"):
 * a = 6378.135 km, 1/f = 298.26, GM = 398600.8 km³/s² (SGP4's mu), ω = 7.2921151467e-5 rad/s
 * (WGS-72 defining value; SGP4 itself does not use ω).
 */
export const WGS72: Ellipsoid = ellipsoid('WGS-72', 6378135.0, 298.26, 3.986008e14, 7.2921151467e-5);

/** WGS-72 zonal harmonics used by SGP4 (Vallado et al. 2006, getgravconst "wgs72"). */
export const WGS72_SGP4 = Object.freeze({
  radiusKm: WGS72_RADIUS_KM,
  muKm3PerS2: WGS72_MU_KM3_PER_S2,
  j2: WGS72_J2,
  j3: WGS72_J3,
  j4: WGS72_J4,
});

/**
 * Earth rotation rate used with IAU-82 GMST and LOD, rad/s: 7.292115146706979e-5
 * (Vallado, Fundamentals of Astrodynamics, 4th ed., Eq. 3-40 / AIAA 2006-6753 teme2ecef:
 * ω = 7.29211514670698e-5 × (1 − LOD/86400)).
 */
export const EARTH_ROTATION_RATE_IAU82_RAD_PER_S = 7.292115146706979e-5;
