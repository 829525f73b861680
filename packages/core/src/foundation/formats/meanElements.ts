import type { Epoch } from '../time/epoch.js';

/**
 * General-perturbations mean elements: the content shared by a TLE and a CCSDS OMM with
 * MEAN_ELEMENT_THEORY = SGP4. Angles in degrees and mean motion in rev/day, as the formats carry
 * them; conversions to SI happen in the propagator.
 */
export interface MeanElements {
  /** Object name (3LE line 0 or OMM OBJECT_NAME); empty when absent. */
  objectName: string;
  /** NORAD catalogue number (Alpha-5 decoded to a number). */
  noradId: number;
  /** International designator as written, e.g. `98067A` (TLE) or `1998-067A` (OMM). */
  intlDesignator: string;
  classification: string;
  epoch: Epoch;
  /** Mean motion, rev/day (Kozai, as in TLEs). */
  meanMotionRevPerDay: number;
  eccentricity: number;
  inclinationDeg: number;
  raanDeg: number;
  argPerigeeDeg: number;
  meanAnomalyDeg: number;
  /** First derivative of mean motion / 2, rev/day². */
  meanMotionDot: number;
  /** Second derivative of mean motion / 6, rev/day³. */
  meanMotionDdot: number;
  /** B* drag term, 1/earth radii. */
  bstar: number;
  ephemerisType: number;
  elementSetNo: number;
  revAtEpoch: number;
}

/**
 * Mean motion an element set may carry, rev/day. A circular orbit at the Earth's equatorial
 * radius (6378 km, μ = 398600.4418 km³/s²) has n ≈ 17.0 rev/day, so 20 rev/day (a ≈ 5,700 km)
 * lies inside the Earth; 0.005 rev/day (a 200-day period, a ≈ 1.45e6 km) is the Earth's
 * Hill-sphere radius (about 1.5e6 km): beyond either, the elements describe no Earth orbit and
 * SGP4's arithmetic overflows (1.5e301 rev/day gave NaN with no error code).
 */
export const MEAN_MOTION_RANGE_REV_PER_DAY = { min: 0.005, max: 20 } as const;

/**
 * Largest |B*| (1/earth radii) accepted: what a TLE's B* field can hold (±0.99999e+9). Beyond it
 * SGP4's drag terms overflow (B* = 1.797e308 gave NaN states with no error code).
 */
export const MAX_ABS_BSTAR = 1e9;

/** Element-set epochs accepted: from Sputnik 1 (launched 1957-10-04) to the end of 2100. */
export const ELEMENT_EPOCH_YEARS = { min: 1957, max: 2100 } as const;
