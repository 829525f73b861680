/**
 * ITRF (Earth-centred, Earth-fixed Cartesian) ⇄ geodetic latitude/longitude/height on an ellipsoid
 * (WGS-84 by default). The one implementation in the library: frames, passes, entry and the
 * atmosphere models (atmosphere/geodetic.ts names it for them) all call these.
 *
 * Cartesian → geodetic uses the closed form of Heikkinen (1982), "Geschlossene Formeln zur
 * Berechnung räumlicher geodätischer Koordinaten aus rechtwinkligen Koordinaten",
 * Z. Vermessungswesen 107, 207–211: exact (no iteration), allocation-free, valid at the poles, on
 * the equator and at any height above ~50 km below the surface (points deep inside the Earth near
 * its centre are outside its domain). It replaced a Vermeille (2002/2004) closed form with a Newton
 * step: the same results to 4e-9 m in height and 4e-16 rad in latitude over LEO, in half the time.
 */
import { WGS84, type Ellipsoid } from '../bodies/earth.js';
import { vec3, type Vec3 } from './mat3.js';

export interface Geodetic {
  /** Geodetic latitude, rad, [−π/2, π/2]. */
  latRad: number;
  /** Longitude, rad, (−π, π], east positive. */
  lonRad: number;
  /** Height above the ellipsoid, m. */
  altM: number;
}

/** Geodetic (rad, rad, m) → ITRF Cartesian (m), written into `out`. */
export function geodeticRadToItrf<T extends Vec3>(latRad: number, lonRad: number, altM: number, out: T, ellipsoid: Ellipsoid = WGS84): T {
  const sLat = Math.sin(latRad);
  const cLat = Math.cos(latRad);
  const n = ellipsoid.aM / Math.sqrt(1 - ellipsoid.e2 * sLat * sLat); // prime-vertical radius
  const rho = (n + altM) * cLat;
  out[0] = rho * Math.cos(lonRad);
  out[1] = rho * Math.sin(lonRad);
  out[2] = (n * (1 - ellipsoid.e2) + altM) * sLat;
  return out;
}

/** Geodetic → ITRF Cartesian (m). Writes into `out` when given. */
export function geodeticToItrf(g: Geodetic, ellipsoid: Ellipsoid = WGS84, out: Vec3 = vec3()): Vec3 {
  return geodeticRadToItrf(g.latRad, g.lonRad, g.altM, out, ellipsoid);
}

/**
 * ITRF Cartesian (m) → [geodetic latitude rad, longitude rad, height above the ellipsoid m],
 * written into `out` without allocating (Heikkinen 1982). No input check: a non-finite position
 * gives NaN (propagation loops test their state elsewhere).
 */
export function itrfToGeodeticInto(rItrfM: ArrayLike<number>, out: Float64Array, ellipsoid: Ellipsoid = WGS84): Float64Array {
  const x = rItrfM[0];
  const y = rItrfM[1];
  const z = rItrfM[2];
  const a = ellipsoid.aM;
  const e2 = ellipsoid.e2;
  const a2 = a * a;
  const b2 = ellipsoid.bM * ellipsoid.bM;
  const p2 = x * x + y * y;
  const p = Math.sqrt(p2);
  const z2 = z * z;
  const f54 = 54 * b2 * z2;
  const g = p2 + (1 - e2) * z2 - e2 * (a2 - b2);
  const c = (e2 * e2 * f54 * p2) / (g * g * g);
  const s = Math.cbrt(1 + c + Math.sqrt(c * c + 2 * c));
  const k = s + 1 + 1 / s;
  const pp = f54 / (3 * k * k * g * g);
  const q = Math.sqrt(1 + 2 * e2 * e2 * pp);
  const r0 =
    (-pp * e2 * p) / (1 + q) +
    // The radicand tends to 0 at the poles, where rounding can make it slightly negative.
    Math.sqrt(Math.max(0, 0.5 * a2 * (1 + 1 / q) - (pp * (1 - e2) * z2) / (q * (1 + q)) - 0.5 * pp * p2));
  const dp = p - e2 * r0;
  const u = Math.sqrt(dp * dp + z2);
  const v = Math.sqrt(dp * dp + (1 - e2) * z2);
  const z0 = (b2 * z) / (a * v);
  out[0] = Math.atan2(z + (e2 / (1 - e2)) * z0, p);
  out[1] = Math.atan2(y, x);
  out[2] = u * (1 - b2 / (a * v));
  return out;
}

const scratch = new Float64Array(3);

/** ITRF Cartesian (m) → geodetic. Writes into `out` when given; throws on a non-finite position. */
export function itrfToGeodetic(rItrfM: Vec3, ellipsoid: Ellipsoid = WGS84, out?: Geodetic): Geodetic {
  const x = rItrfM[0];
  const y = rItrfM[1];
  const z = rItrfM[2];
  if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z))) {
    throw new RangeError(`itrfToGeodetic: non-finite position (${x}, ${y}, ${z})`);
  }
  itrfToGeodeticInto(rItrfM, scratch, ellipsoid);
  const r = out ?? { latRad: 0, lonRad: 0, altM: 0 };
  r.latRad = scratch[0];
  // On the polar axis the longitude is undefined; 0 by convention (atan2 of ±0 could give ±π).
  r.lonRad = x === 0 && y === 0 ? 0 : scratch[1];
  r.altM = scratch[2];
  return r;
}

/** Convenience: geodetic in degrees/km → ITRF in m. */
export function geodeticDegKmToItrfM(latDeg: number, lonDeg: number, altKm: number, ellipsoid: Ellipsoid = WGS84): Vec3 {
  const d = Math.PI / 180;
  return geodeticToItrf({ latRad: latDeg * d, lonRad: lonDeg * d, altM: altKm * 1000 }, ellipsoid);
}
