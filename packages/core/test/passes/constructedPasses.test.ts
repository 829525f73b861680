/**
 * Passes on constructed geometry with known answers.
 *
 * The "satellite" flies a straight line at constant speed in the observer's East-North-Up frame:
 * ρ_ENU(τ) = (v τ, d, H), τ = t − t_c. Its elevation is exactly atan2(H, hypot(v τ, d)), so rise,
 * set, culmination, maximum elevation and azimuths are known in closed form; the line is turned
 * into TEME with the project's frames (and the same zero EOP as the search) before the pass
 * finder sees it. The Sun is the real one at the chosen instants, which are found with
 * astronomy-engine's own searches (SearchAltitude / SearchHourAngle: independent of our frames).
 */
import * as Astronomy from 'astronomy-engine';
import { describe, expect, it } from 'vitest';
import { umbraMarginRad } from '../../src/foundation/bodies/shadow.js';
import { sunPositionTemeM } from '../../src/foundation/bodies/sun.js';
import { earthOrientation, emptyEarthOrientation } from '../../src/foundation/frames/earthOrientation.js';
import { itrfToTemeInto } from '../../src/foundation/frames/earthFixed.js';
import { createObserver } from '../../src/foundation/frames/topocentric.js';
import type { StateSource } from '../../src/foundation/frames/frameState.js';
import { findPasses, type ObserverSite } from '../../src/analysis/passes/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { constantEop } from '../../src/foundation/time/eop.js';

const DEG = Math.PI / 180;
const ZERO_EOP = constantEop({});
/**
 * The straight line is not an orbit (far from t_c its state is hyperbolic), so the coarse step
 * is given instead of derived from the osculating period: 139 s, what the ISS gets.
 */
const OPTS = { minElevationDeg: 10, eop: ZERO_EOP, stepSeconds: 139 };

interface Flyover {
  site: ObserverSite;
  tc: Epoch;
  /** Height above the site's horizontal plane, m. */
  heightM: number;
  /** Closest horizontal distance, m (north of the site). */
  offsetM: number;
  /** Speed along +east, m/s. */
  speedMps: number;
}

function flyoverState(f: Flyover): StateSource {
  const o = createObserver({ latRad: f.site.latDeg * DEG, lonRad: f.site.lonDeg * DEG, altM: f.site.altM });
  const { sinLat: sp, cosLat: cp, sinLon: sl, cosLon: cl } = o;
  const eo = emptyEarthOrientation();
  const r = new Float64Array(3);
  const v = new Float64Array(3);
  return {
    stateAt: (epoch) => {
      const tau = epoch.secondsSince(f.tc);
      const e = f.speedMps * tau;
      const n = f.offsetM;
      const u = f.heightM;
      // ENU → ITRF (transpose of the ENU rotation).
      r[0] = o.rItrfM[0] - sl * e - sp * cl * n + cp * cl * u;
      r[1] = o.rItrfM[1] + cl * e - sp * sl * n + cp * sl * u;
      r[2] = o.rItrfM[2] + cp * n + sp * u;
      v[0] = -sl * f.speedMps;
      v[1] = cl * f.speedMps;
      v[2] = 0;
      earthOrientation(epoch, ZERO_EOP, eo);
      const positionM = new Float64Array(3);
      const velocityMps = new Float64Array(3);
      itrfToTemeInto(eo, r, v, positionM, velocityMps);
      return { epoch, frame: 'TEME', positionM, velocityMps };
    },
  };
}

/** Closed-form time offset (s, ≥ 0) from culmination to the threshold crossing. */
function halfDuration(f: Flyover, thresholdDeg: number): number {
  const horizontal = f.heightM / Math.tan(thresholdDeg * DEG);
  return Math.sqrt(horizontal * horizontal - f.offsetM * f.offsetM) / f.speedMps;
}

function astroTimeToEpoch(t: Astronomy.AstroTime): Epoch {
  return Epoch.fromTtJulianDate(2451545.0, t.tt);
}

const paris: ObserverSite = { latDeg: 48.8566, lonDeg: 2.3522, altM: 35 };
const sydney: ObserverSite = { latDeg: -33.8688, lonDeg: 151.2093, altM: 20 };
const astroObserver = (s: ObserverSite) => new Astronomy.Observer(s.latDeg, s.lonDeg, s.altM);
const julyMidday = new Date(Date.UTC(2022, 6, 15, 12));

function sunAltitudeDeg(site: ObserverSite, epoch: Epoch): number {
  const time = Astronomy.AstroTime.FromTerrestrialTime(epoch.ttSecondsJ2000() / 86400);
  const eq = Astronomy.Equator(Astronomy.Body.Sun, time, astroObserver(site), true, true);
  return Astronomy.Horizon(time, astroObserver(site), eq.ra, eq.dec).altitude;
}

describe('rise / culmination / set on a straight-line flyover (closed form)', () => {
  const base: Flyover = { site: paris, tc: Epoch.fromIso('2022-07-15T12:00:00Z'), heightM: 500e3, offsetM: 300e3, speedMps: 7000 };
  const window = (f: Flyover, before: number, after: number) => [f.tc.plusSeconds(-before), f.tc.plusSeconds(after)] as const;

  it('times to 1 ms, maximum elevation to 1e-6°, azimuths to 1e-4°', () => {
    const [start, end] = window(base, 1800, 1800);
    const passes = findPasses(flyoverState(base), paris, start, end, OPTS);
    expect(passes).toHaveLength(1);
    const p = passes[0];
    const half = halfDuration(base, 10);
    expect(Math.abs(p.rise.epoch.secondsSince(base.tc) + half)).toBeLessThan(1e-3);
    expect(Math.abs(p.set.epoch.secondsSince(base.tc) - half)).toBeLessThan(1e-3);
    expect(Math.abs(p.culmination.epoch.secondsSince(base.tc))).toBeLessThan(1e-3);
    expect(p.maxElevationDeg).toBeCloseTo(Math.atan2(500, 300) / DEG, 6);
    // Rising in the west-north-west, culminating due north, setting in the east-north-east.
    const riseAz = Math.atan2(-base.speedMps * half, base.offsetM) / DEG + 360;
    // 1 ms of rise-time tolerance is up to ~1e-5° of azimuth here.
    expect(p.rise.azimuthDeg).toBeCloseTo(riseAz, 4);
    expect(p.set.azimuthDeg).toBeCloseTo(360 - riseAz, 4);
    // Due north: 0° or 360° − ε.
    expect(Math.min(p.culmination.azimuthDeg, 360 - p.culmination.azimuthDeg)).toBeLessThan(1e-6);
    expect(p.durationS).toBeCloseTo(2 * half, 2);
  });

  it('an exact zenith pass (elevation rate jumps at 90°) culminates at 90° on time', () => {
    const f = { ...base, offsetM: 0 };
    const [start, end] = window(f, 1800, 1800);
    const [p] = findPasses(flyoverState(f), paris, start, end, OPTS);
    expect(Math.abs(p.culmination.epoch.secondsSince(f.tc))).toBeLessThan(1e-3);
    expect(p.maxElevationDeg).toBeGreaterThan(89.999);
    expect(Math.abs(p.rise.epoch.secondsSince(f.tc) + halfDuration(f, 10))).toBeLessThan(1e-3);
  });

  it('a grazing pass above the threshold for less than one coarse step is found', () => {
    // Maximum 10.02°: above 10° for ~45 s while the coarse step is ~140 s.
    const f = { ...base, offsetM: 500e3 / Math.tan(10.02 * DEG) };
    const [start, end] = window(f, 1800, 1800);
    const passes = findPasses(flyoverState(f), paris, start, end, OPTS);
    expect(passes).toHaveLength(1);
    const half = halfDuration(f, 10);
    expect(2 * half).toBeLessThan(60);
    expect(passes[0].maxElevationDeg).toBeCloseTo(10.02, 6);
    expect(Math.abs(passes[0].rise.epoch.secondsSince(f.tc) + half)).toBeLessThan(1e-3);
    // Wherever the coarse grid falls relative to the culmination (both sides of a sample).
    for (let shift = 0; shift < 139; shift += 9.7) {
      const found = findPasses(flyoverState(f), paris, start.plusSeconds(shift), end, OPTS);
      expect(found, `grid shifted by ${shift} s`).toHaveLength(1);
      expect(Math.abs(found[0].set.epoch.secondsSince(f.tc) - half)).toBeLessThan(1e-3);
    }
    // …and one that peaks just below the threshold is not reported.
    const g = { ...base, offsetM: 500e3 / Math.tan(9.98 * DEG) };
    expect(findPasses(flyoverState(g), paris, start, end, OPTS)).toHaveLength(0);
  });

  it('passes in progress at the window start or end keep their true rise and set', () => {
    const half = halfDuration(base, 10);
    const state = flyoverState(base);
    const [atStart] = findPasses(state, paris, base.tc.plusSeconds(-60), base.tc.plusSeconds(3600), OPTS);
    expect(atStart.inProgressAtStart).toBe(true);
    expect(atStart.inProgressAtEnd).toBe(false);
    expect(Math.abs(atStart.rise.epoch.secondsSince(base.tc) + half)).toBeLessThan(1e-3);
    // Culmination after the window end: the scan follows the pass beyond it.
    const [atEnd] = findPasses(state, paris, base.tc.plusSeconds(-3600), base.tc.plusSeconds(-half + 30), OPTS);
    expect(atEnd.inProgressAtEnd).toBe(true);
    expect(Math.abs(atEnd.culmination.epoch.secondsSince(base.tc))).toBeLessThan(1e-3);
    expect(Math.abs(atEnd.set.epoch.secondsSince(base.tc) - half)).toBeLessThan(1e-3);
    // A window that ends before the rise has no pass.
    expect(findPasses(state, paris, base.tc.plusSeconds(-3600), base.tc.plusSeconds(-half - 5), OPTS)).toHaveLength(0);
  });

  it('rejects bad input with the field named', () => {
    const state = flyoverState(base);
    expect(() => findPasses(state, { ...paris, latDeg: 123 }, base.tc, base.tc.plusSeconds(60))).toThrow(/latDeg must be between -90 and 90, got 123/);
    expect(() => findPasses(state, paris, base.tc, base.tc.plusSeconds(-60))).toThrow(/end .* must be after start/);
    expect(() => findPasses(state, paris, base.tc, base.tc.plusSeconds(60), { minElevationDeg: 95 })).toThrow(/minElevationDeg/);
    // An object that never sets (here: hovering 500 km up, 45° high) is refused with a reason.
    const hover = flyoverState({ ...base, speedMps: 0, offsetM: 500e3 });
    expect(() => findPasses(hover, paris, base.tc, base.tc.plusSeconds(600), OPTS)).toThrow(/does not set/);
  });
});

describe('visibility: sunlit satellite, dark site (civil twilight, Sun below −6°)', () => {
  it('night site, sunlit satellite → visible (Paris, Sun 12° below the horizon, 500 km overhead)', () => {
    const t = Astronomy.SearchAltitude(Astronomy.Body.Sun, astroObserver(paris), -1, julyMidday, 1, -12);
    if (!t) throw new Error('no Sun −12° in Paris on 2022-07-15');
    const f: Flyover = { site: paris, tc: astroTimeToEpoch(t), heightM: 500e3, offsetM: 0, speedMps: 7000 };
    const [p] = findPasses(flyoverState(f), paris, f.tc.plusSeconds(-900), f.tc.plusSeconds(900), OPTS);
    expect(sunAltitudeDeg(paris, f.tc)).toBeLessThan(-11.9);
    expect(p.sunElevationAtCulminationDeg).toBeCloseTo(sunAltitudeDeg(paris, f.tc), 1);
    expect(p.illuminationAtCulmination).toBe('sunlit');
    expect(p.visible).toBe(true);
    const w = p.visibleWindows[0];
    expect(w.start.epoch.secondsSince(f.tc)).toBeLessThan(0);
    expect(w.end.epoch.secondsSince(f.tc)).toBeGreaterThan(0);
    // Brightest near the top: 500 km range, so at least 1.5 mag brighter than standard.
    expect(p.magnitude).not.toBeNull();
    expect(p.magnitude!).toBeLessThan(-1.8 - 1.5);
  });

  it('deep night, satellite in the umbra → not visible (Sydney, local midnight in July)', () => {
    const midnight = Astronomy.SearchHourAngle(Astronomy.Body.Sun, astroObserver(sydney), 12, julyMidday);
    const f: Flyover = { site: sydney, tc: astroTimeToEpoch(midnight.time), heightM: 500e3, offsetM: 100e3, speedMps: 7000 };
    const [p] = findPasses(flyoverState(f), sydney, f.tc.plusSeconds(-900), f.tc.plusSeconds(900), OPTS);
    expect(sunAltitudeDeg(sydney, f.tc)).toBeLessThan(-30);
    expect(p.illuminationAtCulmination).toBe('umbra');
    expect(p.visible).toBe(false);
    expect(p.visibleWindows).toHaveLength(0);
    expect(p.magnitude).toBeNull();
  });

  it('daytime site → not visible although the satellite is sunlit (Paris, local noon)', () => {
    const noon = Astronomy.SearchHourAngle(Astronomy.Body.Sun, astroObserver(paris), 0, new Date(julyMidday.getTime() - 86400e3));
    const f: Flyover = { site: paris, tc: astroTimeToEpoch(noon.time), heightM: 500e3, offsetM: 100e3, speedMps: 7000 };
    const [p] = findPasses(flyoverState(f), paris, f.tc.plusSeconds(-900), f.tc.plusSeconds(900), OPTS);
    // Sun at upper transit in Paris in mid-July: 90° − 48.86° + 21.4° ≈ 62.6°.
    expect(p.sunElevationAtCulminationDeg).toBeGreaterThan(60);
    expect(p.sunElevationAtCulminationDeg).toBeCloseTo(sunAltitudeDeg(paris, f.tc), 1);
    expect(p.illuminationAtCulmination).toBe('sunlit');
    expect(p.visible).toBe(false);
  });

  it('satellite entering the Earth shadow mid-pass → visible only until umbra entry', () => {
    // Sydney, evening, Sun 19° down: a 500 km overhead object is lit towards the west (Sun side)
    // and enters the umbra as it moves east; the visible window ends where the umbra begins.
    const t = Astronomy.SearchAltitude(Astronomy.Body.Sun, astroObserver(sydney), -1, new Date(Date.UTC(2022, 6, 15, 0)), 1, -19);
    if (!t) throw new Error('no Sun −19° in Sydney');
    const f: Flyover = { site: sydney, tc: astroTimeToEpoch(t), heightM: 500e3, offsetM: 0, speedMps: 7000 };
    const state = flyoverState(f);
    const [p] = findPasses(state, sydney, f.tc.plusSeconds(-900), f.tc.plusSeconds(900), OPTS);
    expect(p.visible).toBe(true);
    expect(p.visibleWindows).toHaveLength(1);
    const w = p.visibleWindows[0];
    expect(Math.abs(w.start.epoch.secondsSince(p.rise.epoch))).toBeLessThan(1e-6);
    expect(p.set.epoch.secondsSince(w.end.epoch)).toBeGreaterThan(10);
    // At the window end the satellite is on the umbra boundary (independent evaluation).
    const rM = state.stateAt(w.end.epoch).positionM;
    const margin = umbraMarginRad(rM, sunPositionTemeM(w.end.epoch));
    // 1 ms of motion changes the margin by ~1e-6 rad.
    expect(Math.abs(margin)).toBeLessThan(2e-6);
    // The magnitude is that of the lit part only, and finite.
    expect(Number.isFinite(p.magnitude!)).toBe(true);
    expect(p.magnitudeEpoch!.secondsSince(w.end.epoch)).toBeLessThanOrEqual(0);
  });
});
