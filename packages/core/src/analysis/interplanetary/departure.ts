/**
 * Patched-conic departure and capture burns: the impulsive Δv between a circular orbit of a
 * planet and the hyperbola with a given excess speed v∞ (C3 = v∞²), applied at periapsis where it
 * is smallest (vis-viva: v_p = √(v∞² + 2μ/r_p); Curtis §8.7, eq. 8.42; Vallado §12.2).
 *
 * Plane: the outgoing asymptote lies in the parking orbit's plane, so the parking orbit's
 * inclination must be at least the asymptote's declination |DLA|; a launch due east-ish from
 * latitude φ reaches inclinations ≥ |φ| only. The smallest usable inclination is therefore
 * max(|φ|, |DLA|); a |DLA| above the site's latitude costs nothing extra in this model as long as
 * the launch azimuth can be turned to reach it (sin Az = cos i / cos φ).
 */

export interface CircularBurnInput {
  /** Hyperbolic excess speed, m/s. */
  vInfinityMS: number;
  /** Planet's GM, m³/s². */
  gmM3S2: number;
  /** Radius of the circular orbit (planet radius + altitude), m. */
  orbitRadiusM: number;
}

export interface CircularBurn {
  deltaVMS: number;
  /** Speed on the circular orbit and at periapsis of the hyperbola, m/s. */
  circularSpeedMS: number;
  periapsisSpeedMS: number;
}

/** Δv from a circular orbit to the hyperbola of excess speed v∞ (or back, for a capture). */
export function circularToHyperbola(p: CircularBurnInput): CircularBurn {
  if (!(p.orbitRadiusM > 0)) throw new RangeError(`orbit radius must be positive, got ${p.orbitRadiusM} m`);
  if (!(p.vInfinityMS >= 0)) throw new RangeError(`v∞ must be non-negative, got ${p.vInfinityMS} m/s`);
  const circularSpeedMS = Math.sqrt(p.gmM3S2 / p.orbitRadiusM);
  const periapsisSpeedMS = Math.sqrt(p.vInfinityMS * p.vInfinityMS + (2 * p.gmM3S2) / p.orbitRadiusM);
  return { deltaVMS: periapsisSpeedMS - circularSpeedMS, circularSpeedMS, periapsisSpeedMS };
}

export interface LaunchPlaneInput {
  /** Declination of the outgoing asymptote (DLA), rad. */
  asymptoteDeclinationRad: number;
  /** Launch site geodetic latitude, rad. */
  siteLatitudeRad: number;
}

export interface LaunchPlane {
  /** Smallest parking-orbit inclination that contains the asymptote and is reachable from the site, rad. */
  minimumInclinationRad: number;
  /** Launch azimuth (from north, eastward) into that inclination, rad; NaN when the site cannot reach it directly. */
  launchAzimuthRad: number;
  /** True when |DLA| ≤ |latitude|: any direct-ascent inclination from the site contains the asymptote. */
  declinationWithinSiteLatitude: boolean;
}

/** The parking-orbit plane constraint of a departure (see the module comment). */
export function launchPlane(p: LaunchPlaneInput): LaunchPlane {
  const dla = Math.abs(p.asymptoteDeclinationRad);
  const lat = Math.abs(p.siteLatitudeRad);
  const inc = Math.max(dla, lat);
  const sinAz = Math.cos(inc) / Math.cos(p.siteLatitudeRad);
  return {
    minimumInclinationRad: inc,
    launchAzimuthRad: sinAz <= 1 + 1e-12 ? Math.asin(Math.min(1, sinAz)) : NaN,
    declinationWithinSiteLatitude: dla <= lat,
  };
}
