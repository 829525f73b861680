/**
 * Visibility of the real ISS passes (3 days from the fixture TLE, Paris and Houston) checked
 * point by point against an independent predicate: Sun altitude from astronomy-engine's own
 * topocentric Horizon() (its Earth rotation, not our frames) and the satellite outside the
 * cylindrical shadow (Vallado) — the pass finder uses our frames and the conical umbra.
 * Every sampled instant must be classified the same way, except where the two legitimately
 * differ: inside the penumbra (the cylinder edge lies mid-penumbra, which an ISS crosses in 8 s
 * head-on and up to a minute when it grazes the shadow), within 0.05° of the −6° Sun altitude
 * (astronomy-engine's Horizon() takes UT1 from its ΔT model, ~4 s off in 2022: 0.013° here),
 * and within 3 s of a window boundary.
 */
import * as Astronomy from 'astronomy-engine';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inCylindricalShadow, sunlitFraction } from '../../src/foundation/bodies/shadow.js';
import { sunPositionTemeM } from '../../src/foundation/bodies/sun.js';
import { findPasses, type ObserverSite } from '../../src/analysis/passes/index.js';
import { Sgp4Propagator } from '../../src/propagation/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { constantEop } from '../../src/foundation/time/eop.js';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/passes/iss-passes-skyfield.json', import.meta.url), 'utf8')) as {
  header: { ut1_minus_utc_s_at_tle_epoch: number; window_start_utc: string; window_end_utc: string };
  tle: [string, string];
};
const propagator = Sgp4Propagator.fromTle(fixture.tle[0], fixture.tle[1]);
const eop = constantEop({ ut1MinusUtcS: fixture.header.ut1_minus_utc_s_at_tle_epoch });
const start = Epoch.fromIso(fixture.header.window_start_utc);
const end = Epoch.fromIso(fixture.header.window_end_utc);

function sunAltitudeDeg(site: ObserverSite, epoch: Epoch): number {
  const observer = new Astronomy.Observer(site.latDeg, site.lonDeg, site.altM);
  const time = Astronomy.AstroTime.FromTerrestrialTime(epoch.ttSecondsJ2000() / 86400);
  const eq = Astronomy.Equator(Astronomy.Body.Sun, time, observer, true, true);
  return Astronomy.Horizon(time, observer, eq.ra, eq.dec).altitude;
}

const sites: Array<[string, ObserverSite]> = [
  ['Paris', { latDeg: 48.8566, lonDeg: 2.3522, altM: 35 }],
  ['Houston', { latDeg: 29.5502, lonDeg: -95.097, altM: 10 }],
];

describe('ISS visibility against an independent Sun-altitude and shadow predicate', () => {
  for (const [name, site] of sites) {
    it(`${name}: visible windows agree sample by sample`, () => {
      const passes = findPasses(propagator, site, start, end, { minElevationDeg: 10, eop });
      let checked = 0;
      let visibleSamples = 0;
      for (const p of passes) {
        const dur = p.durationS;
        for (let s = 0; s <= dur; s += 5) {
          const t = p.rise.epoch.plusSeconds(s);
          const nearBoundary = p.visibleWindows.some(
            (w) => Math.abs(t.secondsSince(w.start.epoch)) < 3 || Math.abs(t.secondsSince(w.end.epoch)) < 3,
          );
          if (nearBoundary) continue;
          const rM = propagator.stateAt(t).positionM;
          const sun = sunPositionTemeM(t);
          const nu = sunlitFraction(rM, sun);
          const sunAlt = sunAltitudeDeg(site, t);
          if ((nu > 0 && nu < 1) || Math.abs(sunAlt + 6) < 0.05) continue;
          const expected = sunAlt < -6 && !inCylindricalShadow(rM, sun);
          const inWindow = p.visibleWindows.some((w) => t.secondsSince(w.start.epoch) >= 0 && t.secondsSince(w.end.epoch) <= 0);
          expect(inWindow, `${name} ${t.toIsoUtc(0)}`).toBe(expected);
          checked++;
          if (expected) visibleSamples++;
        }
        expect(p.visible).toBe(p.visibleWindows.length > 0);
        if (p.visible) {
          expect(p.magnitude!).toBeGreaterThan(-6);
          expect(p.magnitude!).toBeLessThan(4);
        }
      }
      // The test must see both kinds of instant to mean anything.
      expect(checked).toBeGreaterThan(200);
      expect(visibleSamples).toBeGreaterThan(20);
      expect(checked - visibleSamples).toBeGreaterThan(20);
    });
  }
});
