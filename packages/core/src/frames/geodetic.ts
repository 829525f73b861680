/**
 * ITRF (Earth-centred, Earth-fixed Cartesian) ⇄ geodetic latitude/longitude/height on an ellipsoid
 * (WGS-84 by default).
 *
 * Cartesian → geodetic uses the closed form of H. Vermeille, "Direct transformation from
 * geocentric coordinates to geodetic coordinates", J. Geodesy 76, 451–454 (2002), in the
 * numerically stable arrangement of Vermeille, J. Geodesy 78, 94–95 (2004), followed by one Newton
 * step on the latitude to reach full double precision. Exact (no spherical approximation), valid
 * at the poles, on the equator and at any height above ~50 km below the surface (points deep inside
 * the Earth near its centre, inside the evolute of the ellipse, are outside its domain).
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

/** Geodetic → ITRF Cartesian (m). Writes into `out` when given. */
export function geodeticToItrf(g: Geodetic, ellipsoid: Ellipsoid = WGS84, out: Vec3 = vec3()): Vec3 {
  const sLat = Math.sin(g.latRad);
  const cLat = Math.cos(g.latRad);
  const n = ellipsoid.aM / Math.sqrt(1 - ellipsoid.e2 * sLat * sLat); // prime-vertical radius
  const rho = (n + g.altM) * cLat;
  out[0] = rho * Math.cos(g.lonRad);
  out[1] = rho * Math.sin(g.lonRad);
  out[2] = (n * (1 - ellipsoid.e2) + g.altM) * sLat;
  return out;
}

/** ITRF Cartesian (m) → geodetic. Writes into `out` when given. */
export function itrfToGeodetic(rItrfM: Vec3, ellipsoid: Ellipsoid = WGS84, out?: Geodetic): Geodetic {
  const x = rItrfM[0];
  const y = rItrfM[1];
  const z = rItrfM[2];
  if (!(Number.isFinite(x) && Number.isFinite(y) && Number.isFinite(z))) {
    throw new RangeError(`itrfToGeodetic: non-finite position (${x}, ${y}, ${z})`);
  }
  const a = ellipsoid.aM;
  const e2 = ellipsoid.e2;
  const e4 = e2 * e2;
  const rho = Math.hypot(x, y);
  const r = out ?? { latRad: 0, lonRad: 0, altM: 0 };
  r.lonRad = rho === 0 ? 0 : Math.atan2(y, x);

  // Vermeille (2004).
  const p = (rho / a) * (rho / a);
  const q = ((1 - e2) * z * z) / (a * a);
  const rr = (p + q - e4) / 6;
  let lat: number;
  if (rr > 0 || q > 0) {
    const s = (e4 * p * q) / (4 * rr * rr * rr);
    const t = Math.cbrt(1 + s + Math.sqrt(s * (2 + s)));
    const u = rr * (1 + t + 1 / t);
    const v = Math.sqrt(u * u + e4 * q);
    const w = (e2 * (u + v - q)) / (2 * v);
    const k = Math.sqrt(u + v + w * w) - w;
    const d = (k * rho) / (k + e2);
    lat = 2 * Math.atan2(z, d + Math.hypot(d, z));
  } else {
    // On the equatorial plane inside the evolute (|ρ| < a e²): not a physical case for orbits.
    lat = 0;
  }
  // One Newton step on f(φ) = ρ sinφ − z cosφ − a e² sinφ cosφ / √(1 − e² sin²φ) (= 0 at the solution).
  for (let i = 0; i < 1; i++) {
    const sl = Math.sin(lat);
    const cl = Math.cos(lat);
    const w2 = 1 - e2 * sl * sl;
    const wq = Math.sqrt(w2);
    const f = rho * sl - z * cl - (a * e2 * sl * cl) / wq;
    const df = rho * cl + z * sl - (a * e2 * ((cl * cl - sl * sl) * w2 + e2 * sl * sl * cl * cl)) / (w2 * wq);
    if (df !== 0) lat -= f / df;
  }
  const sl = Math.sin(lat);
  const cl = Math.cos(lat);
  const n = a / Math.sqrt(1 - e2 * sl * sl);
  // Height along the normal, choosing the better-conditioned projection.
  r.altM = Math.abs(cl) > 0.7 ? rho / cl - n : z / sl - n * (1 - e2);
  r.latRad = lat;
  return r;
}

/** Convenience: geodetic in degrees/km → ITRF in m. */
export function geodeticDegKmToItrfM(latDeg: number, lonDeg: number, altKm: number, ellipsoid: Ellipsoid = WGS84): Vec3 {
  const d = Math.PI / 180;
  return geodeticToItrf({ latRad: latDeg * d, lonRad: lonDeg * d, altM: altKm * 1000 }, ellipsoid);
}
