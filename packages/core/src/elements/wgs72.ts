/**
 * WGS-72 constants as SGP4 uses them. TLE mean elements are fitted with SGP4, so converting their
 * mean motion to a semi-major axis must use the same constants.
 *
 * Source: Hoots & Roehrich, "Spacetrack Report No. 3: Models for Propagation of NORAD Element
 * Sets" (1980), constants section; Vallado, Crawford, Hujsak & Kelso, "Revisiting Spacetrack
 * Report #3", AIAA 2006-6753, getgravconst('wgs72'). SI here; the report works in Earth radii
 * and minutes.
 */

/** Earth's gravitational parameter GM, m³/s² (WGS-72: 398600.8 km³/s²). */
export const WGS72_MU_M3_PER_S2 = 398600.8e9;

/** Equatorial radius, m (WGS-72: 6378.135 km). */
export const WGS72_EQUATORIAL_RADIUS_M = 6378135;

/** Unnormalised second zonal harmonic J2 (WGS-72: 0.001082616). */
export const WGS72_J2 = 0.001082616;
