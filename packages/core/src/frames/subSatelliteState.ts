/**
 * Where an SGP4 object is over the Earth at one instant: geodetic latitude, longitude and height
 * (WGS-84), inertial and Earth-relative speed, and whether it is sunlit. Shared by the CLI
 * `where` command and the server's state/track routes so both answer the same numbers.
 */
import { sunPositionTemeM } from '../bodies/sun.js';
import { sunlitFraction } from '../bodies/shadow.js';
import type { Sgp4Propagator } from '../propagation/sgp4/sgp4Propagator.js';
import type { Epoch } from '../time/epoch.js';
import type { EopSource } from '../time/eop.js';
import { temeToItrfInto } from './earthFixed.js';
import { earthOrientation, type EarthOrientation } from './earthOrientation.js';
import { WGS84 } from '../bodies/earth.js';
import { itrfToGeodetic, type Geodetic } from './geodetic.js';

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
  readonly stateKm: Float64Array;
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
    stateKm: new Float64Array(6),
    rTemeM: new Float64Array(3),
    vTemeMps: new Float64Array(3),
    rItrfM: new Float64Array(3),
    vItrfMps: new Float64Array(3),
    sunM: new Float64Array(3),
  };
}

/**
 * SGP4 state at `at`, rotated TEME → ITRF with `eop` (UT1 = UTC and no polar motion when absent),
 * then to WGS-84 geodetic coordinates.
 * @throws Sgp4Error when SGP4 fails at that instant (e.g. the orbit has decayed).
 */
export function subSatelliteState(
  propagator: Sgp4Propagator,
  at: Epoch,
  eop?: EopSource,
  scratch: SubSatelliteScratch = subSatelliteScratch(),
): SubSatelliteState {
  const s = scratch;
  propagator.propagate(at, s.stateKm);
  for (let i = 0; i < 3; i++) {
    s.rTemeM[i] = s.stateKm[i] * 1e3;
    s.vTemeMps[i] = s.stateKm[i + 3] * 1e3;
  }
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
