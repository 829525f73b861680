import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DATASETS,
  validateCelestrakEop,
  validateFinals2000A,
  validateGfc,
  validateNrlmsise00Json,
  validateOmmJson,
  validateSatcatCsv,
  validateSpaceWeatherCsv,
  validateTaiUtc,
  validateTleText,
} from '@stationkeeper/runtime';
import { sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import { syntheticGfc, syntheticOmmJson, syntheticSatcat, syntheticTle, syntheticTleText } from './fixtures.js';

const b = (s: string): Uint8Array => new TextEncoder().encode(s);
const HTML = '<!DOCTYPE html>\n<html><head><title>Service Unavailable</title></head><body>try later</body></html>\n';

describe('every validator rejects an HTML error page', () => {
  for (const d of DATASETS) {
    for (const f of d.files) {
      it(`${f.path}`, () => {
        expect(() => f.validateSource(b(HTML))).toThrow(/HTML page/);
        expect(() => f.validate(b(HTML))).toThrow(/HTML page/);
      });
    }
  }
});

describe('TLE text', () => {
  it('accepts 3LE and counts element sets', () => {
    expect(validateTleText(b(syntheticTleText(3)))).toBe(3);
    // A name that starts like a line number is still a name line.
    expect(validateTleText(b(syntheticTle(90001, 'X').replace('0 X', '1 HOPE SAT')))).toBe(1);
    expect(validateTleText(b(syntheticTle(90001, 'X').replace('0 X', '2 GOES')))).toBe(1);
  });

  it('rejects a bad checksum, a lone line, mismatched numbers and prose', () => {
    const good = syntheticTle(25544, 'ISS (ZARYA)').split('\n');
    const badSum = good[1].slice(0, 68) + String((Number(good[1][68]) + 1) % 10);
    expect(() => validateTleText(b([good[0], badSum, good[2]].join('\n')))).toThrow(/line 2: line 1 checksum fails/);
    expect(() => validateTleText(b([good[0], good[1]].join('\n')))).toThrow(/not followed by a line 2/);
    const other = syntheticTle(25545, 'X').split('\n');
    expect(() => validateTleText(b([good[1], other[2]].join('\n')))).toThrow(/catalogue numbers differ/);
    expect(() => validateTleText(b('No GP data found\n'))).toThrow(/no TLE element set/);
    expect(() => validateTleText(b('Error\nplease retry later\n' + syntheticTleText(1)))).toThrow(/line 2: text that is not an element set/);
  });
});

describe('other formats', () => {
  it('OMM JSON: array of records with the mean-element keywords', () => {
    expect(validateOmmJson(b(syntheticOmmJson(2)))).toBe(2);
    expect(() => validateOmmJson(b('[]'))).toThrow(/no records/);
    expect(() => validateOmmJson(b('[{"OBJECT_NAME":"X"}]'))).toThrow(/record 0 lacks OBJECT_ID/);
    expect(() => validateOmmJson(b('{"error":"x"}'))).toThrow(/must be an array/);
  });

  it('SATCAT, SW-All, EOP, finals, tai-utc, gfc: header and structure', () => {
    expect(() => validateSatcatCsv(b(syntheticSatcat(3)))).not.toThrow();
    expect(() => validateSatcatCsv(b('NAME,ID\nX,1\n'))).toThrow(/must start with 'OBJECT_NAME,OBJECT_ID,NORAD_CAT_ID'/);
    expect(() => validateSpaceWeatherCsv(b('DATE,KP\n2020-01-01,3\n'))).toThrow(/must start with 'DATE,BSRN,ND,KP1'/);
    expect(() => validateCelestrakEop(b('VERSION 1.1\nNUM_OBSERVED_POINTS 1\n'))).toThrow(/no 'BEGIN OBSERVED'/);
    expect(() => validateCelestrakEop(b('BEGIN OBSERVED\n1962 01 01 37665 -0.012700  0.213000\n'))).toThrow(/cut off/);
    expect(() => validateFinals2000A(b('hello\n'))).toThrow(/row 1 is not 'YYMMDD MJD'/);
    expect(() => validateTaiUtc(b(' 1961 JAN  1 =JD 2437300.5  TAI-UTC=   1.4228180 S + (MJD - 37300.) X 0.001296 S\n'))).toThrow(
      /has 1 entries/,
    );
    expect(validateGfc(b(syntheticGfc(20)))).toEqual({ maxDegree: 20, modelName: 'TESTMODEL' });
    // Drop the last 39 rows: all 21 of degree 20 and orders 2..19 of degree 19.
    const cut = syntheticGfc(20).split('\n').slice(0, -40).join('\n');
    expect(() => validateGfc(b(cut))).toThrow(/lacks the coefficient of degree 19 order 2: the file is cut off/);
  });
});

describe.skipIf(!sharedDataAvailable())('validators accept the real files in ../shared/data', () => {
  const r = (...p: string[]): Uint8Array => new Uint8Array(readFileSync(sharedPath(...p)));
  it('space weather, EOP, finals, leap seconds, gfc, 3LE catalogue, SATCAT rows, NRLMSISE JSON', () => {
    expect(() => validateSpaceWeatherCsv(r('spaceweather', 'SW-All.csv'))).not.toThrow();
    expect(() => validateCelestrakEop(r('eop', 'EOP-All.txt'))).not.toThrow();
    expect(() => validateFinals2000A(r('eop', 'finals2000A.all'))).not.toThrow();
    expect(() => validateTaiUtc(r('eop', 'tai-utc.dat'))).not.toThrow();
    expect(validateGfc(r('gravity', 'eigen-6s.gfc'))).toEqual({ maxDegree: 240, modelName: 'EIGEN-6S' });
    // PROVENANCE.md §9: 24,132 objects in the 2022-07-15 Space-Track 3LE snapshot.
    expect(validateTleText(r('catalog', 'spacetrack_3le_2022-07-15.txt'))).toBe(24132);
    expect(() => validateSatcatCsv(r('reentry', 'decay_dates_satcat.csv'))).not.toThrow();
    expect(() => validateNrlmsise00Json(r('nrlmsise', 'nrlmsise00-coefficients.json'))).not.toThrow();
  });
});
