/**
 * Ready-made event detectors on a {@link FrameState} (epoch, frame GCRF or TEME, position m,
 * velocity m/s), so the same detector runs on SGP4, numerical and averaged propagation. Each is a
 * plain object built from options; the frame-dependent parts (geodetic altitude, Sun position,
 * station elevation) come in as callbacks so a run can supply its own (cached) models.
 */
import { WGS84 } from '../../foundation/bodies/earth.js';
import { shadowAngles, type ShadowAngles } from '../../foundation/bodies/shadow.js';
import { temeToItrfInto } from '../../foundation/frames/earthFixed.js';
import { earthOrientation, emptyEarthOrientation } from '../../foundation/frames/earthOrientation.js';
import { gcrfToItrfInto } from '../../foundation/frames/fk5.js';
import { stateInFrame, type FrameState, type StateSource } from '../../foundation/frames/frameState.js';
import { elevationRateRadPerS, itrfToEnu, lookAngles, type LookAngles, type Observer } from '../../foundation/frames/topocentric.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import type { EventAction, EventDirection, EventDetector } from './types.js';

/** Settings every built-in detector accepts (see {@link EventDetector}). */
export interface DetectorOptions {
  name?: string;
  action?: EventDetector['action'];
  resetState?: EventDetector['resetState'];
  maxCheckS?: number;
  timeToleranceS?: number;
}

function build(
  defaults: { name: string; direction: EventDirection; maxCheckS?: number },
  g: (state: FrameState) => number,
  o: DetectorOptions,
): EventDetector {
  const detector: EventDetector = {
    name: o.name ?? defaults.name,
    g,
    direction: defaults.direction,
    action: o.action ?? ('continue' as EventAction),
    resetState: o.resetState,
    maxCheckS: o.maxCheckS ?? defaults.maxCheckS,
    timeToleranceS: o.timeToleranceS,
  };
  return detector;
}

function pick<T extends string>(field: string, value: T | undefined, fallback: T, map: Record<T, EventDirection>): EventDirection {
  const v = value ?? fallback;
  const d = map[v];
  if (d === undefined) throw new RangeError(`${field} must be one of ${Object.keys(map).join(', ')}, got ${String(value)}`);
  return d;
}

/** Height above a sphere of the WGS-84 equatorial radius, m: a crude default (up to 21 km low at the poles). */
export function sphericalAltitudeM(state: FrameState): number {
  const r = state.positionM;
  return Math.hypot(r[0], r[1], r[2]) - WGS84.aM;
}

export interface AltitudeDetectorOptions extends DetectorOptions {
  /** Altitude to detect, m. */
  thresholdM: number;
  /** Altitude of the state, m; default {@link sphericalAltitudeM}. Pass the geodetic altitude in real use. */
  altitudeM?: (state: FrameState) => number;
  /** 'descending' (falling through the threshold, default), 'ascending' or 'both'. */
  crossing?: 'descending' | 'ascending' | 'both';
}

/** Altitude crossing: g = altitude − threshold (decreasing = falling through it). */
export function altitudeDetector(o: AltitudeDetectorOptions): EventDetector {
  if (!Number.isFinite(o?.thresholdM)) throw new RangeError(`thresholdM must be a finite number of metres, got ${o?.thresholdM}`);
  const altitude = o.altitudeM ?? sphericalAltitudeM;
  const threshold = o.thresholdM;
  const direction = pick('crossing', o.crossing, 'descending', { descending: 'decreasing', ascending: 'increasing', both: 'both' });
  return build({ name: `altitude ${threshold} m`, direction }, (state) => altitude(state) - threshold, o);
}

export interface ApsideDetectorOptions extends DetectorOptions {
  apsis?: 'perigee' | 'apogee' | 'both';
}

/**
 * Apsides: g = r·v (= √(μa)·e·sin E for a Kepler orbit): increasing through 0 at perigee,
 * decreasing at apogee. Near-circular orbits have apsides that wander quickly under perturbations.
 */
export function apsideDetector(o: ApsideDetectorOptions = {}): EventDetector {
  const direction = pick('apsis', o.apsis, 'both', { perigee: 'increasing', apogee: 'decreasing', both: 'both' });
  return build(
    { name: o.apsis ?? 'apsides', direction },
    ({ positionM: r, velocityMps: v }) => r[0] * v[0] + r[1] * v[1] + r[2] * v[2],
    o,
  );
}

export interface NodeDetectorOptions extends DetectorOptions {
  node?: 'ascending' | 'descending' | 'both';
}

/**
 * Equator crossings: g = z of the state's frame (GCRF: the mean J2000 equator; TEME: the true
 * equator of date, ~0.3° apart in 2025); increasing at the ascending node.
 */
export function nodeDetector(o: NodeDetectorOptions = {}): EventDetector {
  const direction = pick('node', o.node, 'both', { ascending: 'increasing', descending: 'decreasing', both: 'both' });
  return build({ name: o.node ? `${o.node} node` : 'nodes', direction }, (state) => state.positionM[2], o);
}

export interface EclipseDetectorOptions extends DetectorOptions {
  /** Geocentric Sun position at `epoch`, m, in the frame of the states, written into `out`. */
  sunPositionM: (epoch: Epoch, out: Float64Array) => void;
  /** Boundary: umbra (total shadow, default) or penumbra (first loss of any sunlight). */
  boundary?: 'umbra' | 'penumbra';
  /** 'entry', 'exit' or 'both' (default). */
  transition?: 'entry' | 'exit' | 'both';
}

/**
 * Shadow entry/exit with the conical Earth-shadow model of bodies/shadow.ts (Montenbruck & Gill
 * §3.4.2): with a, b the apparent radii of Sun and Earth and c their separation seen from the
 * satellite, g = c − (b − a) for the umbra (= umbraMarginRad) and g = c − (a + b) for the
 * penumbra; both are positive outside, so entry is a decreasing crossing.
 */
export function eclipseDetector(o: EclipseDetectorOptions): EventDetector {
  if (typeof o?.sunPositionM !== 'function') throw new TypeError('sunPositionM must be a function (epoch, out) => void');
  const boundary = o.boundary ?? 'umbra';
  if (boundary !== 'umbra' && boundary !== 'penumbra') throw new RangeError(`boundary must be 'umbra' or 'penumbra', got ${String(boundary)}`);
  const direction = pick('transition', o.transition, 'both', { entry: 'decreasing', exit: 'increasing', both: 'both' });
  const sun = new Float64Array(3);
  const angles: ShadowAngles = { sunRadiusRad: 0, earthRadiusRad: 0, separationRad: 0 };
  const sunPosition = o.sunPositionM;
  const umbra = boundary === 'umbra';
  return build(
    { name: `${boundary} ${o.transition ?? 'entry/exit'}`, direction },
    (state) => {
      sunPosition(state.epoch, sun);
      const { sunRadiusRad: a, earthRadiusRad: b, separationRad: c } = shadowAngles(state.positionM, sun, angles);
      return umbra ? c - (b - a) : c - (a + b);
    },
    o,
  );
}

export interface ElevationDetectorOptions extends DetectorOptions {
  /** Elevation of the satellite seen from the station, rad (see {@link stationElevation}). */
  elevationRad: (state: FrameState) => number;
  /** Mask angle, rad (default 0). */
  minElevationRad?: number;
  /** 'rise', 'set' or 'both' (default). */
  transition?: 'rise' | 'set' | 'both';
}

/** Ground-station visibility: g = elevation − mask; rise is increasing. */
export function elevationDetector(o: ElevationDetectorOptions): EventDetector {
  if (typeof o?.elevationRad !== 'function') throw new TypeError('elevationRad must be a function (state) => number');
  const mask = o.minElevationRad ?? 0;
  if (!Number.isFinite(mask)) throw new RangeError(`minElevationRad must be finite, got ${mask}`);
  const direction = pick('transition', o.transition, 'both', { rise: 'increasing', set: 'decreasing', both: 'both' });
  const elevation = o.elevationRad;
  return build({ name: o.transition ?? 'rise/set', direction, maxCheckS: 30 }, (state) => elevation(state) - mask, o);
}

/**
 * Elevation callback for {@link elevationDetector}: `toItrfM(state, out)` writes the satellite's
 * ITRF position (default {@link itrfPositionM}: the full frame chain per call; a numerical run
 * passes its cached chain); elevation from frames/topocentric `lookAngles`.
 */
export function stationElevation(
  observer: Observer,
  toItrfM: (state: FrameState, out: Float64Array) => void = itrfPositionM(),
): (state: FrameState) => number {
  const r = new Float64Array(3);
  const look: LookAngles = { azimuthRad: 0, elevationRad: 0, rangeM: 0, rangeRateMps: Number.NaN };
  return (state) => {
    toItrfM(state, r);
    return lookAngles(observer, r, undefined, look).elevationRad;
  };
}

/**
 * ITRF position of a GCRF or TEME state, m, into `out` (and its ITRF velocity, m/s, into `vOut`
 * when given): TEME → ITRF (GMST + polar motion, frames/earthFixed.ts) or GCRF → ITRF via TEME
 * (FK5, frames/fk5.ts); without `eop` UT1 = UTC.
 */
export function itrfPositionM(eop?: EopSource): (state: FrameState, out: Float64Array, vOut?: Float64Array) => void {
  const eo = emptyEarthOrientation();
  return (state, out, vOut) => {
    const v = vOut ? state.velocityMps : null;
    if (state.frame === 'TEME') temeToItrfInto(earthOrientation(state.epoch, eop, eo), state.positionM, v, out, vOut ?? null);
    else gcrfToItrfInto(state.epoch, state.positionM, v, out, vOut ?? null, eop);
  };
}

export interface CulminationDetectorOptions extends DetectorOptions {
  /** Elevation rate of the state seen from the station, rad/s (see {@link stationElevationRate}). */
  elevationRateRadPerS: (state: FrameState) => number;
  /** 'maximum' (a culmination, default), 'minimum' or 'both'. */
  extremum?: 'maximum' | 'minimum' | 'both';
}

/**
 * Elevation extrema (Orekit's ElevationExtremumDetector): g = d(elevation)/dt; a + → − zero is a
 * maximum (culmination). A maximum is found whatever its height, so a pass that grazes a mask for
 * less than the sampling step still shows up here, which an {@link elevationDetector} at that step
 * would miss (the pass finder searches the rises and sets around each such maximum).
 */
export function culminationDetector(o: CulminationDetectorOptions): EventDetector {
  if (typeof o?.elevationRateRadPerS !== 'function') throw new TypeError('elevationRateRadPerS must be a function (state) => number');
  const direction = pick('extremum', o.extremum, 'maximum', { maximum: 'decreasing', minimum: 'increasing', both: 'both' });
  const name = { maximum: 'culmination', minimum: 'elevation minimum', both: 'elevation extremum' }[o.extremum ?? 'maximum'];
  return build({ name, direction, maxCheckS: 30 }, o.elevationRateRadPerS, o);
}

/**
 * Elevation-rate callback for {@link culminationDetector}: `toItrfM(state, r, v)` writes the
 * satellite's ITRF position and velocity (default {@link itrfPositionM}); the rate is that of the
 * ENU line of sight (frames/topocentric `elevationRateRadPerS`).
 */
export function stationElevationRate(
  observer: Observer,
  toItrfM: (state: FrameState, out: Float64Array, vOut: Float64Array) => void = itrfPositionM(),
): (state: FrameState) => number {
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  const los = new Float64Array(3);
  const origin = { ...observer, rItrfM: new Float64Array(3) }; // velocities rotate without the site offset
  const rate = new Float64Array(3);
  return (state) => {
    toItrfM(state, r, v);
    itrfToEnu(observer, r, los);
    itrfToEnu(origin, v, rate);
    return elevationRateRadPerS(los[0], los[1], los[2], rate[0], rate[1], rate[2]);
  };
}

export interface ClosestApproachDetectorOptions extends DetectorOptions {
  /** The other object's states (any propagator; turned into the frame of the states seen). */
  other: StateSource;
}

/**
 * Closest approaches to another object: g = (r − r₂)·(v − v₂), the relative range rate times the
 * range; a − → + zero is a minimum of the distance (a TCA), a + → − zero a maximum.
 */
export function closestApproachDetector(o: ClosestApproachDetectorOptions): EventDetector {
  if (typeof o?.other?.stateAt !== 'function') throw new TypeError('other must be a state source with stateAt(epoch)');
  const other = o.other;
  return build(
    { name: 'closest approach', direction: 'increasing', maxCheckS: 20 },
    (state) => {
      const s2 = stateInFrame(other.stateAt(state.epoch), state.frame);
      const r = state.positionM;
      const v = state.velocityMps;
      const r2 = s2.positionM;
      const v2 = s2.velocityMps;
      return (r[0] - r2[0]) * (v[0] - v2[0]) + (r[1] - r2[1]) * (v[1] - v2[1]) + (r[2] - r2[2]) * (v[2] - v2[2]);
    },
    o,
  );
}
