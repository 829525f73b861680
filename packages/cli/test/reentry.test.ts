/**
 * `stationkeeper reentry` in-process (the command is registered on a fresh program): JSON keys,
 * reproducibility by seed, the perfect-knowledge label, and a clear refusal for each bad input.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable, sharedPath } from '../../../test/sharedData.js';
import { registerReentry } from '../src/commands/reentry.js';

async function runCommand(register: (p: Command, io: object) => unknown, args: string[]) {
  let out = '';
  let err = '';
  const files = new Map<string, string>();
  const program = new Command('stationkeeper').exitOverride();
  register(program, { out: (t: string) => (out += t), err: (t: string) => (err += t), writeFile: (p: string, t: string) => files.set(p, t), progress: false });
  let error: Error | undefined;
  try {
    await program.parseAsync(['node', 'stationkeeper', ...args]);
  } catch (e) {
    error = e as Error;
  }
  return { out, err, files, error };
}

describe.skipIf(!sharedDataAvailable())('stationkeeper reentry', () => {
  const data = sharedPath();
  const genesat = sharedPath('reentry', '29655_GENESAT-1_2006-058C.tle');
  const run = (...args: string[]) => runCommand(registerReentry, ['reentry', '--data-dir', data, '--workers', '1', ...args]);

  it('GeneSat-1 a day and a half before decay: JSON keys, a window around 4 August 2010, a ground track, reproducible by seed', async () => {
    const args = ['--tle', genesat, '--as-of', '2010-08-03T00:00:00Z', '--mc', '3', '--seed', '9', '--json', '--plot', 'cdf.svg'];
    const r = await run(...args);
    expect(r.error).toBeUndefined();
    const j = JSON.parse(r.out);
    for (const k of ['norad', 'as_of_utc', 'reentry_epoch_utc', 'window_p05_utc', 'window_p95_utc', 'ballistic_coefficient_kg_m2', 'members']) expect(j).toHaveProperty(k);
    expect(j.norad).toBe(29655);
    expect(j.members).toBe(3);
    expect(j.as_of_utc).toBe('2010-08-03T00:00:00Z');
    expect(j.tle.ignored_after_as_of).toBeGreaterThan(0);
    expect(j.tle.last_epoch_utc <= j.as_of_utc).toBe(true);
    expect(j.space_weather.mode).toBe('as-of forecast');
    expect(j.space_weather.observed_through_utc_date).toBe('2010-08-02');
    expect(j.window_p05_utc <= j.reentry_epoch_utc && j.reentry_epoch_utc <= j.window_p95_utc).toBe(true);
    expect(j.reentry_epoch_utc > '2010-08-03T12' && j.reentry_epoch_utc < '2010-08-07').toBe(true);
    expect(j.ground_track.points.length).toBeGreaterThan(10);
    expect(Math.abs(j.ground_track.latitude_band_deg[1])).toBeLessThan(41);
    expect(r.files.get('cdf.svg')).toMatch(/^<svg/);
    const again = await run(...args);
    expect(JSON.parse(again.out).reentry_epoch_utc).toBe(j.reentry_epoch_utc);
  }, 60_000);

  it('the perfect-knowledge mode is labelled as such in text and JSON', async () => {
    const r = await run('--tle', genesat, '--as-of', '2010-08-03T00:00:00Z', '--mc', '1', '--seed', '1', '--perfect-knowledge');
    expect(r.error).toBeUndefined();
    expect(r.out).toMatch(/PERFECT-KNOWLEDGE HINDCAST/);
  }, 60_000);

  describe('bad input: a clear message, never a number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-reentry-'));
    const lines = readShared('reentry', '29655_GENESAT-1_2006-058C.tle').trim().split(/\r?\n/);
    const write = (name: string, l: string[]) => {
      const p = join(dir, name);
      writeFileSync(p, l.join('\n') + '\n');
      return p;
    };
    const refused = async (args: string[], pattern: RegExp) => {
      const r = await run(...args);
      expect(r.error, r.out).toBeDefined();
      expect(r.error!.message).toMatch(pattern);
      expect(r.out).toBe('');
    };
    it('as-of before the first TLE', () => refused(['--tle', genesat, '--as-of', '2005-01-01T00:00:00Z'], /as-of-before-first.*before the first element set/));
    it('an object that has already decayed', () => refused(['--tle', genesat, '--as-of', '2010-09-01T00:00:00Z'], /decayed.*already decayed/));
    it('too few element sets', () => refused(['--tle', write('few.tle', lines.slice(0, 6))], /too-few/));
    it('only duplicates', () => refused(['--tle', write('dup.tle', Array.from({ length: 12 }, () => lines.slice(0, 2)).flat())], /too-few/));
    it('a gap before the as-of date', async () => {
      // Sets of 2009 up to 1 May, then only the last two days before the as-of date.
      const pairs: string[][] = [];
      for (let i = 0; i + 1 < lines.length; i += 2) pairs.push([lines[i], lines[i + 1]]);
      const year = (p: string[]) => Number(p[0].slice(18, 20)) * 1000 + Number(p[0].slice(20, 23));
      const kept = pairs.filter((p) => (year(p) >= 9090 && year(p) < 9121) || (year(p) >= 9150 && year(p) < 9152)).flat();
      await refused(['--tle', write('gap.tle', kept), '--as-of', '2009-06-01T12:00:00Z'], /gap.*-day gap/);
    });
    it('a reboost just before the as-of date (ISS)', () => refused(['--tle', sharedPath('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt'), '--as-of', '2022-03-01T00:00:00Z'], /too-few.*reboost/));
    it('a file with several objects and no --norad', () =>
      refused(['--tle', write('two.tle', [...lines.slice(0, 20), ...readShared('reentry', '33506_OMID_2009-004A.tle').trim().split(/\r?\n/).slice(0, 20)])], /holds 2 objects.*--norad/));
  });
});
