/**
 * ISS passes against Skyfield 1.45 (fixture made by scripts/make-pass-fixtures.py).
 *
 * Skyfield propagates the same TLE with python-sgp4, rotates TEME → PEF with GMST 1982 at its
 * builtin UT1 (no polar motion) and measures altitude above the WGS-84 normal: the same model as
 * ours when we are given the same UT1−UTC and zero polar motion. The residuals then come from
 * (a) the two root finders (1 ms each: ours here, Skyfield's refined values in the script) and
 * (b) SGP4 implementation differences (sub-metre). Tolerances, from geometry:
 * - rise/set time 0.01 s: the ISS moves ~75 m in 0.01 s; at 500–2000 km range that is
 *   ≥ 0.002° of elevation, 20× the angular residual allowed below.
 * - culmination time 0.05 s: at the top el(t) ≈ el_max − ½ ë t², so a time error barely changes
 *   the elevation and the maximum is ill-conditioned in time (ë ≈ 0.001–0.03 °/s² for the ISS:
 *   0.05 s moves the elevation by < 4e-5°, below the elevation tolerance).
 * - elevation 0.001° (17 m across the line of sight at 1000 km) and azimuth 0.005° (the
 *   azimuth of a point 84° high moves ~10× faster than the line of sight, 1/cos el).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';
import { findPasses, type Pass } from '../../src/analysis/passes/index.js';
import { Sgp4Propagator } from '../../src/propagation/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { constantEop, parseCelestrakEop, type EopSource } from '../../src/foundation/time/eop.js';

interface FixtureEvent {
  event: 'rise' | 'culmination' | 'set';
  utc: string;
  utc_find_events: string;
  elevation_deg: number;
  azimuth_deg: number;
  range_km: number;
}
interface FixtureCase {
  site: string;
  lat_deg: number;
  lon_deg: number;
  height_m: number;
  min_elevation_deg: number;
  events: FixtureEvent[];
}
const fixture = JSON.parse(readFileSync(new URL('../fixtures/passes/iss-passes-skyfield.json', import.meta.url), 'utf8')) as {
  header: { ut1_minus_utc_s_at_tle_epoch: number; window_start_utc: string; window_end_utc: string };
  tle: [string, string];
  cases: FixtureCase[];
};

const start = Epoch.fromIso(fixture.header.window_start_utc);
const end = Epoch.fromIso(fixture.header.window_end_utc);
const propagator = Sgp4Propagator.fromTle(fixture.tle[0], fixture.tle[1]);
/** Skyfield's UT1−UTC at the TLE epoch; it changes by < 1 ms over the 3 days. */
const skyfieldEop = constantEop({ ut1MinusUtcS: fixture.header.ut1_minus_utc_s_at_tle_epoch });

function angleDiffDeg(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/** Group the fixture's event list into rise/culmination/set triples. */
function referencePasses(c: FixtureCase): FixtureEvent[][] {
  const out: FixtureEvent[][] = [];
  for (let i = 0; i < c.events.length; i += 3) {
    const triple = c.events.slice(i, i + 3);
    expect(triple.map((e) => e.event)).toEqual(['rise', 'culmination', 'set']);
    out.push(triple);
  }
  return out;
}

function run(c: FixtureCase, eop: EopSource): Pass[] {
  return findPasses(propagator, { latDeg: c.lat_deg, lonDeg: c.lon_deg, altM: c.height_m }, start, end, {
    minElevationDeg: c.min_elevation_deg,
    eop,
  });
}

interface Tolerances {
  riseSetS: number;
  culminationS: number;
  elevationDeg: number;
  azimuthDeg: number;
}

function compare(c: FixtureCase, passes: Pass[], tol: Tolerances): void {
  const ref = referencePasses(c);
  expect(passes.length, 'same number of passes (none missed, none extra)').toBe(ref.length);
  passes.forEach((p, i) => {
    const [rise, culm, set] = ref[i];
    const label = `${c.site} pass ${i} (${culm.utc})`;
    expect(Math.abs(p.rise.epoch.secondsSince(Epoch.fromIso(rise.utc))), `${label} rise`).toBeLessThan(tol.riseSetS);
    expect(Math.abs(p.set.epoch.secondsSince(Epoch.fromIso(set.utc))), `${label} set`).toBeLessThan(tol.riseSetS);
    expect(Math.abs(p.culmination.epoch.secondsSince(Epoch.fromIso(culm.utc))), `${label} culmination`).toBeLessThan(tol.culminationS);
    expect(Math.abs(p.maxElevationDeg - culm.elevation_deg), `${label} max elevation`).toBeLessThan(tol.elevationDeg);
    expect(angleDiffDeg(p.rise.azimuthDeg, rise.azimuth_deg), `${label} rise azimuth`).toBeLessThan(tol.azimuthDeg);
    expect(angleDiffDeg(p.set.azimuthDeg, set.azimuth_deg), `${label} set azimuth`).toBeLessThan(tol.azimuthDeg);
    expect(angleDiffDeg(p.culmination.azimuthDeg, culm.azimuth_deg), `${label} culmination azimuth`).toBeLessThan(tol.azimuthDeg);
    // Rise and set are at the threshold itself; the pass is whole inside the window.
    expect(Math.abs(p.rise.elevationDeg - c.min_elevation_deg)).toBeLessThan(1e-4);
    expect(Math.abs(p.set.elevationDeg - c.min_elevation_deg)).toBeLessThan(1e-4);
    expect(p.inProgressAtStart || p.inProgressAtEnd).toBe(false);
    // Skyfield's own find_events stops at a 0.5 s bracket and reports its right end.
    expect(Math.abs(p.rise.epoch.secondsSince(Epoch.fromIso(rise.utc_find_events)))).toBeLessThan(0.5 + tol.riseSetS);
    expect(Math.abs(p.set.epoch.secondsSince(Epoch.fromIso(set.utc_find_events)))).toBeLessThan(0.5 + tol.riseSetS);
  });
}

describe('ISS passes against Skyfield (same UT1, no polar motion)', () => {
  for (const c of fixture.cases) {
    it(`${c.site}, min elevation ${c.min_elevation_deg}°: ${c.events.length / 3} passes`, () => {
      compare(c, run(c, skyfieldEop), { riseSetS: 0.01, culminationS: 0.05, elevationDeg: 0.001, azimuthDeg: 0.005 });
    });
  }
});

describe.skipIf(!sharedDataAvailable())('ISS passes with IERS EOP (CelesTrak EOP-All: UT1 and polar motion)', () => {
  // (finals2000A.all in shared/data ends in Dec 2021; EOP-All.txt covers July 2022.)
  // Polar motion on 2022-07-15 is x = 0.26″, y = 0.44″ (EOP-All.txt): it moves the site by up to
  // 16 m in the rotating frame that Skyfield uses, and UT1 differs from Skyfield's by 0.6 ms
  // (0.3 m). 16 m seen from 500–2500 km is ≤ 0.002° of line of sight; with the elevation rate at
  // the threshold ≥ 0.05 °/s for these passes that is ≤ 0.04 s. Measured: ≤ 0.005 s, ≤ 0.0018°.
  // Tolerances: 0.05 s (rise/set), 0.2 s (flat culmination), 0.005°, 0.02°.
  const eop = parseCelestrakEop(readShared('eop', 'EOP-All.txt'));
  for (const c of fixture.cases) {
    it(`${c.site}, min elevation ${c.min_elevation_deg}°`, () => {
      compare(c, run(c, eop), { riseSetS: 0.05, culminationS: 0.2, elevationDeg: 0.005, azimuthDeg: 0.02 });
    });
  }
});
