/**
 * Re-entry ensemble on real histories: reproducible by seed on one thread or several, blind to
 * everything after the as-of date (later TLEs and space-weather rows poisoned: same answer), and
 * every kind of bad input refused with its reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readShared, sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import { parseTle } from '../../src/foundation/formats/index.js';
import type { MeanElements } from '../../src/foundation/formats/meanElements.js';
import { parseCelestrakSpaceWeatherCsv, SpaceWeatherTable } from '../../src/foundation/spaceWeather/index.js';
import { runReentryEnsembleParallel } from '@stationkeeper/runtime';
import {
  finalGroundTrack,
  prepareReentryPrediction,
  ReentryInputError,
  runReentryEnsemble,
  summariseEnsemble,
  type ReentryPreparationOptions,
} from '../../src/analysis/reentry/index.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

describe.skipIf(!sharedDataAvailable())('re-entry ensemble', () => {
  const table = parseCelestrakSpaceWeatherCsv(readShared('spaceweather', 'SW-All.csv'));
  const msis = JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8'));
  const genesat = parseTle(readShared('reentry', '29655_GENESAT-1_2006-058C.tle')).records;
  const asOf = Epoch.fromIso('2010-08-01T12:00:00Z');
  const base = (over: Partial<ReentryPreparationOptions> = {}): ReentryPreparationOptions => ({ asOf, spaceWeatherTable: table, msisCoefficients: msis, members: 4, seed: 42, ...over });

  it('GeneSat-1 three days out: same members for the same seed, in one thread or two workers; different for another seed', async () => {
    const prep = prepareReentryPrediction(genesat, base());
    expect(prep.ignoredAfterAsOf).toBeGreaterThan(0);
    expect(prep.lastElementEpoch.isAfter(asOf)).toBe(false);
    const a = await runReentryEnsemble(prep.input);
    const b = await runReentryEnsembleParallel(prep.input, { workers: 2 });
    expect(b.map((r) => r.lifetimeDays)).toEqual(a.map((r) => r.lifetimeDays));
    const c = await runReentryEnsemble({ ...prep.input, seed: 43 });
    expect(c[0].lifetimeDays).not.toBe(a[0].lifetimeDays);
    const s = summariseEnsemble(prep.input, a);
    // SATCAT decay 2010-08-04: the whole window lies within 1 … 6 days of the as-of date.
    expect(s.reenteredMembers).toBe(4);
    expect(s.p05!.secondsSince(asOf) / 86400).toBeGreaterThan(1);
    expect(s.p95!.secondsSince(asOf) / 86400).toBeLessThan(6);
    expect(s.p05Days).toBeLessThanOrEqual(s.medianDays);
    expect(s.medianDays).toBeLessThanOrEqual(s.p95Days);
  }, 60_000);

  it('is blind to the future: poisoned TLEs and space-weather rows after as-of change nothing', async () => {
    const prep = prepareReentryPrediction(genesat, base({ members: 2 }));
    // A fake element set after as-of claiming a much higher orbit, and absurd space weather after the cut.
    const fake: MeanElements = { ...genesat[genesat.length - 1], epoch: asOf.plusSeconds(3600), meanMotionRevPerDay: 15.2 };
    const cut = asOf.utcDaySeconds().mjdDay - 1;
    const poison = (flux: number, apValue: number) => {
      const k = cut - table.firstMjd + 1;
      const f = table.f107Obs.slice();
      f.fill(flux, k);
      const c = table.f107ObsCenter81.slice();
      c.fill(flux, k - 40);
      const ap = table.apDaily.slice();
      ap.fill(apValue, k);
      const ap3 = table.ap3h.slice();
      ap3.fill(apValue, 8 * k);
      return new SpaceWeatherTable(table.fileName, table.firstMjd, table.dailyKind, ap3, ap, f, c, table.monthlyMjd, table.monthlyF107Obs, table.monthlyF107ObsCenter81, table.monthlyAp);
    };
    const poisoned = poison(500, 300);
    const prep2 = prepareReentryPrediction([...genesat, fake], base({ members: 2, spaceWeatherTable: poisoned }));
    expect(prep2.input.ballisticCoefficientKgPerM2).toBe(prep.input.ballisticCoefficientKgPerM2);
    const a = await runReentryEnsemble(prep.input);
    const b = await runReentryEnsemble(prep2.input);
    expect(b.map((r) => r.lifetimeDays)).toEqual(a.map((r) => r.lifetimeDays));
    // The perfect-knowledge mode does see the poison (it reads the file after as-of): that is why it is labelled.
    const pk = prepareReentryPrediction(genesat, base({ members: 1, spaceWeatherTable: poison(250, 80), perfectKnowledge: true }));
    expect(pk.input.spaceWeather.mode).toBe('observed-perfect-knowledge');
    const p = await runReentryEnsemble(pk.input);
    expect(p[0].lifetimeDays).toBeLessThan(a[0].lifetimeDays * 0.8);
  }, 60_000);

  it('the final ground track stays inside the orbit’s latitude reach and gives a band', async () => {
    const prep = prepareReentryPrediction(genesat, base({ asOf: Epoch.fromIso('2010-08-03T12:00:00Z'), members: 3 }));
    const res = await runReentryEnsemble(prep.input);
    const s = summariseEnsemble(prep.input, res);
    const t = finalGroundTrack(prep.input, 0, s.p05!.plusSeconds(-3600), s.p95!, s.p05!, s.p95!);
    expect(t.points.length).toBeGreaterThan(50);
    const inc = (prep.input.initial.inclinationRad * 180) / Math.PI;
    for (const p of t.points) expect(Math.abs(p.latitudeDeg)).toBeLessThan(inc + 0.5);
    expect(t.latitudeBand.minDeg).toBeLessThan(t.latitudeBand.maxDeg);
    expect(t.latitudeBand.maxDeg).toBeLessThan(inc + 0.5);
  }, 60_000);

  it('an abort signal stops the run', async () => {
    const prep = prepareReentryPrediction(genesat, base({ members: 50 }));
    const ac = new AbortController();
    const run = runReentryEnsemble(prep.input, { signal: ac.signal, onProgress: (done) => done === 1 && ac.abort() });
    await expect(run).rejects.toThrow(/aborted/);
  }, 60_000);

  describe('bad input is refused with the reason', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(ReentryInputError);
        return `${(e as ReentryInputError).code}: ${(e as Error).message}`;
      }
      return 'no error';
    };
    it('as-of before the first TLE', () => {
      expect(code(() => prepareReentryPrediction(genesat, base({ asOf: Epoch.fromIso('2006-01-01T00:00:00Z') })))).toMatch(/^as-of-before-first: .*before the first element set/);
    });
    it('already decayed', () => {
      expect(code(() => prepareReentryPrediction(genesat, base({ asOf: Epoch.fromIso('2010-08-10T00:00:00Z') })))).toMatch(/^decayed: .*already decayed/);
    });
    it('too few points', () => {
      expect(code(() => prepareReentryPrediction(genesat.slice(0, 4), base({ asOf: Epoch.fromIso('2007-01-01T00:00:00Z') })))).toMatch(/^too-few: /);
    });
    it('a long gap before the as-of date', () => {
      const cutAt = Epoch.fromIso('2009-06-01T00:00:00Z');
      const gappy = genesat.filter((e) => e.epoch.secondsSince(cutAt) < -20 * 86400 || e.epoch.secondsSince(cutAt) > -2 * 86400);
      expect(code(() => prepareReentryPrediction(gappy, base({ asOf: cutAt })))).toMatch(/^gap: .*-day gap/);
    });
    it('only duplicates of one element set', () => {
      const dup = Array.from({ length: 10 }, () => genesat[100]);
      expect(code(() => prepareReentryPrediction(dup, base({ asOf: genesat[100].epoch.plusSeconds(86400) })))).toMatch(/^too-few: /);
    });
    it('a manoeuvre just before the as-of date (ISS reboost of 2022-02-26)', () => {
      const iss = parseTle(readShared('tle_iss', 'iss_25544_2021-01_to_2022-03_rtphokie.txt')).records;
      expect(code(() => prepareReentryPrediction(iss, base({ asOf: Epoch.fromIso('2022-03-01T00:00:00Z') })))).toMatch(/^too-few: .*reboost/);
    });
    it('several objects without a choice', () => {
      const other = { ...genesat[10], noradId: 99999 };
      expect(code(() => prepareReentryPrediction([...genesat, other], base()))).toMatch(/^mixed-objects: /);
    });
  });
});
