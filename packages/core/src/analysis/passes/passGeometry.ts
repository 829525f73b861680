/**
 * Satellite and Sun geometry seen from one ground site, evaluated at seconds from a reference
 * epoch. Shared scratch buffers: one instance per search, not re-entrant.
 */
import { RAD_PER_DEG } from '../../foundation/math/angles.js';
import { sunPositionTemeM } from '../../foundation/bodies/sun.js';
import { earthOrientation, emptyEarthOrientation } from '../../foundation/frames/earthOrientation.js';
import { temeToItrfInto, temeToItrfMatrix } from '../../foundation/frames/earthFixed.js';
import { stateInFrame, type FrameState, type StateSource } from '../../foundation/frames/frameState.js';
import { createObserver, elevationRateRadPerS, type Observer } from '../../foundation/frames/topocentric.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';

/** A ground site: geodetic latitude/longitude (WGS-84, degrees, east positive) and height (m). */
export interface ObserverSite {
  latDeg: number;
  lonDeg: number;
  /** Height above the WGS-84 ellipsoid, m. */
  altM: number;
}


/** Check a site and say which field is wrong. */
export function validateObserverSite(site: ObserverSite): void {
  if (!Number.isFinite(site.latDeg) || site.latDeg < -90 || site.latDeg > 90) {
    throw new RangeError(`observer latDeg must be between -90 and 90, got ${site.latDeg}`);
  }
  if (!Number.isFinite(site.lonDeg) || site.lonDeg < -180 || site.lonDeg > 360) {
    throw new RangeError(`observer lonDeg must be between -180 and 360, got ${site.lonDeg}`);
  }
  if (!Number.isFinite(site.altM) || site.altM < -500 || site.altM > 100_000) {
    throw new RangeError(`observer altM must be between -500 and 100000 m, got ${site.altM}`);
  }
}

export class PassGeometry {
  readonly site: Observer;
  /** Satellite TEME position (m) and velocity (m/s) at the last evaluated time. */
  readonly rTemeM = new Float64Array(3);
  readonly vTemeMps = new Float64Array(3);
  /** Satellite ITRF position (m) and velocity (m/s) at the last evaluated time. */
  readonly rItrfM = new Float64Array(3);
  readonly vItrfMps = new Float64Array(3);
  /** Sun TEME position (m) at the last {@link evaluateSun} time. */
  readonly sunTemeM = new Float64Array(3);
  private readonly sunItrfM = new Float64Array(3);
  private readonly observerTemeM = new Float64Array(3);
  private readonly eo = emptyEarthOrientation();
  /** Epoch of the last evaluation. */
  epoch: Epoch;
  /** East, north, up of the line of sight (m) and its rate (m/s) at the last evaluation. */
  east = 0;
  north = 0;
  up = 0;
  eastRate = 0;
  northRate = 0;
  upRate = 0;

  /** The state behind the last evaluation, so detectors reading one state share one evaluation. */
  private lastState: FrameState | undefined;

  constructor(
    /** Any propagator (SGP4 answers in TEME; a GCRF state is rotated to TEME, fk5.ts). */
    readonly source: StateSource,
    observer: ObserverSite,
    /** Times are seconds from this epoch. */
    readonly reference: Epoch,
    private readonly eop?: EopSource,
  ) {
    validateObserverSite(observer);
    this.site = createObserver({ latRad: observer.latDeg * RAD_PER_DEG, lonRad: observer.lonDeg * RAD_PER_DEG, altM: observer.altM });
    this.epoch = reference;
  }

  /** Propagate and rotate to ITRF at `t` seconds from the reference; fills the ENU terms. */
  evaluate(t: number): void {
    this.evaluateState(this.source.stateAt(this.reference.plusSeconds(t)));
  }

  /**
   * Rotate a state of the source to ITRF and fill the ENU terms; a second call with the same state
   * object at the same epoch (two detectors reading one sample) reuses the first.
   */
  evaluateState(state: FrameState): void {
    if (state === this.lastState && state.epoch === this.epoch) return;
    this.lastState = state;
    const epoch = state.epoch;
    this.epoch = epoch;
    const teme = stateInFrame(state, 'TEME', this.eop);
    this.rTemeM.set(teme.positionM);
    this.vTemeMps.set(teme.velocityMps);
    earthOrientation(epoch, this.eop, this.eo);
    temeToItrfInto(this.eo, this.rTemeM, this.vTemeMps, this.rItrfM, this.vItrfMps);
    const o = this.site;
    const dx = this.rItrfM[0] - o.rItrfM[0];
    const dy = this.rItrfM[1] - o.rItrfM[1];
    const dz = this.rItrfM[2] - o.rItrfM[2];
    const { sinLat: sp, cosLat: cp, sinLon: sl, cosLon: cl } = o;
    const vx = this.vItrfMps[0];
    const vy = this.vItrfMps[1];
    const vz = this.vItrfMps[2];
    // South-East-Zenith of Vallado Eq. 3-28, written as East-North-Up (observer fixed in ITRF).
    this.east = -sl * dx + cl * dy;
    this.north = -sp * cl * dx - sp * sl * dy + cp * dz;
    this.up = cp * cl * dx + cp * sl * dy + sp * dz;
    this.eastRate = -sl * vx + cl * vy;
    this.northRate = -sp * cl * vx - sp * sl * vy + cp * vz;
    this.upRate = cp * cl * vx + cp * sl * vy + sp * vz;
  }

  /** Elevation (rad) at the last evaluation. */
  elevationRad(): number {
    return Math.atan2(this.up, Math.hypot(this.east, this.north));
  }

  /** Azimuth from north through east (rad, [0, 2π)) at the last evaluation. */
  azimuthRad(): number {
    const az = Math.atan2(this.east, this.north);
    return az < 0 ? az + 2 * Math.PI : az;
  }

  rangeM(): number {
    return Math.hypot(this.east, this.north, this.up);
  }

  /** d(elevation)/dt, rad/s, at the last evaluation (frames/topocentric.ts). Jumps at the zenith. */
  elevationRateRadPerS(): number {
    return elevationRateRadPerS(this.east, this.north, this.up, this.eastRate, this.northRate, this.upRate);
  }

  /** Elevation (rad) at `t`. */
  elevationAt(t: number): number {
    this.evaluate(t);
    return this.elevationRad();
  }

  /** Elevation (rad) of a state of the source (an event detector's g). */
  elevationOfState(state: FrameState): number {
    this.evaluateState(state);
    return this.elevationRad();
  }

  /** Elevation rate (rad/s) of a state of the source (the culmination detector's g). */
  elevationRateOfState(state: FrameState): number {
    this.evaluateState(state);
    return this.elevationRateRadPerS();
  }

  /**
   * Sun position (TEME, into {@link sunTemeM}) at the last evaluated epoch, and the Sun's
   * elevation (rad) at the site. Call after {@link evaluate}.
   */
  evaluateSun(): number {
    sunPositionTemeM(this.epoch, this.sunTemeM);
    temeToItrfInto(this.eo, this.sunTemeM, null, this.sunItrfM, null);
    const o = this.site;
    const dx = this.sunItrfM[0] - o.rItrfM[0];
    const dy = this.sunItrfM[1] - o.rItrfM[1];
    const dz = this.sunItrfM[2] - o.rItrfM[2];
    const { sinLat: sp, cosLat: cp, sinLon: sl, cosLon: cl } = o;
    const e = -sl * dx + cl * dy;
    const n = -sp * cl * dx - sp * sl * dy + cp * dz;
    const u = cp * cl * dx + cp * sl * dy + sp * dz;
    return Math.atan2(u, Math.hypot(e, n));
  }

  /**
   * Observer position in TEME (m) at the last evaluation (for the phase angle).
   */
  observerTeme(): Float64Array {
    // r_obs,TEME = Mᵀ r_obs,ITRF with r_ITRF = M r_TEME.
    const m = temeToItrfMatrix(this.eo, this.teme2itrf);
    const o = this.site.rItrfM;
    for (let i = 0; i < 3; i++) this.observerTemeM[i] = m[i] * o[0] + m[3 + i] * o[1] + m[6 + i] * o[2];
    return this.observerTemeM;
  }

  private readonly teme2itrf = new Float64Array(9);
}
