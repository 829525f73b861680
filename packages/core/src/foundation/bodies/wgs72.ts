/**
 * WGS-72 gravity constants, km-based, as SGP4 uses them: TLE element sets are fitted with them,
 * so SGP4 and every conversion of TLE mean elements must use the same numbers (Vallado, Crawford,
 * Hujsak & Kelso, "Revisiting Spacetrack Report #3", AIAA 2006-6753, §III "Gravitational
 * constants"; values from the WGS-72 definition, DMA TR 8350.2 / Seppelin 1974).
 */

/** Earth's gravitational parameter, WGS-72, km³/s² (AIAA 2006-6753 Table 1). */
export const WGS72_MU_KM3_PER_S2 = 398600.8;
/** Earth's equatorial radius, WGS-72, km (AIAA 2006-6753 Table 1). */
export const WGS72_RADIUS_KM = 6378.135;
/** Second zonal harmonic J2, WGS-72 (AIAA 2006-6753 Table 1). */
export const WGS72_J2 = 0.001082616;
/** Third zonal harmonic J3, WGS-72 (AIAA 2006-6753 Table 1). */
export const WGS72_J3 = -0.00000253881;
/** Fourth zonal harmonic J4, WGS-72 (AIAA 2006-6753 Table 1). */
export const WGS72_J4 = -0.00000165597;
