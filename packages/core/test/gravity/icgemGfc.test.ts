import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sharedDataAvailable, sharedPath } from '../../../../test/sharedData.js';
import { coefficientIndex, truncateGravityField } from '../../src/models/gravity/coefficients.js';
import { parseIcgemGfc } from '../../src/models/gravity/icgemGfc.js';
import { Epoch } from '../../src/foundation/time/epoch.js';

const HEADER = `free text before the header
begin_of_head ====
modelname              TINY
earth_gravity_constant 0.3986004415E+15
radius                 0.6378136460E+07
max_degree             3
tide_system            tide_free
errors                 formal
norm                   fully_normalized
key L M C S sigC sigS t0
end_of_head ====
`;

const TINY = `${HEADER}gfc 0 0 1.0 0.0 0 0
gfc 1 0 0.0 0.0 0 0
gfc 1 1 0.0 0.0 0 0
gfct 2 0 -4.8e-04 0.0 1e-13 0 20050101
trnd 2 0 -1.0e-11 0.0 1e-14 0
acos 2 0 4.0e-11 0.0 1e-13 0 1.0
asin 2 0 5.0e-11 0.0 1e-13 0 1.0
acos 2 0 3.0e-11 0.0 1e-13 0 0.5
asin 2 0 -2.0e-11 0.0 1e-13 0 0.5
gfc 2 1 1.0D-9 2.0D-9 0 0
gfc 2 2 2.4e-06 -1.4e-06 0 0
gfc 3 0 9.5e-07 0.0 0 0
gfc 3 3 7.2e-07 1.4e-06 0 0
`;

describe('parseIcgemGfc (ICGEM format 2011)', () => {
  it('reads the header and static coefficients (triangular layout, D exponents)', () => {
    const f = parseIcgemGfc(TINY, 'tiny.gfc');
    expect(f.modelName).toBe('TINY');
    expect(f.gmM3PerS2).toBe(3.986004415e14);
    expect(f.radiusM).toBe(6378136.46);
    expect(f.maxDegree).toBe(3);
    expect(f.maxOrder).toBe(3);
    expect(f.tideSystem).toBe('tide_free');
    expect(f.cBar[coefficientIndex(2, 1)]).toBe(1e-9);
    expect(f.sBar[coefficientIndex(2, 1)]).toBe(2e-9);
    expect(f.sBar[coefficientIndex(3, 3)]).toBe(1.4e-6);
    expect(f.cBar[coefficientIndex(2, 0)]).toBe(-4.8e-4); // static part: gfct at t0
    expect(f.timeVariable).toMatch(/static part/);
  });

  it('evaluates gfct + trnd Δt + Σ asin/acos at an epoch (Δt in Julian years)', () => {
    const epoch = Epoch.fromUtc(2012, 7, 1, 6);
    const dt = epoch.secondsSince(Epoch.fromUtc(2005, 1, 1)) / 86400 / 365.25;
    const w = 2 * Math.PI;
    const expected =
      -4.8e-4 - 1e-11 * dt + 4e-11 * Math.cos(w * dt) + 5e-11 * Math.sin(w * dt) + 3e-11 * Math.cos(2 * w * dt) - 2e-11 * Math.sin(2 * w * dt);
    const f = parseIcgemGfc(TINY, 'tiny.gfc', { epoch });
    expect(f.cBar[coefficientIndex(2, 0)]).toBeCloseTo(expected, 20);
    expect(Math.abs(f.cBar[coefficientIndex(2, 0)] - -4.8e-4)).toBeGreaterThan(5e-11); // drift of 7.5 y is visible
    expect(f.timeVariable).toBe(`evaluated at ${epoch.toIsoUtc(3)}`);
  });

  it('truncates on load (maxDegree) and after (truncateGravityField)', () => {
    const f = parseIcgemGfc(TINY, 'tiny.gfc', { maxDegree: 2 });
    expect(f.maxDegree).toBe(2);
    expect(f.cBar.length).toBe(6);
    const g = truncateGravityField(parseIcgemGfc(TINY, 'tiny.gfc'), 3, 1);
    expect(g.cBar[coefficientIndex(3, 3)]).toBe(0);
    expect(g.cBar[coefficientIndex(2, 1)]).toBe(1e-9);
    expect(() => truncateGravityField(f, 5)).toThrow(/degree: must be an integer 0…2 \(max_degree of TINY\), got 5/);
    expect(() => parseIcgemGfc(TINY, 'tiny.gfc', { maxDegree: 4 })).toThrow(/tiny\.gfc: maxDegree must be an integer 0…3/);
  });

  it('errors name the file and line', () => {
    const line = (n: number) => new RegExp(`^bad\\.gfc:${n}: `);
    const dataLine = HEADER.split('\n').length; // first data line number
    expect(() => parseIcgemGfc('modelname X\n', 'bad.gfc')).toThrow(/bad\.gfc:2: no 'end_of_head'/);
    expect(() => parseIcgemGfc(`${HEADER}gfc 2 0 abc 0 0 0\n`, 'bad.gfc')).toThrow(line(dataLine));
    expect(() => parseIcgemGfc(`${HEADER}gfc 2 0 abc 0 0 0\n`, 'bad.gfc')).toThrow(/C is not a number: 'abc'/);
    expect(() => parseIcgemGfc(`${HEADER}gfc 2 3 1 0 0 0\n`, 'bad.gfc')).toThrow(/invalid degree\/order L=2 M=3/);
    expect(() => parseIcgemGfc(`${HEADER}gfc 4 0 1 0 0 0\n`, 'bad.gfc')).toThrow(/degree 4 exceeds max_degree 3/);
    expect(() => parseIcgemGfc(`${HEADER}trnd 2 0 1 0 0 0\n`, 'bad.gfc')).toThrow(/'trnd' for L=2 M=0 without a preceding gfct/);
    expect(() => parseIcgemGfc(`${HEADER}gfc 2 0 1 0 0 0\ngfc 2 0 1 0 0 0\n`, 'bad.gfc')).toThrow(line(dataLine + 1));
    expect(() => parseIcgemGfc(`${HEADER}gfct 2 0 1 0 0 0 2005\n`, 'bad.gfc')).toThrow(/t0 must be yyyymmdd/);
    expect(() => parseIcgemGfc(`${HEADER}xyz 2 0 1 0 0 0\n`, 'bad.gfc')).toThrow(/unknown line key 'xyz'/);
    expect(() => parseIcgemGfc(HEADER.replace('fully_normalized', 'unnormalized'), 'bad.gfc')).toThrow(/norm 'unnormalized' is not supported/);
    expect(() => parseIcgemGfc(HEADER.replace(/radius.*\n/, ''), 'bad.gfc')).toThrow(/header key 'radius' missing/);
  });

  it('errors = no: no σ columns, t0 directly after S', () => {
    const text = HEADER.replace('errors                 formal', 'errors no') + 'gfct 2 0 -4.8e-4 0 20050101\ntrnd 2 0 1e-11 0\n';
    const f = parseIcgemGfc(text, 'nosig.gfc', { epoch: Epoch.fromUtc(2006, 1, 1) });
    expect(f.cBar[coefficientIndex(2, 0)]).toBeCloseTo(-4.8e-4 + 1e-11 * (365 / 365.25), 18);
  });
});

describe.skipIf(!sharedDataAvailable())('EIGEN-6S file (shared data)', () => {
  const text = sharedDataAvailable() ? readFileSync(sharedPath('gravity', 'eigen-6s.gfc'), 'latin1') : '';
  it('header and first/last coefficients as printed in the file', () => {
    const f = parseIcgemGfc(text, 'eigen-6s.gfc');
    expect(f.modelName).toBe('EIGEN-6S');
    expect(f.gmM3PerS2).toBe(0.3986004415e15);
    expect(f.radiusM).toBe(0.637813646e7);
    expect(f.maxDegree).toBe(240);
    expect(f.maxOrder).toBe(240);
    expect(f.tideSystem).toBe('tide_free');
    expect(f.cBar[0]).toBe(1);
    expect(f.cBar[coefficientIndex(2, 0)]).toBe(-4.8416529982e-4);
    expect(f.cBar[coefficientIndex(240, 240)]).toBe(-4.92658116083e-11);
    expect(f.sBar[coefficientIndex(240, 239)]).toBe(-1.34083504417e-10);
  });
  it('time-variable C̄20 at 2020-01-01 by the header formula, from the printed gfct/trnd/acos/asin of L=2 M=0', () => {
    const epoch = Epoch.fromUtc(2020, 1, 1);
    const dt = epoch.secondsSince(Epoch.fromUtc(2005, 1, 1)) / 86400 / 365.25;
    const w = 2 * Math.PI;
    const expected =
      -4.8416529982e-4 +
      -1.26059939709e-11 * dt +
      4.10019292536e-11 * Math.cos(w * dt) +
      5.32367408468e-11 * Math.sin(w * dt) +
      3.33920225943e-11 * Math.cos(2 * w * dt) +
      -2.44369818145e-11 * Math.sin(2 * w * dt);
    const f = parseIcgemGfc(text, 'eigen-6s.gfc', { epoch, maxDegree: 10 });
    expect(f.cBar[coefficientIndex(2, 0)]).toBeCloseTo(expected, 20);
    expect(f.maxDegree).toBe(10);
  });
});
