/**
 * Topocentric look angles from a ground observer: azimuth (from north, clockwise), elevation,
 * range and range-rate of an object given in ITRF. Geometric (no refraction, no light time).
 * South-East-Zenith rotation: Vallado, Fundamentals of Astrodynamics, 4th ed., Eq. 3-28 / §4.4:
 *   ρ_SEZ = ROT2(π/2 − φ) ROT3(λ) ρ_ITRF.
 */
import { WGS84, type Ellipsoid } from '../bodies/earth.js';
import { geodeticToItrf, type Geodetic } from './geodetic.js';
import { vec3, type Vec3 } from './mat3.js';

/** An observer with its ITRF position and local-frame terms precomputed (reuse across calls). */
export interface Observer extends Geodetic {
  readonly rItrfM: Float64Array;
  readonly sinLat: number;
  readonly cosLat: number;
  readonly sinLon: number;
  readonly cosLon: number;
}

export function createObserver(g: Geodetic, ellipsoid: Ellipsoid = WGS84): Observer {
  return {
    latRad: g.latRad,
    lonRad: g.lonRad,
    altM: g.altM,
    rItrfM: geodeticToItrf(g, ellipsoid, vec3()) as Float64Array,
    sinLat: Math.sin(g.latRad),
    cosLat: Math.cos(g.latRad),
    sinLon: Math.sin(g.lonRad),
    cosLon: Math.cos(g.lonRad),
  };
}

export interface LookAngles {
  /** Azimuth from true north towards east, rad, [0, 2π). */
  azimuthRad: number;
  /** Elevation above the local horizontal (ellipsoid normal), rad. */
  elevationRad: number;
  rangeM: number;
  /** d(range)/dt, m/s; positive when receding. NaN when no velocity was given. */
  rangeRateMps: number;
}

function isObserver(o: Geodetic | Observer): o is Observer {
  return (o as Observer).rItrfM !== undefined;
}

/** ITRF relative vector → East-North-Up components (m). Writes into `out`. */
export function itrfToEnu(observer: Observer, rItrfM: Vec3, out: Vec3 = vec3()): Vec3 {
  const dx = rItrfM[0] - observer.rItrfM[0];
  const dy = rItrfM[1] - observer.rItrfM[1];
  const dz = rItrfM[2] - observer.rItrfM[2];
  const { sinLat: sp, cosLat: cp, sinLon: sl, cosLon: cl } = observer;
  out[0] = -sl * dx + cl * dy;
  out[1] = -sp * cl * dx - sp * sl * dy + cp * dz;
  out[2] = cp * cl * dx + cp * sl * dy + sp * dz;
  return out;
}

/**
 * Look angles of an object at `rItrfM` (m) with optional ITRF velocity `vItrfMps` (m/s) from
 * `observer`. Pass an {@link Observer} from {@link createObserver} in loops (no allocation when
 * `out` is given too).
 */
export function lookAngles(observer: Geodetic | Observer, rItrfM: Vec3, vItrfMps?: Vec3, out?: LookAngles): LookAngles {
  const o = isObserver(observer) ? observer : createObserver(observer);
  const dx = rItrfM[0] - o.rItrfM[0];
  const dy = rItrfM[1] - o.rItrfM[1];
  const dz = rItrfM[2] - o.rItrfM[2];
  const { sinLat: sp, cosLat: cp, sinLon: sl, cosLon: cl } = o;
  const east = -sl * dx + cl * dy;
  const north = -sp * cl * dx - sp * sl * dy + cp * dz;
  const up = cp * cl * dx + cp * sl * dy + sp * dz;
  const range = Math.sqrt(dx * dx + dy * dy + dz * dz);
  const r = out ?? { azimuthRad: 0, elevationRad: 0, rangeM: 0, rangeRateMps: Number.NaN };
  let az = Math.atan2(east, north);
  if (az < 0) az += 2 * Math.PI;
  r.azimuthRad = az;
  r.elevationRad = Math.atan2(up, Math.hypot(east, north));
  r.rangeM = range;
  r.rangeRateMps = vItrfMps && range > 0 ? (dx * vItrfMps[0] + dy * vItrfMps[1] + dz * vItrfMps[2]) / range : Number.NaN;
  return r;
}

/**
 * d(elevation)/dt, rad/s, from the line of sight's East-North-Up components (m) and their rates
 * (m/s, observer fixed in ITRF): d/dt atan2(u, h) = (h u̇ − u ḣ)/(h² + u²) with h = hypot(e, n).
 * It jumps from + to − at an exact zenith pass (h = 0, where 0 is returned).
 */
export function elevationRateRadPerS(east: number, north: number, up: number, eastRate: number, northRate: number, upRate: number): number {
  const h = Math.hypot(east, north);
  if (h === 0) return 0;
  const hDot = (east * eastRate + north * northRate) / h;
  return (h * upRate - up * hDot) / (h * h + up * up);
}
