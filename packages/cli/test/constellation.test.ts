/**
 * The constellation commands as a user runs them: group on the 2022-07-15 catalogue (OneWeb's
 * planes), launch windows from named sites, a modelled raise with its plot, deploy on a small
 * configuration, and one-line reasons (exit 2) for bad input.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';
import { runCli } from './runCli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'sk-const-'));

describe.skipIf(!sharedDataAvailable())('stationkeeper group', () => {
  it("finds OneWeb's operational planes in the 2022-07-15 catalogue", () => {
    const r = runCli(['group', '--catalog', sharedPath('catalog', 'spacetrack_3le_2022-07-15.txt'), '--name', 'ONEWEB-*', '--altitude-km', '1100-1300', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.planes.length).toBe(10);
    expect(j.plane_slots).toBe(12);
    expect(Math.abs(j.spacing_deg - 15.225)).toBeLessThan(0.15);
    expect(j.planes[0]).toHaveProperty('members');
    expect(j.planes[0]).toHaveProperty('mean_altitude_km');
  });

  it('a launch by international designator, as a table', () => {
    const r = runCli(['group', '--catalog', sharedPath('catalog', 'spacetrack_3le_2022-07-15.txt'), '--intldes', '2022-012']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^34 objects at 2022-07-1\dT/);
  });
});

describe('stationkeeper launch-window', () => {
  it('lists northbound and southbound windows with azimuths', () => {
    const r = runCli(['launch-window', '--site', 'baikonur', '--inclination-deg', '87.9', '--raan-deg', '204.076', '--date', '2022-03-04T22:40:00Z', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(new Set(j.windows.map((w: { direction: string }) => w.direction))).toEqual(new Set(['ascending', 'descending']));
    // The plane of OneWeb #14's planned lift-off (22:41:02 UTC, northbound; RAAN from raanForLiftoffDeg) comes back to the second.
    const north = j.windows.find((w: { direction: string }) => w.direction === 'ascending');
    expect(Math.abs(Date.parse(north.liftoff_utc) - Date.parse('2022-03-04T22:41:02Z'))).toBeLessThanOrEqual(1000);
    // sin β = cos 87.9° / cos 45.77° (geocentric latitude of Baikonur).
    expect(north.azimuth_deg).toBeCloseTo(3.01, 2);
  });

  it('one-line reasons for unknown sites and unreachable inclinations (exit 2)', () => {
    const unknown = runCli(['launch-window', '--site', 'plesetsk', '--inclination-deg', '60', '--raan-deg', '0', '--date', '2022-03-04']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toMatch(/^stationkeeper: --site: unknown site "plesetsk": use one of baikonur/);
    const low = runCli(['launch-window', '--site', 'baikonur', '--inclination-deg', '28.5', '--raan-deg', '0', '--date', '2022-03-04']);
    expect(low.code).toBe(2);
    expect(low.stderr.trim().split('\n')).toHaveLength(1);
    expect(low.stderr).toMatch(/inclination 28.5° is not reachable directly from Baikonur/);
  });

  it('--help shows examples', () => {
    const r = runCli(['launch-window', '--help']);
    expect(r.stdout).toMatch(/Examples:\n {2}stationkeeper launch-window --site baikonur/);
  });
});

describe('stationkeeper raise', () => {
  it('models a raise and writes its plot', () => {
    const plot = join(tmp(), 'raise.svg');
    const r = runCli(['raise', '--model', '--from-km', '450', '--to-km', '1200', '--thrust-mn', '20', '--mass-kg', '150', '--isp-s', '1500', '--duty-cycle', '0.5', '--plot', plot, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    // v(450 km) − v(1200 km) with WGS-72 μ: 7.6398 − 7.2526 km/s.
    expect(j.delta_v_m_s).toBeCloseTo(387.9, 0);
    expect(r.stderr).toMatch(/wrote .*raise\.svg/);
    expect(readFileSync(plot, 'utf8').startsWith('<svg')).toBe(true);
  });

  it('reads a group from an element history', () => {
    const dir = tmp();
    // Two element sets of one object 30 days apart, raised from 450 to 1,200 km.
    const file = join(dir, 'h.txt');
    const withSum = (line: string) => {
      const sum = [...line].reduce((t, c) => t + (c === '-' ? 1 : /\d/.test(c) ? Number(c) : 0), 0) % 10;
      return line + sum;
    };
    writeFileSync(
      file,
      [
        '0 ONEWEB-TEST',
        withSum('1 99901U 22012A   22041.00000000  .00000000  00000-0  00000-0 0  999'),
        withSum('2 99901  87.4000  10.0000 0001000   0.0000   0.0000 15.40000000    1'),
        '0 ONEWEB-TEST',
        withSum('1 99901U 22012A   22071.00000000  .00000000  00000-0  00000-0 0  999'),
        withSum('2 99901  87.4000  10.0000 0001000   0.0000   0.0000 13.15000000    1'),
      ].join('\n') + '\n',
    );
    const r = runCli(['raise', '--tle', file, '--group', '2022-012', '--shell-km', '1200', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.tracks[0].status).toBe('reached');
    expect(j.tracks[0].days_to_shell).toBeCloseTo(30, 1);
  });

  it('bad input: one line, exit 2', () => {
    const r = runCli(['raise', '--model', '--from-km', '450', '--to-km', '1200', '--thrust-mn', 'x', '--mass-kg', '150', '--isp-s', '1500']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('stationkeeper: --thrust-mn must be a number, got "x"');
  });
});

describe('stationkeeper deploy', () => {
  it('runs a small deployment and names bad fields', () => {
    const dir = tmp();
    const cfg = {
      release_utc: '2022-03-05T01:41:02Z', altitude_km: 450, inclination_deg: 87.9, raan_deg: 204.08, satellites: 8, per_event: 2,
      event_interval_s: 1200, delta_v_step_m_s: 0.5, spread_delta_v_m_s: 0.3, bstar: 0.0017, duration_days: 3,
    };
    writeFileSync(join(dir, 'ok.json'), JSON.stringify(cfg));
    const r = runCli(['deploy', '--config', join(dir, 'ok.json'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.satellites).toHaveLength(8);
    expect(j.co_flying).toHaveLength(4);
    // Event k drifts back at 3·(k+1)·0.5 m/s: after 3 days the spread is ≈ 3·(4−1)·0.5 m/s·3 d ≈ 1,170 km.
    expect(Math.abs(j.spread[j.spread.length - 1].spread_km - 1166)).toBeLessThan(60);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...cfg, satellites: 2.5 }));
    const bad = runCli(['deploy', '--config', join(dir, 'bad.json')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: satellites must be a whole number, got 2.5/);
  });
});
