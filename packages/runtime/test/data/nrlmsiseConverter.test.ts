import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NRLMSISE00_ARRAY_SHAPES, validateNrlmsise00Json } from '../../src/data/datasets.js';
import {
  convertNrlmsise00DataC,
  convertNrlmsise00DataCBytes,
  parseCDoubleArrays,
} from '../../src/data/nrlmsiseConverter.js';
import { sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import { cSourceFromArrays, syntheticNrlmsiseArrays } from '../../../cli/test/data/fixtures.js';

/** Hand-written C in the layout of nrlmsise-00_data.c: comments, braced rows, %E numbers, short rows. */
const SNIPPET = `
/* -*- c -*- block data, test copy */
#include "nrlmsise-00.h"

/* TEMPERATURE */
double a[6] = {
  9.86573E-01, -1.62228E-02,  1.5527e-02, /* a comment inside */ -1.04323E+02,
};

// a line comment
double b[3][4] = {
/*   ROW 0 */ {
     1.0, 2., .5, -3E+00 },
/*   ROW 1 */ { 4.5E-05 }
};

int unrelated[2] = { 7, 8 };
double c[2][2] = { 1, 2, 3 };  /* brace-elided, last entry unset */
static double d[2] = { 6.71072E-06, +2.5 };
`;

const SHAPES = { a: [6], b: [3, 4], c: [2, 2], d: [2] } as const;

describe('parseCDoubleArrays on a small hand-written C snippet', () => {
  it('reads numbers only, in the declared shapes, unset entries zero', () => {
    const got = parseCDoubleArrays(SNIPPET, SHAPES);
    expect(got.a).toEqual([0.986573, -0.0162228, 0.015527, -104.323, 0, 0]);
    expect(got.b).toEqual([
      [1, 2, 0.5, -3],
      [4.5e-5, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(got.c).toEqual([
      [1, 2],
      [3, 0],
    ]);
    expect(got.d).toEqual([6.71072e-6, 2.5]);
  });

  it('ignores arrays it was not asked for and reports one that is missing', () => {
    expect(Object.keys(parseCDoubleArrays(SNIPPET, { d: [2] }))).toEqual(['d']);
    expect(() => parseCDoubleArrays(SNIPPET, { a: [6], zz: [3] })).toThrow(/lacks the array\(s\) zz/);
  });

  it('rejects a declaration whose dimensions differ from the expected shape', () => {
    expect(() => parseCDoubleArrays(SNIPPET, { b: [4, 3] })).toThrow(/'b' is declared \[3\]\[4\], expected \[4\]\[3\]/);
  });

  it('rejects a non-number in an initialiser, naming the line', () => {
    const src = 'double a[3] = {\n 1.0,\n SCALE * 2.0,\n 3.0 };';
    expect(() => parseCDoubleArrays(src, { a: [3] })).toThrow(/line 3: 'SCALE' in the initialiser of 'a' is not a number/);
  });

  it('rejects too many initialisers, an unclosed initialiser and a duplicate', () => {
    expect(() => parseCDoubleArrays('double a[2] = { 1, 2, 3 };', { a: [2] })).toThrow(/3 initialisers for 2 entries/);
    expect(() => parseCDoubleArrays('double a[2][2] = { {1}, {2}, {3} };', { a: [2, 2] })).toThrow(/3 rows for 2/);
    expect(() => parseCDoubleArrays('double a[2] = { 1, 2 ', { a: [2] })).toThrow(/not closed/);
    expect(() => parseCDoubleArrays('double a[1] = {1};\ndouble a[1] = {2};', { a: [1] })).toThrow(/line 2: 'a' is declared twice/);
    expect(() => parseCDoubleArrays('double a[2][2] = { {1, 2}, 3, 4 };', { a: [2, 2] })).toThrow(/mixes braced rows/);
  });

  it('does not take numbers from inside comments', () => {
    const src = 'double a[3] = { 1.0, /* 99.0, */ 2.0 // , 77\n };';
    expect(parseCDoubleArrays(src, { a: [3] }).a).toEqual([1, 2, 0]);
  });
});

describe('convertNrlmsise00DataC', () => {
  it('turns a full synthetic data file into the coefficient JSON that validates', () => {
    const arrays = syntheticNrlmsiseArrays();
    const src = cSourceFromArrays(arrays);
    const bytes = convertNrlmsise00DataCBytes(new TextEncoder().encode(src));
    expect(() => validateNrlmsise00Json(bytes)).not.toThrow();
    const json = JSON.parse(new TextDecoder().decode(bytes));
    expect(Object.keys(json)).toEqual(['model', 'description', 'arrays']);
    expect(json.model).toBe('NRLMSISE-00');
    expect(Object.keys(json.arrays)).toEqual(Object.keys(NRLMSISE00_ARRAY_SHAPES));
    expect(json.arrays).toEqual(arrays);
  });

  it('rejects a data file that lacks one of the ten arrays', () => {
    const arrays = syntheticNrlmsiseArrays();
    const src = cSourceFromArrays(arrays).replace(/double pavgm\[10\]/, 'double pavgx[10]');
    expect(() => convertNrlmsise00DataC(src)).toThrow(/lacks the array\(s\) pavgm/);
  });

  it('takes the ptm[10] of release 20041227 only when asked, zero-filled to ptm[50]', () => {
    const arrays = syntheticNrlmsiseArrays();
    const ptm = arrays.ptm as number[];
    const src = cSourceFromArrays({ ...arrays, ptm: ptm.slice(0, 10) }).replace(/double ptm\[50\]/, 'double ptm[10]');
    expect(src).toContain('double ptm[10]');
    expect(() => convertNrlmsise00DataC(src)).toThrow(/'ptm' is declared \[10\], expected \[50\]/);
    const got = convertNrlmsise00DataC(src, { acceptEarlierRelease: true });
    expect(got.arrays.ptm).toEqual([...ptm.slice(0, 10), ...new Array<number>(40).fill(0)]);
    expect(got.arrays.pt).toEqual(arrays.pt);
    // Any other shorter declaration stays an error.
    const bad = cSourceFromArrays({ ...arrays, pavgm: (arrays.pavgm as number[]).slice(0, 5) }).replace(/double pavgm\[10\]/, 'double pavgm[5]');
    expect(() => convertNrlmsise00DataC(bad, { acceptEarlierRelease: true })).toThrow(/'pavgm' is declared \[5\], expected \[10\]/);
  });
});

describe.skipIf(!sharedDataAvailable())('convertNrlmsise00DataC against the reference JSON in ../shared/data', () => {
  const ref = JSON.parse(readFileSync(sharedPath('nrlmsise', 'nrlmsise00-coefficients.json'), 'utf8'));

  it('produces exactly the keys and array shapes of the reference file', () => {
    const ours = convertNrlmsise00DataC(cSourceFromArrays(syntheticNrlmsiseArrays()));
    const shapeOf = (v: unknown): unknown => (Array.isArray(v) ? [v.length, Array.isArray(v[0]) ? v[0].length : null] : typeof v);
    expect(Object.keys(ours)).toEqual(Object.keys(ref));
    expect(Object.keys(ours.arrays)).toEqual(Object.keys(ref.arrays));
    for (const k of Object.keys(ref.arrays)) expect(shapeOf(ours.arrays[k]), k).toEqual(shapeOf(ref.arrays[k]));
  });

  it('round-trips the reference coefficients written out as C initialisers, number for number', () => {
    const ours = convertNrlmsise00DataC(cSourceFromArrays(ref.arrays));
    expect(ours.arrays).toEqual(ref.arrays);
    // Spot values of the published tables (GTD7BK): PT(1), PDM(1,1) He density at 120 km, PAVGM(7).
    expect(ours.arrays.pt[0]).toBe(0.986573);
    expect((ours.arrays.pdm as number[][])[0][0]).toBe(2.456e7);
    expect(ours.arrays.pavgm[6]).toBe(286.76);
  });
});
