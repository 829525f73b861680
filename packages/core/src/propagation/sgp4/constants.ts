/**
 * Physical and model constants of SGP4 as used by the verification set.
 *
 * SGP4 is defined together with its gravity model: the element sets are fitted with WGS-72
 * constants, so propagation must use them too (Vallado, Crawford, Hujsak & Kelso, "Revisiting
 * Spacetrack Report #3", AIAA 2006-6753, §III "Gravitational constants"; values from the WGS-72
 * definition, DMA TR 8350.2 / Seppelin 1974).
 */

import { WGS72_J2, WGS72_J3, WGS72_MU_KM3_PER_S2, WGS72_RADIUS_KM } from '../../foundation/bodies/wgs72.js';

// The WGS-72 gravity constants are Earth's (bodies/wgs72.ts); SGP4 and its callers read them here too.
export { WGS72_J2, WGS72_J3, WGS72_J4, WGS72_MU_KM3_PER_S2, WGS72_RADIUS_KM } from '../../foundation/bodies/wgs72.js';

/** sqrt(mu / Re³) in (earth radii)^1.5 per minute: the SGP4 "ke" (STR#3 §12, "XKE"). */
export const XKE = 60 / Math.sqrt((WGS72_RADIUS_KM * WGS72_RADIUS_KM * WGS72_RADIUS_KM) / WGS72_MU_KM3_PER_S2);
/** J3 / J2, used by the long-period periodic terms (STR#3 §6, A3,0 / k2 form). */
export const J3_OVER_J2 = WGS72_J3 / WGS72_J2;
/** Velocity unit: earth radii per minute → km/s. */
export const VKM_PER_SEC = (WGS72_RADIUS_KM * XKE) / 60;

/** Minutes per day. */
export const MINUTES_PER_DAY = 1440;
/** rev/day per rad/min (1440 / 2π): divide rev/day by it, as the reference code does, for identical bits. */
export const REV_PER_DAY_PER_RAD_PER_MIN = MINUTES_PER_DAY / (2 * Math.PI);
export const TWO_PI = 2 * Math.PI;

/** The double 2π split so that k·hi and k·lo are exact for |k| < 2^26: hi keeps 27 significant bits, lo the other 26. */
const TWO_PI_HI = Math.floor(TWO_PI * 2 ** 24) / 2 ** 24;
const TWO_PI_LO = TWO_PI - TWO_PI_HI;
const REM_EXACT_LIMIT = 2 ** 26 * TWO_PI;

/**
 * x mod 2π with the sign of x, as the reference's fmod (the remainder by the double 2π), but
 * inline where `%` on doubles is a library call: k = trunc(x / 2π), then x − k·hi is exact and
 * only the last subtraction of k·lo rounds, so the result is fmod's to one rounding (beyond
 * |x| = 2^26·2π, `%` itself).
 */
export function remTwoPi(x: number): number {
  if (!(Math.abs(x) < REM_EXACT_LIMIT)) return x % TWO_PI;
  const k = Math.trunc(x / TWO_PI);
  return x - k * TWO_PI_HI - k * TWO_PI_LO;
}

/** Atmospheric density model parameters of SGP4 (STR#3 §6: q0 = 120 km, s0 = 78 km). */
export const Q0_KM = 120;
export const S0_KM = 78;

/** Orbits with a period of 225 min or more use the deep-space (SDP4) theory (STR#3 §5). */
export const DEEP_SPACE_PERIOD_MIN = 225;
/** Perigee below 220 km: SGP4 drops the higher-order drag terms ("simplified" mode, STR#3 §6). */
export const SIMPLE_DRAG_PERIGEE_KM = 220;
