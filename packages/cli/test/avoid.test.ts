import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collisionProbability, conjunctionStatesFromCdm, parseCdm } from '@stationkeeper/core';
import { registerAvoid } from '../src/commands/avoid.js';
import { UsageError } from '../src/util/options.js';
import { REPO_ROOT, SHARED_DATA, sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';

/** Run `avoid` in-process (the lead wires it into main.ts); returns stdout or the thrown error. */
async function runAvoid(args: string[]): Promise<{ out: string; error?: Error }> {
  let out = '';
  const program = new Command('stationkeeper').exitOverride();
  registerAvoid(program, { out: (t) => (out += t) });
  try {
    await program.parseAsync(['node', 'stationkeeper', 'avoid', '--data-dir', SHARED_DATA, ...args]);
    return { out };
  } catch (e) {
    return { out, error: e as Error };
  }
}

const J2 = join(REPO_ROOT, 'examples', 'forces', 'j2.json');
/** Operational CARA event, 325 × 338 km primary, 2-D Pc 2.45e-3 (shared/data/conjunction PROVENANCE A4). */
const LEO_CDM = () => sharedPath('conjunction', 'cara', 'cdm', 'PcTestCaseCDMs', '000041848_conj_000044431_20210708_055146_20210707_060703.cdm');
const CATALOG = () => sharedPath('catalog', 'spacetrack_3le_2022-07-15.txt');

describe.skipIf(!sharedDataAvailable())('stationkeeper avoid', () => {
  it('CDM → JSON plan: nominal = the CDM Pc, prograde burn clears it, reboost figures', async () => {
    const { out, error } = await runAvoid(['--cdm', LEO_CDM(), '--config', J2, '--mass-kg', '459154', '--json']);
    expect(error).toBeUndefined();
    const j = JSON.parse(out);
    const cdm = parseCdm(readFileSync(LEO_CDM(), 'utf8'));
    const [p, s] = conjunctionStatesFromCdm(cdm);
    const pc = collisionProbability(p, s, 20).pc;
    expect(j.source).toBe('cdm');
    expect(j.hbr_m).toBe(20);
    expect(j.needed).toBe(true);
    expect(Math.abs(j.nominal.pc / pc - 1)).toBeLessThan(0.01);
    expect(j.pc_threshold).toBe(1e-4);
    expect(j.direction).toBe('along-track');
    expect(j.recommended.label).toBe('prograde');
    expect(j.recommended.delta_v_mps).toBeGreaterThan(0);
    expect(j.recommended.after.pc).toBeLessThanOrEqual(1e-4);
    expect(j.options.map((o: { label: string }) => o.label)).toEqual(['prograde', 'retrograde']);
    expect(j.options[1].delta_v_mps).toBeLessThan(0);
    // 2a/v at 330 km: 1.74 km per m/s (facts §3: ~1.7–1.8).
    expect(j.recommended.altitude_change_km_per_mps).toBeGreaterThan(1.7);
    expect(j.recommended.altitude_change_km_per_mps).toBeLessThan(1.8);
    expect(j.recommended.propellant_kg).toBeGreaterThan(0);
    expect(j.recommended.burn_duration_s).toBeGreaterThan(0);
    expect(j.vehicle.id).toBe('progress-ms');
    expect(j.propagations).toBeGreaterThan(5);
    for (const key of ['burn_epoch_utc', 'burn_lead_s', 'station_mass_kg', 'assumptions', 'covariance_source']) expect(j).toHaveProperty(key);
    expect(j.recommended.after.miss_rtn_m).toHaveLength(3);
  });

  it('text output, radial direction and a lower threshold', async () => {
    const { out, error } = await runAvoid(['--cdm', LEO_CDM(), '--config', J2, '--mass-kg', '459154', '--direction', 'radial', '--pc-threshold', '1e-5']);
    expect(error).toBeUndefined();
    expect(out).toMatch(/nominal: TCA 2021-07-08T05:51:46/);
    expect(out).toMatch(/radial burn at/);
    expect(out).toMatch(/→ radial (up|down)/);
    expect(out).toMatch(/Pc ≤ 1\.000e-5/);
  });

  it('TLE pair (ISS and a Cosmos 1408 fragment, 2022-07-16): assumed covariance, miss criterion', async () => {
    const { out, error } = await runAvoid([
      '--primary-tle', CATALOG(), '--primary-norad', '25544', '--secondary-tle', CATALOG(), '--secondary-norad', '51337',
      '--tca', '2022-07-16T19:00:20Z', '--hbr-m', '20', '--config', J2, '--mass-kg', '459154', '--min-miss-km', '5', '--json',
    ]);
    expect(error).toBeUndefined();
    const j = JSON.parse(out);
    expect(j.source).toBe('tle');
    expect(j.covariance_source).toMatch(/assumed/);
    // The screening finds this approach at 19:00:2x with a miss of a few km.
    expect(j.nominal.tca_utc.slice(0, 18)).toBe('2022-07-16T19:00:2');
    expect(j.nominal.miss_distance_m).toBeLessThan(5000);
    expect(j.needed).toBe(true);
    expect(j.recommended.after.miss_distance_m).toBeGreaterThanOrEqual(5000);
    expect(j.recommended.after.miss_distance_m).toBeLessThan(5050);
    expect(j.warnings.join(' ')).toMatch(/indication only/);
  });

  it('bad input: one-line reasons naming the option', async () => {
    const cases: [string[], RegExp][] = [
      [[], /give --cdm FILE/],
      [['--cdm', LEO_CDM(), '--primary-tle', CATALOG()], /either --cdm or --primary-tle/],
      [['--cdm', LEO_CDM(), '--direction', 'sideways'], /--direction must be one of along-track, radial/],
      [['--cdm', LEO_CDM(), '--lead-orbits', '0.1'], /--lead-orbits must be between/],
      [['--cdm', LEO_CDM(), '--pc-threshold', 'x'], /--pc-threshold must be a number/],
      [['--cdm', '/nonexistent.cdm'], /--cdm: cannot read/],
      [['--cdm', LEO_CDM(), '--sigma-rtn-m', '1,2,3'], /--sigma-rtn-m goes with TLEs/],
      [['--cdm', LEO_CDM(), '--vehicle', 'enterprise'], /--vehicle/],
      [['--primary-tle', CATALOG(), '--secondary-tle', CATALOG(), '--tca', '2022-07-16T19:00:20Z'], /--hbr-m is required/],
      [['--primary-tle', CATALOG(), '--secondary-tle', CATALOG(), '--hbr-m', '20'], /--tca ISO is required/],
      [['--primary-tle', CATALOG(), '--secondary-tle', CATALOG(), '--tca', '2022-07-16T19:00:20Z', '--hbr-m', '20', '--sigma-rtn-m', '1,2'], /three positive numbers/],
    ];
    for (const [args, reason] of cases) {
      const { error } = await runAvoid(args);
      expect(error, args.join(' ')).toBeInstanceOf(UsageError);
      expect(error!.message).toMatch(reason);
      expect(error!.message).not.toContain('\n');
    }
  });
});
