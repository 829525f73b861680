import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

// ISS (near-Earth), MOLNIYA 2-14 (12-h resonance) and INTELSAT 901 (geostationary), real element sets.
const TLES = [
  'ISS (ZARYA)',
  '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992',
  '2 25544  51.6431 204.8524 0004888  20.0962 109.2092 15.50080774349702',
  'MOLNIYA 2-14',
  '1 08195U 75081A   06176.33215444  .00000099  00000-0  11873-3 0   813',
  '2 08195  64.1586 279.0717 6877146 264.7651  20.2257  2.00491383225656',
  'INTELSAT 901',
  '1 26824U 01024A   22195.62201219 -.00000210  00000-0  00000+0 0  9994',
  '2 26824   0.0467 253.4606 0000856 233.4815   1.9486  1.00269968 77218',
].join('\n');

describe('stationkeeper bench-sgp4', () => {
  it('--compare times satellite.js over the same propagations and prints the ratio before props_per_sec', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sk-bench-')), 'three.tle');
    writeFileSync(file, TLES + '\n');
    const r = runCli(['bench-sgp4', file, '200', '1', '--workers', '1', '--compare']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('satellites=3 times_per_satellite=200 step_min=1 workers=1 kernel=wasm-simd'); // the default
    expect(lines[1]).toMatch(/sgp4_errors=0$/);
    const m = /^satellitejs_seconds=([\d.]+) satellitejs_props_per_sec=(\d+) ratio_vs_satellitejs=([\d.]+)$/.exec(lines[2]);
    expect(m, lines[2]).not.toBeNull();
    expect(Number(m?.[3])).toBeGreaterThan(0);
    expect(lines[3]).toMatch(/^props_per_sec=\d+$/);
  });

  it('--kernel js runs the JavaScript near-Earth kernel in the workers; another name is a usage error', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sk-bench-')), 'three.tle');
    writeFileSync(file, TLES + '\n');
    const r = runCli(['bench-sgp4', file, '101', '1', '--workers', '2', '--kernel', 'js']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('satellites=3 times_per_satellite=101 step_min=1 workers=2 kernel=js');
    expect(lines[1]).toMatch(/sgp4_errors=0$/);
    const bad = runCli(['bench-sgp4', file, '10', '1', '--kernel', 'gpu']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--kernel must be one of js, wasm-simd, got 'gpu'");
  });
});
