import { describe, expect, it } from 'vitest';
import { observedSnapshot } from '../../src/analysis/reentry/forecastSpaceWeather.js';
import { SolarCycleModel } from '../../src/foundation/spaceWeather/solarCycle.js';
import { SOLAR_CYCLE_TABLE_NAME, solarCycleTable } from '../../src/foundation/spaceWeather/modelTable.js';
import { DAY_INTERPOLATED } from '../../src/foundation/spaceWeather/table.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

describe('solarCycleTable (the stand-in for a missing SW-All.csv)', () => {
  const model = new SolarCycleModel();
  const first = 59580; // 2022-01-01
  const last = first + 800;
  const table = solarCycleTable(first, last, model);

  it('has one row a day, every row marked interpolated, named as the model', () => {
    expect(table.firstMjd).toBe(first);
    expect(table.lastDailyMjd).toBe(last);
    expect(table.fileName).toBe(SOLAR_CYCLE_TABLE_NAME);
    expect([...table.dailyKind].every((k) => k === DAY_INTERPOLATED)).toBe(true);
  });

  it("matches the model day by day; the running 81-day mean equals the model's own centred mean", () => {
    for (const mjd of [first, first + 1, first + 40, first + 399, last]) {
      const i = mjd - first;
      expect(table.f107Obs[i]).toBe(model.f107ObservedOfDay(mjd));
      expect(table.f107ObsCenter81[i]).toBeCloseTo(model.f107ObservedCenter81OfDay(mjd), 9);
      expect(table.apDaily[i]).toBe(model.apDailyOfDay(mjd));
      expect(table.ap3h[8 * i + 7]).toBe(model.apDailyOfDay(mjd));
    }
  });

  it('serves an as-of snapshot (what the re-entry ensemble takes)', () => {
    const snap = observedSnapshot(table, Epoch.fromIso('2023-06-01T00:00:00Z'));
    expect(snap.source).toBe(SOLAR_CYCLE_TABLE_NAME);
    expect(snap.cutMjd).toBe(60096 - 1);
  });

  it('refuses a reversed span', () => {
    expect(() => solarCycleTable(10, 9)).toThrow(/firstMjd ≤ lastMjd/);
  });
});
