/**
 * Launch geometry on a spherical Earth model with the site at its geocentric latitude φ (the orbit
 * plane contains the Earth's centre, so the in-plane condition is geocentric; geodetic and
 * geocentric latitude differ by at most 0.19°):
 *
 * - reachability: a direct ascent reaches inclinations |φ| ≤ i ≤ 180° − |φ| only;
 * - inertial launch azimuth (spherical trigonometry, Vallado 4th ed. §6.4 / Chobotov):
 *   sin β = cos i / cos φ; the northbound ("ascending") solution β, the southbound ("descending")
 *   180° − β;
 * - azimuth on the rotating Earth: the vehicle adds v_orbit(β) − v_site, v_site = ω⊕ R⊕ cos φ east;
 * - in-plane times: the site's right ascension α = GMST + λ equals Ω(t) + Δα, with
 *   sin u = sin φ / sin i and Δα = atan2(cos i sin u, ±cos u) (+ northbound, − southbound);
 *   Ω(t) drifts at the secular J2 rate of the target orbit.
 *
 * GMST is the IAU-82 expression evaluated with UTC for UT1 (|UT1 − UTC| < 0.9 s: < 0.004°).
 */
import { WGS84 } from '../../foundation/bodies/earth.js';
import { gmst82Rad } from '../../foundation/frames/earthOrientation.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { nodalPrecessionDegPerDay } from './secularJ2.js';
import type { LaunchSite } from './sites.js';
import { RAD_PER_DEG } from '../../foundation/math/angles.js';

/** Sidereal rotation rate of the Earth, deg/s (WGS-84 ω = 7.292115e-5 rad/s, NIMA TR8350.2). */
const EARTH_ROTATION_DEG_PER_S = WGS84.omegaRadPerS / RAD_PER_DEG;

export type PassDirection = 'ascending' | 'descending';

export interface TargetPlane {
  inclinationDeg: number;
  /** RAAN at `raanEpoch`, deg. */
  raanDeg: number;
  raanEpoch: Epoch;
  /** Circular insertion altitude, km (sets the node drift and the rotating-frame azimuth). */
  altitudeKm: number;
}

export interface LaunchWindow {
  /** Instant the site lies in the target plane (an instantaneous window: zero ascent time). */
  epoch: Epoch;
  direction: PassDirection;
  /** Inertial azimuth, deg from north (closed form). */
  azimuthDeg: number;
  /** Azimuth of the velocity to add relative to the rotating Earth, deg. */
  azimuthRotatingDeg: number;
}

/** Geocentric latitude (deg) of a point on the WGS-84 ellipsoid at geodetic latitude latDeg. */
export function geocentricLatitudeDeg(latDeg: number): number {
  const oneMinusF = 1 - WGS84.f;
  return Math.atan(oneMinusF * oneMinusF * Math.tan(latDeg * RAD_PER_DEG)) / RAD_PER_DEG;
}

/** Why a direct ascent from latitude latDeg cannot reach inclinationDeg, or undefined when it can. */
export function unreachableReason(siteName: string, latDeg: number, inclinationDeg: number): string | undefined {
  const phi = Math.abs(geocentricLatitudeDeg(latDeg));
  const hemi = latDeg >= 0 ? 'N' : 'S';
  if (!(inclinationDeg >= 0 && inclinationDeg <= 180)) return `inclination must be between 0 and 180 deg, got ${inclinationDeg}`;
  if (inclinationDeg < phi) {
    return `inclination ${inclinationDeg}° is not reachable directly from ${siteName} (${phi.toFixed(2)}° ${hemi}): a direct ascent gives at least ${phi.toFixed(2)}°; lower needs a dogleg or a plane change`;
  }
  if (inclinationDeg > 180 - phi) {
    return `inclination ${inclinationDeg}° is not reachable directly from ${siteName} (${phi.toFixed(2)}° ${hemi}): a direct ascent gives at most ${(180 - phi).toFixed(2)}°`;
  }
  return undefined;
}

function wrap360(deg: number): number {
  const w = deg % 360;
  return w < 0 ? w + 360 : w;
}

function wrap180(deg: number): number {
  const w = wrap360(deg);
  return w >= 180 ? w - 360 : w;
}

/** Inertial launch azimuth (deg, [0, 360)) for the pass direction; NaN when unreachable. */
export function launchAzimuthDeg(geocentricLatDeg: number, inclinationDeg: number, direction: PassDirection): number {
  const s = Math.cos(inclinationDeg * RAD_PER_DEG) / Math.cos(geocentricLatDeg * RAD_PER_DEG);
  if (Math.abs(s) > 1 + 1e-12) return NaN;
  const beta = Math.asin(Math.max(-1, Math.min(1, s))) / RAD_PER_DEG;
  return wrap360(direction === 'ascending' ? beta : 180 - beta);
}

/** Azimuth of the velocity the vehicle adds on the rotating Earth, for an inertial azimuth and orbit speed. */
export function rotatingFrameAzimuthDeg(inertialAzimuthDeg: number, geocentricLatDeg: number, orbitSpeedMps: number): number {
  const siteSpeed = WGS84.omegaRadPerS * WGS84.aM * Math.cos(geocentricLatDeg * RAD_PER_DEG);
  const east = orbitSpeedMps * Math.sin(inertialAzimuthDeg * RAD_PER_DEG) - siteSpeed;
  const north = orbitSpeedMps * Math.cos(inertialAzimuthDeg * RAD_PER_DEG);
  return wrap360(Math.atan2(east, north) / RAD_PER_DEG);
}

/** Right ascension of the site meridian, deg (GMST with UTC for UT1). */
export function siteRightAscensionDeg(epoch: Epoch, lonDeg: number): number {
  const { mjdDay, secondsOfDay } = epoch.utcDaySeconds();
  return wrap360(gmst82Rad(mjdDay, secondsOfDay) / RAD_PER_DEG + lonDeg);
}

/** Right-ascension offset from the node of the plane's point at latitude φ, deg. */
function nodeOffsetDeg(geocentricLatDeg: number, inclinationDeg: number, direction: PassDirection): number {
  const sinU = Math.sin(geocentricLatDeg * RAD_PER_DEG) / Math.sin(inclinationDeg * RAD_PER_DEG);
  const cosU = Math.sqrt(Math.max(0, 1 - sinU * sinU)) * (direction === 'ascending' ? 1 : -1);
  return Math.atan2(Math.cos(inclinationDeg * RAD_PER_DEG) * sinU, cosU) / RAD_PER_DEG;
}

/** First instant at or after `from` when the site is in the plane on the given pass. */
function nextInPlane(site: LaunchSite, plane: TargetPlane, from: Epoch, direction: PassDirection, raanRateDegPerS: number): Epoch {
  const phi = geocentricLatitudeDeg(site.latDeg);
  const offset = nodeOffsetDeg(phi, plane.inclinationDeg, direction);
  const relativeRate = EARTH_ROTATION_DEG_PER_S - raanRateDegPerS;
  const residual = (t: Epoch) => plane.raanDeg + raanRateDegPerS * t.secondsSince(plane.raanEpoch) + offset - siteRightAscensionDeg(t, site.lonDeg);
  let t = from.plusSeconds(wrap360(residual(from)) / relativeRate);
  // GMST is linear to 1e-9 over a day: two Newton steps reach the microsecond.
  for (let k = 0; k < 2; k++) t = t.plusSeconds(wrap180(residual(t)) / relativeRate);
  return t.isBefore(from) ? t.plusSeconds(360 / relativeRate) : t;
}

/**
 * Every in-plane instant in [start, start + durationS), both pass directions, in time order.
 * Throws RangeError with the one-line reason when the inclination is not reachable directly.
 */
export function launchWindows(site: LaunchSite, plane: TargetPlane, start: Epoch, durationS: number): LaunchWindow[] {
  const reason = unreachableReason(site.name, site.latDeg, plane.inclinationDeg);
  if (reason) throw new RangeError(reason);
  const phi = geocentricLatitudeDeg(site.latDeg);
  const raanRate = nodalPrecessionDegPerDay(plane.altitudeKm, plane.inclinationDeg) / 86400;
  const period = 360 / (EARTH_ROTATION_DEG_PER_S - raanRate);
  const orbitSpeed = Math.sqrt(WGS84.gmM3PerS2 / (WGS84.aM + plane.altitudeKm * 1e3));
  const out: LaunchWindow[] = [];
  for (const direction of ['ascending', 'descending'] as const) {
    const azimuthDeg = launchAzimuthDeg(phi, plane.inclinationDeg, direction);
    const azimuthRotatingDeg = rotatingFrameAzimuthDeg(azimuthDeg, phi, orbitSpeed);
    for (let t = nextInPlane(site, plane, start, direction, raanRate); t.secondsSince(start) < durationS; t = t.plusSeconds(period)) {
      out.push({ epoch: t, direction, azimuthDeg, azimuthRotatingDeg });
    }
  }
  return out.sort((a, b) => a.epoch.compare(b.epoch));
}

/** RAAN (deg) of the plane a launch from `site` at `liftoff` enters on the given pass (instantaneous ascent). */
export function raanForLiftoffDeg(site: LaunchSite, inclinationDeg: number, liftoff: Epoch, direction: PassDirection): number {
  const reason = unreachableReason(site.name, site.latDeg, inclinationDeg);
  if (reason) throw new RangeError(reason);
  return wrap360(siteRightAscensionDeg(liftoff, site.lonDeg) - nodeOffsetDeg(geocentricLatitudeDeg(site.latDeg), inclinationDeg, direction));
}
