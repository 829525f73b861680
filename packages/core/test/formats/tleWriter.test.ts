import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Epoch } from '../../src/foundation/time/epoch.js';
import { FormatError, formatTle, formatTle3, parseTleLines, type MeanElements } from '../../src/foundation/formats/index.js';

const ISS1 = '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992';
const ISS2 = '2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577';

/** Element sets whose values sit exactly on the TLE columns' grid. */
const gridElements: fc.Arbitrary<MeanElements> = fc
  .record({
    noradId: fc.integer({ min: 0, max: 339999 }),
    classification: fc.constantFrom('U', 'C', 'S'),
    launchYear: fc.integer({ min: 0, max: 99 }),
    launchNo: fc.integer({ min: 1, max: 999 }),
    piece: fc.constantFrom('A', 'B', 'AB', 'ZZZ'),
    epochYear: fc.integer({ min: 0, max: 99 }).filter((y) => y < 57 || y >= 72),
    epochDay: fc.integer({ min: 1, max: 365 }),
    epochUnits: fc.integer({ min: 0, max: 99999999 }),
    n: fc.integer({ min: 1, max: 1799999999 }),
    e: fc.integer({ min: 0, max: 9999999 }),
    i: fc.integer({ min: 0, max: 1800000 }),
    raan: fc.integer({ min: 0, max: 3600000 }),
    argp: fc.integer({ min: 0, max: 3600000 }),
    m: fc.integer({ min: 0, max: 3600000 }),
    ndot: fc.integer({ min: -99999999, max: 99999999 }),
    nddotMantissa: fc.integer({ min: -99999, max: 99999 }),
    nddotExp: fc.integer({ min: -9, max: 9 }),
    bstarMantissa: fc.integer({ min: -99999, max: 99999 }),
    bstarExp: fc.integer({ min: -9, max: 9 }),
    ephemerisType: fc.integer({ min: 0, max: 9 }),
    elementSetNo: fc.integer({ min: 0, max: 9999 }),
    revAtEpoch: fc.integer({ min: 0, max: 99999 }),
    // A 3LE name line "0" or "0 X" is read as the Space-Track prefix, so such names are left out.
    name: fc
      .string({ maxLength: 24 })
      .map((s) => s.replace(/[\r\n]/g, ' ').trim())
      .filter((s) => s !== '0' && !s.startsWith('0 ')),
  })
  .map((g) => ({
    objectName: g.name,
    noradId: g.noradId,
    intlDesignator: `${String(g.launchYear).padStart(2, '0')}${String(g.launchNo).padStart(3, '0')}${g.piece}`,
    classification: g.classification,
    epoch: Epoch.fromTleEpoch(g.epochYear, g.epochDay + g.epochUnits / 1e8),
    meanMotionRevPerDay: g.n / 1e8,
    eccentricity: g.e / 1e7,
    inclinationDeg: g.i / 1e4,
    raanDeg: g.raan / 1e4,
    argPerigeeDeg: g.argp / 1e4,
    meanAnomalyDeg: g.m / 1e4,
    meanMotionDot: g.ndot / 1e8,
    meanMotionDdot: exponentValue(g.nddotMantissa, g.nddotExp),
    bstar: exponentValue(g.bstarMantissa, g.bstarExp),
    ephemerisType: g.ephemerisType,
    elementSetNo: g.elementSetNo,
    revAtEpoch: g.revAtEpoch,
  }));

/** The double a TLE exponent field denotes (mantissa with leading zeros is still exact). */
function exponentValue(mantissa: number, exp: number): number {
  if (mantissa === 0) return 0;
  const sign = mantissa < 0 ? '-' : '';
  const digits = String(Math.abs(mantissa)).padStart(5, '0');
  return Number(`${sign}0.${digits}e${exp}`);
}

describe('formatTle', () => {
  it('reproduces the ISS lines column for column', () => {
    const r = parseTleLines(ISS1, ISS2, 'ISS (ZARYA)');
    expect(formatTle(r)).toEqual([ISS1, ISS2]);
    expect(formatTle3(r)).toEqual(['0 ISS (ZARYA)', ISS1, ISS2]);
  });

  it('writes OMM-style designators and Alpha-5 numbers in TLE form', () => {
    const r = { ...parseTleLines(ISS1, ISS2), intlDesignator: '1998-067A', noradId: 123456 };
    const [l1, l2] = formatTle(r);
    expect(l1.slice(0, 18)).toBe('1 C3456U 98067A   ');
    expect(l2.slice(0, 8)).toBe('2 C3456 ');
    expect(parseTleLines(l1, l2).noradId).toBe(123456);
  });

  it('throws FormatError for values that do not fit the columns', () => {
    const r = parseTleLines(ISS1, ISS2);
    expect(() => formatTle({ ...r, noradId: 340000 })).toThrow(FormatError);
    expect(() => formatTle({ ...r, meanMotionDot: 1.5 })).toThrow(/field meanMotionDot: "1.5"/);
    expect(() => formatTle({ ...r, eccentricity: 1 })).toThrow(/field eccentricity/);
    expect(() => formatTle({ ...r, raanDeg: -1 })).toThrow(/field raanDeg/);
    expect(() => formatTle({ ...r, epoch: Epoch.fromIso('2060-01-01') })).toThrow(/field epoch/);
  });

  it('round-trips exactly for values on the column grid (property)', () => {
    fc.assert(
      fc.property(gridElements, (e) => {
        const [l1, l2] = formatTle(e);
        expect(l1).toHaveLength(69);
        expect(l2).toHaveLength(69);
        const back = parseTleLines(l1, l2, e.objectName);
        const { epoch, ...rest } = back;
        const { epoch: epochIn, ...restIn } = e;
        expect(Math.abs(epoch.secondsSince(epochIn))).toBeLessThan(1e-6);
        expect(rest).toMatchObject({ ...restIn, objectName: e.objectName });
        expect(formatTle(back)).toEqual([l1, l2]);
      }),
      { numRuns: 400 },
    );
  });

  it('round-trips arbitrary values to the columns\' precision (property)', () => {
    const arbitrary = fc.record({
      i: fc.double({ min: 0, max: 180, noNaN: true }),
      raan: fc.double({ min: 0, max: 359.99994, noNaN: true }),
      e: fc.double({ min: 0, max: 0.99999994, noNaN: true }),
      n: fc.double({ min: 0.0001, max: 99, noNaN: true }),
      bstar: fc.double({ min: -0.9, max: 0.9, noNaN: true }),
      ndot: fc.double({ min: -0.99, max: 0.99, noNaN: true }),
      // From 1972: Epoch's UTC conversion fails for some rate-era (1961-1971) instants (reported).
      seconds: fc.double({ min: 0, max: 2.6e9, noNaN: true }),
    });
    const base = parseTleLines(ISS1, ISS2);
    fc.assert(
      fc.property(arbitrary, (a) => {
        const e: MeanElements = {
          ...base,
          inclinationDeg: a.i,
          raanDeg: a.raan,
          eccentricity: a.e,
          meanMotionRevPerDay: a.n,
          bstar: a.bstar,
          meanMotionDot: a.ndot,
          epoch: Epoch.fromIso('1972-01-01T00:00:00Z').plusSeconds(a.seconds),
        };
        const [l1, l2] = formatTle(e);
        const back = parseTleLines(l1, l2);
        expect(Math.abs(back.inclinationDeg - a.i)).toBeLessThanOrEqual(0.5e-4 + 1e-12);
        expect(Math.abs(back.raanDeg - a.raan)).toBeLessThanOrEqual(0.5e-4 + 1e-12);
        expect(Math.abs(back.eccentricity - a.e)).toBeLessThanOrEqual(0.5e-7 + 1e-15);
        expect(Math.abs(back.meanMotionRevPerDay - a.n)).toBeLessThanOrEqual(0.5e-8 + 1e-14);
        expect(Math.abs(back.meanMotionDot - a.ndot)).toBeLessThanOrEqual(0.5e-8 + 1e-15);
        // Five significant digits (half a unit of the fifth is at most 5e-5 relative); below
        // 1e-10 the mantissa is unnormalised with exponent -9, so 5e-15 absolute.
        expect(Math.abs(back.bstar - a.bstar)).toBeLessThanOrEqual(Math.max(Math.abs(a.bstar) * 5e-5, 5e-15 + 1e-20));
        // Epoch: 1e-8 day = 864 µs steps, so at most 432 µs off.
        expect(Math.abs(back.epoch.secondsSince(e.epoch))).toBeLessThanOrEqual(432e-6 + 1e-6);
        expect(formatTle(back)).toEqual([l1, l2]);
      }),
      { numRuns: 400 },
    );
  });
});
