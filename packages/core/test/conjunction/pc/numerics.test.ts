import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erf, erfc, erfDifference } from '../../../src/analysis/conjunction/pc/erf.js';
import { integrateAdaptive } from '../../../src/analysis/conjunction/pc/quadrature.js';
import { pcChan, pcFoster, pcIsotropic, ricianSeries } from '../../../src/analysis/conjunction/pc/index.js';

/** 30-digit values from mpmath (mpmathReference.py in this folder). */
const ERFC_MPMATH: Array<[number, number]> = [
  [0.1, 0.8875370839817151], [0.5, 0.47950012218695346], [1, 0.15729920705028513],
  [1.19, 0.092391714028314977], [1.21, 0.0870444920273306], [2, 0.0046777349810472658],
  [3, 2.2090496998585441e-5], [5, 1.5374597944280349e-12], [10, 2.0884875837625448e-45],
  [20, 5.3958656116079009e-176], [26, 5.6631924088561428e-296],
];

describe('erf / erfc', () => {
  it('matches mpmath to 5e-15 relative, far tail included', () => {
    for (const [x, ref] of ERFC_MPMATH) {
      expect(Math.abs(erfc(x) - ref) / ref, `erfc(${x})`).toBeLessThan(5e-15);
      expect(Math.abs(erf(x) - (1 - ref)), `erf(${x})`).toBeLessThan(2e-16);
    }
  });
  it('is odd / reflects, and erfDifference keeps tail differences exact', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), (x) => {
        expect(erf(-x) === -erf(x)).toBe(true);
        expect(Math.abs(erfc(-x) - (2 - erfc(x)))).toBeLessThan(4e-16);
      }),
    );
    // erf(9) − erf(8.5): plain subtraction gives 0 in double precision.
    expect(erf(9) - erf(8.5)).toBe(0);
    const d = erfDifference(9, 8.5);
    expect(d).toBeGreaterThan(0);
    expect(d).toBe(erfc(8.5) - erfc(9));
  });
});

describe('Gauss–Kronrod quadrature', () => {
  it('K15 integrates polynomials up to degree 22 exactly on one panel (checks the tabulated nodes and weights)', () => {
    for (let n = 0; n <= 22; n++) {
      const { value } = integrateAdaptive((x) => x ** n, [0, 1], { relTol: 1, maxPanels: 1 });
      expect(Math.abs(value - 1 / (n + 1)), `x^${n}`).toBeLessThan(1e-15);
    }
    // The embedded Gauss rule is exact to degree 13 only, so the error estimate vanishes up to there.
    const low = integrateAdaptive((x) => x ** 13, [0, 1], { relTol: 1, maxPanels: 1 });
    expect(low.errorEstimate).toBeLessThan(1e-15);
    const high = integrateAdaptive((x) => x ** 14, [0, 1], { relTol: 1, maxPanels: 1 });
    expect(high.errorEstimate).toBeGreaterThan(1e-12);
  });
  it('adapts to a sharp peak to the requested relative accuracy', () => {
    const s = 1e-3;
    const { value } = integrateAdaptive((x) => Math.exp(-((x - 0.3) ** 2) / (2 * s * s)), [0, 0.3, 1], { relTol: 1e-12 });
    expect(Math.abs(value - s * Math.sqrt(2 * Math.PI)) / (s * Math.sqrt(2 * Math.PI))).toBeLessThan(1e-12);
  });
});

describe('Foster and the Rician series on an isotropic covariance (both exact there)', () => {
  it('agree with each other and with mpmath', () => {
    const e = { xM: 30, yM: 40, sigmaXM: 20, sigmaYM: 20, hardBodyRadiusM: 10 };
    const ref = 0.0062157719456079597; // mpmathReference.py "isotropic"
    expect(Math.abs(pcFoster(e) - ref) / ref).toBeLessThan(1e-12);
    expect(Math.abs(pcIsotropic(50, 20, 10) - ref) / ref).toBeLessThan(1e-13);
    expect(Math.abs(ricianSeries(100 / 800, 2500 / 800, Infinity) - ref) / ref).toBeLessThan(1e-13);
    // Chan's equal-area circle is the disk itself when σx = σy: the truncated series is already close.
    expect(Math.abs(pcChan(e, { terms: 40 }) - ref) / ref).toBeLessThan(1e-13);
  });
  it('Foster is invariant under swapping the axes and the signs of the miss', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: 0.5, max: 300, noNaN: true }),
        fc.double({ min: 0.5, max: 300, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (x, y, sx, sy, r) => {
          const a = pcFoster({ xM: x, yM: y, sigmaXM: sx, sigmaYM: sy, hardBodyRadiusM: r });
          const b = pcFoster({ xM: -y, yM: x, sigmaXM: sy, sigmaYM: sx, hardBodyRadiusM: r });
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          if (a > 1e-300) expect(Math.abs(a - b) / a).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('limits: HBR 0 → 0, HBR ∞ → 1, bad inputs are named', () => {
    const e = { xM: 1, yM: 2, sigmaXM: 3, sigmaYM: 4, hardBodyRadiusM: 0 };
    expect(pcFoster(e)).toBe(0);
    expect(pcFoster({ ...e, hardBodyRadiusM: Infinity })).toBe(1);
    expect(() => pcFoster({ ...e, hardBodyRadiusM: -1 })).toThrow(/hard-body radius must be ≥ 0 m; got -1/);
    expect(() => pcFoster({ ...e, hardBodyRadiusM: 1, sigmaYM: 0 })).toThrow(/sigmaYM must be a finite positive/);
    expect(() => pcChan({ ...e, hardBodyRadiusM: 1, xM: NaN })).toThrow(/xM must be a finite miss/);
  });
});
