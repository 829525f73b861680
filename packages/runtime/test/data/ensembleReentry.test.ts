import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED_DATA, sharedDataAvailable } from '../../../../test/sharedData.js';
import { parseScenarioText, runScenario } from '@stationkeeper/core';
import { scenarioDeps } from '../../src/data/index.js';

const day = (iso: string) => Date.parse(iso) / 86400e3;

describe.skipIf(!sharedDataAvailable())('scenario re-entry window from the re-entry ensemble', () => {
  // Example (b) cut to 2023: propellant runs out in 2022 and is never restored, so the re-entry is
  // predicted at the end of the run, from the last burn (here: the start, 2022-01-01).
  const text = readFileSync(resolve(REPO_ROOT, 'examples/scenarios/iss-no-russian-reboost-2022.yaml'), 'utf8').replace(/^end: .*$/m, 'end: 2022-12-31');
  const scenario = parseScenarioText(text, 'b.yaml');

  it('example (b): a 90 % window that brackets the ensemble median, reproducible, 1.5–5 years out', () => {
    const deps = scenarioDeps(SHARED_DATA, 'circular', { reentryMembers: 12 });
    const r = runScenario(scenario, deps, { sampleEveryDays: 30 });
    expect(r.propellant_exhausted_utc?.slice(0, 4)).toBe('2022');
    const re = r.reentry!;
    expect(re.window_status).toBe('monte-carlo');
    const w = re.window!;
    expect(w).toMatchObject({ confidence: 0.9, members: 12 });
    expect(day(w.earliest_utc)).toBeLessThan(day(w.median_utc));
    expect(day(w.median_utc)).toBeLessThan(day(w.latest_utc));
    // B ± 20 % and density ± 15 % over a two-year decay: months, not days, either side.
    expect(day(w.latest_utc) - day(w.earliest_utc)).toBeGreaterThan(60);
    // The nominal member (median B, unperturbed forecast) falls inside the members' 90 %.
    expect(day(re.nominal_utc!)).toBeGreaterThan(day(w.earliest_utc));
    expect(day(re.nominal_utc!)).toBeLessThan(day(w.latest_utc));
    // Roscosmos (2022, facts §2): 2–5 years to re-entry without reboosts, depending on the Sun.
    const years = (day(w.median_utc) - day('2022-01-01')) / 365.25;
    expect(years).toBeGreaterThan(1.5);
    expect(years).toBeLessThan(5);
    // Seeded from the scenario: the same run gives the same window.
    const again = runScenario(scenario, scenarioDeps(SHARED_DATA, 'circular', { reentryMembers: 12 }), { sampleEveryDays: 30 });
    expect(again.reentry!.window).toEqual(w);
  }, 60_000);

  it('progress counts through the Monte Carlo members to the end, never backwards', () => {
    const seen: { fraction: number; stage?: string }[] = [];
    runScenario(scenario, scenarioDeps(SHARED_DATA, 'circular', { reentryMembers: 4 }), { sampleEveryDays: 30, onProgress: (fraction, _t, stage) => seen.push({ fraction, stage }) });
    for (let i = 1; i < seen.length; i++) expect(seen[i].fraction).toBeGreaterThanOrEqual(seen[i - 1].fraction);
    const runs = seen.filter((p) => p.stage !== undefined);
    // The nominal run and the four members, one report each, ending at 100 %.
    expect(runs.map((p) => p.stage)).toEqual([1, 2, 3, 4, 5].map((k) => `re-entry Monte Carlo: ${k} of 5 runs`));
    expect(runs.at(-1)!.fraction).toBe(1);
    // The days fill the first half of the bar.
    expect(Math.max(...seen.filter((p) => p.stage === undefined).map((p) => p.fraction))).toBeLessThanOrEqual(0.5);
  }, 60_000);

  it('reentryMembers 0: nominal date only', () => {
    // The full example: the day-by-day decay reaches the 200 km hand-over and predictLifetime goes on from there.
    const r = runScenario(parseScenarioText(readFileSync(resolve(REPO_ROOT, 'examples/scenarios/iss-no-russian-reboost-2022.yaml'), 'utf8'), 'b.yaml'), scenarioDeps(SHARED_DATA, 'circular', { reentryMembers: 0 }), { sampleEveryDays: 30 });
    expect(r.reentry!.window_status).toBe('pending');
    expect(r.reentry!.window).toBeNull();
    expect(r.reentry!.nominal_utc).toBeTruthy();
  }, 30_000);
});
