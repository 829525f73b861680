/**
 * Pass prediction: when a satellite rises above, culminates in, and sets below a minimum
 * elevation at a ground site, and whether (and how brightly) it can be seen with the eye.
 *
 * Method (events by root finding, not by fine stepping; passSearch.ts):
 * 1. Sample every h = P/40 (P the osculating period at the start; 139 s for the ISS) with the
 *    orbit event machinery (`findEvents`): a culmination detector (g = elevation rate, analytic
 *    from the ITRF velocity) and an elevation detector (g = elevation − threshold) read the same
 *    samples, and Brent's method refines each sign change. The elevation has one maximum per
 *    revolution (the line of sight sweeps past the site once an orbit; Earth rotation only shifts
 *    it), so with 40 samples per revolution every maximum is found regardless of the threshold;
 *    a threshold-crossing scan alone would miss a short low pass between two samples.
 * 2. Rise / set: the elevation detector's crossings around each maximum; for a pass above the
 *    threshold for less than a step (no sample above it), the crossings are solved between the
 *    culmination and the samples below the threshold on either side. The scan window is widened
 *    while the satellite is up at its ends, so passes in progress keep their true rise and set.
 * 3. Visibility (passVisibility.ts): on the pass, the satellite is visible while it is out of the
 *    Earth's umbra and the Sun is below the twilight elevation at the site; both boundaries are
 *    found with Brent's method on continuous functions (umbra margin, Sun elevation − twilight).
 *
 * Geometry is geometric: no atmospheric refraction (which lifts objects at the horizon by ~0.57°
 * and brings rise ~10 s earlier at 0°), no light time. Elevations are above the WGS-84 ellipsoid
 * normal at the site.
 */
import { RAD_PER_DEG } from '../../foundation/math/angles.js';
import { WGS84 } from '../../foundation/bodies/earth.js';
import type { ShadowModel, ShadowState } from '../../foundation/bodies/shadow.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import { ISS_STANDARD_MAGNITUDE } from './magnitude.js';
import type { StateSource } from '../../foundation/frames/frameState.js';
import { PassGeometry, type ObserverSite } from './passGeometry.js';
import { findPassTimes } from './passSearch.js';
import { describePass } from './describePass.js';

/**
 * Default minimum elevation, deg: 10°. Below ~10° a pass is usually hidden by terrain and
 * buildings and dimmed by extinction; 10° is also the customary cut of published visible-pass
 * lists. Use 0 for the geometric horizon.
 */
export const DEFAULT_MIN_ELEVATION_DEG = 10;
/** Civil twilight ends when the Sun's centre is 6° below the horizon (USNO / Astronomical Almanac definition). */
export const CIVIL_TWILIGHT_SUN_ELEVATION_DEG = -6;

export interface PassOptions {
  /** Threshold for rise and set, deg (default {@link DEFAULT_MIN_ELEVATION_DEG}; 0 = horizon). */
  minElevationDeg?: number;
  /** Earth orientation (UT1−UTC, polar motion). Without it UT1 = UTC (warns once). */
  eop?: EopSource;
  /** The site is dark when the Sun is below this elevation, deg (default −6, civil twilight). */
  twilightSunElevationDeg?: number;
  /** Standard magnitude (1000 km, 90° phase) for the magnitude estimate (default ISS −1.8). */
  standardMagnitude?: number;
  /** Earth shadow model for "sunlit" (default conical: sunlit = not in the umbra). */
  shadowModel?: ShadowModel;
  /** Coarse sampling step, s (default: osculating period / 40). */
  stepSeconds?: number;
  /** Event time tolerance, s (default 1e-3). */
  timeToleranceS?: number;
}

/** Where the satellite is at one instant of a pass. */
export interface PassPoint {
  epoch: Epoch;
  /** Azimuth from true north through east, deg [0, 360). */
  azimuthDeg: number;
  elevationDeg: number;
  rangeKm: number;
}

/** A stretch of a pass during which the satellite is sunlit and the sky dark. */
export interface VisibleWindow {
  start: PassPoint;
  end: PassPoint;
}

export interface Pass {
  /** Crossing of the minimum elevation upwards (may precede the search window: see inProgressAtStart). */
  rise: PassPoint;
  /** Highest point. */
  culmination: PassPoint;
  /** Crossing of the minimum elevation downwards (may follow the search window). */
  set: PassPoint;
  maxElevationDeg: number;
  durationS: number;
  /** The satellite was already above the minimum elevation at the window start. */
  inProgressAtStart: boolean;
  /** The satellite is still above the minimum elevation at the window end. */
  inProgressAtEnd: boolean;
  /** Some part of the pass has the satellite sunlit while the site is dark. */
  visible: boolean;
  /** The visible parts (usually one; empty when not visible). */
  visibleWindows: VisibleWindow[];
  /** Brightest estimated visual magnitude while visible; null when not visible. */
  magnitude: number | null;
  /** When that magnitude is reached; null when not visible. */
  magnitudeEpoch: Epoch | null;
  /** Sun elevation at the site at culmination, deg. */
  sunElevationAtCulminationDeg: number;
  /** Illumination of the satellite at culmination. */
  illuminationAtCulmination: ShadowState;
}

/** Osculating period (s) from a TEME state in km, km/s (WGS-84 GM; the step only needs ~1 %). */
function osculatingPeriodS(rKm: Float64Array, vKmS: Float64Array): number {
  const mu = WGS84.gmM3PerS2 / 1e9;
  const r = Math.hypot(rKm[0], rKm[1], rKm[2]);
  const v2 = vKmS[0] * vKmS[0] + vKmS[1] * vKmS[1] + vKmS[2] * vKmS[2];
  const inverseA = 2 / r - v2 / mu;
  if (!(inverseA > 0)) throw new RangeError('findPasses: the orbit is not closed (escape velocity); passes are undefined');
  const a = 1 / inverseA;
  return 2 * Math.PI * Math.sqrt((a * a * a) / mu);
}

/**
 * Passes of the satellite whose states `source` gives (any Propagator: SGP4, an ephemeris…) over `observer` that are above
 * `minElevationDeg` at some time within [start, end]. Events are true events: the rise of a pass
 * in progress at `start` lies before `start` (flagged `inProgressAtStart`).
 */
export function findPasses(source: StateSource, observer: ObserverSite, start: Epoch, end: Epoch, options: PassOptions = {}): Pass[] {
  const minElevationDeg = options.minElevationDeg ?? DEFAULT_MIN_ELEVATION_DEG;
  if (!(minElevationDeg > -90 && minElevationDeg < 90)) {
    throw new RangeError(`minElevationDeg must be between -90 and 90 (exclusive), got ${minElevationDeg}`);
  }
  const twilightDeg = options.twilightSunElevationDeg ?? CIVIL_TWILIGHT_SUN_ELEVATION_DEG;
  if (!(twilightDeg >= -90 && twilightDeg <= 90)) {
    throw new RangeError(`twilightSunElevationDeg must be between -90 and 90, got ${twilightDeg}`);
  }
  const span = end.secondsSince(start);
  if (!(span > 0)) throw new RangeError(`findPasses: end (${end.toIsoUtc()}) must be after start (${start.toIsoUtc()})`);
  const xTol = options.timeToleranceS ?? 1e-3;
  if (!(xTol > 0)) throw new RangeError(`timeToleranceS must be positive, got ${xTol}`);

  const geom = new PassGeometry(source, observer, start, options.eop);
  geom.evaluate(0);
  let h = options.stepSeconds;
  if (h === undefined) {
    const rKm = new Float64Array([geom.rTemeM[0] / 1000, geom.rTemeM[1] / 1000, geom.rTemeM[2] / 1000]);
    const vKmS = new Float64Array([geom.vTemeMps[0] / 1000, geom.vTemeMps[1] / 1000, geom.vTemeMps[2] / 1000]);
    h = Math.min(osculatingPeriodS(rKm, vKmS) / 40, 600);
  }
  if (!(h > 0)) throw new RangeError(`stepSeconds must be positive, got ${h}`);
  const description = {
    twilightRad: twilightDeg * RAD_PER_DEG,
    shadowModel: options.shadowModel ?? 'conical',
    standardMagnitude: options.standardMagnitude ?? ISS_STANDARD_MAGNITUDE,
    timeToleranceS: xTol,
  };
  return findPassTimes(geom, span, { stepS: h, minElevationDeg, timeToleranceS: xTol }).map((times) => describePass(geom, times, span, description));
}
