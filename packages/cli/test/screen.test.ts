/**
 * `stationkeeper screen` on a slice of the 2022-07-15 catalogue written to a temporary file: the
 * ISS, the three objects the full-catalogue screen finds within 5 km in the 7 days from
 * 2022-07-15, the five docked vehicles and 20 other objects. The command is run the way main.ts
 * runs it (commander program, UsageError → exit 2) in a child process, so this test does not
 * depend on main.ts wiring.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable } from '../../../test/sharedData.js';

const SCREEN = pathToFileURL(resolve(fileURLToPath(import.meta.url), '../../src/commands/screen.ts')).href;
const OPTIONS = pathToFileURL(resolve(fileURLToPath(import.meta.url), '../../src/util/options.ts')).href;

function runScreen(args: string[]): { code: number; stdout: string; stderr: string } {
  const code = `
    import { Command } from 'commander';
    import { registerScreen } from ${JSON.stringify(SCREEN)};
    import { UsageError } from ${JSON.stringify(OPTIONS)};
    const program = new Command('stationkeeper').exitOverride();
    registerScreen(program);
    try { await program.parseAsync(${JSON.stringify(['node', 'stationkeeper', 'screen', ...args])}); }
    catch (e) { process.stderr.write('stationkeeper: ' + e.message + '\\n'); process.exitCode = e instanceof UsageError ? 2 : 1; }
  `;
  const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const FOUND = [51337, 42002, 41958];
const DOCKED = [49044, 51660, 52086, 52318, 52795];

describe.skipIf(!sharedDataAvailable())('stationkeeper screen', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sk-screen-'));
  const file = join(dir, 'slice.tle');
  if (sharedDataAvailable()) {
    const lines = readShared('catalog', 'spacetrack_3le_2022-07-15.txt').split(/\r?\n/);
    const sets: string[][] = [];
    for (let i = 0; i + 2 < lines.length; i += 3) sets.push(lines.slice(i, i + 3));
    const id = (s: string[]): number => Number(s[1].slice(2, 7));
    const wanted = new Set([25544, ...FOUND, ...DOCKED]);
    const chosen = sets.filter((s) => wanted.has(id(s)));
    chosen.push(...sets.filter((_, k) => k % 1200 === 7).slice(0, 20));
    writeFileSync(file, chosen.map((s) => s.join('\n')).join('\n') + '\n');
  }

  it('finds the three approaches within 5 km over 7 days, with RTN miss, and the docked vehicles once', () => {
    const r = runScreen(['--primary', '25544', '--catalog', file, '--start', '2022-07-15T00:00:00Z', '--days', '7', '--json', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout);
    expect(Array.isArray(rows)).toBe(true);
    const out = {
      conjunctions: rows.filter((x: { attached: boolean }) => !x.attached),
      attached: rows.filter((x: { attached: boolean }) => x.attached),
    };
    expect(out.conjunctions.map((c: { secondary_norad: number }) => c.secondary_norad)).toEqual(FOUND);
    for (const c of out.conjunctions) {
      for (const k of ['primary_norad', 'primary_name', 'secondary_norad', 'secondary_name', 'tca_utc', 'miss_km', 'radial_km', 'in_track_km', 'cross_track_km', 'relative_speed_km_s']) {
        expect(c).toHaveProperty(k);
      }
      expect(c.primary_norad).toBe(25544);
      expect(c.miss_km).toBeLessThanOrEqual(5);
      expect(Math.hypot(c.radial_km, c.in_track_km, c.cross_track_km)).toBeCloseTo(c.miss_km, 3);
    }
    expect(out.conjunctions[1].tca_utc.slice(0, 16)).toBe('2022-07-20T11:18');
    expect(out.attached.map((a: { secondary_norad: number }) => a.secondary_norad).sort()).toEqual(DOCKED);
    expect(r.stderr).not.toMatch(/warning: the catalogue/);
  });

  it('writes CSV, and a table by default', () => {
    const csv = runScreen(['--primary', '25544', '--catalog', file, '--start', '2022-07-15T00:00:00Z', '--days', '2', '--csv', '--workers', '0']);
    expect(csv.code, csv.stderr).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('primary_norad,primary_name,secondary_norad,secondary_name,tca_utc,miss_km,radial_km,in_track_km,cross_track_km,relative_speed_km_s');
    expect(rows[1]).toMatch(/^25544,ISS \(ZARYA\),51337,COSMOS 1408 DEB,2022-07-16T19:00:2/);
    const table = runScreen(['--primary', '25544', '--catalog', file, '--start', '2022-07-15T00:00:00Z', '--days', '2', '--workers', '0']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/51337 COSMOS 1408 DEB/);
    expect(table.stdout).toMatch(/attached/);
  });

  it('warns when the start is far from the element epochs', () => {
    const r = runScreen(['--primary', '25544', '--catalog', file, '--start', '2022-09-01T00:00:00Z', '--days', '0.1', '--json', '--workers', '0']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: the catalogue's element sets are 4\d\.\d days/);
  });

  it('names bad options (exit 2)', () => {
    const noPrimary = runScreen(['--catalog', file]);
    expect(noPrimary.code, noPrimary.stderr).toBe(2);
    expect(noPrimary.stderr).toMatch(/--primary <norad> is required/);
    const absent = runScreen(['--primary', '99999', '--catalog', file, '--start', '2022-07-15T00:00:00Z']);
    expect(absent.code, absent.stderr).toBe(2);
    expect(absent.stderr).toMatch(/object 99999 is not in/);
    const threshold = runScreen(['--primary', '25544', '--catalog', file, '--threshold-km', '-1']);
    expect(threshold.code, threshold.stderr).toBe(2);
    expect(threshold.stderr).toMatch(/--threshold-km must be between/);
    const missing = runScreen(['--primary', '25544', '--catalog', join(dir, 'nope.tle')]);
    expect(missing.code, missing.stderr).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  });
});
