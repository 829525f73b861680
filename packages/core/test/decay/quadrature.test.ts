import { describe, expect, it } from 'vitest';
import { gaussLegendre, periodicRule } from '../../src/analysis/decay/index.js';

/** Modified Bessel I0 by its power series (A&S 9.6.10): the mean of exp(x cos θ) over a period. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < 200; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

describe('Gauss–Legendre nodes', () => {
  it('match the tabulated 5-point rule (Abramowitz & Stegun Table 25.4)', () => {
    const { x, w } = gaussLegendre(5);
    expect(x[4]).toBeCloseTo(0.906179845938664, 14);
    expect(x[3]).toBeCloseTo(0.538469310105683, 14);
    expect(x[2]).toBeCloseTo(0, 15);
    expect(w[4]).toBeCloseTo(0.236926885056189, 14);
    expect(w[2]).toBeCloseTo(0.568888888888889, 14);
  });
  it('integrate polynomials up to degree 2N − 1 exactly', () => {
    for (const n of [3, 8, 16, 24]) {
      const { x, w } = gaussLegendre(n);
      for (let d = 0; d <= 2 * n - 1; d++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += w[k] * x[k] ** d;
        expect(s).toBeCloseTo(d % 2 ? 0 : 2 / (d + 1), 12);
      }
    }
  });
  it('reject bad node counts', () => {
    expect(() => gaussLegendre(0)).toThrow(/node count/);
    expect(() => periodicRule('simpson' as never, 8)).toThrow(/gauss-legendre/);
  });
});

describe('periodic rules on a perigee-peaked integrand exp(x cos(F − ω))', () => {
  // The rules integrate over F = E + ω, so the perigee sits anywhere in [0, 2π): ω = 1 rad here.
  // x = a e / H: 0.14 for the ISS (e = 0.001), 6.7 for e = 0.05 at 350 km (H ≈ 50 km).
  for (const x of [0.14, 6.7, 13]) {
    it(`average exp(${x} cos(F − ω)) = I0(${x}); trapezoid converges faster than Gauss–Legendre`, () => {
      const exact = besselI0(x);
      const err = (kind: 'trapezoid' | 'gauss-legendre', n: number) => {
        const r = periodicRule(kind, n);
        let s = 0;
        for (let k = 0; k < n; k++) s += r.weights[k] * Math.exp(x * Math.cos(r.nodesRad[k] - 1));
        return Math.abs(s / exact - 1);
      };
      expect(err('trapezoid', 32)).toBeLessThan(1e-9);
      expect(err('gauss-legendre', 48)).toBeLessThan(1e-6);
      if (x > 1) expect(err('trapezoid', 16)).toBeLessThan(err('gauss-legendre', 16));
    });
  }
});
