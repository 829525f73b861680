/**
 * The map's low-precision subsolar point against core's astronomy-engine Sun (VSOP87, ~1″)
 * rotated TEME → ITRF with GMST-82 (UT1 = UTC on both sides). The Almanac formula claims 0.01°
 * in RA/Dec for 1950–2050; on the map one pixel of a 1280-px world is 0.28°.
 */
import { describe, expect, it } from 'vitest';
import { Epoch, sunPositionTemeM, temeToItrf } from '@stationkeeper/core';
import { gmstDeg, julianDateFromUnixMs, subsolarPoint, antisolarPoint } from '../src/sun.js';

const DEG = 180 / Math.PI;

function coreSubsolar(iso: string): { latDeg: number; lonDeg: number } {
  const at = Epoch.fromIso(iso);
  const s = sunPositionTemeM(at);
  const { r } = temeToItrf(at, [s[0], s[1], s[2]]);
  return { latDeg: Math.atan2(r[2], Math.hypot(r[0], r[1])) * DEG, lonDeg: Math.atan2(r[1], r[0]) * DEG };
}

const lonDiff = (a: number, b: number) => Math.abs(((((a - b) % 360) + 540) % 360) - 180);

describe('subsolar point (map terminator)', () => {
  it('matches core within 0.02° over 2000–2040', () => {
    let worstLat = 0;
    let worstLon = 0;
    // 97 instants, 150.37 days apart: every season and time of day.
    for (let k = 0; k < 97; k++) {
      const ms = Date.UTC(2000, 0, 1, 3, 17) + k * 150.37 * 86_400_000;
      const iso = new Date(ms).toISOString();
      const ref = coreSubsolar(iso);
      const p = subsolarPoint(ms);
      worstLat = Math.max(worstLat, Math.abs(p.latDeg - ref.latDeg));
      worstLon = Math.max(worstLon, lonDiff(p.lonDeg, ref.lonDeg));
      expect(p.lonDeg).toBeGreaterThanOrEqual(-180);
      expect(p.lonDeg).toBeLessThan(180);
    }
    console.log(`subsolar point vs core: worst |Δlat| ${worstLat.toFixed(4)}°, |Δlon| ${worstLon.toFixed(4)}°`);
    expect(worstLat).toBeLessThan(0.02);
    expect(worstLon).toBeLessThan(0.02);
  });

  it('puts the Sun over the Tropic of Cancer near the June solstice and near 0° longitude at noon UTC', () => {
    // 2022-06-21 09:14 UTC was the solstice (USNO); declination then = obliquity 23.436°.
    const p = subsolarPoint(Date.UTC(2022, 5, 21, 9, 14));
    expect(p.latDeg).toBeCloseTo(23.436, 2);
    // On 2022-11-03 the equation of time is +16.4 min (Sun fast): Greenwich has apparent noon at
    // 11:43.6 UTC, so at 12:00 UTC the Sun is 16.4 min × 0.25°/min = 4.1° west of Greenwich.
    expect(subsolarPoint(Date.UTC(2022, 10, 3, 12)).lonDeg).toBeCloseTo(-4.1, 1);
    const a = antisolarPoint(Date.UTC(2022, 10, 3, 12));
    expect(a.lonDeg).toBeCloseTo(175.9, 1);
  });

  it('GMST at J2000.0 is 280.46°', () => {
    // IAU 1982 GMST at 2000-01-01T12:00 UT1 = 18h41m50.548s = 280.4606°.
    expect(gmstDeg(julianDateFromUnixMs(Date.UTC(2000, 0, 1, 12)))).toBeCloseTo(280.4606, 3);
  });
});
