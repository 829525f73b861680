import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { Epoch, parseCelestrakEop } from '@stationkeeper/core';
import { sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';
import { registerDeorbit } from '../src/commands/deorbit.js';

async function run(args: string[]): Promise<{ out: string; files: Map<string, string> }> {
  let out = '';
  const files = new Map<string, string>();
  const program = new Command('stationkeeper').exitOverride();
  registerDeorbit(program, { out: (t) => (out += t), writeFile: (p, t) => files.set(p, t) });
  await program.parseAsync(['node', 'stationkeeper', ...args]);
  return { out, files };
}

describe('stationkeeper deorbit', () => {
  it('Mir-like plan from flags: three burns, ~48 m/s, GeoJSON footprint', async () => {
    const { out, files } = await run(['deorbit', '--epoch', '2001-03-23T00:00:00Z', '--apogee-km', '220', '--perigee-km', '214', '--steps-km', '188,158', '--inclination-deg', '51.6', '--mass-kg', '130000', '--json', '--geojson', 'fp.geojson']);
    const j = JSON.parse(out);
    expect(j.burns).toHaveLength(3);
    expect(Math.abs(j.total_delta_v_m_s - 47.7)).toBeLessThan(4.8);
    expect(j.footprint.type).toBe('FeatureCollection');
    expect(JSON.parse(files.get('fp.geojson')!).features.length).toBe(5);
    expect(j.vehicle_options.map((v: { vehicle: string }) => v.vehicle)).toEqual(['usdv', 'progress-ms', 'dragon-boost-trunk']);
  });
  it('rejects bad flags with the flag named', async () => {
    await expect(run(['deorbit', '--steps-km', '188,x'])).rejects.toThrow(/--steps-km: item 2 is not a number/);
    await expect(run(['deorbit', '--vehicles', 'usdv,warp'])).rejects.toThrow(/--vehicles: unknown vehicle "warp"/);
  });
});

describe.skipIf(!sharedDataAvailable())('stationkeeper deorbit --data-dir', () => {
  it("places the footprint with the data directory's UT1 − UTC: the same burns, the breakup longitude moved by the Earth's turn in that time", async () => {
    // 2008-12-25: UT1 − UTC ≈ −0.59 s, six days before a leap second (CelesTrak EOP-All).
    const args = ['deorbit', '--epoch', '2008-12-25T00:00:00Z', '--json'];
    const withEop = JSON.parse((await run([...args, '--data-dir', dirname(dirname(sharedPath('eop', 'EOP-All.txt')))])).out);
    const without = JSON.parse((await run([...args, '--data-dir', mkdtempSync(join(tmpdir(), 'sk-empty-'))])).out);
    const eop = parseCelestrakEop(readFileSync(sharedPath('eop', 'EOP-All.txt'), 'utf8'));
    const dut1 = eop.at(Epoch.fromIso('2008-12-25T00:00:00Z').utcMjd()).ut1MinusUtcS;
    expect(dut1).toBeLessThan(-0.5);
    expect(withEop.burns.map((b: { epoch_utc: string }) => b.epoch_utc)).toEqual(without.burns.map((b: { epoch_utc: string }) => b.epoch_utc));
    // Sidereal rate 360.9856°/day: UT1 behind UTC leaves the Earth turned less, the longitude east.
    const expectedDeg = (-dut1 * 360.9856) / 86400;
    expect(Math.abs(withEop.breakup.lon_deg - without.breakup.lon_deg - expectedDeg)).toBeLessThanOrEqual(0.0011);
    expect(withEop.breakup.lat_deg).toBeCloseTo(without.breakup.lat_deg, 3);
  });
});
