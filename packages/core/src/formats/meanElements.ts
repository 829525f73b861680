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
