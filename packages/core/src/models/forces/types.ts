import type { Mat3 } from '../../foundation/frames/mat3.js';
import type { Epoch } from '../../foundation/time/epoch.js';

/**
 * Everything a force model may need at one derivative evaluation. The numerical propagator
 * fills one instance per evaluation (frame matrices and Sun/Moon positions computed once, shared
 * by all force models) and passes it to each model; models never allocate.
 */
export interface ForceContext {
  /** Seconds since the propagation's reference epoch (uniform TAI/TT seconds). */
  tSeconds: number;
  /** The instant (built by the propagator; use for slow-changing lookups such as space weather). */
  epoch: Epoch;
  /** Position in GCRF, m. */
  rGcrfM: Float64Array;
  /** Velocity in GCRF, m/s. */
  vGcrfMps: Float64Array;
  /** Spacecraft mass, kg. */
  massKg: number;
  /** Rotation GCRF → ITRF (row-major 3×3): r_ITRF = M · r_GCRF. */
  gcrfToItrf: Mat3;
  /** Position of the satellite in ITRF, m (= gcrfToItrf · rGcrfM). */
  rItrfM: Float64Array;
  /** Earth rotation rate used for the co-rotating atmosphere, rad/s. */
  earthRotationRadPerS: number;
  /** Geocentric Sun position in GCRF, m. */
  sunGcrfM: Float64Array;
  /** Geocentric Moon position in GCRF, m. */
  moonGcrfM: Float64Array;
}

/** A force: adds its acceleration (GCRF, m/s²) into `outAccMps2`; must not allocate. */
export interface ForceModel {
  readonly name: string;
  addAcceleration(ctx: ForceContext, outAccMps2: Float64Array): void;
  /** Mass flow, kg/s (negative while a thruster burns); absent or 0 for conservative forces. */
  massRateKgPerS?(ctx: ForceContext): number;
}
