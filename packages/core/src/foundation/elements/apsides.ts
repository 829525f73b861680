import type { MeanElements } from '../formats/meanElements.js';
import { brouwerFromKozaiMeanMotion, revPerDayToRadPerS } from './meanMotion.js';
import { WGS72_EQUATORIAL_RADIUS_M } from './wgs72.js';
import { RAD_PER_DEG } from '../math/angles.js';


/**
 * Size and shape of a mean orbit, from SGP4 mean elements.
 *
 * Altitude convention: heights above a sphere of the WGS-72 equatorial radius (6378.135 km),
 * the radius SGP4 itself uses; `meanAltitudeM` = a − R⊕, perigee/apogee = a(1 ∓ e) − R⊕. These
 * are *mean* (Brouwer) values: the osculating radius of a real orbit oscillates around them by
 * ~±10 km in LEO (J2 short-period terms), and the height above the ellipsoid differs by up to
 * ~21 km between equator and pole. Use them to follow trends (decay, reboosts), not as a
 * geodetic altitude at one instant.
 */
export interface MeanOrbitGeometry {
  /** Brouwer mean semi-major axis, m. */
  semiMajorAxisM: number;
  eccentricity: number;
  /** a − R⊕(WGS-72 equatorial), m. */
  meanAltitudeM: number;
  /** a(1 − e) − R⊕, m. */
  perigeeAltitudeM: number;
  /** a(1 + e) − R⊕, m. */
  apogeeAltitudeM: number;
}

/** Geometry of one orbit from its semi-major axis (m) and eccentricity. */
export function orbitGeometryFromAxis(semiMajorAxisM: number, eccentricity: number): MeanOrbitGeometry {
  return {
    semiMajorAxisM,
    eccentricity,
    meanAltitudeM: semiMajorAxisM - WGS72_EQUATORIAL_RADIUS_M,
    perigeeAltitudeM: semiMajorAxisM * (1 - eccentricity) - WGS72_EQUATORIAL_RADIUS_M,
    apogeeAltitudeM: semiMajorAxisM * (1 + eccentricity) - WGS72_EQUATORIAL_RADIUS_M,
  };
}

/** Mean semi-major axis and apsis altitudes of a TLE/OMM, un-Kozai'd as SGP4 does. */
export function meanOrbitGeometry(elements: MeanElements): MeanOrbitGeometry {
  const { semiMajorAxisM } = brouwerFromKozaiMeanMotion(
    revPerDayToRadPerS(elements.meanMotionRevPerDay),
    elements.eccentricity,
    elements.inclinationDeg * RAD_PER_DEG,
  );
  return orbitGeometryFromAxis(semiMajorAxisM, elements.eccentricity);
}
