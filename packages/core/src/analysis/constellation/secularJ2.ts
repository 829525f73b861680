/**
 * First-order secular J2 rates of the node, perigee and mean anomaly of a near-circular orbit
 * (Vallado, Fundamentals of Astrodynamics, 4th ed., Eq. 9-41; Kozai 1959). Used to bring the
 * element sets of a group, whose epochs differ by hours to days, to one reference instant before
 * the planes are compared, and to drift a target plane through a launch day.
 * WGS-72 constants as SGP4 uses them (mean elements come from SGP4 fits).
 */
import { meanOrbitGeometry } from '../../foundation/elements/apsides.js';
import { SGP4_J2, WGS72_EQUATORIAL_RADIUS_M, WGS72_MU_M3_PER_S2 } from '../../foundation/elements/wgs72.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';

export interface SecularRates {
  raanRadPerS: number;
  argPerigeeRadPerS: number;
  /** dM/dt including the mean motion itself. */
  meanAnomalyRadPerS: number;
}

/** Secular rates for a mean orbit of semi-major axis a (m), eccentricity e, inclination i (rad). */
export function secularJ2Rates(semiMajorAxisM: number, eccentricity: number, inclinationRad: number): SecularRates {
  const n = Math.sqrt(WGS72_MU_M3_PER_S2 / semiMajorAxisM ** 3);
  const beta2 = 1 - eccentricity * eccentricity;
  const p = semiMajorAxisM * beta2;
  const k = 1.5 * SGP4_J2 * (WGS72_EQUATORIAL_RADIUS_M / p) ** 2 * n;
  const c = Math.cos(inclinationRad);
  return {
    raanRadPerS: -k * c,
    argPerigeeRadPerS: 0.5 * k * (5 * c * c - 1),
    meanAnomalyRadPerS: n + 0.5 * k * Math.sqrt(beta2) * (3 * c * c - 1),
  };
}

/** Node precession of a circular orbit at `altitudeKm` above the WGS-72 radius, deg/day. */
export function nodalPrecessionDegPerDay(altitudeKm: number, inclinationDeg: number): number {
  const a = WGS72_EQUATORIAL_RADIUS_M + altitudeKm * 1e3;
  return (secularJ2Rates(a, 0, (inclinationDeg * Math.PI) / 180).raanRadPerS * 86400 * 180) / Math.PI;
}

export interface PlaneAngles {
  raanDeg: number;
  /** Mean argument of latitude ω + M, deg in [0, 360). */
  argLatitudeDeg: number;
  meanAltitudeKm: number;
}

function wrap360(deg: number): number {
  const w = deg % 360;
  return w < 0 ? w + 360 : w;
}

/** RAAN and mean argument of latitude of an element set carried to `dtS` seconds after its epoch. */
export function planeAnglesAfter(elements: MeanElements, dtS: number): PlaneAngles {
  const incRad = (elements.inclinationDeg * Math.PI) / 180;
  const geometry = meanOrbitGeometry(elements);
  // The Brouwer axis (un-Kozai'd, as SGP4 does) gives n and the J2 terms.
  const rates = secularJ2Rates(geometry.semiMajorAxisM, elements.eccentricity, incRad);
  const uRate = rates.argPerigeeRadPerS + rates.meanAnomalyRadPerS;
  const toDeg = 180 / Math.PI;
  return {
    raanDeg: wrap360(elements.raanDeg + rates.raanRadPerS * dtS * toDeg),
    argLatitudeDeg: wrap360(elements.argPerigeeDeg + elements.meanAnomalyDeg + uRate * dtS * toDeg),
    meanAltitudeKm: geometry.meanAltitudeM / 1e3,
  };
}

/** Semi-major axis (m) of a circular orbit at `altitudeKm` above the WGS-72 equatorial radius. */
export function circularAxisM(altitudeKm: number): number {
  return WGS72_EQUATORIAL_RADIUS_M + altitudeKm * 1e3;
}
