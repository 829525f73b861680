/**
 * SGP4 error codes. Codes 1–6 are those of the reference implementation (AIAA 2006-6753 and
 * its C++ code, used by satellite.js' `SatRecError`); 7 is ours, for elements rejected before
 * SGP4 runs (non-finite or impossible input).
 */
export const Sgp4ErrorCode = {
  None: 0,
  /** Mean eccentricity left [0, 1) (drag drove it out of range). */
  MeanEccentricityOutOfRange: 1,
  /** Mean motion fell to zero or below. */
  MeanMotionBelowZero: 2,
  /** Perturbed (osculating) eccentricity left [0, 1] (deep-space periodics). */
  PerturbedEccentricityOutOfRange: 3,
  /** Semi-latus rectum below zero. */
  SemiLatusRectumBelowZero: 4,
  /** Computed radius below one earth radius: the object has decayed. */
  Decayed: 6,
  /** The mean elements cannot be propagated at all (non-finite value, e ≥ 1, n ≤ 0). */
  InvalidElements: 7,
} as const;
export type Sgp4ErrorCode = (typeof Sgp4ErrorCode)[keyof typeof Sgp4ErrorCode];

const MESSAGES: Record<number, string> = {
  0: 'no error',
  1: 'mean eccentricity out of range 0 ≤ e < 1',
  2: 'mean motion below zero',
  3: 'perturbed eccentricity out of range 0 ≤ e ≤ 1',
  4: 'semi-latus rectum below zero',
  5: 'epoch elements are sub-orbital',
  6: 'satellite decayed (radius below one earth radius)',
  7: 'invalid mean elements',
};

/** Readable text for an SGP4 error code. */
export function sgp4ErrorMessage(code: number): string {
  return MESSAGES[code] ?? `unknown SGP4 error code ${code}`;
}

/** Thrown by the single-satellite API when SGP4 reports an error. */
export class Sgp4Error extends Error {
  constructor(
    readonly code: Sgp4ErrorCode,
    /** Catalogue number of the object, when known. */
    readonly noradId: number,
    /** Minutes since the element epoch at which it happened (NaN at initialisation). */
    readonly tsinceMin: number,
    detail?: string,
  ) {
    const when = Number.isNaN(tsinceMin) ? 'at initialisation' : `at ${tsinceMin} min from epoch`;
    super(`SGP4 error ${code} for object ${noradId} ${when}: ${sgp4ErrorMessage(code)}${detail ? ` (${detail})` : ''}`);
    this.name = 'Sgp4Error';
  }
}
