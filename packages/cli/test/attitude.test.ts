import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './runCli.js';
import { SHARED_DATA } from '../../../test/sharedData.js';

const dir = mkdtempSync(join(tmpdir(), 'sk-att-'));
const cfg = (o: unknown) => {
  const p = join(dir, `c${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(p, JSON.stringify(o));
  return p;
};
const WIE = 'examples/attitude/wie-space-station.json';
const ISS = 'examples/attitude/iss-2022.json';
const root = new URL('../../../', import.meta.url).pathname;

describe('stationkeeper attitude', () => {
  it('tea --json gives the issue keys; Wie’s model with the aero bias', () => {
    const r = runCli(['attitude', 'tea', '--config', join(root, WIE), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    for (const k of ['yaw_deg', 'pitch_deg', 'roll_deg', 'residual_torque_n_m', 'cmg_secular_momentum_n_m_s_per_orbit']) expect(j).toHaveProperty(k);
    expect(j.pitch_deg).toBeCloseTo(-8.81, 1);
  });

  it('simulate --json lists desaturations with epoch and propellant, and --plot writes an SVG', () => {
    const plot = join(dir, 'm.svg');
    const r = runCli(['attitude', 'simulate', '--config', join(root, ISS), '--duration', '2h', '--controller', 'hold', '--json', '--plot', plot], { STATIONKEEPER_DATA: SHARED_DATA });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.atmosphere).toBe('NRLMSISE-00');
    expect(j.desaturations.length).toBeGreaterThan(0);
    expect(j.desaturations[0]).toHaveProperty('epoch_utc');
    expect(j.desaturations[0].propellant_kg).toBeGreaterThan(0);
    expect(j.total_propellant_kg).toBeCloseTo(j.desaturations.reduce((s: number, d: { propellant_kg: number }) => s + d.propellant_kg, 0), 1);
    expect(readFileSync(plot, 'utf8')).toMatch(/^<svg/);
    expect(r.stderr).toMatch(/wrote/);
  });

  it('slew --json: duration, peak momentum fraction, propellant', () => {
    const r = runCli(['attitude', 'slew', '--config', join(root, ISS), '--from', 'xvv', '--to', '-xvv', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.angle_deg).toBe(180);
    expect(j.propellant_kg).toBeGreaterThan(0);
    expect(j).toHaveProperty('peak_momentum_fraction');
    expect(j).toHaveProperty('duration_s');
  });

  it('bad input: one line, exit 2, naming the field', () => {
    const cases: [string[], RegExp][] = [
      [['attitude', 'tea', '--config', cfg({ inertia_kg_m2: [[1, 2, 0], [0, 1, 0], [0, 0, 1]], altitude_km: 400 })], /symmetric/],
      [['attitude', 'tea', '--config', cfg({ inertia_kg_m2: [[1, 0, 0], [0, 1, 0], [0, 0, 5]], altitude_km: 400 })], /triangle inequality/],
      [['attitude', 'tea', '--config', cfg({ station: 'iss-2022', altitude_km: 5 })], /altitude_km/],
      [['attitude', 'slew', '--config', join(root, ISS), '--from', 'xvv', '--to', 'zvv'], /--to: unknown attitude "zvv"/],
      [['attitude', 'simulate', '--config', join(root, ISS), '--duration', '-3d'], /--duration/],
      [['attitude', 'tea', '--config', join(dir, 'missing.json')], /cannot read --config/],
    ];
    for (const [args, re] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(re);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('--help shows examples', () => {
    for (const sub of ['tea', 'simulate', 'slew']) expect(runCli(['attitude', sub, '--help']).stdout).toMatch(/Examples:\n  stationkeeper attitude/);
  });
});
