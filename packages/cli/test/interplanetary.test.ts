import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerLambert } from '../src/commands/lambert.js';
import { parseMark, registerPorkchop } from '../src/commands/porkchop.js';
import { UsageError } from '../src/util/options.js';
import fc from 'fast-check';
import { registerWindows } from '../src/commands/windows.js';
import { runCli } from './runCli.js';

async function run(args: string[]): Promise<{ out: string; err: string; files: Map<string, string> }> {
  let out = '';
  let err = '';
  const files = new Map<string, string>();
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), writeFile: (p: string, t: string) => files.set(p, t) };
  const program = new Command('stationkeeper').exitOverride();
  registerLambert(program, io);
  registerPorkchop(program, io);
  registerWindows(program, io);
  await program.parseAsync(['node', 'stationkeeper', ...args]);
  return { out, err, files };
}

describe('stationkeeper lambert', () => {
  it('Mars 2020 as flown: the issue\'s JSON keys, a Type I transfer of 203.4 days', async () => {
    const { out } = await run(['lambert', '--from', 'earth', '--to', 'mars', '--depart', '2020-07-30T11:50:01Z', '--arrive', '2021-02-18T20:55:00Z', '--launch-lat-deg', '28.5', '--json']);
    const j = JSON.parse(out);
    for (const k of ['c3_km2_s2', 'vinf_arrival_km_s', 'tof_days', 'dla_deg']) expect(typeof j[k]).toBe('number');
    expect(j.tof_days).toBeCloseTo(203.378, 3);
    expect(j.type).toBe('I');
    expect(j.c3_km2_s2).toBeGreaterThan(10);
    expect(j.c3_km2_s2).toBeLessThan(20);
    expect(j.minimum_parking_inclination_deg).toBeGreaterThanOrEqual(28.5);
  });
  it('--max-revolutions lists the one-revolution pair after the direct solution', async () => {
    const { out } = await run(['lambert', '--from', 'earth', '--to', 'mars', '--depart', '2020-07-30', '--arrive', '2023-01-10', '--max-revolutions', '2', '--json']);
    const j = JSON.parse(out);
    expect(j.solutions.map((s: { revolutions: number; branch: string }) => `${s.revolutions}${s.branch}`)).toEqual(['0direct', '1left', '1right']);
    expect(j.solutions[0].c3_km2_s2).toBeCloseTo(j.c3_km2_s2, 3);
    // 894 days: going once round the Sun first is far cheaper than the direct arc.
    expect(j.solutions[2].c3_km2_s2).toBeLessThan(j.c3_km2_s2 / 4);
  });
  it('prints a table without --json', async () => {
    const { out } = await run(['lambert', '--from', 'earth', '--to', 'mars', '--depart', '2018-05-05T11:05:00Z', '--arrive', '2018-11-26T19:52:59Z']);
    expect(out).toMatch(/C3 at departure\s+\d+\.\d+ km²\/s²/);
    expect(out).toMatch(/Type I/);
  });
});

describe('stationkeeper porkchop', () => {
  it('writes the SVG, says so, and prints the grid with minima as JSON', async () => {
    const { out, err, files } = await run(['porkchop', '--from', 'earth', '--to', 'mars', '--depart-start', '2020-07-01', '--depart-end', '2020-08-30', '--arrive-start', '2021-01-01', '--arrive-end', '2021-03-31', '--step-days', '5', '--plot', 'pc.svg', '--mark', 'Mars 2020@2020-07-30T11:50:01Z/2021-02-18T20:55:00Z', '--json']);
    const j = JSON.parse(out);
    expect(j.depart_utc).toHaveLength(13);
    expect(j.arrive_utc).toHaveLength(18);
    expect(j.c3_km2_s2).toHaveLength(13);
    expect(j.c3_km2_s2[0]).toHaveLength(18);
    expect(j.minima.min_c3.type).toBe('I');
    expect(j.minima.min_c3.c3_km2_s2).toBeCloseTo(Math.min(...j.c3_km2_s2.flat().filter((v: number | null) => v !== null)), 3);
    expect(err).toBe('wrote pc.svg\n');
    expect(files.get('pc.svg')).toContain('Mars 2020');
  });
  it('refuses a bad --mark by name', async () => {
    await expect(run(['porkchop', '--from', 'earth', '--to', 'mars', '--depart-start', '2020-07-01', '--depart-end', '2020-08-30', '--arrive-start', '2021-01-01', '--arrive-end', '2021-03-31', '--mark', 'nodates'])).rejects.toThrow(/--mark must look like "LABEL@DEPART\/ARRIVE"/);
  });
});

describe('--mark parser', () => {
  it('reads LABEL@DEPART/ARRIVE and refuses anything else with a UsageError naming --mark', () => {
    const m = parseMark('ExoMars 2022 plan@2022-09-20/2023-06-10T15:32:00Z');
    expect(m.label).toBe('ExoMars 2022 plan');
    expect(m.arrive.toIsoUtc(0)).toBe('2023-06-10T15:32:00Z');
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map(([a, b, c]) => `${a}@${b}/${c}`)), (text) => {
        try {
          parseMark(text);
        } catch (e) {
          expect(e).toBeInstanceOf(UsageError);
          expect((e as Error).message).toMatch(/^--mark/);
          expect((e as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 3000, seed: 18 },
    );
  });
});

describe('stationkeeper windows', () => {
  it('finds the 2020 and 2022 windows as JSON', async () => {
    const { out } = await run(['windows', '--from', 'earth', '--to', 'mars', '--start', '2019-09-01', '--years', '3.5', '--json']);
    const j = JSON.parse(out);
    expect(j.windows.map((w: { best: { depart_utc: string } }) => w.best.depart_utc.slice(0, 7))).toEqual(['2020-07', '2022-09']);
    expect(j.windows[0].launch_period.days).toBeGreaterThan(30);
  });
});

describe('bad input: exit 2, one line naming the flag, no stack', () => {
  it.each([
    [['lambert', '--from', 'earth', '--to', 'mars', '--depart', '2021-07-30', '--arrive', '2021-02-18'], /^--arrive: 2021-02-18T00:00:00Z is not after depart 2021-07-30T00:00:00Z$/],
    [['lambert', '--from', 'earth', '--to', 'mars', '--depart', 'soon', '--arrive', '2021-02-18'], /^--depart must be an ISO 8601 UTC time/],
    [['lambert', '--to', 'mars', '--depart', '2020-01-01', '--arrive', '2021-02-18'], /^--from is required/],
    [['porkchop', '--from', 'earth', '--to', 'mars', '--depart-start', '2020-06-01', '--depart-end', '2020-07-30', '--arrive-start', '2020-01-01', '--arrive-end', '2020-05-01'], /^--arrive-end: 2020-05-01T00:00:00Z is not after depart-start/],
    [['porkchop', '--from', 'earth', '--to', 'mars', '--depart-start', '2020-06-01', '--depart-end', '2020-07-30', '--arrive-start', '2020-01-01', '--arrive-end', '2021-05-01', '--step-days', '0'], /^--step-days must be between 0.01 and 365, got 0$/],
    [['windows', '--from', 'mars', '--to', 'mars', '--start', '2020-01-01'], /^--to: departure and arrival bodies are both mars$/],
    [['windows', '--from', 'earth', '--to', 'mars', '--start', '2020-01-01', '--step-days', '1.5'], /^--step-days must be a whole number, got 1.5$/],
  ] as [string[], RegExp][])('%j', async (args, message) => {
    await expect(run(args)).rejects.toThrow(message);
  });

  const binaryCases: [string[], RegExp][] = [
    [['lambert', '--from', 'earth', '--to', 'pluto', '--depart', '2020-07-30', '--arrive', '2021-02-18'], /^stationkeeper: --to: unknown body "pluto"; known bodies are earth, mars\n$/],
    [['lambert', '--from', 'earth', '--to', 'mars', '--depart', '2250-07-30', '--arrive', '2251-02-18'], /^stationkeeper: --depart: 2250-07-30T00:00:00Z is outside the planetary ephemeris span \(1900-01-01 to 2200-01-01\)\n$/],
    [['porkchop', '--from', 'earth', '--to', 'mars', '--depart-start', '2020-06-01', '--depart-end', '2020-05-30', '--arrive-start', '2020-12-01', '--arrive-end', '2021-10-31'], /^stationkeeper: --depart-end: the end 2020-05-30T00:00:00Z is before the start 2020-06-01T00:00:00Z\n$/],
  ];
  it.each(binaryCases)('through the real binary: %j', (args, message) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
