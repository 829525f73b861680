import { WGS72_J2, WGS72_MU_KM3_PER_S2, WGS72_RADIUS_KM } from '../bodies/wgs72.js';

/**
 * WGS-72 constants in SI, as SGP4 uses them. TLE mean elements are fitted with SGP4, so
 * converting their mean motion to a semi-major axis must use the same constants (Hoots &
 * Roehrich, Spacetrack Report No. 3, 1980; Vallado, Crawford, Hujsak & Kelso, AIAA 2006-6753,
 * Table 1). The km values live in bodies/wgs72.ts; these are the same numbers in metres.
 */

/** Earth's gravitational parameter GM, m³/s² (WGS-72: 398600.8 km³/s²). */
export const WGS72_MU_M3_PER_S2 = WGS72_MU_KM3_PER_S2 * 1e9;

/** Equatorial radius, m (WGS-72: 6378.135 km). Mean altitudes here are heights above it. */
export const WGS72_EQUATORIAL_RADIUS_M = WGS72_RADIUS_KM * 1000;

/** Unnormalised second zonal harmonic J2 (WGS-72: 0.001082616), re-exported for this module. */
export const SGP4_J2 = WGS72_J2;
