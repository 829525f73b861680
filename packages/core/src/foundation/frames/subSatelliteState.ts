/**
 * Where an object is over the Earth at one instant: geodetic latitude, longitude and height
 * (WGS-84), inertial and Earth-relative speed, and whether it is sunlit. Shared by the CLI
 * `where` command and the server's state/track routes so both answer the same numbers. It takes
 * any state source (every propagator of propagation/ is one), never a propagator module: frames
 * sit below propagation.
 */
import { sunPositionTemeM } from '../bodies/sun.js';
import { sunlitFraction } from '../bodies/shadow.js';
import type { Epoch } from '../time/epoch.js';
import type { EopSource } from '../time/eop.js';
import { temeToItrfInto } from './earthFixed.js';
import { earthOrientation, type EarthOrientation } from './earthOrientation.js';
import { WGS84 } from '../bodies/earth.js';
import { itrfToGeodetic, type Geodetic } from './geodetic.js';
import { stateInFrame, type StateSource } from './frameState.js';

export interface SubSatelliteState {
  /** Geodetic latitude, rad (WGS-84). */
  latRad: number;
  /** Longitude, rad, east positive, in (-π, π]. */
  lonRad: number;
  /** Height above the WGS-84 ellipsoid, m. */
  altM: number;
  /** Inertial (TEME) speed, m/s. */
  speedMps: number;
  /** Speed relative to the rotating Earth (ITRF), m/s. */
  groundSpeedMps: number;
  /** True when any part of the Sun's disc is visible from the object (outside the umbra). */
  sunlit: boolean;
}

/** Reusable buffers so a ground track of thousands of points allocates once. */
export interface SubSatelliteScratch {
  readonly rTemeM: Float64Array;
  readonly vTemeMps: Float64Array;
  readonly rItrfM: Float64Array;
  readonly vItrfMps: Float64Array;
  readonly sunM: Float64Array;
  eo?: EarthOrientation;
  geo?: Geodetic;
}

export function subSatelliteScratch(): SubSatelliteScratch {
  return {
    rTemeM: new Float64Array(3),
    vTemeMps: new Float64Array(3),
    rItrfM: new Float64Array(3),
    vItrfMps: new Float64Array(3),
    sunM: new Float64Array(3),
  };
}

/**
 * The source's state at `at` (an SGP4 propagator answers in TEME; a GCRF state is rotated to TEME
 * first), rotated TEME → ITRF with `eop` (UT1 = UTC and no polar motion when absent), then to
 * WGS-84 geodetic coordinates.
 * @throws what the source throws there (e.g. Sgp4Error when the orbit has decayed).
 */
export function subSatelliteState(
  source: StateSource,
  at: Epoch,
  eop?: EopSource,
  scratch: SubSatelliteScratch = subSatelliteScratch(),
): SubSatelliteState {
  const s = scratch;
  const teme = stateInFrame(source.stateAt(at), 'TEME', eop);
  s.rTemeM.set(teme.positionM);
  s.vTemeMps.set(teme.velocityMps);
  s.eo = earthOrientation(at, eop, s.eo);
  temeToItrfInto(s.eo, s.rTemeM, s.vTemeMps, s.rItrfM, s.vItrfMps);
  s.geo = itrfToGeodetic(s.rItrfM, WGS84, s.geo);
  return {
    latRad: s.geo.latRad,
    lonRad: s.geo.lonRad,
    altM: s.geo.altM,
    speedMps: Math.hypot(s.vTemeMps[0], s.vTemeMps[1], s.vTemeMps[2]),
    groundSpeedMps: Math.hypot(s.vItrfMps[0], s.vItrfMps[1], s.vItrfMps[2]),
    sunlit: sunlitFraction(s.rTemeM, sunPositionTemeM(at, s.sunM)) > 0,
  };
}
