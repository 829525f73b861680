/**
 * Earth-fixed Cartesian → geodetic (WGS-84) for atmosphere lookups, allocation-free.
 * Closed form of Heikkinen (1982), "Geschlossene Formeln zur Berechnung räumlicher
 * geodätischer Koordinaten aus rechtwinkligen Koordinaten", Z. Vermessungswesen 107, 207–211:
 * exact (no iteration) away from the Earth's centre.
 */

/** WGS-84 semi-major axis, m (NIMA TR8350.2, 3rd ed., Table 3.1). */
const A = 6378137.0;
/** WGS-84 flattening (NIMA TR8350.2, Table 3.1). */
const F = 1 / 298.257223563;
const B = A * (1 - F);
const E2 = F * (2 - F);
const EP2 = E2 / (1 - E2);
const A2 = A * A;
const B2 = B * B;

/**
 * Writes [geodetic latitude rad, longitude rad, height above the ellipsoid m] of the ECEF
 * position (m) into `out` and returns it.
 */
export function wgs84GeodeticFromEcef(positionEcefM: ArrayLike<number>, out: Float64Array): Float64Array {
  const x = positionEcefM[0];
  const y = positionEcefM[1];
  const z = positionEcefM[2];
  const p2 = x * x + y * y;
  const p = Math.sqrt(p2);
  const z2 = z * z;
  const f54 = 54 * B2 * z2;
  const g = p2 + (1 - E2) * z2 - E2 * (A2 - B2);
  const c = (E2 * E2 * f54 * p2) / (g * g * g);
  const s = Math.cbrt(1 + c + Math.sqrt(c * c + 2 * c));
  const k = s + 1 + 1 / s;
  const pp = f54 / (3 * k * k * g * g);
  const q = Math.sqrt(1 + 2 * E2 * E2 * pp);
  const r0 =
    (-pp * E2 * p) / (1 + q) +
    // The radicand tends to 0 at the poles, where rounding can make it slightly negative.
    Math.sqrt(Math.max(0, 0.5 * A2 * (1 + 1 / q) - (pp * (1 - E2) * z2) / (q * (1 + q)) - 0.5 * pp * p2));
  const dp = p - E2 * r0;
  const u = Math.sqrt(dp * dp + z2);
  const v = Math.sqrt(dp * dp + (1 - E2) * z2);
  const z0 = (B2 * z) / (A * v);
  out[0] = Math.atan2(z + EP2 * z0, p);
  out[1] = Math.atan2(y, x);
  out[2] = u * (1 - B2 / (A * v));
  return out;
}

/** Geodetic (rad, rad, m) → ECEF (m) on WGS-84, into `out`. */
export function wgs84EcefFromGeodetic(latitudeRad: number, longitudeRad: number, heightM: number, out: Float64Array): Float64Array {
  const sl = Math.sin(latitudeRad);
  const cl = Math.cos(latitudeRad);
  const n = A / Math.sqrt(1 - E2 * sl * sl);
  out[0] = (n + heightM) * cl * Math.cos(longitudeRad);
  out[1] = (n + heightM) * cl * Math.sin(longitudeRad);
  out[2] = (n * (1 - E2) + heightM) * sl;
  return out;
}
