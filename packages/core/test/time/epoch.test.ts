import { describe, expect, it } from 'vitest';
import { Epoch } from '../../src/foundation/time/epoch.js';

describe('Epoch', () => {
  it('round-trips ISO UTC text', () => {
    expect(Epoch.fromIso('2022-04-02T12:34:56.789Z').toIsoUtc(3)).toBe('2022-04-02T12:34:56.789Z');
    expect(Epoch.fromIso('2000-01-01').toIsoUtc(0)).toBe('2000-01-01T00:00:00Z');
  });

  it('applies TAI−UTC: 37 s after 2017, 32 s in 2000 (IERS Bulletin C)', () => {
    expect(Epoch.fromIso('2022-01-01T00:00:00Z').taiMinusUtcSeconds()).toBeCloseTo(37, 9);
    expect(Epoch.fromIso('2000-06-01T00:00:00Z').taiMinusUtcSeconds()).toBeCloseTo(32, 9);
  });

  it('counts the 2016-12-31 leap second: 2 SI seconds between 23:59:59 and 00:00:00', () => {
    const a = Epoch.fromIso('2016-12-31T23:59:59Z');
    const b = Epoch.fromIso('2017-01-01T00:00:00Z');
    expect(b.secondsSince(a)).toBeCloseTo(2, 9);
    const leap = Epoch.fromUtc(2016, 12, 31, 23, 59, 60.5);
    expect(leap.toIsoUtc(1)).toBe('2016-12-31T23:59:60.5Z');
    expect(() => Epoch.fromUtc(2017, 12, 31, 23, 59, 60)).toThrow(/leap second/);
  });

  it('gives J2000 TT Julian date 2451545.0 at 2000-01-01T11:58:55.816 UTC', () => {
    // TT = UTC + 32 s + 32.184 s in 2000 (Vallado, Fundamentals of Astrodynamics, 4th ed., §3.5).
    const e = Epoch.fromIso('2000-01-01T11:58:55.816Z');
    const { jd1, jd2 } = e.ttJulianDate();
    expect((jd1 - 2451545.0 + jd2) * 86400).toBeCloseTo(0, 6);
  });

  it('parses TLE epochs (57–99 → 19xx)', () => {
    expect(Epoch.fromTleEpoch(22, 196.5).toIsoUtc(0)).toBe('2022-07-15T12:00:00Z');
    expect(Epoch.fromTleEpoch(98, 324.0).toIsoUtc(0)).toBe('1998-11-20T00:00:00Z');
  });

  it('names the bad text in errors', () => {
    expect(() => Epoch.fromIso('yesterday')).toThrow(/yesterday/);
    expect(() => Epoch.fromIso('2022-02-30')).toThrow(/day 30/);
  });
});

describe('Epoch before 1972 (UTC with rate offsets, USNO tai-utc.dat)', () => {
  it('round-trips midnights of the rate era and before UTC began', () => {
    for (const iso of ['1957-10-05T00:00:00Z', '1960-01-01T00:00:00Z', '1961-08-01T00:00:00Z', '1962-06-01T00:00:00Z', '1968-02-01T00:00:00Z']) {
      expect(Epoch.fromIso(iso).toIsoUtc(6)).toBe(iso.replace('Z', '.000000Z'));
    }
  });

  it('uses TAI−UTC = 1.4228180 + (MJD − 37300) × 0.001296 s in 1961 (tai-utc.dat)', () => {
    const e = Epoch.fromIso('1961-03-01T12:00:00Z');
    const mjd = 37359.5;
    expect(e.taiMinusUtcSeconds()).toBeCloseTo(1.422818 + (mjd - 37300) * 0.001296, 9);
  });
});

describe('Epoch.toIsoUtc rounding', () => {
  it('rounds to the nearest shown digit and carries across minutes and days', () => {
    expect(Epoch.fromIso('2021-03-04T05:06:07.9999996Z').toIsoUtc(6)).toBe('2021-03-04T05:06:08.000000Z');
    expect(Epoch.fromIso('2021-12-31T23:59:59.9996Z').toIsoUtc(3)).toBe('2022-01-01T00:00:00.000Z');
    expect(Epoch.fromIso('2021-03-04T05:06:07.1234564Z').toIsoUtc(6)).toBe('2021-03-04T05:06:07.123456Z');
    // TLE day 324.28472222 of 1998 (line of the 1998 ISS file): 06:49:59.999808 to the µs.
    expect(Epoch.fromTleEpoch(98, 324.28472222).toIsoUtc(6)).toBe('1998-11-20T06:49:59.999808Z');
  });
});
