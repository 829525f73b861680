import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetWarnings, setWarningHandler } from '../../src/foundation/diagnostics.js';
import { Epoch } from '../../src/foundation/time/epoch.js';
import {
  EopTable,
  NO_EOP,
  parseCelestrakEop,
  parseFinals2000A,
  type EopRow,
} from '../../src/foundation/time/eop.js';
import { EMBEDDED_LEAP_SECONDS, parseTaiUtcDat } from '../../src/foundation/time/leapSeconds.js';
import { readShared, sharedDataAvailable } from '../../../../test/sharedData.js';

function captureWarnings(): string[] {
  const seen: string[] = [];
  resetWarnings();
  setWarningHandler((m) => seen.push(m));
  return seen;
}

afterEach(() => {
  setWarningHandler();
  resetWarnings();
});

function row(mjd: number, ut1MinusUtcS: number, xp = 0): EopRow {
  return {
    mjd,
    ut1MinusUtcS,
    xpArcsec: xp,
    ypArcsec: 0,
    lodS: 0,
    dPsiArcsec: 0,
    dEpsArcsec: 0,
    dXArcsec: 0,
    dYArcsec: 0,
    predicted: false,
  };
}

describe('EopTable (synthetic)', () => {
  it('interpolates linearly at the midpoint', () => {
    const t = new EopTable([row(58000, 0.1, 0.2), row(58001, 0.3, 0.4)], 'synthetic');
    const v = t.at(58000.5);
    expect(v.ut1MinusUtcS).toBeCloseTo(0.2, 14);
    expect(v.xpArcsec).toBeCloseTo(0.3, 14);
  });

  it('clamps outside the span with one warning', () => {
    const warnings = captureWarnings();
    const t = new EopTable([row(58000, 0.1), row(58001, 0.3)], 'synthetic');
    expect(t.at(57000).ut1MinusUtcS).toBeCloseTo(0.1, 14);
    expect(t.at(59000).ut1MinusUtcS).toBeCloseTo(0.3, 14);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/synthetic.*outside/);
  });

  it('rejects unsorted rows, naming the table', () => {
    expect(() => new EopTable([row(58001, 0), row(58000, 0)], 'x.txt')).toThrow(/x\.txt.*58000/);
  });

  it('NO_EOP gives UT1=UTC and warns once, on one line', () => {
    const warnings = captureWarnings();
    expect(NO_EOP.at(60000).ut1MinusUtcS).toBe(0);
    expect(NO_EOP.at(60001).xpArcsec).toBe(0);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toContain('\n');
  });
});

describe('parse errors name file and line', () => {
  it('CelesTrak: bad number', () => {
    const text = 'BEGIN OBSERVED\n2004 04 06 53101 -0.140857 0.333539 -0.4399552 0.0015095 -0.052181 x -0.000097 -0.000098 32\nEND OBSERVED\n';
    expect(() => parseCelestrakEop(text, 'EOP-All.txt')).toThrow(/EOP-All\.txt:2: field 10/);
  });
  it('CelesTrak: date/MJD mismatch', () => {
    const text = 'BEGIN OBSERVED\n2004 04 06 53102 -0.140857 0.333539 -0.4399552 0.0015095 -0.052181 0 0 0 32\nEND OBSERVED\n';
    expect(() => parseCelestrakEop(text, 'e.txt')).toThrow(/e\.txt:2: MJD 53102/);
  });
  it('finals2000A: bad UT1-UTC', () => {
    const good =
      '19 615 58649.00 I  0.138690 0.000017  0.428965 0.000017  I-0.1753616 0.0000037  0.2283 0.0032  I     0.017    0.027    -0.175    0.180';
    const bad = good.slice(0, 58) + 'abcdefghij' + good.slice(68);
    expect(() => parseFinals2000A(bad, 'finals2000A.all')).toThrow(/finals2000A\.all:1: UT1-UTC/);
  });
});

describe.skipIf(!sharedDataAvailable())('EOP files in ../shared/data/eop', () => {
  let celestrak: EopTable;
  let finals: EopTable;
  beforeAll(() => {
    const warnings = captureWarnings();
    celestrak = parseCelestrakEop(readShared('eop', 'EOP-All.txt'));
    finals = parseFinals2000A(readShared('eop', 'finals2000A.all'));
    expect(warnings).toEqual([]);
  });

  it('reads both blocks of EOP-All.txt with the declared counts', () => {
    expect(celestrak.rows.filter((r) => !r.predicted)).toHaveLength(23166);
    expect(celestrak.rows.filter((r) => r.predicted)).toHaveLength(181);
    expect(celestrak.firstMjd).toBe(37665);
    expect(celestrak.lastMjd).toBe(61011);
    expect(celestrak.firstPredictedMjd).toBe(60831);
  });

  it('returns the file row at 0h UTC (2004-04-06, MJD 53101)', () => {
    const v = celestrak.at(53101);
    // 2004 04 06 53101 -0.140857  0.333539 -0.4399552  0.0015095 -0.052181 -0.003943 -0.000097 -0.000098  32
    expect(v.xpArcsec).toBeCloseTo(-0.140857, 12);
    expect(v.ypArcsec).toBeCloseTo(0.333539, 12);
    expect(v.ut1MinusUtcS).toBeCloseTo(-0.4399552, 12);
    expect(v.lodS).toBeCloseTo(0.0015095, 12);
    expect(v.dPsiArcsec).toBeCloseTo(-0.052181, 12);
    expect(v.dEpsArcsec).toBeCloseTo(-0.003943, 12);
    expect(v.dXArcsec).toBeCloseTo(-0.000097, 12);
    expect(v.dYArcsec).toBeCloseTo(-0.000098, 12);
  });

  it('interpolates the midpoint of two rows', () => {
    const v = celestrak.at(53101.5);
    expect(v.ut1MinusUtcS).toBeCloseTo((-0.4399552 + -0.4413902) / 2, 12);
    expect(v.xpArcsec).toBeCloseTo((-0.140857 + -0.140217) / 2, 12);
  });

  it('removes the 2016-12-31 leap second before interpolating UT1-UTC', () => {
    // Rows: 57753 −0.4077697 s (ΔAT 36), 57754 +0.5912870 s (ΔAT 37). UT1−TAI is smooth.
    const ut1MinusTai0 = -0.4077697 - 36;
    const ut1MinusTai1 = 0.591287 - 37;
    const mid = celestrak.at(57753.5).ut1MinusUtcS;
    expect(mid).toBeCloseTo((ut1MinusTai0 + ut1MinusTai1) / 2 + 36, 10); // ≈ −0.408, not +0.09
    expect(mid).toBeLessThan(-0.4);
    // Just before the leap second (23:59:59.9 UTC) and just after midnight: continuous UT1.
    const before = Epoch.fromUtc(2016, 12, 31, 23, 59, 59.9);
    const after = Epoch.fromUtc(2017, 1, 1, 0, 0, 0.1);
    const ut1Before = before.ut1Mjd(celestrak.at(before.utcMjd()).ut1MinusUtcS);
    const ut1After = after.ut1Mjd(celestrak.at(after.utcMjd()).ut1MinusUtcS);
    // 1.2 s of TAI elapse (0.1 + leap second + 0.1); UT1 advances the same to ~1e-6 s.
    expect((ut1After - ut1Before) * 86400).toBeCloseTo(1.2, 5);
    expect(celestrak.at(57754).ut1MinusUtcS).toBeCloseTo(0.591287, 12);
  });

  it('skips the empty tail of finals2000A.all instead of reading zeros', () => {
    // Bulletin A values end at MJD 59559 (2021-12-11); rows to 2022-01-30 are blank.
    expect(finals.lastMjd).toBe(59559);
    expect(finals.firstMjd).toBe(41684);
    expect(finals.rows.every((r) => r.xpArcsec !== 0 || r.ypArcsec !== 0)).toBe(true);
  });

  it('finals2000A.all row 2019-06-15 reads the Bulletin A columns', () => {
    const v = finals.at(58649);
    expect(v.xpArcsec).toBeCloseTo(0.13869, 12);
    expect(v.ypArcsec).toBeCloseTo(0.428965, 12);
    expect(v.ut1MinusUtcS).toBeCloseTo(-0.1753616, 12);
    expect(v.lodS).toBeCloseTo(0.2283e-3, 12);
    expect(v.dXArcsec).toBeCloseTo(0.017e-3, 12);
    expect(v.dYArcsec).toBeCloseTo(-0.175e-3, 12);
  });

  it('finals2000A (Bulletin A) and EOP-All (C04) agree in 2019 to the level of their known differences', () => {
    // Bulletin A vs C04 differ by ~0.1 mas in the pole and ~20 µs in UT1 (IERS Annual Report 2019).
    for (let mjd = 58484; mjd < 58849; mjd += 7.25) {
      const a = finals.at(mjd);
      const c = celestrak.at(mjd);
      expect(Math.abs(a.ut1MinusUtcS - c.ut1MinusUtcS)).toBeLessThan(1e-4);
      expect(Math.abs(a.xpArcsec - c.xpArcsec)).toBeLessThan(3e-4);
      expect(Math.abs(a.ypArcsec - c.ypArcsec)).toBeLessThan(3e-4);
      expect(Math.abs(a.lodS - c.lodS)).toBeLessThan(1e-4);
    }
  });

  it('parses USNO tai-utc.dat into the same leap-second table as the embedded one', () => {
    const parsed = parseTaiUtcDat(readShared('eop', 'tai-utc.dat'));
    expect(parsed).toHaveLength(EMBEDDED_LEAP_SECONDS.length);
    parsed.forEach((e, i) => {
      const ref = EMBEDDED_LEAP_SECONDS[i];
      expect(e.startMjd).toBe(ref.startMjd);
      expect(e.offsetS).toBeCloseTo(ref.offsetS, 9);
      expect(e.baseMjd).toBe(ref.baseMjd);
      expect(e.rateSPerDay).toBeCloseTo(ref.rateSPerDay, 9);
    });
  });

  it('UT1−UTC in EOP-All.txt jumps by ~+1 s at the 27 leap seconds only', () => {
    let jumps = 0;
    for (let i = 1; i < celestrak.rows.length; i++) {
      const d = celestrak.rows[i].ut1MinusUtcS - celestrak.rows[i - 1].ut1MinusUtcS;
      if (d > 0.5) jumps++;
    }
    expect(jumps).toBe(27); // leap seconds 1972-07 … 2017-01 (27 of them after 1972-01-01)
  });
});
