/**
 * The frame-dependent callbacks the event detectors of events/detectors.ts take (Sun position,
 * ITRF position, geodetic altitude), computed with the same cached chains as the propagator
 * (earthRotationCache.ts, bodyPositionCache.ts). The state forms (`…Of`, `sunAtM`) take GCRF
 * states and epochs, for the propagator's `detectors`; the (t, y) forms take t = seconds since
 * `referenceEpoch` — which must be the epoch of the initial state handed to `propagate` — for
 * integrator-level `events`.
 */
import type { FrameState } from '../../foundation/frames/frameState.js';
import { itrfToGeodetic, type Geodetic } from '../../foundation/frames/geodetic.js';
import { mat3 } from '../../foundation/frames/mat3.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import { SunMoonCache } from './bodyPositionCache.js';
import { EarthRotationCache } from './earthRotationCache.js';

export class EventEnvironment {
  private readonly rotation: EarthRotationCache;
  private readonly bodies: SunMoonCache;
  private readonly m = mat3();
  private readonly rItrf = new Float64Array(3);
  private readonly geodetic: Geodetic = { latRad: 0, lonRad: 0, altM: 0 };

  constructor(
    readonly referenceEpoch: Epoch,
    eop?: EopSource,
    options: { frameNodeSpacingS?: number; bodyNodeSpacingS?: number } = {},
  ) {
    this.rotation = new EarthRotationCache(referenceEpoch, eop, options.frameNodeSpacingS);
    this.bodies = new SunMoonCache(referenceEpoch, options.bodyNodeSpacingS);
  }

  /** Geocentric Sun position in GCRF at t, m. */
  readonly sunPositionM = (t: number, out: Float64Array): void => {
    this.bodies.sunAt(t, out);
  };

  /** Geocentric Sun position in GCRF at `epoch`, m (for eclipseDetector's `sunPositionM`). */
  readonly sunAtM = (epoch: Epoch, out: Float64Array): void => {
    this.bodies.sunAt(epoch.secondsSince(this.referenceEpoch), out);
  };

  /** ITRF position of a GCRF state, m (for stationElevation's `toItrfM`). */
  readonly itrfPositionOfM = (state: FrameState, out: Float64Array): void => {
    this.toItrfM(state.epoch.secondsSince(this.referenceEpoch), state.positionM, out);
  };

  /** WGS-84 geodetic altitude of a GCRF state, m (for altitudeDetector's `altitudeM`). */
  readonly geodeticAltitudeOfM = (state: FrameState): number => {
    return this.geodeticAltitudeM(state.epoch.secondsSince(this.referenceEpoch), state.positionM);
  };

  /** ITRF position of state y (GCRF) at t, m. */
  readonly toItrfM = (t: number, y: Float64Array, out: Float64Array): void => {
    const m = this.rotation.matrixAt(t, this.m);
    const x = y[0];
    const yy = y[1];
    const z = y[2];
    out[0] = m[0] * x + m[1] * yy + m[2] * z;
    out[1] = m[3] * x + m[4] * yy + m[5] * z;
    out[2] = m[6] * x + m[7] * yy + m[8] * z;
  };

  /** WGS-84 geodetic altitude of state y at t, m. */
  readonly geodeticAltitudeM = (t: number, y: Float64Array): number => {
    this.toItrfM(t, y, this.rItrf);
    return itrfToGeodetic(this.rItrf, undefined, this.geodetic).altM;
  };
}
