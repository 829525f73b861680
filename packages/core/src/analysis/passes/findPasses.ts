/**
 * Pass prediction: when a satellite rises above, culminates in, and sets below a minimum
 * elevation at a ground site, and whether (and how brightly) it can be seen with the eye.
 *
 * Method (events by root finding, not by fine stepping):
 * 1. Sample the elevation every h = P/40 (P the osculating period at the start; 139 s for the
 *    ISS). The elevation has one maximum per revolution (the line of sight sweeps past the site
 *    once an orbit; Earth rotation only shifts it), so with 40 samples per revolution every
 *    maximum — also one that barely grazes the threshold — shows up as a sample higher than both
 *    neighbours. Maxima are searched regardless of the threshold, so short low passes are not
 *    missed the way a threshold-crossing scan at a coarse step would miss them.
 * 2. Culmination: Brent's method on the elevation rate (analytic, from the ITRF velocity) on the
 *    two steps around that sample; golden-section on the elevation where the rate does not change
 *    sign there.
 * 3. Rise / set: walk back / forward from the culmination sample to the first sample below the
 *    threshold (beyond the window when the pass is in progress at its start or end) and solve
 *    elevation − threshold = 0 on that step with Brent's method (elevation is monotonic there).
 * 4. Visibility: on the pass, the satellite is visible while it is out of the Earth's umbra and
 *    the Sun is below the twilight elevation at the site; both boundaries are found with Brent's
 *    method on continuous functions (umbra margin, Sun elevation − twilight).
 *
 * Geometry is geometric: no atmospheric refraction (which lifts objects at the horizon by ~0.57°
 * and brings rise ~10 s earlier at 0°), no light time. Elevations are above the WGS-84 ellipsoid
 * normal at the site.
 */
import { RAD_PER_DEG } from '../../foundation/math/angles.js';
import { WGS84 } from '../../foundation/bodies/earth.js';
import {
  EARTH_SHADOW_RADIUS_M,
  shadowState,
  sunlitFraction,
  umbraMarginRad,
  type ShadowModel,
  type ShadowState,
} from '../../foundation/bodies/shadow.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import type { EopSource } from '../../foundation/time/eop.js';
import { ISS_STANDARD_MAGNITUDE, phaseAngleRad, satelliteMagnitude } from './magnitude.js';
import type { StateSource } from '../../foundation/frames/frameState.js';
import { PassGeometry, type ObserverSite } from './passGeometry.js';
import { brentRoot, goldenSectionMax } from '../../foundation/math/rootFinding.js';


/**
 * Default minimum elevation, deg: 10°. Below ~10° a pass is usually hidden by terrain and
 * buildings and dimmed by extinction; 10° is also the customary cut of published visible-pass
 * lists. Use 0 for the geometric horizon.
 */
export const DEFAULT_MIN_ELEVATION_DEG = 10;
/** Civil twilight ends when the Sun's centre is 6° below the horizon (USNO / Astronomical Almanac definition). */
export const CIVIL_TWILIGHT_SUN_ELEVATION_DEG = -6;

export interface PassOptions {
  /** Threshold for rise and set, deg (default {@link DEFAULT_MIN_ELEVATION_DEG}; 0 = horizon). */
  minElevationDeg?: number;
  /** Earth orientation (UT1−UTC, polar motion). Without it UT1 = UTC (warns once). */
  eop?: EopSource;
  /** The site is dark when the Sun is below this elevation, deg (default −6, civil twilight). */
  twilightSunElevationDeg?: number;
  /** Standard magnitude (1000 km, 90° phase) for the magnitude estimate (default ISS −1.8). */
  standardMagnitude?: number;
  /** Earth shadow model for "sunlit" (default conical: sunlit = not in the umbra). */
  shadowModel?: ShadowModel;
  /** Coarse sampling step, s (default: osculating period / 40). */
  stepSeconds?: number;
  /** Event time tolerance, s (default 1e-3). */
  timeToleranceS?: number;
}

/** Where the satellite is at one instant of a pass. */
export interface PassPoint {
  epoch: Epoch;
  /** Azimuth from true north through east, deg [0, 360). */
  azimuthDeg: number;
  elevationDeg: number;
  rangeKm: number;
}

/** A stretch of a pass during which the satellite is sunlit and the sky dark. */
export interface VisibleWindow {
  start: PassPoint;
  end: PassPoint;
}

export interface Pass {
  /** Crossing of the minimum elevation upwards (may precede the search window: see inProgressAtStart). */
  rise: PassPoint;
  /** Highest point. */
  culmination: PassPoint;
  /** Crossing of the minimum elevation downwards (may follow the search window). */
  set: PassPoint;
  maxElevationDeg: number;
  durationS: number;
  /** The satellite was already above the minimum elevation at the window start. */
  inProgressAtStart: boolean;
  /** The satellite is still above the minimum elevation at the window end. */
  inProgressAtEnd: boolean;
  /** Some part of the pass has the satellite sunlit while the site is dark. */
  visible: boolean;
  /** The visible parts (usually one; empty when not visible). */
  visibleWindows: VisibleWindow[];
  /** Brightest estimated visual magnitude while visible; null when not visible. */
  magnitude: number | null;
  /** When that magnitude is reached; null when not visible. */
  magnitudeEpoch: Epoch | null;
  /** Sun elevation at the site at culmination, deg. */
  sunElevationAtCulminationDeg: number;
  /** Illumination of the satellite at culmination. */
  illuminationAtCulmination: ShadowState;
}

/** Osculating period (s) from a TEME state in km, km/s (WGS-84 GM; the step only needs ~1 %). */
function osculatingPeriodS(rKm: Float64Array, vKmS: Float64Array): number {
  const mu = WGS84.gmM3PerS2 / 1e9;
  const r = Math.hypot(rKm[0], rKm[1], rKm[2]);
  const v2 = vKmS[0] * vKmS[0] + vKmS[1] * vKmS[1] + vKmS[2] * vKmS[2];
  const inverseA = 2 / r - v2 / mu;
  if (!(inverseA > 0)) throw new RangeError('findPasses: the orbit is not closed (escape velocity); passes are undefined');
  const a = 1 / inverseA;
  return 2 * Math.PI * Math.sqrt((a * a * a) / mu);
}

/** How far beyond the window a pass in progress is followed to its rise or set. */
const MAX_EXTENSION_S = 86400;

/**
 * Passes of the satellite whose states `source` gives (any Propagator: SGP4, an ephemeris…) over `observer` that are above
 * `minElevationDeg` at some time within [start, end]. Events are true events: the rise of a pass
 * in progress at `start` lies before `start` (flagged `inProgressAtStart`).
 */
export function findPasses(source: StateSource, observer: ObserverSite, start: Epoch, end: Epoch, options: PassOptions = {}): Pass[] {
  const minElevationDeg = options.minElevationDeg ?? DEFAULT_MIN_ELEVATION_DEG;
  if (!(minElevationDeg > -90 && minElevationDeg < 90)) {
    throw new RangeError(`minElevationDeg must be between -90 and 90 (exclusive), got ${minElevationDeg}`);
  }
  const twilightDeg = options.twilightSunElevationDeg ?? CIVIL_TWILIGHT_SUN_ELEVATION_DEG;
  if (!(twilightDeg >= -90 && twilightDeg <= 90)) {
    throw new RangeError(`twilightSunElevationDeg must be between -90 and 90, got ${twilightDeg}`);
  }
  const span = end.secondsSince(start);
  if (!(span > 0)) throw new RangeError(`findPasses: end (${end.toIsoUtc()}) must be after start (${start.toIsoUtc()})`);
  const xTol = options.timeToleranceS ?? 1e-3;
  if (!(xTol > 0)) throw new RangeError(`timeToleranceS must be positive, got ${xTol}`);

  const geom = new PassGeometry(source, observer, start, options.eop);
  geom.evaluate(0);
  let h = options.stepSeconds;
  if (h === undefined) {
    const rKm = new Float64Array([geom.rTemeM[0] / 1000, geom.rTemeM[1] / 1000, geom.rTemeM[2] / 1000]);
    const vKmS = new Float64Array([geom.vTemeMps[0] / 1000, geom.vTemeMps[1] / 1000, geom.vTemeMps[2] / 1000]);
    h = Math.min(osculatingPeriodS(rKm, vKmS) / 40, 600);
  }
  if (!(h > 0)) throw new RangeError(`stepSeconds must be positive, got ${h}`);
  const step = h;
  const threshold = minElevationDeg * RAD_PER_DEG;

  // Lazily sampled elevation on the grid t_k = k·h (k may be negative: before the window).
  const samples = new Map<number, number>();
  const el = (k: number): number => {
    let v = samples.get(k);
    if (v === undefined) {
      v = geom.elevationAt(k * step);
      samples.set(k, v);
    }
    return v;
  };
  const maxExtensionSteps = Math.ceil(MAX_EXTENSION_S / step);
  const lastIndex = Math.ceil(span / step);
  // Widen the scan while the satellite is up at the ends, so passes in progress are whole.
  let kLo = -1;
  while (el(kLo) >= threshold && -kLo < maxExtensionSteps) kLo--;
  let kHi = lastIndex + 1;
  while (el(kHi) >= threshold && kHi - lastIndex < maxExtensionSteps) kHi++;
  if (el(kLo) >= threshold || el(kHi) >= threshold) throw neverSets(minElevationDeg);

  const passes: Pass[] = [];
  let previous: { setIndex: number; pass: Pass } | undefined;
  for (let k = kLo + 1; k < kHi; k++) {
    const e = el(k);
    if (!(e > el(k - 1) && e >= el(k + 1))) continue;
    const tc = culminationTime(geom, (k - 1) * step, (k + 1) * step, xTol);
    const elMax = geom.elevationAt(tc);
    if (elMax < threshold) continue;
    // Same pass as the previous maximum (elevation dipped but stayed above the threshold)?
    if (previous && k < previous.setIndex) {
      if (elMax > previous.pass.maxElevationDeg * RAD_PER_DEG) {
        previous.pass.culmination = pointAt(geom, tc);
        previous.pass.maxElevationDeg = elMax / RAD_PER_DEG;
      }
      continue;
    }
    let j = k - 1;
    while (el(j) >= threshold && k - j < 2 * maxExtensionSteps) j--;
    let m = k + 1;
    while (el(m) >= threshold && m - k < 2 * maxExtensionSteps) m++;
    if (el(j) >= threshold || el(m) >= threshold) throw neverSets(minElevationDeg);
    // Bracket ends at or above the threshold: the walk's last sample, or the culmination itself
    // (a grazing pass can be above the threshold only between two samples).
    const tRise = crossing(geom, threshold, j * step, j + 1 < k ? (j + 1) * step : tc, xTol);
    const tSet = crossing(geom, threshold, m - 1 > k ? (m - 1) * step : tc, m * step, xTol);
    if (tRise > span || tSet < 0) {
      previous = undefined;
      continue;
    }
    const pass: Pass = {
      rise: pointAt(geom, tRise),
      culmination: pointAt(geom, tc),
      set: pointAt(geom, tSet),
      maxElevationDeg: elMax / RAD_PER_DEG,
      durationS: tSet - tRise,
      inProgressAtStart: tRise < 0,
      inProgressAtEnd: tSet > span,
      visible: false,
      visibleWindows: [],
      magnitude: null,
      magnitudeEpoch: null,
      sunElevationAtCulminationDeg: 0,
      illuminationAtCulmination: 'sunlit',
    };
    passes.push(pass);
    previous = { setIndex: m, pass };
  }

  const model = options.shadowModel ?? 'conical';
  const standardMagnitude = options.standardMagnitude ?? ISS_STANDARD_MAGNITUDE;
  for (const pass of passes) {
    describeVisibility(geom, pass, start, twilightDeg * RAD_PER_DEG, model, standardMagnitude, xTol);
  }
  return passes;
}

function neverSets(minElevationDeg: number): RangeError {
  return new RangeError(
    `findPasses: the satellite stays above ${minElevationDeg}° for more than a day beyond the window; ` +
      'rise/set passes are undefined for an object that does not set (e.g. geostationary)',
  );
}

/** Time of maximum elevation in [a, b] (seconds from the reference). */
function culminationTime(geom: PassGeometry, a: number, b: number, xTol: number): number {
  const rateA = geom.elevationRateAt(a);
  const rateB = geom.elevationRateAt(b);
  if (rateA > 0 && rateB < 0) {
    return brentRoot((t) => geom.elevationRateAt(t), a, b, rateA, rateB, xTol);
  }
  return goldenSectionMax((t) => geom.elevationAt(t), a, b, xTol);
}

/** Time in [a, b] where the elevation crosses `threshold` (one end below it, the other not). */
function crossing(geom: PassGeometry, threshold: number, a: number, b: number, xTol: number): number {
  const f = (t: number) => geom.elevationAt(t) - threshold;
  return brentRoot(f, a, b, f(a), f(b), xTol);
}

function pointAt(geom: PassGeometry, t: number): PassPoint {
  geom.evaluate(t);
  return {
    epoch: geom.epoch,
    azimuthDeg: geom.azimuthRad() / RAD_PER_DEG,
    elevationDeg: geom.elevationRad() / RAD_PER_DEG,
    rangeKm: geom.rangeM() / 1000,
  };
}

/** Continuous "out of shadow" margin: > 0 sunlit (conical: outside the umbra), < 0 shadowed. */
function litMargin(geom: PassGeometry, model: ShadowModel): number {
  if (model === 'conical') return umbraMarginRad(geom.rTemeM, geom.sunTemeM);
  // Cylindrical: on the night side, distance from the shadow cylinder's axis in Earth radii − 1.
  const r = geom.rTemeM;
  const s = geom.sunTemeM;
  const along = (r[0] * s[0] + r[1] * s[1] + r[2] * s[2]) / Math.hypot(s[0], s[1], s[2]);
  if (along >= 0) return 1;
  const perp = Math.sqrt(Math.max(0, r[0] * r[0] + r[1] * r[1] + r[2] * r[2] - along * along));
  return perp / EARTH_SHADOW_RADIUS_M - 1;
}

const VISIBILITY_STEP_S = 10;

/** Fill the visibility fields of `pass` (sunlit satellite, dark site) and its magnitude. */
function describeVisibility(
  geom: PassGeometry,
  pass: Pass,
  reference: Epoch,
  twilightRad: number,
  model: ShadowModel,
  standardMagnitude: number,
  xTol: number,
): void {
  const t0 = pass.rise.epoch.secondsSince(reference);
  const t1 = pass.set.epoch.secondsSince(reference);
  const dark = (t: number): number => {
    geom.evaluate(t);
    return twilightRad - geom.evaluateSun();
  };
  const lit = (t: number): number => {
    geom.evaluate(t);
    geom.evaluateSun();
    return litMargin(geom, model);
  };

  const tc = pass.culmination.epoch.secondsSince(reference);
  geom.evaluate(tc);
  pass.sunElevationAtCulminationDeg = geom.evaluateSun() / RAD_PER_DEG;
  pass.illuminationAtCulmination = shadowState(geom.rTemeM, geom.sunTemeM, model);

  // Boundaries where either condition changes, found on a 10 s grid and refined by Brent.
  const n = Math.max(2, Math.ceil((t1 - t0) / VISIBILITY_STEP_S));
  const boundaries: number[] = [];
  let prevT = t0;
  let prevDark = dark(t0);
  let prevLit = lit(t0);
  for (let i = 1; i <= n; i++) {
    const t = i === n ? t1 : t0 + ((t1 - t0) * i) / n;
    const d = dark(t);
    const l = lit(t);
    if (Math.sign(d) !== Math.sign(prevDark) && d !== 0 && prevDark !== 0) boundaries.push(brentRoot(dark, prevT, t, prevDark, d, xTol));
    if (Math.sign(l) !== Math.sign(prevLit) && l !== 0 && prevLit !== 0) boundaries.push(brentRoot(lit, prevT, t, prevLit, l, xTol));
    prevT = t;
    prevDark = d;
    prevLit = l;
  }
  boundaries.sort((a, b) => a - b);
  const cuts = [t0, ...boundaries, t1];
  const windows: Array<[number, number]> = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    if (b - a <= 0) continue;
    const mid = 0.5 * (a + b);
    if (dark(mid) > 0 && lit(mid) > 0) {
      const last = windows[windows.length - 1];
      if (last && a - last[1] <= xTol) last[1] = b;
      else windows.push([a, b]);
    }
  }
  pass.visibleWindows = windows.map(([a, b]) => ({ start: pointAt(geom, a), end: pointAt(geom, b) }));
  pass.visible = windows.length > 0;
  if (!pass.visible) return;

  // Brightest point: sample each window every ~5 s, then golden-section around the best sample.
  const magnitudeAt = (t: number): number => {
    geom.evaluate(t);
    geom.evaluateSun();
    return estimatedMagnitude(geom, standardMagnitude);
  };
  let best = Infinity;
  let bestT = t0;
  for (const [a, b] of windows) {
    const m = Math.max(2, Math.ceil((b - a) / 5));
    let localBest = Infinity;
    let localI = 0;
    for (let i = 0; i <= m; i++) {
      const mag = magnitudeAt(a + ((b - a) * i) / m);
      if (mag < localBest) {
        localBest = mag;
        localI = i;
      }
    }
    const lo = a + ((b - a) * Math.max(0, localI - 1)) / m;
    const hi = a + ((b - a) * Math.min(m, localI + 1)) / m;
    const tBest = goldenSectionMax((t) => -magnitudeAt(t), lo, hi, 0.1);
    const magBest = magnitudeAt(tBest);
    const [tWin, magWin] = magBest <= localBest ? [tBest, magBest] : [a + ((b - a) * localI) / m, localBest];
    if (magWin < best) {
      best = magWin;
      bestT = tWin;
    }
  }
  pass.magnitude = best;
  geom.evaluate(bestT);
  pass.magnitudeEpoch = geom.epoch;
}

/**
 * Magnitude at the last evaluated geometry (satellite + Sun): diffuse sphere at the current
 * range and phase, dimmed by −2.5 log10(ν) in the penumbra (ν = visible fraction of the Sun).
 */
function estimatedMagnitude(geom: PassGeometry, standardMagnitude: number): number {
  const r = geom.rTemeM;
  const s = geom.sunTemeM;
  const o = geom.observerTeme();
  const toSun = [s[0] - r[0], s[1] - r[1], s[2] - r[2]];
  const toObserver = [o[0] - r[0], o[1] - r[1], o[2] - r[2]];
  const nu = sunlitFraction(r, s);
  if (nu <= 0) return Infinity;
  const mag = satelliteMagnitude(standardMagnitude, geom.rangeM(), phaseAngleRad(toSun, toObserver));
  return mag - 2.5 * Math.log10(nu);
}
