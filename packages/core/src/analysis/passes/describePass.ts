/**
 * A found pass described: its rise, culmination and set points, and its visibility — when the
 * satellite is sunlit while the site is dark, and how bright it is then (findPasses.ts step 3).
 */
import { RAD_PER_DEG } from '../../foundation/math/angles.js';
import {
  EARTH_SHADOW_RADIUS_M,
  shadowState,
  sunlitFraction,
  umbraMarginRad,
  type ShadowModel,
} from '../../foundation/bodies/shadow.js';
import type { Epoch } from '../../foundation/time/epoch.js';
import { brentRoot, goldenSectionMax } from '../../foundation/math/rootFinding.js';
import type { Pass, PassPoint } from './findPasses.js';
import { phaseAngleRad, satelliteMagnitude } from './magnitude.js';
import type { PassGeometry } from './passGeometry.js';
import type { PassTimes } from './passSearch.js';

/** How visibility is judged (findPasses's options, resolved). */
export interface VisibilitySettings {
  /** The site is dark when the Sun is below this elevation, rad. */
  twilightRad: number;
  shadowModel: ShadowModel;
  standardMagnitude: number;
  timeToleranceS: number;
}

/** The pass whose events `times` are (s after the geometry's reference), its visibility filled in. */
export function describePass(geom: PassGeometry, times: PassTimes, spanS: number, settings: VisibilitySettings): Pass {
  const { riseS, culminationS, setS } = times;
  const culmination = pointAt(geom, culminationS);
  const pass: Pass = {
    rise: pointAt(geom, riseS),
    culmination,
    set: pointAt(geom, setS),
    maxElevationDeg: culmination.elevationDeg,
    durationS: setS - riseS,
    inProgressAtStart: riseS < 0,
    inProgressAtEnd: setS > spanS,
    visible: false,
    visibleWindows: [],
    magnitude: null,
    magnitudeEpoch: null,
    sunElevationAtCulminationDeg: 0,
    illuminationAtCulmination: 'sunlit',
  };
  const { twilightRad, shadowModel, standardMagnitude, timeToleranceS } = settings;
  describeVisibility(geom, pass, geom.reference, twilightRad, shadowModel, standardMagnitude, timeToleranceS);
  return pass;
}

/** Where the satellite is `t` s after the geometry's reference. */
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
