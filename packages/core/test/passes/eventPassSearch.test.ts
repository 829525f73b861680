/**
 * The pass search on the event machinery (findEvents with a culmination and an elevation
 * detector) against the pass finder's former own scan (legacyPassScan.ts): the same passes, ISS
 * over 10 days at four sites, masks 0° and 10°, at the ISS's own step (139 s) and at a 600 s step
 * where most passes are shorter than a step (the grazing-pass branch). Both searches refine with
 * Brent's method to 1 ms, so the event times agree within that; what follows from the times (the
 * visibility windows, the brightest magnitude) must agree to what 1 ms can move it.
 */
import { describe, expect, it } from 'vitest';
import { describePass } from '../../src/analysis/passes/describePass.js';
import { CIVIL_TWILIGHT_SUN_ELEVATION_DEG, findPasses, type Pass, type PassOptions, type PassPoint } from '../../src/analysis/passes/findPasses.js';
import { ISS_STANDARD_MAGNITUDE } from '../../src/analysis/passes/magnitude.js';
import { PassGeometry, type ObserverSite } from '../../src/analysis/passes/passGeometry.js';
import { RAD_PER_DEG } from '../../src/foundation/math/angles.js';
import { ISS_SAMPLE_TLE } from '../../src/foundation/samples.js';
import { constantEop } from '../../src/foundation/time/eop.js';
import { parseElements } from '../../src/foundation/formats/index.js';
import { Sgp4Propagator } from '../../src/propagation/sgp4/index.js';
import { legacyPassTimes } from './legacyPassScan.js';

const SGP4 = Sgp4Propagator.fromElements(parseElements(ISS_SAMPLE_TLE).records[0]);
const START = SGP4.epoch.plusSeconds(-3600); // a pass may be in progress at either end
const END = START.plusSeconds(10 * 86400);
const EOP = constantEop({ ut1MinusUtcS: -0.1, xpArcsec: 0.1, ypArcsec: 0.3 });
const SITES: Record<string, ObserverSite> = {
  houston: { latDeg: 29.56, lonDeg: -95.09, altM: 10 },
  paris: { latDeg: 48.8566, lonDeg: 2.3522, altM: 35 },
  sydney: { latDeg: -33.8688, lonDeg: 151.2093, altM: 20 },
  // North of the ISS's 51.6° inclination: only low passes, many of them grazing a 10° mask.
  reykjavik: { latDeg: 64.1466, lonDeg: -21.9426, altM: 20 },
};
const TOLERANCE_S = 1e-3;

/** The passes the former scan finds, described by the same code as the new ones. */
function legacyPasses(site: ObserverSite, options: PassOptions & { stepSeconds: number; minElevationDeg: number }): Pass[] {
  const geom = new PassGeometry(SGP4, site, START, EOP);
  const spanS = END.secondsSince(START);
  const settings = { twilightRad: CIVIL_TWILIGHT_SUN_ELEVATION_DEG * RAD_PER_DEG, shadowModel: 'conical' as const, standardMagnitude: ISS_STANDARD_MAGNITUDE, timeToleranceS: TOLERANCE_S };
  return legacyPassTimes(geom, spanS, options.stepSeconds, options.minElevationDeg, TOLERANCE_S).map((t) => describePass(geom, t, spanS, settings));
}

const dt = (a: PassPoint, b: PassPoint) => Math.abs(a.epoch.secondsSince(b.epoch));

/** Largest differences between two pass lists that must be the same passes. */
function compare(now: Pass[], before: Pass[]) {
  expect(now.length).toBe(before.length);
  let eventS = 0;
  let windowS = 0;
  let magnitude = 0;
  now.forEach((p, k) => {
    const q = before[k];
    eventS = Math.max(eventS, dt(p.rise, q.rise), dt(p.culmination, q.culmination), dt(p.set, q.set));
    expect([p.inProgressAtStart, p.inProgressAtEnd, p.visible, p.illuminationAtCulmination]).toEqual([q.inProgressAtStart, q.inProgressAtEnd, q.visible, q.illuminationAtCulmination]);
    expect(p.visibleWindows.length).toBe(q.visibleWindows.length);
    p.visibleWindows.forEach((w, i) => (windowS = Math.max(windowS, dt(w.start, q.visibleWindows[i].start), dt(w.end, q.visibleWindows[i].end))));
    expect(p.magnitude === null).toBe(q.magnitude === null);
    if (p.magnitude !== null && q.magnitude !== null) magnitude = Math.max(magnitude, Math.abs(p.magnitude - q.magnitude));
    expect(Math.abs(p.maxElevationDeg - q.maxElevationDeg)).toBeLessThan(1e-6);
    // The Sun climbs or sinks at most 360°/day = 0.0042°/s: 1 ms of culmination moves it < 5e-6°.
    expect(Math.abs(p.sunElevationAtCulminationDeg - q.sunElevationAtCulminationDeg)).toBeLessThan(5e-6);
  });
  return { eventS, windowS, magnitude };
}

describe('pass search on the event machinery = the former own scan (ISS, 10 days, 4 sites)', () => {
  for (const stepSeconds of [139, 600]) {
    it(`step ${stepSeconds} s, masks 0° and 10°: same passes, events within 1 ms`, () => {
      let passes = 0;
      let shorterThanStep = 0;
      let visible = 0;
      const worst = { eventS: 0, windowS: 0, magnitude: 0 };
      for (const site of Object.values(SITES)) {
        for (const minElevationDeg of [0, 10]) {
          const options = { minElevationDeg, eop: EOP, stepSeconds, timeToleranceS: TOLERANCE_S };
          const now = findPasses(SGP4, site, START, END, options);
          const d = compare(now, legacyPasses(site, options));
          worst.eventS = Math.max(worst.eventS, d.eventS);
          worst.windowS = Math.max(worst.windowS, d.windowS);
          worst.magnitude = Math.max(worst.magnitude, d.magnitude);
          passes += now.length;
          shorterThanStep += now.filter((p) => p.durationS < stepSeconds).length;
          visible += now.filter((p) => p.visible).length;
        }
      }
      expect(passes).toBeGreaterThan(300);
      expect(visible).toBeGreaterThan(20);
      if (stepSeconds === 600) expect(shorterThanStep).toBeGreaterThan(20); // the grazing branch is exercised
      expect(worst.eventS).toBeLessThan(TOLERANCE_S);
      // A window end is a pass event or a Brent root refined from it: the same 1 ms.
      expect(worst.windowS).toBeLessThan(TOLERANCE_S);
      // The brightest point is a golden-section maximum to 0.1 s on a sample grid tied to the
      // window ends; out of the penumbra the ISS's magnitude changes by < 0.05 mag/s (range and
      // phase), so 1 ms of ends moves it < 5e-5.
      expect(worst.magnitude).toBeLessThan(5e-5);
      console.log(`step ${stepSeconds} s: ${passes} passes (${shorterThanStep} shorter than the step, ${visible} visible); worst |Δt| ${worst.eventS.toExponential(2)} s, windows ${worst.windowS.toExponential(2)} s, |Δmag| ${worst.magnitude.toExponential(2)}`);
    });
  }
});
