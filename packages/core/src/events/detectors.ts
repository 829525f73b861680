/**
 * Ready-made event detectors for orbit states y = [x, y, z, vx, vy, vz, ...] (m, m/s, geocentric
 * inertial frame, e.g. GCRF). Each is a plain object built from options; the frame-dependent parts
 * (geodetic altitude, Sun position, station elevation) come in as callbacks so the propagator can
 * supply its own models.
 */
import { WGS84 } from '../bodies/earth.js';
import { shadowAngles, type ShadowAngles } from '../bodies/shadow.js';
import { lookAngles, type LookAngles, type Observer } from '../frames/topocentric.js';
import type { EventAction, EventDetector, EventDirection } from './types.js';

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
  g: (t: number, y: Float64Array) => number,
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
export function sphericalAltitudeM(_t: number, y: Float64Array): number {
  return Math.hypot(y[0], y[1], y[2]) - WGS84.aM;
}

export interface AltitudeDetectorOptions extends DetectorOptions {
  /** Altitude to detect, m. */
  thresholdM: number;
  /** Altitude of the state, m; default {@link sphericalAltitudeM}. Pass the geodetic altitude in real use. */
  altitudeM?: (t: number, y: Float64Array) => number;
  /** 'descending' (falling through the threshold, default), 'ascending' or 'both'. */
  crossing?: 'descending' | 'ascending' | 'both';
}

/** Altitude crossing: g = altitude − threshold (decreasing = falling through it). */
export function altitudeDetector(o: AltitudeDetectorOptions): EventDetector {
  if (!Number.isFinite(o?.thresholdM)) throw new RangeError(`thresholdM must be a finite number of metres, got ${o?.thresholdM}`);
  const altitude = o.altitudeM ?? sphericalAltitudeM;
  const threshold = o.thresholdM;
  const direction = pick('crossing', o.crossing, 'descending', { descending: 'decreasing', ascending: 'increasing', both: 'both' });
  return build({ name: `altitude ${threshold} m`, direction }, (t, y) => altitude(t, y) - threshold, o);
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
    (_t, y) => y[0] * y[3] + y[1] * y[4] + y[2] * y[5],
    o,
  );
}

export interface NodeDetectorOptions extends DetectorOptions {
  node?: 'ascending' | 'descending' | 'both';
}

/** Equator crossings: g = z (inertial); increasing at the ascending node. */
export function nodeDetector(o: NodeDetectorOptions = {}): EventDetector {
  const direction = pick('node', o.node, 'both', { ascending: 'increasing', descending: 'decreasing', both: 'both' });
  return build({ name: o.node ? `${o.node} node` : 'nodes', direction }, (_t, y) => y[2], o);
}

export interface EclipseDetectorOptions extends DetectorOptions {
  /** Geocentric Sun position at t, same frame as y, m, written into `out`. */
  sunPositionM: (t: number, out: Float64Array) => void;
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
  if (typeof o?.sunPositionM !== 'function') throw new TypeError('sunPositionM must be a function (t, out) => void');
  const boundary = o.boundary ?? 'umbra';
  if (boundary !== 'umbra' && boundary !== 'penumbra') throw new RangeError(`boundary must be 'umbra' or 'penumbra', got ${String(boundary)}`);
  const direction = pick('transition', o.transition, 'both', { entry: 'decreasing', exit: 'increasing', both: 'both' });
  const sun = new Float64Array(3);
  const angles: ShadowAngles = { sunRadiusRad: 0, earthRadiusRad: 0, separationRad: 0 };
  const sunPosition = o.sunPositionM;
  const umbra = boundary === 'umbra';
  return build(
    { name: `${boundary} ${o.transition ?? 'entry/exit'}`, direction },
    (t, y) => {
      sunPosition(t, sun);
      const { sunRadiusRad: a, earthRadiusRad: b, separationRad: c } = shadowAngles(y, sun, angles);
      return umbra ? c - (b - a) : c - (a + b);
    },
    o,
  );
}

export interface ElevationDetectorOptions extends DetectorOptions {
  /** Elevation of the satellite seen from the station at t, rad (see {@link stationElevation}). */
  elevationRad: (t: number, y: Float64Array) => number;
  /** Mask angle, rad (default 0). */
  minElevationRad?: number;
  /** 'rise', 'set' or 'both' (default). */
  transition?: 'rise' | 'set' | 'both';
}

/** Ground-station visibility: g = elevation − mask; rise is increasing. */
export function elevationDetector(o: ElevationDetectorOptions): EventDetector {
  if (typeof o?.elevationRad !== 'function') throw new TypeError('elevationRad must be a function (t, y) => number');
  const mask = o.minElevationRad ?? 0;
  if (!Number.isFinite(mask)) throw new RangeError(`minElevationRad must be finite, got ${mask}`);
  const direction = pick('transition', o.transition, 'both', { rise: 'increasing', set: 'decreasing', both: 'both' });
  const elevation = o.elevationRad;
  return build({ name: o.transition ?? 'rise/set', direction, maxCheckS: 30 }, (t, y) => elevation(t, y) - mask, o);
}

/**
 * Elevation callback for {@link elevationDetector}: `toItrfM(t, y, out)` writes the satellite's
 * ITRF position (the propagator's frame chain); elevation from frames/topocentric `lookAngles`.
 */
export function stationElevation(
  observer: Observer,
  toItrfM: (t: number, y: Float64Array, out: Float64Array) => void,
): (t: number, y: Float64Array) => number {
  const r = new Float64Array(3);
  const look: LookAngles = { azimuthRad: 0, elevationRad: 0, rangeM: 0, rangeRateMps: Number.NaN };
  return (t, y) => {
    toItrfM(t, y, r);
    return lookAngles(observer, r, undefined, look).elevationRad;
  };
}
