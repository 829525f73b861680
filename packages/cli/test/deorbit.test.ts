import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
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
