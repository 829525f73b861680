/**
 * The defects of issue 19, each rebuilt here from its shape (not copied from the hostile files):
 * linear-time readers, typed refusals of absurd or non-finite values, leap-second epochs.
 */
import { describe, expect, it } from 'vitest';
import {
  buildForceModels,
  Epoch,
  FormatError,
  ExponentialAtmosphere,
  formatOmmKvn,
  parseCdmKvn,
  parseCdmXml,
  parseOmmJson,
  parseOmmKvn,
  parseTle,
  rtnCovarianceKeyword,
  Sgp4Propagator,
  writeCdmXml,
  ISS_SAMPLE_TLE,
  type MeanElements,
} from '../../src/index.js';

const iss = parseTle(ISS_SAMPLE_TLE).records[0];
const created = { creationDate: Epoch.fromIso('2022-07-16T00:00:00Z') };

function ommWith(keyword: string, value: string, base: MeanElements = iss): string {
  return formatOmmKvn(base, created).replace(new RegExp(`^(${keyword}\\s*=).*$`, 'm'), `$1 ${value}`);
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = f();
  return { value, ms: performance.now() - t };
}

/** A complete two-object CDM KVN (508.0-B-1 mandatory keywords, 6×6 covariances). */
function cdmKvn(edit: (lines: string[]) => void = () => {}): string {
  const object = (n: number, x: number) => {
    const lines = [`OBJECT = OBJECT${n}`, `OBJECT_DESIGNATOR = ${n}`, 'CATALOG_NAME = SATCAT', `OBJECT_NAME = O${n}`, 'INTERNATIONAL_DESIGNATOR = 2000-001A', 'EPHEMERIS_NAME = NONE', 'COVARIANCE_METHOD = CALCULATED', 'MANEUVERABLE = NO', 'REF_FRAME = EME2000', `X = ${x} [km]`, 'Y = 0 [km]', 'Z = 0 [km]', 'X_DOT = 0 [km/s]', `Y_DOT = ${n === 1 ? 7.67 : 5.4} [km/s]`, `Z_DOT = ${n === 1 ? 0 : 5.4} [km/s]`];
    for (let i = 0; i < 6; i++) for (let j = 0; j <= i; j++) lines.push(`${rtnCovarianceKeyword(i, j)} = ${i === j ? (i < 3 ? 100 : 1e-4) : 0}`);
    return lines;
  };
  const lines = ['CCSDS_CDM_VERS = 1.0', 'CREATION_DATE = 2022-07-16T00:00:00', 'ORIGINATOR = T', 'MESSAGE_ID = T-1', 'TCA = 2022-07-17T12:00:00', 'MISS_DISTANCE = 150 [m]', ...object(1, 6778.137), ...object(2, 6778.287)];
  edit(lines);
  return lines.join('\n') + '\n';
}

const setValue = (key: string, value: string) => (lines: string[]) => {
  const i = lines.findIndex((l) => l.startsWith(`${key} =`));
  lines[i] = `${key} = ${value}`;
};

describe('KVN readers run in linear time (a 150 kB blank run took 30 s)', () => {
  it('OMM KVN: a MEAN_MOTION followed by 150,000 blanks and a letter is refused in well under a second', () => {
    const { value, ms } = timed(() => parseOmmKvn(ommWith('MEAN_MOTION', `15.5${' '.repeat(150_000)}x`), { fileName: 'iss.kvn' }));
    expect(ms).toBeLessThan(300);
    expect(value.records).toHaveLength(0);
    expect(value.errors[0].message).toMatch(/^iss\.kvn:\d+:\d+: field MEAN_MOTION: ".{77}\.\.\." is not a number$/);
  });

  it('OMM KVN: units after the value still read; long blank runs before them cost nothing', () => {
    expect(parseOmmKvn(ommWith('MEAN_MOTION', `15.49958191 ${' '.repeat(100_000)}[rev/day]`)).records[0].meanMotionRevPerDay).toBe(15.49958191);
  });

  it('CDM KVN: blank runs and 17,000-digit numbers are refused fast, naming line and keyword', () => {
    const spaces = timed(() => () => parseCdmKvn(cdmKvn(setValue('MISS_DISTANCE', `150${' '.repeat(150_000)}x [m]`)), 'c.cdm'));
    expect(spaces.value).toThrow(/^c\.cdm:6: field MISS_DISTANCE: .* is not a number/);
    const digits = timed(() => { try { parseCdmKvn(cdmKvn(setValue('CR_R', '1' + '0'.repeat(17_000) + 'x')), 'c.cdm'); } catch (e) { return e; } });
    expect(digits.value).toBeInstanceOf(FormatError);
    expect(spaces.ms + digits.ms).toBeLessThan(300);
  });

  it('TLE lines with 100,000 trailing blanks and a letter read in linear time', () => {
    const [l0, l1, l2] = ISS_SAMPLE_TLE.trim().split('\n');
    const { ms } = timed(() => parseTle([l0, l1 + ' '.repeat(100_000) + 'x', l2].join('\n')));
    expect(ms).toBeLessThan(300);
  });

  it('an ISO time of 100,000 characters is refused at once, its echo shortened', () => {
    const { value, ms } = timed(() => { try { Epoch.fromIso('2022-01-01' + ' '.repeat(100_000) + 'x'); } catch (e) { return e as Error; } });
    expect(ms).toBeLessThan(50);
    expect(value).toBeInstanceOf(RangeError);
    expect(value!.message.length).toBeLessThan(200);
  });
});

describe('CDM values that parse but poison the Pc are refused', () => {
  it('1e309 (Infinity) and 1.797e308 (overflows the combined covariance)', () => {
    expect(() => parseCdmKvn(cdmKvn(setValue('CT_T', '1e309')), 'c.cdm')).toThrow(/field CT_T: "1e309" is not a finite number/);
    expect(() => parseCdmKvn(cdmKvn(setValue('CR_R', '1.797e308')), 'c.cdm')).toThrow(/field CR_R: "1\.797e308" is beyond any physical value/);
    expect(() => parseCdmKvn(cdmKvn(setValue('X', '1e8 [km]')), 'c.cdm')).toThrow(/field X: "1e8" is beyond any physical value/);
    expect(parseCdmKvn(cdmKvn(), 'c.cdm').objects[1].covarianceRtn[0]).toBe(100);
  });

  it('CDM XML: an 88 kB tag name gives a short FormatError (a RegExp was built from it)', () => {
    const xml = writeCdmXml(parseCdmKvn(cdmKvn(), 'c.cdm'));
    const tag = 'A'.repeat(88_000);
    const { value, ms } = timed(() => { try { parseCdmXml(xml.replace('<MESSAGE_ID>', `<${tag}>x</${tag}><MESSAGE_ID>`), 'c.xml'); } catch (e) { return e as Error; } });
    expect(value).toBeInstanceOf(FormatError);
    expect(value!.message.length).toBeLessThan(300);
    expect(value!.message).toMatch(/^c\.xml:\d+: field A+\.\.\.: "x" is not a CDM keyword/);
    expect(ms).toBeLessThan(500);
  });
});

describe('element sets: absurd values refused, never NaN', () => {
  it('OMM JSON nested 6,000 deep: a FormatError, not a stack overflow', () => {
    const r = parseOmmJson('['.repeat(6000) + ']'.repeat(6000), { fileName: 'deep.json' });
    expect(r.records).toHaveLength(0);
    expect(r.errors[0]).toBeInstanceOf(FormatError);
    expect(r.errors[0].message).toMatch(/^deep\.json:1:33: field JSON: .* nests deeper than 32 levels/);
  });

  it.each([
    ['MEAN_MOTION', '1.5e301', /out of range \[0\.005, 20\] rev\/day/],
    ['MEAN_MOTION', '0.001', /out of range/],
    ['BSTAR', '1.797e308', /beyond ±1000000000/],
    ['ECCENTRICITY', '1.0', /out of range \[0, 1\)/],
    ['EPOCH', '9999-01-01T00:00:00', /outside the years 1957–2100/],
    ['EPOCH', '1956-12-31T00:00:00', /outside the years 1957–2100/],
  ])('%s = %s is refused with a field error', (key, value, why) => {
    const r = parseOmmKvn(ommWith(key, value), { fileName: 'x.kvn' });
    expect(r.records).toHaveLength(0);
    expect(r.errors[0].field).toBe(key);
    expect(r.errors[0].message).toMatch(why);
  });

  it('SGP4 itself refuses a mean motion or B* beyond the bounds (code 7), as no input can give NaN with code 0', () => {
    expect(() => Sgp4Propagator.fromElements({ ...iss, meanMotionRevPerDay: 1.5e301 })).toThrow(/SGP4 error 7 .*above 20/);
    expect(() => Sgp4Propagator.fromElements({ ...iss, bstar: 1.797e308 })).toThrow(/SGP4 error 7 .*B\*/);
    expect(() => Sgp4Propagator.fromElements({ ...iss, meanMotionRevPerDay: 1e-320 })).toThrow(/SGP4 error 7 .*infinite semi-major axis/);
  });

  it('a deep-space OMM with its epoch in a leap second propagates like the same elements 1 s earlier, at equal time since epoch', () => {
    // A geostationary-transfer-like orbit (10.6 h, e = 0.73): deep-space SGP4 (satellite.js path).
    const gto: MeanElements = { ...iss, noradId: 99001, meanMotionRevPerDay: 2.27, eccentricity: 0.73, inclinationDeg: 6, bstar: 0, meanMotionDot: 0, meanMotionDdot: 0 };
    const leap = parseOmmKvn(ommWith('EPOCH', '2016-12-31T23:59:60.000', gto)).records[0];
    const before = parseOmmKvn(ommWith('EPOCH', '2016-12-31T23:59:59.000', gto)).records[0];
    expect(leap.epoch.secondsSince(before.epoch)).toBe(1); // a real leap second: 23:59:60 exists that day
    const a = Sgp4Propagator.fromElements(leap);
    const b = Sgp4Propagator.fromElements(before);
    expect(a.deepSpace).toBe(true);
    for (const t of [0, 60, 720, 1440]) {
      const ra = a.propagateMinutes(t);
      const rb = b.propagateMinutes(t);
      expect(ra.every(Number.isFinite)).toBe(true);
      // The epoch enters deep-space SGP4 only through sidereal time and the Sun/Moon positions:
      // one second of them moves a non-resonant orbit by metres, not by the km a wrong date would.
      expect(Math.hypot(ra[0] - rb[0], ra[1] - rb[1], ra[2] - rb[2])).toBeLessThan(0.05);
    }
  });
});

describe('forces configuration: values no spacecraft has are refused by name', () => {
  it('drag areaM2 = 1.5e303 (the run failed later with a non-finite epoch)', () => {
    expect(() => buildForceModels({ gravity: { model: 'j2' }, drag: { atmosphere: 'exponential', cd: 2, areaM2: 1.5e303 } }, { atmospheres: { exponential: new ExponentialAtmosphere() }, spaceWeather: { at: () => ({ f107: 150, f107a: 150, ap: [15, 15, 15, 15, 15, 15, 15] }) } })).toThrow(/drag\.areaM2: must be ≤ 1000000/);
  });
});
