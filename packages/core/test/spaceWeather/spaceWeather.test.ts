import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SOLAR_CYCLE,
  earthSunDistanceAu,
  emptySpaceWeatherValues,
  parseCelestrakSpaceWeatherCsv,
  parseCssiSpaceWeather,
  SolarCycleModel,
  SolarCycleSpaceWeather,
  TabulatedSpaceWeather,
  type SpaceWeatherTable,
} from '../../src/foundation/spaceWeather/index.js';
import { calendarToMjd, Epoch } from '../../src/foundation/time/epoch.js';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';

const CSV_HEADER =
  'DATE,BSRN,ND,KP1,KP2,KP3,KP4,KP5,KP6,KP7,KP8,KP_SUM,AP1,AP2,AP3,AP4,AP5,AP6,AP7,AP8,AP_AVG,CP,C9,ISN,F10.7_OBS,F10.7_ADJ,F10.7_DATA_TYPE,F10.7_OBS_CENTER81,F10.7_OBS_LAST81,F10.7_ADJ_CENTER81,F10.7_ADJ_LAST81';

/** A raw CSV row by date, split by hand (independent of the parser). */
type RawRow = Record<string, string>;
function rawRows(text: string): Map<string, RawRow> {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0].split(',');
  const map = new Map<string, RawRow>();
  for (const l of lines.slice(1)) {
    const f = l.split(',');
    map.set(f[0], Object.fromEntries(header.map((h, i) => [h, f[i]])));
  }
  return map;
}
const num = (r: RawRow, k: string): number => Number(r[k]);
const isoDay = (mjd: number): string => Epoch.fromUtcDaySeconds(mjd, 0).toIsoUtc(0).slice(0, 10);

describe.skipIf(!sharedDataAvailable())('space weather from CelesTrak SW-All.csv and CSSI v1.2', () => {
  let csvText: string;
  let csv: SpaceWeatherTable;
  let cssi: SpaceWeatherTable;
  let raw: Map<string, RawRow>;
  let sw: TabulatedSpaceWeather;
  let swCssi: TabulatedSpaceWeather;

  beforeAll(() => {
    csvText = readShared('spaceweather', 'SW-All.csv');
    csv = parseCelestrakSpaceWeatherCsv(csvText);
    cssi = parseCssiSpaceWeather(readShared('spaceweather', 'SpaceWeather-All-v1.2_orekit-2020-12-04.txt'), 'SpaceWeather-All-v1.2.txt');
    raw = rawRows(csvText);
    sw = new TabulatedSpaceWeather(csv);
    swCssi = new TabulatedSpaceWeather(cssi);
  });

  it('reads every row: coverage as PROVENANCE.md states', () => {
    expect(isoDay(csv.firstMjd)).toBe('1957-10-01');
    expect(isoDay(csv.lastObservedMjd)).toBe('2025-03-24');
    expect(isoDay(csv.lastDailyMjd)).toBe('2025-05-07');
    expect(csv.monthlyMjd.length).toBe(197);
    expect(isoDay(csv.lastMjd)).toBe('2041-10-01');
    expect(csv.dailyCount + csv.monthlyMjd.length).toBe(raw.size);
    expect(isoDay(cssi.firstMjd)).toBe('1957-10-01');
    expect(cssi.dailyCount).toBe(23076 + 44);
    expect(cssi.monthlyMjd.length).toBe(281);
  });

  it('2003-10-29 (Halloween storm): f107 = previous day F10.7_OBS, f107a = CENTER81 of the day, Ap = AP_AVG = 204', () => {
    const day = raw.get('2003-10-29')!;
    const prev = raw.get('2003-10-28')!;
    const v = sw.at(Epoch.fromIso('2003-10-29T13:30:00Z'));
    expect(num(day, 'AP_AVG')).toBe(204);
    expect(v.f107).toBe(num(prev, 'F10.7_OBS'));
    expect(v.f107a).toBe(num(day, 'F10.7_OBS_CENTER81'));
    expect(v.ap[0]).toBe(204);
    expect(v.kind).toBe('observed');
    // 13:30 UT lies in the fifth 3-hour slot, 12–15 UT (AP5).
    expect(v.ap[1]).toBe(num(day, 'AP5'));
    expect(v.ap[2]).toBe(num(day, 'AP4'));
    expect(v.ap[3]).toBe(num(day, 'AP3'));
    expect(v.ap[4]).toBe(num(day, 'AP2'));
    const prior = (r: RawRow, ks: number[]): number[] => ks.map((k) => num(r, `AP${k}`));
    const p2 = raw.get('2003-10-27')!;
    expect(v.ap[5]).toBe([num(day, 'AP1'), ...prior(prev, [8, 7, 6, 5, 4, 3, 2])].reduce((a, b) => a + b) / 8);
    expect(v.ap[6]).toBe([num(prev, 'AP1'), ...prior(p2, [8, 7, 6, 5, 4, 3, 2])].reduce((a, b) => a + b) / 8);
  });

  it('3-hourly ap history across midnight (2003-10-30 00:00–03:00 UT)', () => {
    const d30 = raw.get('2003-10-30')!;
    const d29 = raw.get('2003-10-29')!;
    const d28 = raw.get('2003-10-28')!;
    const d27 = raw.get('2003-10-27')!;
    for (const iso of ['2003-10-30T00:00:00Z', '2003-10-30T02:59:59.999Z']) {
      const v = sw.at(Epoch.fromIso(iso));
      expect(Array.from(v.ap.subarray(0, 5))).toEqual([num(d30, 'AP_AVG'), num(d30, 'AP1'), num(d29, 'AP8'), num(d29, 'AP7'), num(d29, 'AP6')]);
      expect(v.ap[5]).toBe((['AP5', 'AP4', 'AP3', 'AP2', 'AP1'].reduce((s, k) => s + num(d29, k), 0) + ['AP8', 'AP7', 'AP6'].reduce((s, k) => s + num(d28, k), 0)) / 8);
      expect(v.ap[6]).toBe((['AP5', 'AP4', 'AP3', 'AP2', 'AP1'].reduce((s, k) => s + num(d28, k), 0) + ['AP8', 'AP7', 'AP6'].reduce((s, k) => s + num(d27, k), 0)) / 8);
      expect(v.f107).toBe(num(d29, 'F10.7_OBS'));
    }
    // One millisecond later the slot moves: AP2 of the 30th is "now".
    const v = sw.at(Epoch.fromIso('2003-10-30T03:00:00Z'));
    expect(Array.from(v.ap.subarray(1, 5))).toEqual([num(d30, 'AP2'), num(d30, 'AP1'), num(d29, 'AP8'), num(d29, 'AP7')]);
  });

  it('every slot of random observed days matches an independent reading of the rows', () => {
    const dates = [...raw.keys()];
    const slotAp = (mjd: number, slot: number): number => {
      // slot counted back from slot 0 of day mjd (negative = earlier days)
      const d = mjd + Math.floor(slot / 8);
      const k = ((slot % 8) + 8) % 8;
      return num(raw.get(isoDay(d))!, `AP${k + 1}`);
    };
    let seed = 12345;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const out = emptySpaceWeatherValues();
    for (let n = 0; n < 300; n++) {
      const date = dates[4 + Math.floor(rand() * (24640 - 4))];
      const [y, m, d] = date.split('-').map(Number);
      const mjd = calendarToMjd(y, m, d);
      const sec = Math.floor(rand() * 86400);
      sw.atInto(Epoch.fromUtcDaySeconds(mjd, sec), out);
      const k = Math.floor(sec / 10800);
      const expected = [0, 1, 2, 3].map((j) => slotAp(mjd, k - j));
      const mean = (from: number): number => [0, 1, 2, 3, 4, 5, 6, 7].reduce((s, j) => s + slotAp(mjd, k - from - j), 0) / 8;
      expect([out.ap[1], out.ap[2], out.ap[3], out.ap[4]], date).toEqual(expected);
      expect(out.ap[5]).toBeCloseTo(mean(4), 12);
      expect(out.ap[6]).toBeCloseTo(mean(12), 12);
      expect(out.ap[0]).toBe(num(raw.get(date)!, 'AP_AVG'));
      expect(out.f107).toBe(num(raw.get(isoDay(mjd - 1))!, 'F10.7_OBS'));
      expect(out.f107a).toBe(num(raw.get(date)!, 'F10.7_OBS_CENTER81'));
    }
  });

  it('CSSI and CSV agree on overlapping observed days (Ap exactly; F10.7 obs but for CelesTrak reprocessing)', () => {
    let days = 0;
    let apSame = 0;
    let fSame = 0;
    const diffs: number[] = [];
    for (let i = 0; i < cssi.dailyCount; i++) {
      const mjd = cssi.firstMjd + i;
      if (cssi.dailyKind[i] === 2) continue;
      const j = mjd - csv.firstMjd;
      if (j >= csv.dailyCount || csv.dailyKind[j] === 2) continue;
      days++;
      let same = cssi.apDaily[i] === csv.apDaily[j];
      for (let k = 0; k < 8; k++) same &&= cssi.ap3h[8 * i + k] === csv.ap3h[8 * j + k];
      if (same) apSame++;
      const d = Math.abs(cssi.f107Obs[i] - csv.f107Obs[j]);
      diffs.push(d);
      if (d < 0.05) fSame++;
    }
    diffs.sort((a, b) => a - b);
    expect(days).toBe(23076);
    // Measured: Ap differs on 33 days; F10.7 obs equal on 96.6 % of days (CelesTrak replaced
    // secondary-source fluxes from primary DRAO data in 2023, mostly 1995–2006 and 2018–2020).
    expect(days - apSame).toBe(33);
    expect(fSame / days).toBeGreaterThan(0.965);
    expect(diffs[Math.floor(days / 2)]).toBe(0);
    expect(diffs[Math.floor(days * 0.99)]).toBeLessThan(10);
    // The Halloween day itself: Ap agrees; the flare-contaminated F10.7 was revised (279.1 → 291.7).
    const halloween = (t: SpaceWeatherTable): number => calendarToMjd(2003, 10, 29) - t.firstMjd;
    expect(cssi.apDaily[halloween(cssi)]).toBe(204);
    expect(cssi.f107Obs[halloween(cssi)]).toBe(279.1);
    expect(csv.f107Obs[halloween(csv)]).toBe(291.7);
    // Lookups through both sources on a day where both files agree.
    const e = Epoch.fromIso('2012-07-15T06:00:00Z');
    const a = sw.at(e);
    const b = swCssi.at(e);
    expect(Array.from(b.ap)).toEqual(Array.from(a.ap));
    expect(b.f107).toBe(a.f107);
  });

  it('reports kinds: observed, interpolated, predicted-daily, predicted-monthly, model', () => {
    const kind = (iso: string, s = sw): string => s.at(Epoch.fromIso(iso)).kind;
    expect(kind('2003-10-29T00:00:00Z')).toBe('observed');
    expect(raw.get('1957-12-25')!['F10.7_DATA_TYPE']).toBe('INT');
    expect(kind('1957-12-26T00:00:00Z')).toBe('interpolated'); // f107 from the INT day
    expect(kind('1957-12-25T00:00:00Z')).toBe('observed'); // its ap are observed
    expect(kind('2025-03-24T23:00:00Z')).toBe('observed');
    expect(kind('2025-03-25T00:00:00Z')).toBe('predicted-daily');
    expect(kind('2025-05-07T12:00:00Z')).toBe('predicted-daily');
    expect(kind('2025-05-08T00:00:00Z')).toBe('predicted-monthly');
    expect(kind('2041-10-01T00:00:00Z')).toBe('predicted-monthly');
    expect(kind('2041-10-02T00:00:00Z')).toBe('model');
    expect(kind('2020-12-05T00:00:00Z', swCssi)).toBe('predicted-daily');
    expect(kind('2021-02-15T00:00:00Z', swCssi)).toBe('predicted-monthly');
  });

  it('monthly predictions are interpolated linearly to the day', () => {
    const jul = raw.get('2025-07-01')!;
    const aug = raw.get('2025-08-01')!;
    const v = sw.at(Epoch.fromIso('2025-07-16T12:00:00Z'));
    // f107 is the previous day's (07-15: 14/31 of the way), f107a the day's (07-16: 15/31).
    const lerp = (k: string, w: number): number => num(jul, k) + w * (num(aug, k) - num(jul, k));
    expect(v.f107).toBeCloseTo(lerp('F10.7_OBS', 14 / 31), 12);
    expect(v.f107a).toBeCloseTo(lerp('F10.7_OBS_CENTER81', 15 / 31), 12);
    // Blank PRM Ap: the climatological Ap of the solar-cycle model.
    expect(Array.from(v.ap)).toEqual(new Array(7).fill(DEFAULT_SOLAR_CYCLE.apDaily));
    // At a monthly row's date the value is the row's.
    expect(sw.at(Epoch.fromIso('2025-08-02T00:00:00Z')).f107).toBeCloseTo(num(aug, 'F10.7_OBS'), 12);
  });

  it('refuses times before the first usable day, naming the file and the dates', () => {
    expect(() => sw.at(Epoch.fromIso('1957-10-03T23:59:59Z'))).toThrow(/before 1957-10-04.*SW-All\.csv.*first row is 1957-10-01/);
    expect(() => sw.at(Epoch.fromIso('1900-01-01T00:00:00Z'))).toThrow(RangeError);
    const v = sw.at(Epoch.fromIso('1957-10-04T00:00:00Z'));
    expect(v.f107).toBe(num(raw.get('1957-10-03')!, 'F10.7_OBS'));
  });

  it('without a model, refuses times after the last row', () => {
    const strict = new TabulatedSpaceWeather(csv, { beyondEnd: null });
    expect(strict.at(Epoch.fromIso('2041-10-01T12:00:00Z')).kind).toBe('predicted-monthly');
    expect(() => strict.at(Epoch.fromIso('2041-10-02T00:00:00Z'))).toThrow(/after 2041-10-01, the last row of SW-All\.csv/);
  });

  it('hands over to the solar-cycle model continuously (CSV and CSSI)', () => {
    for (const s of [sw, swCssi]) {
      const last = s.lastMjd;
      const day = (mjd: number) => s.at(Epoch.fromUtcDaySeconds(mjd, 43200));
      const a = day(last);
      const b = day(last + 1);
      const c = day(last + 2);
      expect(a.kind).toBe('predicted-monthly');
      expect(b.kind).toBe('model'); // its f107 (previous day) is still the file's, its Ap the model's
      expect(b.f107).toBe(s.table.monthlyF107Obs[s.table.monthlyF107Obs.length - 1]);
      // Day-to-day steps across the hand-over no larger than the file's own last steps.
      expect(Math.abs(b.f107 - a.f107)).toBeLessThan(0.5);
      expect(Math.abs(c.f107 - b.f107)).toBeLessThan(0.5);
      expect(Math.abs(c.f107a - b.f107a)).toBeLessThan(0.5);
      expect(Math.abs(c.ap[0] - b.ap[0])).toBeLessThan(0.05);
    }
  });

  it('error messages name file, line, column and field', () => {
    const good = csvText.split('\n').slice(0, 4).join('\n');
    const bad = good.replace('1957-10-02,1700,20,37,37,17,17,27,23,17,30,203,22,', '1957-10-02,1700,20,37,37,17,17,27,23,17,30,203,2x,');
    expect(() => parseCelestrakSpaceWeatherCsv(bad, 'x.csv')).toThrow('x.csv:3:48: field AP1: "2x" is not a number');
    const gap = csvText.split('\n').filter((_, i) => i !== 2).slice(0, 4).join('\n');
    expect(() => parseCelestrakSpaceWeatherCsv(gap, 'x.csv')).toThrow(/x\.csv:3:1: field date: "1957-10-03" breaks the daily sequence: expected 1957-10-02/);
    expect(() => parseCelestrakSpaceWeatherCsv('DATE,AP1\n', 'y.csv')).toThrow(/y\.csv:1:1: field header.*lacks the column AP2/);
    const typ = good.replace(',OBS,266.6', ',XYZ,266.6');
    expect(() => parseCelestrakSpaceWeatherCsv(typ, 'x.csv')).toThrow(/x\.csv:2:\d+: field F10\.7_DATA_TYPE: "XYZ" is not one of/);
    const cssiText = readShared('spaceweather', 'SpaceWeather-All-v1.2_orekit-2020-12-04.txt').split('\n');
    const lineNo = cssiText.findIndex((l) => l.startsWith('1957 10 02'));
    const broken = [...cssiText];
    broken[lineNo] = broken[lineNo].slice(0, 112) + ' 25x.3' + broken[lineNo].slice(118);
    expect(() => parseCssiSpaceWeather(broken.join('\n'), 'sw.txt')).toThrow(`sw.txt:${lineNo + 1}:113: field F10.7 observed: " 25x.3" is not a number`);
    expect(() => parseCssiSpaceWeather(CSV_HEADER + '\n', 'sw.txt')).toThrow(/DATATYPE/);
  });

  it('atInto writes into the given object and equals at()', () => {
    const out = emptySpaceWeatherValues();
    const e = Epoch.fromIso('2015-03-17T20:00:00Z'); // St Patrick's Day storm
    expect(sw.atInto(e, out)).toBe(out);
    const v = sw.at(e);
    expect(Array.from(out.ap)).toEqual(Array.from(v.ap));
    expect([out.f107, out.f107a, out.kind]).toEqual([v.f107, v.f107a, v.kind]);
    expect(out.ap[0]).toBe(num(raw.get('2015-03-17')!, 'AP_AVG'));
  });
});

describe('solar-cycle model', () => {
  const model = new SolarCycleModel();

  it('stays in a plausible F10.7 range (65–250 sfu) and repeats every cycle', () => {
    const src = new SolarCycleSpaceWeather(model);
    let min = Infinity;
    let max = -Infinity;
    for (let mjd = calendarToMjd(2040, 1, 1); mjd < calendarToMjd(2080, 1, 1); mjd += 5) {
      const v = src.at(Epoch.fromUtcDaySeconds(mjd, 0));
      min = Math.min(min, v.f107, v.f107a);
      max = Math.max(max, v.f107, v.f107a);
      expect(v.kind).toBe('model');
    }
    expect(min).toBeGreaterThan(65);
    expect(max).toBeLessThan(250);
    // Observed flux swings ±3.4 % with the Earth–Sun distance around the adjusted cycle.
    expect(min).toBeLessThan(DEFAULT_SOLAR_CYCLE.f107MinSfu);
    expect(max).toBeGreaterThan(DEFAULT_SOLAR_CYCLE.f107MaxSfu);
    const p = DEFAULT_SOLAR_CYCLE.periodDays;
    expect(model.f107Adjusted(70000 + p)).toBeCloseTo(model.f107Adjusted(70000), 9);
    expect(model.f107Adjusted(DEFAULT_SOLAR_CYCLE.minimumMjd)).toBeCloseTo(DEFAULT_SOLAR_CYCLE.f107MinSfu, 12);
    expect(model.f107Adjusted(DEFAULT_SOLAR_CYCLE.minimumMjd + DEFAULT_SOLAR_CYCLE.riseDays)).toBeCloseTo(DEFAULT_SOLAR_CYCLE.f107MaxSfu, 12);
  });

  it('is continuous: no day-to-day step above 0.6 sfu over whole cycles', () => {
    let prev = model.f107ObservedOfDay(60000);
    for (let d = 60001; d < 60000 + 2 * DEFAULT_SOLAR_CYCLE.periodDays; d++) {
      const f = model.f107ObservedOfDay(d);
      expect(Math.abs(f - prev)).toBeLessThan(0.6);
      prev = f;
    }
  });

  it('Earth–Sun distance: perihelion ≈ 0.98329 AU in early January, aphelion ≈ 1.01671 AU in early July', () => {
    let rMin = Infinity;
    let rMax = -Infinity;
    for (let d = calendarToMjd(2024, 1, 1); d < calendarToMjd(2025, 1, 1); d += 0.25) {
      rMin = Math.min(rMin, earthSunDistanceAu(d));
      rMax = Math.max(rMax, earthSunDistanceAu(d));
    }
    // Astronomical Almanac 2024: perihelion 0.983 3 AU (Jan 3), aphelion 1.016 7 AU (Jul 5).
    expect(rMin).toBeCloseTo(0.98329, 3);
    expect(rMax).toBeCloseTo(1.01671, 3);
    expect(earthSunDistanceAu(calendarToMjd(2024, 1, 3))).toBeLessThan(0.9835);
  });

  it('rejects inconsistent parameters', () => {
    expect(() => new SolarCycleModel({ riseDays: 5000 })).toThrow(/riseDays/);
    expect(() => new SolarCycleModel({ f107MinSfu: NaN })).toThrow(/f107MinSfu/);
  });

  it.skipIf(!sharedDataAvailable())('its F10.7 constants are the smoothed extrema of cycles 23–25 in SW-All.csv', () => {
    const rows = rawRows(readShared('spaceweather', 'SW-All.csv'));
    const monthly = new Map<string, number[]>();
    for (const [date, r] of rows) {
      if (r['F10.7_DATA_TYPE'] !== 'OBS' && r['F10.7_DATA_TYPE'] !== 'INT') continue;
      const key = date.slice(0, 7);
      if (!monthly.has(key)) monthly.set(key, []);
      monthly.get(key)!.push(num(r, 'F10.7_ADJ'));
    }
    const months = [...monthly.keys()];
    const means = months.map((k) => monthly.get(k)!.reduce((a, b) => a + b) / monthly.get(k)!.length);
    // 13-month tapered running mean (SIDC smoothing).
    const smooth = new Map<string, number>();
    for (let i = 6; i < means.length - 6; i++) {
      let s = 0.5 * (means[i - 6] + means[i + 6]);
      for (let j = i - 5; j <= i + 5; j++) s += means[j];
      smooth.set(months[i], s / 12);
    }
    const ext = (from: string, to: string, pick: (a: number, b: number) => boolean): number => {
      let best = NaN;
      for (const [k, v] of smooth) if (k >= from && k <= to && (Number.isNaN(best) || pick(v, best))) best = v;
      return best;
    };
    const mins = [ext('1994-01', '1999-12', (a, b) => a < b), ext('2006-01', '2011-12', (a, b) => a < b), ext('2017-01', '2022-12', (a, b) => a < b)];
    const maxs = [ext('1999-01', '2003-12', (a, b) => a > b), ext('2011-01', '2016-12', (a, b) => a > b), ext('2023-01', '2025-12', (a, b) => a > b)];
    expect(mins.reduce((a, b) => a + b) / 3).toBeCloseTo(DEFAULT_SOLAR_CYCLE.f107MinSfu, 1);
    expect(maxs.reduce((a, b) => a + b) / 3).toBeCloseTo(DEFAULT_SOLAR_CYCLE.f107MaxSfu, 1);
  });
});
