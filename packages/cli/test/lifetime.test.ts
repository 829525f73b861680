/**
 * `stationkeeper lifetime`: the ISS stops reboosting on 25 February 2022 (fitted B), and the same
 * with the TOPO mass/area/Cd; the re-entry lands within the 2–5 years RSC Energia quoted
 * (facts/iss-operations.md §2; solar maximum of cycle 25 makes it short) and the altitude band
 * is ordered.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';
import { registerLifetime } from '../src/commands/lifetime.js';

async function runCommand(args: string[]) {
  let out = '';
  const files = new Map<string, string>();
  const program = new Command('stationkeeper').exitOverride();
  registerLifetime(program, { out: (t) => (out += t), err: () => {}, writeFile: (p, t) => files.set(p, t), progress: false });
  let error: Error | undefined;
  try {
    await program.parseAsync(['node', 'stationkeeper', ...args]);
  } catch (e) {
    error = e as Error;
  }
  return { out, files, error };
}

describe.skipIf(!sharedDataAvailable())('stationkeeper lifetime', () => {
  const iss = sharedPath('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt');
  const run = (...args: string[]) => runCommand(['lifetime', '--data-dir', sharedPath(), '--workers', '1', '--tle', iss, ...args]);

  it('ISS from 2022-02-25 with the fitted B: JSON, altitude band, plot', async () => {
    const r = await run('--from', '2022-02-25T00:00:00Z', '--mc', '2', '--seed', '5', '--json', '--plot', 'alt.svg');
    expect(r.error).toBeUndefined();
    const j = JSON.parse(r.out);
    expect(j.norad).toBe(25544);
    expect(j.ballistic_coefficient_source).toMatch(/fitted/);
    expect(j.start_state_utc <= '2022-02-25T00:00:00Z').toBe(true);
    const years = j.lifetime_days_from_start.median / 365.25;
    expect(years).toBeGreaterThan(1);
    expect(years).toBeLessThan(5);
    const band = j.altitude_band_km;
    expect(band[0].p50).toBeGreaterThan(400);
    for (const row of band) if (row.p05 !== null && row.p95 !== null) expect(row.p05).toBeLessThanOrEqual(row.p95);
    expect(r.files.get('alt.svg')).toMatch(/^<svg[\s\S]*mean altitude/);
  }, 60_000);

  it('with TOPO mass, area and Cd the B is m/(Cd·A)', async () => {
    const r = await run('--from', '2022-02-25T00:00:00Z', '--mc', '1', '--seed', '5', '--json', '--mass-kg', '445386', '--area-m2', '1439.7', '--cd', '3.4');
    expect(r.error).toBeUndefined();
    const j = JSON.parse(r.out);
    expect(j.ballistic_coefficient_kg_m2).toBeCloseTo(445386 / (3.4 * 1439.7), 6);
    expect(j.ballistic_coefficient_source).toMatch(/m\/\(Cd·A\)/);
  }, 60_000);

  it('refuses a --from before the first TLE', async () => {
    const r = await run('--from', '2019-01-01T00:00:00Z', '--mc', '1');
    expect(r.error?.message).toMatch(/before the first element set/);
  });
});
