/**
 * The as-of space weather: it never reads a row after the cut (poisoned later rows change
 * nothing), its observed part equals the file, the forecast is what the documented equations
 * give, and members are reproducible and spread as stated.
 */
import { describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';
import { parseCelestrakSpaceWeatherCsv, SpaceWeatherTable } from '../../src/foundation/spaceWeather/index.js';
import { AsOfSpaceWeather, observedSnapshot } from '../../src/analysis/reentry/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

/** A copy of `t` whose rows after `cutMjd` are replaced by absurd values. */
function poisonAfter(t: SpaceWeatherTable, cutMjd: number): SpaceWeatherTable {
  const k = cutMjd - t.firstMjd + 1;
  const f = t.f107Obs.slice();
  const c = t.f107ObsCenter81.slice();
  const a = t.apDaily.slice();
  const a3 = t.ap3h.slice();
  f.fill(999, k);
  a.fill(400, k);
  a3.fill(400, 8 * k);
  // The centred average of the last 40 days before the cut contains later flux: poison it too.
  c.fill(999, k - 40);
  return new SpaceWeatherTable(t.fileName, t.firstMjd, t.dailyKind, a3, a, f, c, t.monthlyMjd, t.monthlyF107Obs.map(() => 999), t.monthlyF107ObsCenter81.map(() => 999), t.monthlyAp);
}

describe.skipIf(!sharedDataAvailable())('as-of space weather', () => {
  const table = parseCelestrakSpaceWeatherCsv(readShared('spaceweather', 'SW-All.csv'));
  const asOf = Epoch.fromIso('2016-03-10T15:00:00Z');
  const cut = asOf.utcDaySeconds().mjdDay - 1;

  it('cuts at the last UTC day ended by asOf and copies nothing later', () => {
    const s = observedSnapshot(table, asOf, cut - 200);
    expect(s.cutMjd).toBe(cut);
    expect(s.f107Obs.length).toBe(cut - s.firstMjd + 1);
    expect(s.f107Obs[s.f107Obs.length - 1]).toBe(table.f107Obs[cut - table.firstMjd]);
    // Midnight exactly: the day before has ended, so it is the cut.
    expect(observedSnapshot(table, Epoch.fromIso('2016-03-10T00:00:00Z')).cutMjd).toBe(cut);
  });

  it('poisoning every row after the cut (and the centred averages that see them) changes no value served', () => {
    const clean = new AsOfSpaceWeather(observedSnapshot(table, asOf), { perturbation: { seed: 7, member: 3 } });
    const dirty = new AsOfSpaceWeather(observedSnapshot(poisonAfter(table, cut), asOf), { perturbation: { seed: 7, member: 3 } });
    for (let h = -60 * 24; h <= 800 * 24; h += 7) {
      const e = asOf.plusSeconds(h * 3600);
      const p = clean.at(e);
      const q = dirty.at(e);
      expect(q.f107).toBe(p.f107);
      expect(q.f107a).toBe(p.f107a);
      expect(Array.from(q.ap)).toEqual(Array.from(p.ap));
    }
    // And the poison is really there: a plain lookup of the same table would see it.
    expect(poisonAfter(table, cut).f107Obs[cut + 1 - table.firstMjd]).toBe(999);
  });

  it('serves the observed F10.7 and 3-hourly ap before the cut, and a centred 81-day mean without later flux', () => {
    const sw = new AsOfSpaceWeather(observedSnapshot(table, asOf));
    const day = cut - 100;
    const v = sw.at(Epoch.fromUtcDaySeconds(day, 5 * 3600));
    expect(v.f107).toBe(table.f107Obs[day - 1 - table.firstMjd]);
    expect(v.ap[0]).toBe(table.apDaily[day - table.firstMjd]);
    expect(v.ap[1]).toBe(table.ap3h[(day - table.firstMjd) * 8 + 1]);
    // 100 days back the centred window is all observed: it agrees with the file's column (which is computed the same way, to rounding).
    expect(Math.abs(v.f107a - table.f107ObsCenter81[day - table.firstMjd])).toBeLessThan(0.2);
    // 10 days back it is not (the file's value contains 30 days of later flux); it mixes observed and forecast.
    const near = sw.at(Epoch.fromUtcDaySeconds(cut - 10, 0));
    expect(near.kind).toBe('model');
  });

  it('the median forecast is persistence of the 81-day mean relaxing to the cycle model (equations of the module comment)', () => {
    const sw = new AsOfSpaceWeather(observedSnapshot(table, asOf));
    let mean = 0;
    for (let d = cut - 80; d <= cut; d++) mean += table.f107Obs[d - table.firstMjd];
    mean /= 81;
    expect(sw.f107Mean81).toBeCloseTo(mean, 9);
    const m = sw.model;
    const offset = mean - m.f107ObservedCenter81OfDay(cut - 40);
    for (const k of [1, 30, 365, 2000]) {
      const expected = Math.max(60, m.f107ObservedOfDay(cut + k) + offset * Math.exp(-k / sw.forecast.f107RelaxDays));
      expect(sw.f107OfDay(cut + k)).toBeCloseTo(expected, 9);
    }
    let ap = 0;
    for (let d = cut - 26; d <= cut; d++) ap += table.apDaily[d - table.firstMjd];
    expect(sw.apMean).toBeCloseTo(ap / 27, 9);
  });

  it('members are reproducible, differ from each other, and keep the forecast mean with the stated log spread', () => {
    const snap = observedSnapshot(table, asOf);
    const base = new AsOfSpaceWeather(snap);
    const a = new AsOfSpaceWeather(snap, { perturbation: { seed: 11, member: 5 } });
    const b = new AsOfSpaceWeather(snap, { perturbation: { seed: 11, member: 5 } });
    // Ask b in reverse day order: the member must not depend on the order of the questions.
    const days = [cut + 300, cut + 50, cut + 1];
    const fb = days.map((d) => b.f107OfDay(d));
    expect(days.map((d) => a.f107OfDay(d))).toEqual(fb);
    const k = 200;
    const logs: number[] = [];
    const ratios: number[] = [];
    for (let member = 0; member < 2000; member++) {
      const s = new AsOfSpaceWeather(snap, { perturbation: { seed: 11, member } });
      const r = s.apOfDay(cut + k) / base.apOfDay(cut + k);
      logs.push(Math.log(r));
      ratios.push(r);
    }
    const mean = ratios.reduce((p, q) => p + q, 0) / ratios.length;
    const mu = logs.reduce((p, q) => p + q, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((p, q) => p + (q - mu) ** 2, 0) / (logs.length - 1));
    const f = a.forecast;
    const expectedSd = Math.sqrt(f.apSigma0 ** 2 + f.apSigmaWalk ** 2);
    // 2000 draws: the sample σ is within ~3 % and the mean ratio within ~4 % (3σ) of their values.
    expect(Math.abs(sd / expectedSd - 1)).toBeLessThan(0.05);
    expect(Math.abs(mean - 1)).toBeLessThan(0.06);
  });

  it('refuses an as-of with too little observed history, naming the dates', () => {
    expect(() => observedSnapshot(table, Epoch.fromUtcDaySeconds(table.firstMjd + 20, 0))).toThrow(/needs 81 observed days/);
  });
});
