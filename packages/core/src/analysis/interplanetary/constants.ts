/**
 * Constants of the heliocentric transfer models. SI units (m³/s², m).
 */

/**
 * GM of the Sun, 132 712 440 041.279 km³/s², from JPL DE440 (Park et al. 2021, "The JPL Planetary
 * and Lunar Ephemerides DE440 and DE441", AJ 161:105, table 7). The TDB-compatible value; the
 * difference from DE430's figure (…041.939) is 5e-12 relative, far below what a porkchop sees.
 */
export const GM_SUN_M3_S2 = 1.32712440041279e20;

/** GM of the Earth, 398 600.4418 km³/s² (WGS-84 / IERS 2010 conventions, table 1.1). */
export const GM_EARTH_M3_S2 = 3.986004418e14;

/** Earth equatorial radius 6378.137 km (WGS-84), for parking-orbit radii. */
export const EARTH_EQUATORIAL_RADIUS_M = 6_378_137;

/** GM of Mars (system), 42 828.375 km³/s², JPL DE440 (Park et al. 2021, table 7). */
export const GM_MARS_M3_S2 = 4.2828375e13;

/**
 * Mars mean equatorial radius 3396.19 km (IAU WGCCRE 2015, Archinal et al. 2018, Celest. Mech.
 * Dyn. Astron. 130:22, table 5), for capture-orbit radii.
 */
export const MARS_EQUATORIAL_RADIUS_M = 3_396_190;
