/**
 * Subsolar point for drawing the day/night terminator on the map.
 *
 * A map needs the Sun to a few hundredths of a degree (a pixel of a 1280-px world map is 0.28°),
 * so the page uses the Astronomical Almanac's low-precision solar coordinates (The Astronomical
 * Almanac, section C "Low-precision formulas for the Sun", stated accuracy 0.01° for 1950–2050)
 * and the USNO approximate GMST (USNO "Computing Greenwich Apparent Sidereal Time", 0.1 s per
 * century). That keeps astronomy-engine (and core's full chain) out of the browser bundle;
 * test/sun.test.ts checks the result against core's astronomy-engine Sun rotated to ITRF.
 *
 * Neglected, all below a map pixel: UT1−UTC (< 0.9 s → < 0.004°), the equation of the
 * equinoxes (< 1.2 s → < 0.005°), polar motion (< 0.5″).
 */

const RAD_PER_DEG = Math.PI / 180; // the bundle takes nothing but types from core, so its own constant
/** JD of the Unix epoch 1970-01-01T00:00Z. */
const UNIX_EPOCH_JD = 2440587.5;
/** JD of J2000.0 (2000-01-01T12:00), the origin of the Almanac's day count n. */
const J2000_JD = 2451545.0;

export interface SubsolarPoint {
  /** Geocentric latitude of the Sun's direction = its declination, deg. */
  latDeg: number;
  /** East longitude where the Sun culminates, deg in [-180, 180). */
  lonDeg: number;
}

/** Julian date (UTC, used as UT) of a time given in Unix milliseconds. */
export function julianDateFromUnixMs(unixMs: number): number {
  return UNIX_EPOCH_JD + unixMs / 86_400_000;
}

function wrap180(deg: number): number {
  return ((((deg + 180) % 360) + 360) % 360) - 180;
}

/** Sun's apparent right ascension and declination of date, deg (Almanac low-precision). */
export function sunRaDecDeg(jd: number): { raDeg: number; decDeg: number } {
  const n = jd - J2000_JD;
  const meanLongitude = 280.46 + 0.9856474 * n; // includes aberration
  const meanAnomaly = (357.528 + 0.9856003 * n) * RAD_PER_DEG;
  const eclipticLongitude = (meanLongitude + 1.915 * Math.sin(meanAnomaly) + 0.02 * Math.sin(2 * meanAnomaly)) * RAD_PER_DEG;
  const obliquity = (23.439 - 0.0000004 * n) * RAD_PER_DEG;
  const raDeg = Math.atan2(Math.cos(obliquity) * Math.sin(eclipticLongitude), Math.cos(eclipticLongitude)) / RAD_PER_DEG;
  const decDeg = Math.asin(Math.sin(obliquity) * Math.sin(eclipticLongitude)) / RAD_PER_DEG;
  return { raDeg, decDeg };
}

/** Greenwich mean sidereal time, deg (USNO approximation: 18.697374558 h + 24.06570982441908 h/day). */
export function gmstDeg(jd: number): number {
  const hours = 18.697374558 + 24.06570982441908 * (jd - J2000_JD);
  return (((hours % 24) + 24) % 24) * 15;
}

/** Where the Sun is overhead at a given time (Unix ms, UTC). */
export function subsolarPoint(unixMs: number): SubsolarPoint {
  const jd = julianDateFromUnixMs(unixMs);
  const { raDeg, decDeg } = sunRaDecDeg(jd);
  return { latDeg: decDeg, lonDeg: wrap180(raDeg - gmstDeg(jd)) };
}

/** The point opposite the Sun: the centre of the night side. */
export function antisolarPoint(unixMs: number): SubsolarPoint {
  const s = subsolarPoint(unixMs);
  return { latDeg: -s.latDeg, lonDeg: wrap180(s.lonDeg + 180) };
}
