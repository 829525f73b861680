/**
 * The state of the orbit-averaged propagator: mean elements in non-singular form, and its
 * conversion from TLE/OMM mean elements.
 *
 * Elements: a, (e cos ω, e sin ω), i, Ω, λ = M + ω, all *mean* in the Brouwer/Kozai sense —
 * short-period (one-revolution) terms removed, secular and long-period variations kept. The
 * (e cos ω, e sin ω) pair stays regular as e → 0 (ISS e ≈ 0.0005), where ω alone is undefined.
 * Frame: the true-equator, mean-equinox frame of the source elements (TEME for TLEs); the
 * propagator does not precess it (≈ 0.014°/yr, far below what matters for decay).
 */
import { orbitGeometryFromAxis, type MeanOrbitGeometry } from '../../foundation/elements/apsides.js';
import { brouwerFromKozaiMeanMotion, revPerDayToRadPerS } from '../../foundation/elements/meanMotion.js';
import { WGS72_EQUATORIAL_RADIUS_M } from '../../foundation/elements/wgs72.js';
import type { MeanElements } from '../../foundation/formats/meanElements.js';
import { EGM96_GM_M3_PER_S2, EGM96_J, EGM96_RADIUS_M } from '../../models/gravity/zonal.js';
import { J3_OVER_J2 } from '../sgp4/constants.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { RAD_PER_DEG } from '../../foundation/math/angles.js';


/** Mean orbit at one epoch (see the module comment). SI units, radians. */
export interface MeanOrbitState {
  epoch: Epoch;
  /** Mean semi-major axis, m. */
  semiMajorAxisM: number;
  /** e·cos ω. */
  eCosArgPerigee: number;
  /** e·sin ω. */
  eSinArgPerigee: number;
  inclinationRad: number;
  /** Right ascension of the ascending node, rad. */
  raanRad: number;
  /** Mean argument of latitude λ = M + ω, rad (not wrapped: it grows by 2π a revolution). */
  meanArgumentOfLatitudeRad: number;
}

/** Zonal gravity used by the averaged equations (and by the mean → osculating conversion). */
export interface AveragedGravity {
  gmM3PerS2: number;
  radiusM: number;
  j2: number;
  /** 0 switches the long-period J3 terms off. */
  j3: number;
}

/**
 * Default gravity: EGM96 GM, a, J2 = 1.0826267e-3, J3 = −2.5324e-6 (Lemoine et al. 1998,
 * NASA/TP-1998-206861; via gravity/zonal.ts).
 */
export const EGM96_AVERAGED_GRAVITY: AveragedGravity = Object.freeze({
  gmM3PerS2: EGM96_GM_M3_PER_S2,
  radiusM: EGM96_RADIUS_M,
  j2: EGM96_J[2],
  j3: EGM96_J[3],
});

/** Eccentricity of a state. */
export function eccentricityOf(s: Pick<MeanOrbitState, 'eCosArgPerigee' | 'eSinArgPerigee'>): number {
  return Math.hypot(s.eCosArgPerigee, s.eSinArgPerigee);
}

/**
 * Mean altitude, perigee and apogee altitude of a mean state: a − R, a(1 ∓ e) − R with R the
 * WGS-72 equatorial radius (the convention of elements/apsides.ts and the orbit history). Heights
 * above a sphere, not geodetic: at 51.6° latitude the ellipsoid is ~13 km lower.
 */
export function meanStateGeometry(s: MeanOrbitState): MeanOrbitGeometry {
  return orbitGeometryFromAxis(s.semiMajorAxisM, eccentricityOf(s));
}

/**
 * TLE/OMM (SGP4) mean elements → averaged-propagator state.
 *
 * - a: the Brouwer mean axis SGP4 recovers from the Kozai mean motion (WGS-72; elements/meanMotion).
 * - Eccentricity vector: SGP4's mean e excludes the long-period J3 term, which SGP4 adds back as
 *   a_yN,L = −½ (J3/J2) sin i · R/(a(1 − e²)) to e·sin ω (Hoots & Roehrich, Spacetrack Report #3
 *   (1980), SGP4 "long-period periodics"; Vallado et al., AIAA 2006-6753, `aycof`). The averaged
 *   propagator integrates that term instead (it is the J3-driven rotation around the frozen
 *   eccentricity), so it is added here. For the ISS it is 8.6e-4 — larger than the TLE e itself
 *   and worth ±6 km in perigee height.
 * - λ = M + ω plus SGP4's long-period λ term (xlcof·a_xN/(a(1 − e²)), same sources; < 1e-3 rad).
 */
export function meanStateFromElements(elements: MeanElements): MeanOrbitState {
  const inc = elements.inclinationDeg * RAD_PER_DEG;
  const e = elements.eccentricity;
  const { semiMajorAxisM } = brouwerFromKozaiMeanMotion(revPerDayToRadPerS(elements.meanMotionRevPerDay), e, inc);
  const w = elements.argPerigeeDeg * RAD_PER_DEG;
  const ex = e * Math.cos(w);
  const ey = e * Math.sin(w);
  const sinI = Math.sin(inc);
  const cosI = Math.cos(inc);
  const pOverR = (semiMajorAxisM * (1 - e * e)) / WGS72_EQUATORIAL_RADIUS_M;
  const aycof = -0.5 * J3_OVER_J2 * sinI;
  // SGP4 guards the 1/(1 + cos i) of xlcof near i = 180° the same way (Vallado et al. 2006).
  const onePlusCos = Math.max(1 + cosI, 1.5e-12);
  const xlcof = (-0.25 * J3_OVER_J2 * sinI * (3 + 5 * cosI)) / onePlusCos;
  return {
    epoch: elements.epoch,
    semiMajorAxisM,
    eCosArgPerigee: ex,
    eSinArgPerigee: ey + aycof / pOverR,
    inclinationRad: inc,
    raanRad: elements.raanDeg * RAD_PER_DEG,
    meanArgumentOfLatitudeRad: elements.meanAnomalyDeg * RAD_PER_DEG + w + (xlcof * ex) / pOverR,
  };
}

/** Check a state's fields, naming the bad one. */
export function checkMeanState(s: MeanOrbitState, what = 'state'): void {
  if (!s || typeof s !== 'object' || !s.epoch) throw new TypeError(`${what}: must be a MeanOrbitState with an epoch`);
  const fields = ['semiMajorAxisM', 'eCosArgPerigee', 'eSinArgPerigee', 'inclinationRad', 'raanRad', 'meanArgumentOfLatitudeRad'] as const;
  for (const f of fields) if (!Number.isFinite(s[f])) throw new RangeError(`${what}.${f}: must be a finite number, got ${String(s[f])}`);
  if (!(s.semiMajorAxisM > 6.2e6)) throw new RangeError(`${what}.semiMajorAxisM: ${s.semiMajorAxisM} m is inside the Earth`);
  const e = eccentricityOf(s);
  if (!(e < 0.9)) throw new RangeError(`${what}: eccentricity ${e} is not a drag-decay orbit (must be < 0.9)`);
}
