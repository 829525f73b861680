import { describe, expect, it } from 'vitest';
import { Epoch } from '../../src/foundation/time/epoch.js';
import {
  FormatError,
  decodeCatalogNumber,
  dedupeByEpoch,
  encodeCatalogNumber,
  formatImpliedExponent,
  parseImpliedExponent,
  parseTle,
  parseTleLines,
  tleChecksum,
} from '../../src/foundation/formats/index.js';

// ISS set from the Space-Track catalogue snapshot of 2022-07-15 (shared/data/catalog).
const ISS1 = '1 25544U 98067A   22196.51021208  .00006684  00000-0  12517-3 0  9992';
const ISS2 = '2 25544  51.6398 196.3106 0004941  13.7716  97.3744 15.49958191349577';
// Vanguard 1 as Space-Track writes it: blank-padded catalogue number.
const VAN1 = '1     5U 58002B   22196.28486465  .00000351  00000-0  43722-3 0  9993';
const VAN2 = '2     5  34.2492  53.6414 1847265 162.8155 204.4542 10.84977341287669';

/** Replace columns [from, from+text.length) (1-based) of a line. */
function setColumns(line: string, from: number, text: string): string {
  return line.slice(0, from - 1) + text + line.slice(from - 1 + text.length);
}

/** Recompute the column-69 checksum after an edit. */
function fixChecksum(line: string): string {
  return line.slice(0, 68) + String(tleChecksum(line));
}

describe('TLE field codecs', () => {
  it('decodes zero-padded, blank-padded and Alpha-5 catalogue numbers', () => {
    expect(decodeCatalogNumber('00005')).toBe(5);
    expect(decodeCatalogNumber('    5')).toBe(5);
    expect(decodeCatalogNumber('25544')).toBe(25544);
    expect(decodeCatalogNumber('A0001')).toBe(100001);
    expect(decodeCatalogNumber('H9999')).toBe(179999);
    expect(decodeCatalogNumber('J0000')).toBe(180000); // I is skipped
    expect(decodeCatalogNumber('P0000')).toBe(230000); // O is skipped
    expect(decodeCatalogNumber('Z9999')).toBe(339999);
    expect(decodeCatalogNumber('I0000')).toBeUndefined();
    expect(decodeCatalogNumber('O0000')).toBeUndefined();
    expect(decodeCatalogNumber('a0001')).toBeUndefined();
    expect(decodeCatalogNumber('2 544')).toBeUndefined();
  });

  it('encodes catalogue numbers back, Alpha-5 from 100000', () => {
    expect(encodeCatalogNumber(5)).toBe('00005');
    expect(encodeCatalogNumber(99999)).toBe('99999');
    expect(encodeCatalogNumber(100001)).toBe('A0001');
    expect(encodeCatalogNumber(180000)).toBe('J0000');
    expect(encodeCatalogNumber(339999)).toBe('Z9999');
    expect(encodeCatalogNumber(340000)).toBeUndefined();
    for (let id = 0; id <= 339999; id += 997) expect(decodeCatalogNumber(encodeCatalogNumber(id)!)).toBe(id);
  });

  it('reads implied-decimal exponent fields', () => {
    expect(parseImpliedExponent(' 12517-3')).toBe(0.12517e-3);
    expect(parseImpliedExponent('-11606-4')).toBe(-0.11606e-4);
    expect(parseImpliedExponent('00000+0')).toBe(0);
    expect(parseImpliedExponent(' 00000-0')).toBe(0);
    expect(parseImpliedExponent('+13742-3')).toBe(0.13742e-3);
    expect(parseImpliedExponent(' 10145+0')).toBe(0.10145);
    expect(parseImpliedExponent(' 1251x-3')).toBeUndefined();
    expect(parseImpliedExponent(' 12517 3')).toBeUndefined();
  });

  it('writes implied-decimal exponent fields', () => {
    expect(formatImpliedExponent(1.2517e-4)).toBe(' 12517-3');
    expect(formatImpliedExponent(-1.1606e-5)).toBe('-11606-4');
    expect(formatImpliedExponent(0)).toBe(' 00000-0');
    expect(formatImpliedExponent(0.10145)).toBe(' 10145+0');
    expect(formatImpliedExponent(0.999996)).toBe(' 10000+1'); // rounds up into the next decade
    expect(formatImpliedExponent(1e-3)).toBe(' 10000-2');
    expect(formatImpliedExponent(1e-11)).toBe(' 01000-9'); // unnormalised below 1e-10
    expect(formatImpliedExponent(1e-16)).toBe(' 00000-0');
    expect(formatImpliedExponent(1e12)).toBeUndefined();
  });

  it('computes the modulo-10 checksum with minus signs counting 1', () => {
    expect(tleChecksum(ISS1)).toBe(2);
    expect(tleChecksum(ISS2)).toBe(7);
    expect(tleChecksum('1 00016U 58002A   22195.14918248 -.00000030  00000-0 -56667-4 0  9997')).toBe(7);
  });
});

describe('parseTleLines', () => {
  it('reads every field of the ISS set exactly', () => {
    const r = parseTleLines(ISS1, ISS2, '0 ISS (ZARYA)');
    expect(r.objectName).toBe('ISS (ZARYA)');
    expect(r.noradId).toBe(25544);
    expect(r.classification).toBe('U');
    expect(r.intlDesignator).toBe('98067A');
    // Day 196.51021208 of 2022 = 15 July, 0.51021208 d = 44082.323712 s.
    expect(r.epoch.toIsoUtc(6)).toBe('2022-07-15T12:14:42.323712Z');
    expect(Math.abs(r.epoch.secondsSince(Epoch.fromIso('2022-07-15T12:14:42.323712Z')))).toBeLessThan(1e-9);
    expect(r.meanMotionDot).toBe(0.00006684);
    expect(r.meanMotionDdot).toBe(0);
    expect(r.bstar).toBe(0.00012517);
    expect(r.ephemerisType).toBe(0);
    expect(r.elementSetNo).toBe(999);
    expect(r.inclinationDeg).toBe(51.6398);
    expect(r.raanDeg).toBe(196.3106);
    expect(r.eccentricity).toBe(0.0004941);
    expect(r.argPerigeeDeg).toBe(13.7716);
    expect(r.meanAnomalyDeg).toBe(97.3744);
    expect(r.meanMotionRevPerDay).toBe(15.49958191);
    expect(r.revAtEpoch).toBe(34957);
    expect(r.line1).toBe(ISS1);
    expect(r.line2).toBe(ISS2);
    expect(r.extraLine1).toBe('');
    expect(r.extraLine2).toBe('');
  });

  it('accepts blank-padded catalogue numbers, CR and trailing blanks', () => {
    const r = parseTleLines(VAN1 + '  \r', VAN2 + '\r');
    expect(r.noradId).toBe(5);
    expect(r.line1).toBe(VAN1);
    expect(r.objectName).toBe('');
    expect(r.eccentricity).toBe(0.1847265);
    expect(r.bstar).toBe(0.43722e-3);
  });

  it('reads Alpha-5 catalogue numbers and negative drag terms', () => {
    const l1 = fixChecksum(setColumns(ISS1, 3, 'A0001'));
    const l2 = fixChecksum(setColumns(ISS2, 3, 'A0001'));
    expect(parseTleLines(l1, l2).noradId).toBe(100001);
    const neg = parseTleLines('1 00016U 58002A   22195.14918248 -.00000030  00000-0 -56667-4 0  9997', '2 00016  34.2644 129.6059 2025992 188.5024 167.5446 10.48822992538285');
    expect(neg.meanMotionDot).toBe(-0.0000003);
    expect(neg.bstar).toBe(-0.56667e-4);
  });

  it('throws a FormatError that names file, line, column, field and value', () => {
    const bad = setColumns(ISS2, 27, '00a4941');
    let caught: unknown;
    try {
      parseTleLines(ISS1, bad, undefined, { fileName: 'iss.tle' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FormatError);
    const e = caught as FormatError;
    expect(e.message).toBe('iss.tle:2:27: field eccentricity: "00a4941" is not a number (seven digits after an implied decimal point)');
    expect([e.fileName, e.line, e.column, e.field, e.value]).toEqual(['iss.tle', 2, 27, 'eccentricity', '00a4941']);
  });

  it('rejects a checksum mismatch at column 69', () => {
    const bad = ISS1.slice(0, 68) + '3';
    expect(() => parseTleLines(bad, ISS2)).toThrow(/:1:69: field checksum: "3" does not match the checksum of columns 1-68 \(2\)/);
    expect(parseTleLines(bad, ISS2, undefined, { verifyChecksum: false }).noradId).toBe(25544);
  });

  it('rejects catalogue numbers that differ between the lines', () => {
    const l2 = fixChecksum(setColumns(ISS2, 3, '25545'));
    expect(() => parseTleLines(ISS1, l2)).toThrow(/:2:3: field noradId: "25545" does not match line 1's catalogue number 25544/);
  });

  it('rejects truncated lines, misaligned fields and out-of-range values', () => {
    expect(() => parseTleLines(ISS1.slice(0, 60), ISS2)).toThrow(/:1:61: field line1: .* is truncated: 60 columns/);
    expect(() => parseTleLines(ISS1, fixChecksum(setColumns(ISS2, 9, '191.6398')))).toThrow(/field inclinationDeg: "191.6398" is out of range \[0, 180\]/);
    expect(() => parseTleLines(ISS1, fixChecksum(setColumns(ISS2, 53, ' 0.00000000')))).toThrow(/field meanMotionRevPerDay: " 0.00000000" must be positive/);
    expect(() => parseTleLines(fixChecksum(setColumns(ISS1, 21, '367.00000000')), ISS2)).toThrow(/field epochDay: "367.00000000" is out of range \[1, 366\) for 2022/);
    expect(() => parseTleLines(ISS2, ISS1)).toThrow(FormatError);
    // A field shifted one column right leaves a non-blank where a separator belongs.
    const shifted = fixChecksum(ISS1.slice(0, 33) + ' ' + ISS1.slice(33, 67) + '0');
    expect(() => parseTleLines(shifted, ISS2)).toThrow(/field column 44/);
  });

  it('keeps text after column 69 (SGP4-VER start/stop/step) apart from the lines', () => {
    const r = parseTleLines(ISS1, ISS2 + '      0.0      1440.0        120.00');
    expect(r.line2).toBe(ISS2);
    expect(r.extraLine2).toBe('0.0      1440.0        120.00');
  });
});

describe('parseTle', () => {
  it('reads 2-line and 3-line sets with blank lines, CRLF, bare and "0 " names', () => {
    const text = ['ISS (ZARYA)  ', ISS1, ISS2, '', '0 VANGUARD 1', VAN1, VAN2, '', '', ISS1, ISS2, ''].join('\r\n');
    const { records, errors } = parseTle(text, { fileName: 'mix.txt' });
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.objectName, r.noradId, r.lineNumber, r.fileName])).toEqual([
      ['ISS (ZARYA)', 25544, 2, 'mix.txt'],
      ['VANGUARD 1', 5, 6, 'mix.txt'],
      ['', 25544, 10, 'mix.txt'],
    ]);
  });

  it('reports a bad set and keeps the good ones around it', () => {
    const text = [ISS1, ISS2, VAN1, setColumns(VAN2, 27, '18x7265'), ISS1, ISS2].join('\n');
    const { records, errors } = parseTle(text, { fileName: 'x.tle' });
    expect(records).toHaveLength(2);
    expect(errors[0].message).toBe('x.tle:4:27: field eccentricity: "18x7265" is not a number (seven digits after an implied decimal point)');
  });

  it('reports a missing line 2 and a line 2 without line 1', () => {
    const { records, errors } = parseTle([ISS1, VAN1, VAN2, ISS2, 'DANGLING NAME'].join('\n'), { fileName: 'm.tle' });
    expect(records.map((r) => r.noradId)).toEqual([5]);
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [2, 'line2'],
      [4, 'line1'],
      [5, 'objectName'],
    ]);
    expect(errors[0].message).toMatch(/^m\.tle:2:1: field line2: .* is not line 2 of the set whose line 1 is line 1/);
    expect(parseTle(ISS1).errors[0].message).toMatch(/field line2: "" is missing: end of text after line 1 on line 1/);
  });

  it('never throws on garbage', () => {
    expect(parseTle('\u0000\n1 \n2 \n0\n#\n').records).toEqual([]);
  });
});

describe('dedupeByEpoch', () => {
  it('sorts by epoch and keeps the latest or first of repeated epochs', () => {
    const a = parseTleLines(ISS1, ISS2);
    const reissued = parseTleLines(fixChecksum(setColumns(ISS1, 65, ' 998')), ISS2);
    const earlier = parseTleLines(fixChecksum(setColumns(ISS1, 21, '195.51021208')), ISS2);
    const latest = dedupeByEpoch([a, reissued, earlier], 'keep-latest');
    expect(latest.map((r) => r.elementSetNo)).toEqual([999, 998]);
    expect(latest[0]).toBe(earlier);
    const first = dedupeByEpoch([a, reissued, earlier], 'keep-first');
    expect(first[1]).toBe(a);
    // Different objects at the same epoch are not duplicates.
    const van = parseTleLines(fixChecksum(setColumns(VAN1, 19, '22196.51021208')), VAN2);
    expect(dedupeByEpoch([a, van], 'keep-first').map((r) => r.noradId)).toEqual([5, 25544]);
  });
});
