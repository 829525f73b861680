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

  it('slew --cmg-only: when no eigenaxis rate fits the envelope, an optimised path is planned and checked on the full dynamics', () => {
    // A mildly asymmetric body (J = diag(100, 90, 110) × 10⁶ kg·m², 3 CMGs): the gyroscopic yaw torque
    // n²(Jxx − Jyy) sin ψ cos ψ fills the CMGs on any eigenaxis rate, but the potential step between
    // XVV and YVV is small enough for a path that lets the torques turn the body.
    const c = cfg({ inertia_kg_m2: [[1e8, 0, 0], [0, 9e7, 0], [0, 0, 1.1e8]], altitude_km: 415, cmgs_active: 3 });
    const r = runCli(['attitude', 'slew', '--config', c, '--from', 'xvv', '--to', 'yvv', '--cmg-only', '--json'], {}, 110_000);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.path_kind).toBe('optimised-path');
    expect(j.propellant_kg).toBe(0);
    expect(j.path.eigenaxis_peak_momentum_fraction).toBeGreaterThan(0.76);
    expect(j.feasible).toBe(true);
    expect(j.peak_momentum_fraction).toBeLessThanOrEqual(0.76);
    expect(Math.abs(j.path.simulated_peak_momentum_fraction / j.peak_momentum_fraction - 1)).toBeLessThan(0.02);
    expect(j.path.simulated_final_error_deg).toBeLessThan(0.1);
    expect(j.duration_h).toBeGreaterThan(1);
    // The work bound for this body (ΔU = −6.4 J): a steady turn needs about a quarter of capacity.
    expect(j.path.steady_turn_bound_fraction).toBeGreaterThan(0.2);
    expect(j.path.steady_turn_bound_fraction).toBeLessThan(0.3);
    expect(j.path.search).toBe('quick');
  }, 120_000);

  it('bad input: one line, exit 2, naming the field', () => {
    const cases: [string[], RegExp][] = [
      [['attitude', 'tea', '--config', cfg({ inertia_kg_m2: [[1, 2, 0], [0, 1, 0], [0, 0, 1]], altitude_km: 400 })], /symmetric/],
      [['attitude', 'tea', '--config', cfg({ inertia_kg_m2: [[1, 0, 0], [0, 1, 0], [0, 0, 5]], altitude_km: 400 })], /triangle inequality/],
      [['attitude', 'tea', '--config', cfg({ station: 'iss-2022', altitude_km: 5 })], /altitude_km/],
      [['attitude', 'slew', '--config', join(root, ISS), '--from', 'xvv', '--to', 'zvv'], /--to: unknown attitude "zvv"/],
      [['attitude', 'slew', '--config', join(root, ISS), '--from', 'xvv', '--to', 'yvv', '--cmg-only', '--search', 'slow'], /--search: must be quick or thorough, got "slow"/],
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
