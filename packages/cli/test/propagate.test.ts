import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ISS_SAMPLE_TLE, parseOem } from '@stationkeeper/core';
import { parseDuration, registerPropagate, runPropagate, type PropagateOpts } from '../src/commands/propagate.js';
import { UsageError } from '../src/util/options.js';
import { sharedDataAvailable, SHARED_DATA } from '../../../test/sharedData.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
const example = (name: string) => join(ROOT, 'examples', 'forces', name);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sk-prop-'));
}

async function run(opts: PropagateOpts): Promise<{ stdout: string; stderr: string }> {
  let stdout = '';
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (c) => (err += String(c)));
  await runPropagate({ dataDir: tempDir(), ...opts }, { stdout: (c) => (stdout += c), stderr });
  return { stdout, stderr: err };
}

async function usageError(opts: PropagateOpts): Promise<string> {
  try {
    await run(opts);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('stationkeeper propagate', () => {
  it('parses durations with s/m/h/d', () => {
    expect(parseDuration('--duration', '90m')).toBe(5400);
    expect(parseDuration('--duration', '7d')).toBe(604800);
    expect(parseDuration('--duration', '1.5h')).toBe(5400);
    expect(parseDuration('--duration', '30s')).toBe(30);
    expect(parseDuration('--duration', '45')).toBe(45);
    for (const bad of ['', '7 days', '-1d', '0h', '1e3d', '9999d']) expect(() => parseDuration('--duration', bad)).toThrow(/--duration/);
  });

  it('ISS TLE (embedded sample), J2, 90 min at 60 s: CSV rows in GCRF km, start = SGP4 at the element epoch', async () => {
    const { stdout, stderr } = await run({ config: example('j2.json'), duration: '90m', stepS: '60' });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('epoch_utc,t_s,x_km,y_km,z_km,vx_km_s,vy_km_s,vz_km_s,mass_kg');
    expect(lines).toHaveLength(92);
    const first = lines[1].split(',');
    expect(first[0]).toBe('2022-07-15T12:14:42.323712Z');
    const last = lines[91].split(',');
    expect(Number(last[1])).toBe(5400);
    for (const line of lines.slice(1)) {
      const c = line.split(',').map(Number);
      const r = Math.hypot(c[2], c[3], c[4]);
      expect(r).toBeGreaterThan(6770);
      expect(r).toBeLessThan(6830);
    }
    expect(stderr).toMatch(/propagated ISS \(ZARYA\) 1\.5 h .*EGM96 J2/);
  });

  it('OEM output to a file reads back with the CCSDS reader; a JSON state file starts the run', async () => {
    const dir = tempDir();
    const state = join(dir, 'state.json');
    writeFileSync(
      state,
      JSON.stringify({ epoch: '2024-03-15T00:00:00Z', frame: 'GCRF', r_km: [6778.137, 0, 0], v_km_s: [0, 4.7704, 6.0231], mass_kg: 1000, object_name: 'TEST SAT', object_id: '2024-001A' }),
    );
    const out = join(dir, 'eph.oem');
    const { stdout } = await run({ state, config: example('two-body.json'), duration: '10m', stepS: '120', format: 'oem', out });
    expect(stdout).toBe('');
    const oem = parseOem(readFileSync(out, 'utf8'), out);
    const seg = oem.segments[0];
    expect(seg.metadata.refFrame).toBe('GCRF');
    expect(seg.metadata.centerName).toBe('EARTH');
    expect(seg.metadata.objectName).toBe('TEST SAT');
    expect(seg.metadata.objectId).toBe('2024-001A');
    expect(seg.epochs).toHaveLength(6);
    expect(seg.positionsM[0]).toBeCloseTo(6778137, 3);
    expect(seg.velocitiesMps[2]).toBeCloseTo(6023.1, 6);
    expect(seg.metadata.stopTime.secondsSince(seg.metadata.startTime)).toBeCloseTo(600, 6);
  });

  it('draws a progress bar when stderr is a terminal, none otherwise', async () => {
    const tty = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    let drawn = '';
    tty.on('data', (c) => (drawn += String(c)));
    await runPropagate({ dataDir: tempDir(), config: example('j2.json'), duration: '1d', stepS: '3600' }, { stdout: () => undefined, stderr: tty });
    expect(drawn).toMatch(/propagating .*%/);
    const { stderr } = await run({ config: example('j2.json'), duration: '1d', stepS: '3600' });
    expect(stderr).not.toMatch(/propagating/);
  });

  it('registers the command with commander', () => {
    const program = new Command('stationkeeper');
    registerPropagate(program);
    const cmd = program.commands.find((c) => c.name() === 'propagate')!;
    const names = cmd.options.map((o) => o.long);
    for (const o of ['--tle', '--state', '--norad', '--config', '--duration', '--step-s', '--format', '--out', '--data-dir']) expect(names).toContain(o);
  });

  it('names what is wrong', async () => {
    expect(await usageError({ duration: '1h' })).toMatch(/--config FILE is required/);
    expect(await usageError({ config: example('j2.json') })).toMatch(/--duration is required/);
    expect(await usageError({ config: example('j2.json'), duration: '1h', format: 'xml' })).toMatch(/--format must be one of csv, oem/);
    expect(await usageError({ config: '/nonexistent.json', duration: '1h' })).toMatch(/--config: file not found/);
    expect(await usageError({ config: example('j2.json'), duration: '1h', tle: 'a', state: 'b' })).toMatch(/either --tle or --state/);
    const dir = tempDir();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ spacecraft: { massKg: 1000 }, forces: { gravity: { model: 'j2' }, drag: { atmosphere: 'nrlmsise00', cd: -1, areaM2: 10 } } }));
    // The atmosphere runs on the embedded coefficients; the space-weather file is still needed and named.
    expect(await usageError({ config: bad, duration: '1h' })).toMatch(/spaceweather\/SW-All\.csv — run `stationkeeper data fetch --only spaceweather/);
    writeFileSync(bad, JSON.stringify({ spacecraft: { massKg: 1000 }, forces: { gravity: { model: 'j2', degree: 4 } } }));
    expect(await usageError({ config: bad, duration: '1h' })).toMatch(/forces\.gravity\.degree/);
    writeFileSync(bad, JSON.stringify({ forces: { gravity: { model: 'j2' } }, integrator: { rtol: 0 } }));
    expect(await usageError({ config: bad, duration: '1h' })).toMatch(/integrator\.rtol/);
    writeFileSync(bad, JSON.stringify({ forces: { gravity: { model: 'j2' } } }));
    expect(await usageError({ config: bad, duration: '1h' })).toMatch(/no spacecraft mass/);
    // Gravity file missing: names the file and the fetch command (EGM96 is what `data fetch` gets).
    expect(await usageError({ config: example('iss-full.json'), duration: '1h' })).toMatch(
      /gravity\/EGM96\.gfc — run `stationkeeper data fetch --only gravity.*\(nor gravity\/eigen-6s\.gfc\)/,
    );
    const state = join(dir, 's.json');
    writeFileSync(state, JSON.stringify({ epoch: '2024-03-15T00:00:00Z', frame: 'GCRF', r_km: [6778, 0, 0], v_km_s: [0, 7.7, 0] }));
    expect(await usageError({ state, config: example('j2.json'), duration: '1h' })).toMatch(/field mass_kg/);
    const tle = join(dir, 'iss.tle');
    writeFileSync(tle, ISS_SAMPLE_TLE);
    expect(await usageError({ tle, norad: '99999', config: example('j2.json'), duration: '1h' })).toMatch(/no element set for NORAD 99999/);
  });

  it.skipIf(!sharedDataAvailable())('iss-full.json runs on the shared data directory (EIGEN-6S, NRLMSISE-00, SW-All)', async () => {
    const { stdout, stderr } = await run({ config: example('iss-full.json'), duration: '30m', stepS: '600', dataDir: SHARED_DATA });
    expect(stdout.trim().split('\n')).toHaveLength(5);
    expect(stderr).toMatch(/EIGEN-6S 70×70, drag \(NRLMSISE-00\), sun third body, moon third body, solar radiation pressure/);
  });
});
