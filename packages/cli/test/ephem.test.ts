import { describe, expect, it } from 'vitest';
import * as satellite from 'satellite.js';
import { ISS_SAMPLE_TLE } from '@stationkeeper/core';
import { runCli } from './runCli.js';

const [, line1, line2] = ISS_SAMPLE_TLE.split('\n');

function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const lines = text.trim().split('\n');
  return { header: lines[0].split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

describe('stationkeeper ephem', () => {
  it('TEME rows equal satellite.js SGP4 to 1 mm', () => {
    const r = runCli(['ephem', '--from-min', '0', '--to-min', '90', '--step-s', '600', '--frame', 'teme']);
    expect(r.code, r.stderr).toBe(0);
    const { header, rows } = parseCsv(r.stdout);
    expect(header).toEqual(['epoch_utc', 'tsince_min', 'x_km', 'y_km', 'z_km', 'vx_km_s', 'vy_km_s', 'vz_km_s']);
    expect(rows).toHaveLength(10);
    const satrec = satellite.twoline2satrec(line1, line2);
    for (const row of rows) {
      const pv = satellite.sgp4(satrec, Number(row[1]));
      if (!pv) throw new Error('sgp4 failed');
      const p = pv.position;
      expect(Math.hypot(Number(row[2]) - p.x, Number(row[3]) - p.y, Number(row[4]) - p.z)).toBeLessThan(1e-6);
    }
  });

  it('geodetic rows follow the documented columns; absolute --start/--stop span', () => {
    const r = runCli(['ephem', '--start', '2022-07-15T13:00:00Z', '--stop', '2022-07-15T13:10:00Z', '--step-s', '300', '--frame', 'geodetic']);
    expect(r.code, r.stderr).toBe(0);
    const { header, rows } = parseCsv(r.stdout);
    expect(header).toEqual(['epoch_utc', 'tsince_min', 'lat_deg', 'lon_deg', 'alt_km']);
    expect(rows.map((x) => x[0])).toEqual(['2022-07-15T13:00:00.000Z', '2022-07-15T13:05:00.000Z', '2022-07-15T13:10:00.000Z']);
    for (const row of rows) {
      expect(Math.abs(Number(row[2]))).toBeLessThanOrEqual(51.7); // never above the inclination
      expect(Number(row[4])).toBeGreaterThan(400);
      expect(Number(row[4])).toBeLessThan(440);
    }
  });

  it('ITRF equals satellite.js eciToEcf (GMST-82, no polar motion) and GCRF keeps |r|', () => {
    const itrf = parseCsv(runCli(['ephem', '--from-min', '10', '--to-min', '10', '--frame', 'itrf']).stdout).rows[0];
    const gcrf = JSON.parse(runCli(['ephem', '--from-min', '10', '--to-min', '10', '--frame', 'gcrf', '--format', 'json']).stdout);
    const satrec = satellite.twoline2satrec(line1, line2);
    const date = new Date(Date.parse('2022-07-15T12:14:42.323Z') + 10 * 60e3);
    const pv = satellite.sgp4(satrec, 10);
    if (!pv) throw new Error('sgp4 failed');
    const ecf = satellite.eciToEcf(pv.position, satellite.gstime(date));
    // 1 m: satellite.js's Date has 1 ms resolution (0.5 m of Earth rotation at the ISS).
    expect(Math.hypot(Number(itrf[2]) - ecf.x, Number(itrf[3]) - ecf.y, Number(itrf[4]) - ecf.z)).toBeLessThan(1e-3);
    const g = gcrf.rows[0];
    const p = pv.position;
    expect(Math.hypot(g[2], g[3], g[4])).toBeCloseTo(Math.hypot(p.x, p.y, p.z), 6);
    // GCRF and TEME differ by precession since J2000 (~0.3° in 2022): kilometres, not metres.
    expect(Math.hypot(g[2] - p.x, g[3] - p.y, g[4] - p.z)).toBeGreaterThan(10);
  });

  it('refuses contradictory spans with a named reason', () => {
    const r = runCli(['ephem', '--start', '2022-07-15T13:00:00Z', '--from-min', '0', '--to-min', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/either --start and --stop, or --from-min and --to-min/);
    expect(runCli(['ephem', '--from-min', '0', '--to-min', '1', '--frame', 'ecef']).stderr).toMatch(/--frame must be one of teme, gcrf, itrf, geodetic/);
  });
});
