import { describe, expect, it } from 'vitest';
import * as satellite from 'satellite.js';
import { ISS_SAMPLE_TLE } from '@stationkeeper/core';
import { runCli } from './runCli.js';

const [, line1, line2] = ISS_SAMPLE_TLE.split('\n');

/** Independent reference: satellite.js SGP4 + its GMST-82 Earth rotation + its WGS-84 geodetic. */
function satelliteJsGeodetic(iso: string) {
  const satrec = satellite.twoline2satrec(line1, line2);
  const date = new Date(iso);
  const pv = satellite.propagate(satrec, date);
  if (!pv || typeof pv.position === 'boolean') throw new Error('propagation failed');
  const geo = satellite.eciToGeodetic(pv.position, satellite.gstime(date));
  return { latDeg: satellite.degreesLat(geo.latitude), lonDeg: satellite.degreesLong(geo.longitude), altKm: geo.height };
}

describe('stationkeeper where', () => {
  it('puts the sample ISS where satellite.js does (no EOP: UT1=UTC on both sides)', () => {
    const at = '2022-07-15T13:00:00.000Z';
    const r = runCli(['where', '--at', at, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    const ref = satelliteJsGeodetic(at);
    // Same SGP4 and GMST model: differences come only from the geodetic solution (ours exact,
    // satellite.js iterative to ~1e-7 rad) — 1e-5° is ~1 m on the ground.
    expect(Math.abs(j.lat_deg - ref.latDeg)).toBeLessThan(1e-4);
    expect(Math.abs(j.lon_deg - ref.lonDeg)).toBeLessThan(1e-4);
    expect(Math.abs(j.alt_km - ref.altKm)).toBeLessThan(0.01);
    for (const key of ['norad', 'epoch_utc', 'lat_deg', 'lon_deg', 'alt_km', 'speed_km_s', 'sunlit', 'tle_age_days']) {
      expect(j).toHaveProperty(key);
    }
    expect(j.norad).toBe(25544);
    expect(j.tle_age_days).toBeCloseTo((Date.parse(at) - Date.parse('2022-07-15T12:14:42.323Z')) / 86400e3, 3);
    // Circular-orbit speed at ~420 km: sqrt(GM/r) ≈ 7.66 km/s.
    expect(j.speed_km_s).toBeGreaterThan(7.6);
    expect(j.speed_km_s).toBeLessThan(7.7);
  });

  it('defaults to the sample epoch with a note, and finds the next visible pass over Houston', () => {
    const r = runCli(['where', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/embedded sample/);
    const j = JSON.parse(r.stdout);
    expect(j.epoch_utc).toBe('2022-07-15T12:14:42.324Z'); // 42.323712 s, rounded
    expect(j.tle_age_days).toBe(0);
    expect(j.next_visible_pass).not.toBeNull();
    expect(j.next_visible_pass.max_elevation_deg).toBeGreaterThan(10);
  });

  it('writes its state and next pass with the API builders: the same figures as `passes --json` to the millisecond and 1e-3°', () => {
    const at = '2022-07-15T13:00:00Z';
    const w = JSON.parse(runCli(['where', '--at', at, '--json']).stdout);
    const p = JSON.parse(runCli(['passes', '--lat', '29.5593', '--lon', '-95.09', '--alt-m', '10', '--start', at, '--days', '1', '--visible-only', '--json']).stdout)[0];
    for (const key of ['rise_utc', 'culmination_utc', 'set_utc', 'max_elevation_deg', 'magnitude']) expect(w.next_visible_pass[key], key).toBe(p[key]);
    expect(w.next_visible_pass.culmination_utc).toMatch(/^2022-07-16T01:52:4\d\.\d{3}Z$/);
    expect(w.lat_deg).toBe(Math.round(w.lat_deg * 1e6) / 1e6);
    // The text rounds to the second: the culmination at 45.7 s shows as 46 s (README).
    const text = runCli(['where', '--at', at]).stdout;
    expect(text).toContain(`highest 39° at 01:52:46Z`);
  });

  it('rejects bad input with a one-line reason naming the option', () => {
    const r = runCli(['where', '--at', 'tomorrow']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/--at must be an ISO 8601 UTC time.*"tomorrow"/);
    expect(runCli(['where', '--norad', '5']).stderr).toMatch(/no element set for NORAD 5/);
    // A latitude alone used to take Houston's longitude silently.
    const half = runCli(['where', '--lat', '48.85']);
    expect(half.code).toBe(2);
    expect(half.stderr).toBe('stationkeeper: give --lat and --lon together (got only --lat)\n');
  });
});
